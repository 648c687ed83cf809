/**
 * Targets and "needs attention" on the overview through the real server (targets-and-actions.md, decision
 * 018): the sample district with data/targets.json (2024: digitisation 80 %, online 65 %, online payment
 * 50 %, on time 99 %, overdue 0, satisfaction 95 %), then the same database served from a data folder
 * without targets.json. Expected figures are worked out from data/sample/2024-Q4.csv (below) and, for the
 * falls of 2025-Q2, from the API's rows.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startServer, type TestServer } from "../../helpers/http-server";

let server: TestServer;
let noTargets: string;

beforeAll(async () => {
  server = await startServer({ seed: true });
  noTargets = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-no-targets-"));
  fs.cpSync("data", noTargets, { recursive: true, filter: (f) => !f.endsWith(".duckdb") && !f.endsWith("targets.json") });
});
afterAll(async () => {
  await server?.stop();
  if (noTargets) fs.rmSync(noTargets, { recursive: true, force: true });
});

/** The page as a reader reads it: tags dropped, text runs joined, white space folded. */
async function page(pathname: string, lang: "vi" | "en" = "vi"): Promise<{ status: number; html: string; text: string }> {
  const res = await fetch(`${server.url}${pathname}`, { headers: { Cookie: `parboard_lang=${lang}` } });
  const html = (await res.text()).replace(/<!-- -->/g, "");
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/[ \t\n]+/g, " ")
    .replace(/ ([:;,.)])/g, "$1");
  return { status: res.status, html, text };
}

/** The "needs attention" section's text. */
function attention(html: string): string {
  const section = /<section[^>]*ov-attention-card[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "";
  return section
    .replace(/<[^>]+>/g, " ")
    .replace(/[ \t\n]+/g, " ")
    .replace(/ ([:;,.)])/g, "$1")
    .trim();
}

/** The totals table's row of an indicator: its cells' text. */
function totalsRow(html: string, label: string): string[] {
  const table = /<table class="ov-table ov-totals">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
  const row = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? "").find((r) => r.includes(`>${label}</th>`));
  if (!row) throw new Error(`no totals row ${label}`);
  return [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => (m[1] ?? "").replace(/<svg[\s\S]*<\/svg>/, "").replace(/<[^>]+>/g, "").trim());
}

describe("the overview of 2024-Q4 with the sample's targets", () => {
  it("says per indicator how many units meet the target, and the body's figure against it", async () => {
    const { status, html, text } = await page("/?period=2024-Q4");
    expect(status).toBe(200);
    expect(text).toContain("Mục tiêu năm 2024: Kế hoạch cải cách hành chính năm 2024 của UBND huyện Ninh Giang (minh họa).");
    expect(html).toContain(">Đơn vị đạt mục tiêu</th>");
    // Digitisation: the lowest is Xã Nghĩa An's 609/756 = 80.6 %, so 20/20; the body 11 935/13 255 = 90.0 %.
    expect(totalsRow(html, "Tỷ lệ số hóa hồ sơ").slice(0, 3)).toEqual(["Tỷ lệ số hóa hồ sơ", "90,0\u00a0% · mục tiêu 80\u00a0%, đạt", "20/20 đạt"]);
    // Online: Xã Hồng Dụ 498/818 = 60.9 % and Xã Hồng Phúc 282/461 = 61.2 % are below 65 %: 18/20.
    expect(totalsRow(html, "Tỷ lệ hồ sơ trực tuyến").slice(1, 3)).toEqual(["76,9\u00a0% · mục tiêu 65\u00a0%, đạt", "18/20 đạt"]);
    // Online payment: only Xã Hồng Đức's 71/158 = 44.9 % is below 50 %.
    expect(totalsRow(html, "Tỷ lệ thanh toán trực tuyến").slice(1, 3)).toEqual(["60,3\u00a0% · mục tiêu 50\u00a0%, đạt", "19/20 đạt"]);
    // On time: the lowest, Xã Hưng Long's 537/540 = 99.4 %, meets 99 %; the body 12 616/12 626.
    expect(totalsRow(html, "Tỷ lệ giải quyết đúng hạn").slice(1, 3)).toEqual(["99,9\u00a0% · mục tiêu 99\u00a0%, đạt", "20/20 đạt"]);
    // Overdue: six units have some (1 + 2 + 3 + 3 + 2 + 3 = 14), so 14/20 meet a target of 0 and the body does not.
    expect(totalsRow(html, "Số hồ sơ quá hạn").slice(1, 3)).toEqual(["14 · mục tiêu 0, chưa đạt", "14/20 đạt"]);
    // Satisfaction: Xã Hồng Đức 71/78, Xã Đồng Tâm 141/149 and Xã Văn Hội 90/97 are below 95 %.
    expect(totalsRow(html, "Tỷ lệ hài lòng").slice(1, 3)).toEqual(["97,5\u00a0% · mục tiêu 95\u00a0%, đạt", "17/20 đạt"]);
    // No target for contest entries or initiatives in 2024.
    expect(totalsRow(html, "Số bài dự thi CCHC").slice(1, 3)).toEqual(["315", "không có mục tiêu"]);
    expect(totalsRow(html, "Số sáng kiến CCHC")[2]).toBe("không có mục tiêu");
  });

  it("lists the units that need attention, most severe first, each with every reason", async () => {
    const { html } = await page("/?period=2024-Q4");
    // 2024-Q3 ranked 19 units (Xã Văn Hội did not report), 2024-Q4 ranks 20: no fall is stated. Xã Hồng Đức has
    // two reasons and three indicators below target, Xã Hồng Dụ two and two; then the four with overdue
    // dossiers only, more first, equal ones by code.
    expect(attention(html)).toBe(
      [
        "Cần chú ý Đơn vị dưới mục tiêu từ 2 chỉ tiêu trở lên hoặc có hồ sơ quá hạn. Xếp theo mức độ: nhiều lý do trước, rồi nhiều chỉ tiêu dưới mục tiêu, nhiều hồ sơ quá hạn.",
        "Kỳ này và quý 3/2024 không xếp hạng cùng các đơn vị nên không xét tụt hạng.",
        "Xã Hồng Đức: dưới mục tiêu 3 chỉ tiêu (thanh toán TT, quá hạn, hài lòng); 2 hồ sơ quá hạn",
        "Xã Hồng Dụ: dưới mục tiêu 2 chỉ tiêu (trực tuyến, quá hạn); 2 hồ sơ quá hạn",
        "Xã Vĩnh Hòa: 3 hồ sơ quá hạn",
        "Xã Tân Quang: 3 hồ sơ quá hạn",
        "Xã Hưng Long: 3 hồ sơ quá hạn",
        "Xã Nghĩa An: 1 hồ sơ quá hạn",
      ].join(" "),
    );
    expect(html).toContain('<a href="/units/11167?period=2024-Q4">Xã Hồng Đức</a>');
  });

  it("speaks English", async () => {
    const { html, text } = await page("/?period=2024-Q4", "en");
    expect(text).toContain("Targets for 2024: Kế hoạch cải cách hành chính năm 2024 của UBND huyện Ninh Giang (minh họa).");
    expect(totalsRow(html, "Online processing rate").slice(1, 3)).toEqual(["76.9% · target 65%, met", "18 of 20 meet the target"]);
    expect(totalsRow(html, "Overdue dossiers").slice(1, 3)).toEqual(["14 · target 0, not met", "14 of 20 meet the target"]);
    expect(totalsRow(html, "Contest entries")[2]).toBe("no target");
    const list = attention(html);
    expect(list).toMatch(/^Needs attention Units below target on 2 or more indicators or with overdue dossiers\. /);
    expect(list).toContain("Xã Hồng Đức: below target on 3 indicators (paid online, overdue, satisfied); 2 overdue dossiers Xã Hồng Dụ:");
    expect(list).toMatch(/Xã Nghĩa An: 1 overdue dossier$/);
  });

  it("draws the target on the selected indicator's leaderboard and says it in the chart's text and table", async () => {
    const { html, text } = await page("/?period=2024-Q4&indicator=online_rate");
    // Both drawings (wide and narrow) carry the line and its label.
    expect(html.match(/<g class="pb-target"/g)).toHaveLength(2);
    expect(html.match(/>Mục tiêu 65\u00a0%<\/text>/g)).toHaveLength(2);
    expect(html).toContain("Vạch dọc màu cam: mục tiêu năm 2024, 65\u00a0%; 18/20 đơn vị đạt.");
    expect(html).toContain(">Mục tiêu 65\u00a0%</th>");
    expect(text).toMatch(/Xã Hồng Dụ 60,9\u00a0% 498\/818 chưa đạt/);
    expect(text).toMatch(/Xã Hưng Long 86,3\u00a0% 505\/585 đạt/);
    // The composite has no target: no line on its leaderboard.
    expect((await page("/?period=2024-Q4")).html).not.toContain('class="pb-target"');
    const en = await page("/?period=2024-Q4&indicator=online_rate", "en");
    expect(en.html).toContain("Orange vertical line: the 2024 target, 65%; 18 of 20 units meet it.");
    expect(en.text).toMatch(/Xã Hồng Dụ 60\.9% 498\/818 not met/);
  });
});

describe("needs attention across periods", () => {
  it("names a fall of three places or more where both quarters ranked the same units (2025-Q2, from the API's ranks)", async () => {
    const api = z
      .object({ rows: z.array(z.object({ commune_code: z.string(), rank: z.number().nullable(), previous_rank: z.number().nullable(), ranked: z.number() })) })
      .parse(await (await fetch(`${server.url}/api/rankings?period=2025-Q2&indicator=composite_score`)).json());
    const hongDu = api.rows.find((r) => r.commune_code === "11215");
    if (!hongDu || hongDu.rank === null || hongDu.previous_rank === null) throw new Error("no rank for Xã Hồng Dụ");
    const list = attention((await page("/?period=2025-Q2")).html);
    expect(list).toContain("tụt từ 3 bậc trở lên về điểm tổng hợp so với quý 1/2025");
    expect(list).toContain(`Xã Hồng Dụ: dưới mục tiêu 2 chỉ tiêu (trực tuyến, quá hạn); tụt ${hongDu.rank - hongDu.previous_rank} bậc (${hongDu.previous_rank}/20 → ${hongDu.rank}/20); 3 hồ sơ quá hạn`);
    expect(list).not.toContain("không xét tụt hạng");
  });

  it("never says down across the merger: 2025-Q2 ranked 20 units, 2025-Q3 ranks 5", async () => {
    const list = attention((await page("/?period=2025-Q3")).html);
    expect(list).toContain("Kỳ này và quý 2/2025 không xếp hạng cùng các đơn vị nên không xét tụt hạng.");
    expect(list).not.toMatch(/tụt \d+ bậc/);
    expect(list).toContain("Xã Hồng Châu: dưới mục tiêu 2 chỉ tiêu (thanh toán TT, quá hạn); 7 hồ sơ quá hạn");
  });

  it("marks an estimated count in the year that straddles the merger (2025, a split unit's share)", async () => {
    const list = attention((await page("/?period=2025")).html);
    expect(list).toContain("Kỳ này và năm 2024 không xếp hạng cùng các đơn vị nên không xét tụt hạng.");
    expect(list).toMatch(/Xã Tân An: dưới mục tiêu 3 chỉ tiêu \(số hóa, trực tuyến, quá hạn\); ≈\d+ hồ sơ quá hạn \(ước tính\)/);
  });
});

describe("the overview without targets.json", () => {
  it("shows no target text and no error, and still lists the units with overdue dossiers", async () => {
    server = await server.restart({ dataDir: noTargets });
    for (const lang of ["vi", "en"] as const) {
      for (const pathname of ["/?period=2024-Q4", "/?period=2024-Q4&indicator=online_rate", "/?period=2024"]) {
        const { status, html, text } = await page(pathname, lang);
        expect(status, pathname).toBe(200);
        expect(text, `${lang} ${pathname}`).not.toMatch(/mục tiêu|target/i);
        expect(html, pathname).not.toContain('class="pb-target"');
      }
    }
    const { html } = await page("/?period=2024-Q4");
    expect(attention(html)).toBe(
      [
        "Cần chú ý Đơn vị có hồ sơ quá hạn. Nhiều hồ sơ quá hạn xếp trước.",
        "Kỳ này và quý 3/2024 không xếp hạng cùng các đơn vị nên không xét tụt hạng.",
        "Xã Vĩnh Hòa: 3 hồ sơ quá hạn",
        "Xã Tân Quang: 3 hồ sơ quá hạn",
        "Xã Hưng Long: 3 hồ sơ quá hạn",
        "Xã Hồng Đức: 2 hồ sơ quá hạn",
        "Xã Hồng Dụ: 2 hồ sơ quá hạn",
        "Xã Nghĩa An: 1 hồ sơ quá hạn",
      ].join(" "),
    );
    expect(server.output()).not.toMatch(/error/i);
  });
});
