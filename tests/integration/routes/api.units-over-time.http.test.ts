/**
 * The API on a registry over time (units-over-time.md, Interfaces), through the real server: `basis`,
 * `cluster` and the rows' new fields; a cluster that does not exist and a bad basis answer with a sentence.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { publishAll } from "~/db/publications.server";
import { commitUpload } from "~/db/uploads.server";
import { startServer, type TestServer } from "../../helpers/http-server";
import { counts, resultOf } from "../../helpers/test-db";

const rowSchema = z.object({
  commune_code: z.string(),
  commune_name: z.string(),
  indicator: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  rank: z.number().nullable(),
  ranked: z.number(),
  previous_rank: z.number().nullable(),
  previous_ranked: z.number().nullable(),
  movement: z.number().nullable(),
  cluster: z.string().nullable(),
  cluster_rank: z.number().nullable(),
  cluster_ranked: z.number().nullable(),
  basis: z.enum(["as_reported", "current"]),
  restated: z.boolean(),
  estimated: z.boolean(),
  predecessors: z.array(z.string()).optional(),
});
const reportSchema = z.object({ period: z.string(), rows: z.array(rowSchema) });

let server: TestServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-over-time-"));
  for (const f of ["district.json", "scoring.json"]) fs.copyFileSync(path.join("data", f), path.join(dataDir, f));
  fs.writeFileSync(
    path.join(dataDir, "communes.csv"),
    [
      "code,name,kind,cluster,valid_from,valid_to",
      "00001,Xã Một,commune,Cụm A,,2025-Q2",
      "00002,Xã Hai,commune,Cụm A,,2025-Q2",
      "00004,Xã Bốn,commune,Cụm B,,2025-Q2",
      "00001,Xã Một Mới,commune,Cụm A,2025-Q3,",
      "00005,Xã Năm Mới,commune,Cụm B,2025-Q3,",
      "00006,Xã Sáu,commune,Cụm B,,",
    ].join("\n"),
  );
  fs.writeFileSync(
    path.join(dataDir, "lineage.csv"),
    "predecessor_code,successor_code,effective,share\n00001,00001,2025-Q3,1\n00002,00001,2025-Q3,1\n00004,00001,2025-Q3,0.6\n00004,00005,2025-Q3,0.4\n",
  );
  const q = (received: number, digitized: number) => counts({ dossiers_received: received, dossiers_digitized: digitized });
  server = await startServer({
    seed: false,
    dataDir,
    prepare: async (db) => {
      const rows = [
        { code: "00001", period: "2025-Q2", counts: q(100, 90) },
        { code: "00002", period: "2025-Q2", counts: q(200, 150) },
        { code: "00004", period: "2025-Q2", counts: q(100, 50) },
        { code: "00006", period: "2025-Q2", counts: q(400, 300) },
        { code: "00001", period: "2025-Q3", counts: q(500, 400) },
        { code: "00005", period: "2025-Q3", counts: q(60, 30) },
        { code: "00006", period: "2025-Q3", counts: q(400, 300) },
      ];
      await commitUpload(db, resultOf(rows), { fileName: "t.csv", sha256: "x", uploadedBy: "test", source: "cli" });
      await publishAll(db, { note: null, allowMissing: true }, { actor: "test", address: null, now: new Date("2026-01-01T00:00:00Z") });
    },
  });
});
afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function report(query: string) {
  const res = await fetch(`${server.url}/api/rankings?${query}`);
  return { status: res.status, body: res.status === 200 ? reportSchema.parse(await res.json()) : ((await res.json()) as { error: string }) };
}

function row(body: unknown, code: string) {
  const parsed = reportSchema.parse(body);
  const found = parsed.rows.find((r) => r.commune_code === code && r.indicator === "digitization_rate");
  if (!found) throw new Error(`no row for ${code}`);
  return found;
}

describe("GET /api/rankings over a merger", () => {
  it("gives 2025-Q2 as reported by default, and restated on today's units with basis=current", async () => {
    const reported = await report("period=2025-Q2&indicator=digitization_rate");
    expect(reported.status).toBe(200);
    expect(row(reported.body, "00001")).toMatchObject({ commune_name: "Xã Một", basis: "as_reported", restated: false, cluster: "Cụm A", cluster_rank: 1, cluster_ranked: 2 });
    const current = await report("period=2025-Q2&indicator=digitization_rate&basis=current");
    const merged = row(current.body, "00001");
    // Một + Hai + 0.6 × Bốn: 100 + 200 + 60 = 360 received, 90 + 150 + 30 = 270 digitised.
    expect(merged).toMatchObject({ commune_name: "Xã Một Mới", basis: "current", restated: true, estimated: true, predecessors: ["00001", "00002", "00004"] });
    expect(merged.denominator).toBeCloseTo(360, 9);
    expect(merged.numerator).toBeCloseTo(270, 9);
    expect(row(current.body, "00006").predecessors).toBeUndefined();
  });

  it("gives both ranks with their fields across the merger as reported, and a movement on the current basis", async () => {
    const reported = row((await report("period=2025-Q3&indicator=digitization_rate")).body, "00006");
    expect(reported).toMatchObject({ previous_ranked: 4, movement: null });
    const current = row((await report("period=2025-Q3&indicator=digitization_rate&basis=current")).body, "00006");
    expect(current).toMatchObject({ previous_ranked: 3 });
    expect(current.movement).not.toBeNull();
  });

  it("filters by cluster, and names the clusters when one does not exist", async () => {
    const b = await report("period=2025-Q3&cluster=C%E1%BB%A5m%20B&indicator=digitization_rate");
    expect(reportSchema.parse(b.body).rows.map((r) => r.commune_code).sort()).toEqual(["00005", "00006"]);
    const missing = await report("period=2025-Q3&cluster=C%E1%BB%A5m%20Z");
    expect(missing).toEqual({ status: 404, body: { error: "Không có cụm thi đua “Cụm Z”. Các cụm: Cụm A, Cụm B." } });
    const bad = await report("period=2025-Q3&basis=today&lang=en");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: "The basis “today” is not valid: use basis=as_reported (the units as they reported) or basis=current (counts combined into today's units)." });
  });
});

describe("the unit pages over a merger", () => {
  async function page(path: string): Promise<string> {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status, path).toBe(200);
    return (await res.text()).replace(/<!-- -->/g, "");
  }

  it("says where an old unit went, with a link", async () => {
    const html = await page("/units/00002?period=2025-Q2");
    expect(html).toContain('Đơn vị này không còn từ quý 3/2025; từ kỳ này thuộc <span><a href="/units/00001?period=2025-Q3">Xã Một Mới (00001)</a></span>.');
  });

  it("lists a new unit's predecessors, and reads its history restated across the merger", async () => {
    const html = await page("/units/00001?period=2025-Q2");
    expect(html).toContain("Đơn vị được thành lập từ quý 3/2025 trên cơ sở");
    expect(html).toContain('<a href="/units/00004?period=2025-Q2">Xã Bốn (00004)</a> (≈60%)');
    // Its 2025-Q2 is Một + Hai + 0.6 × Bốn: 270/360 = 75.0 %, an estimate, combined.
    const digitisation = /<tr data-indicator="digitization_rate">[\s\S]*?<\/tr>/.exec(html)?.[0] ?? "";
    expect(digitisation).toContain("≈");
    expect(digitisation).toContain("số ước tính");
    expect(digitisation).toContain("75,0");
    expect(digitisation).toContain("(gộp)");
    const english = await page("/units/00001?period=2025-Q2&lang=en");
    expect(english).toContain("This unit was formed in Q3 2025 from");
  });

  it("draws the restated part of its trends and ranks distinctly, labelled, its estimates marked ≈ (rule 3)", async () => {
    // Figures keep their unit with a no-break space; plain spaces here.
    const html = (await page("/units/00001?period=2025-Q3")).replace(/[\u00a0\u202f]/g, " ");
    const trend = /<svg[^>]*id="trend-digitization_rate"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    // 2025-Q2 restated and estimated (0.6 of Bốn): 270/360; 2025-Q3 its own 400/500.
    expect(trend).toContain("<title>Xã Một Mới · Quý 2/2025: ≈75,0 % (gộp số liệu các đơn vị cũ)</title>");
    expect(trend).toContain("<title>Xã Một Mới · Quý 3/2025: 80,0 %</title>");
    expect(trend).toContain('class="pb-line pb-line-restated"');
    expect(trend).toContain(">gộp số liệu các đơn vị cũ</text>");
    expect(trend).toContain(">Thành lập quý 3/2025</text>");
    const bump = /<svg[^>]*id="bump-composite"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    expect(bump).toMatch(/<title>Điểm tổng hợp · Quý 2\/2025: ≈\d\/3 \(gộp số liệu các đơn vị cũ\)<\/title>/);
    expect(bump).toContain(">Thành lập quý 3/2025</text>");
    expect(html).toContain("Đường chấm, điểm rỗng: gộp số liệu các đơn vị cũ, trước quý 3/2025");
    expect(html).toMatch(/≈75,0 % \(gộp\)/);
    const english = (await page("/units/00001?period=2025-Q3&lang=en")).replace(/[\u00a0\u202f]/g, " ");
    expect(english).toContain("Xã Một Mới · Q2 2025: ≈75.0% (old units&#x27; figures combined)");
    expect(english).toContain(">Formed Q3 2025</text>");
  });

  it("draws an unchanged unit's charts without any restated mark", async () => {
    const html = await page("/units/00006?period=2025-Q3");
    expect(html).toContain('id="trend-digitization_rate"');
    for (const mark of ["gộp số liệu các đơn vị cũ", "pb-line-restated", "pb-merger", "≈", "(gộp)"]) expect(html).not.toContain(mark);
  });
});

describe("the overview of one emulation cluster", () => {
  it("shows the cluster's units ranked within it, its totals from summed counts, and no one merged away as missing", async () => {
    const res = await fetch(`${server.url}/?period=2025-Q3&indicator=digitization_rate&cluster=${encodeURIComponent("Cụm B")}`);
    expect(res.status).toBe(200);
    const html = (await res.text()).replace(/<!-- -->/g, "");
    expect(html).toContain("Đang xem Cụm B: thứ hạng tính trong cụm");
    // Cụm B in 2025-Q3: Sáu 300/400 = 75 % (1/2), Năm Mới 30/60 = 50 % (2/2); Một Mới is in Cụm A.
    expect(html).toContain("Xã Sáu");
    expect(html).toContain("Xã Năm Mới");
    expect(html).not.toContain(">Xã Một Mới<");
    expect(html).toMatch(/1\/2[\s\S]*Xã Sáu/);
    // Beside the rank within the cluster, the rank among every unit: Xã Một Mới (80 %, Cụm A) is first of all.
    expect(html).toContain('<th scope="col">Hạng trong cụm</th><th scope="col">Đơn vị</th><th scope="col" class="num">Hạng chung</th>');
    expect(html).toMatch(/>Xã Sáu<\/a><\/th><td class="num">2\/3<\/td>/);
    expect(html).toMatch(/>Xã Năm Mới<\/a><\/th><td class="num">3\/3<\/td>/);
    // The cluster's total: (300 + 30) / (400 + 60) = 71,7 %.
    expect(html).toContain("71,7");
    // Xã Bốn ended in 2025-Q2: not "missing" in 2025-Q3.
    expect(html).not.toContain("chưa có: Xã Bốn");
  });

  it("answers 404 with the clusters named for one that does not exist", async () => {
    const res = await fetch(`${server.url}/?period=2025-Q3&cluster=${encodeURIComponent("Cụm Z")}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Không có cụm thi đua “Cụm Z”. Các cụm: Cụm A, Cụm B.");
  });
});

describe("pages that count each period against the units of its time", () => {
  async function text(pathAndQuery: string): Promise<string> {
    const res = await fetch(`${server.url}${pathAndQuery}`);
    expect(res.status, pathAndQuery).toBe(200);
    return (await res.text()).replace(/<!-- -->/g, "");
  }

  it("the data page: 2025-Q2 against its 4 units, 2025-Q3 against its 3, and each unit's validity", async () => {
    const html = await text("/data");
    expect(html).toMatch(/Quý 2\/2025<\/th><td class="num">4\/4</);
    expect(html).toMatch(/Quý 3\/2025<\/th><td class="num">3\/3</);
    expect(html).toContain("đến quý 2/2025");
    expect(html).toContain("từ quý 3/2025");
  });

  it("an old unit's page opens on its last quarter, and lists no year it did not exist at the end of", async () => {
    const html = await text("/units/00004");
    expect(html).toContain("quý 2/2025");
    expect(html).toContain("không còn từ quý 3/2025");
    expect(html).not.toContain("Năm 2026");
  });

  it("the compare page without a period compares on the last quarter every chosen unit existed in", async () => {
    const html = await text("/compare?units=00002,00006");
    expect(html).toMatch(/<option value="2025-Q2" selected/);
  });

  it("the template asks only for the units that still exist", async () => {
    const csv = await text("/template.csv?lang=en");
    const codes = csv.trim().split("\r\n").slice(2).map((line) => line.split(",")[0]);
    expect(codes).toEqual(["00001", "00005", "00006"]);
  });

  it("the overview after a reorganisation where no unit continues names no movers and says why", async () => {
    // 00006 continues in this registry, so movement is computed for it; on the sample (e2e) no unit does.
    const html = await text("/?period=2025-Q3");
    expect(html).toContain("Kỳ trước (quý 2/2025) xếp hạng 4 đơn vị, kỳ này 3 đơn vị");
  });
});
