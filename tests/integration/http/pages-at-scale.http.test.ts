/**
 * The pages at province scale through the real server (docs/decisions/012-pages-at-scale.md): a synthetic
 * province of 168 units ("Xã Thử Nghiệm 1" … "168", codes 10000 … 10167) over 2023–2024, loaded and
 * published as the seed does. The overview and the contest page show the top and the bottom of the
 * ranking, search and page through it by URL, say so when nothing matches or a page is past the end, and
 * answer 400 with a sentence for a malformed page; charts and tables link to the unit; the compare page
 * finds units by search. Then the size bound on a generated national database (3,321 units, one year).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../helpers/http-server";
import { makeSyntheticDataDir, type SyntheticDataDir } from "../../helpers/synthetic-data-dir";

const MB = 1024 * 1024;

async function get(server: TestServer, path: string, lang: "vi" | "en" = "vi"): Promise<{ status: number; html: string; bytes: number }> {
  const res = await fetch(`${server.url}${path}`, { headers: { Cookie: `parboard_lang=${lang}` }, redirect: "manual" });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, html: bytes.toString("utf8"), bytes: bytes.byteLength };
}

/** The accessible names of the links inside the SVG with this id. */
function svgLinks(html: string, id: string): { href: string; name: string }[] {
  const start = html.indexOf(` id="${id}" class="pb-chart"`);
  if (start < 0) return [];
  const svg = html.slice(start, html.indexOf("</svg>", start));
  return [...svg.matchAll(/<a href="([^"]+)" class="pb-link" aria-label="([^"]+)"/g)].map((m) => ({ href: (m[1] ?? "").replace(/&amp;/g, "&"), name: m[2] ?? "" }));
}

const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'");

describe("pages at province scale", () => {
  let data: SyntheticDataDir;
  let server: TestServer;
  beforeAll(async () => {
    data = makeSyntheticDataDir(168, [2023, 2024]);
    server = await startServer({ seed: true, dataDir: data.dir });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    data?.remove();
  });

  it("shows the top 10 and the bottom 10 of the overview, each bar and cell a link named by unit and rank", async () => {
    const page = await get(server, "/");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Đang hiện 10 đơn vị đứng đầu và 10 đơn vị đứng cuối trong 168 đơn vị.");
    const bars = svgLinks(page.html, "ov-lb-wide");
    expect(bars).toHaveLength(20);
    expect(bars.map((b) => b.name.replace(/^.*: /, ""))).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `${i + 1}/168`),
      ...Array.from({ length: 10 }, (_, i) => `${159 + i}/168`),
    ]);
    expect(bars.every((b) => /^\/units\/1\d{4}\?period=2024-Q4$/.test(b.href))).toBe(true);
    expect(bars[0]?.name).toMatch(/^Xã Thử Nghiệm \d+: 1\/168$/);
    // Every heatmap cell of the 20 units leads to its unit, named with the indicator and the rank.
    const cells = svgLinks(page.html, "ov-heatmap");
    expect(cells).toHaveLength(20 * 9);
    expect(cells[0]?.name).toMatch(/^Xã Thử Nghiệm \d+ · Điểm tổng hợp: 1\/168 \(/);
    // The table says the middle is left out, and links every row too.
    expect(page.html).toContain("⋮ Các đơn vị ở giữa bảng xếp hạng không hiện ở đây");
    expect(page.html).toContain('<a href="/?period=2024-Q4&amp;indicator=composite_score&amp;page=1">Xem toàn bộ bảng xếp hạng, từng trang</a>');
    expect(page.bytes).toBeLessThan(MB);
  });

  it("pages through the whole ranking: page 2 holds ranks 51 to 100, with links back and on", async () => {
    const page = await get(server, "/?indicator=digitization_rate&page=2");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Đơn vị thứ 51–100 trong 168 đơn vị (trang 2/4).");
    const bars = svgLinks(page.html, "ov-lb-wide");
    expect(bars).toHaveLength(50);
    expect(Number(/: (\d+)\/168$/.exec(bars[0]?.name ?? "")?.[1])).toBeGreaterThanOrEqual(50);
    expect(decode(page.html)).toContain('href="/?period=2024-Q4&indicator=digitization_rate&page=1" rel="prev"');
    expect(decode(page.html)).toContain('href="/?period=2024-Q4&indicator=digitization_rate&page=3" rel="next"');
  });

  it("finds units by name without accents, and by the start of the code", async () => {
    const byName = await get(server, `/?q=${encodeURIComponent("thu nghiem 16")}`);
    expect(byName.html).toContain("10 đơn vị khớp với “thu nghiem 16”; đang hiện 1–10 (trang 1/1).");
    const names = svgLinks(byName.html, "ov-lb-wide").map((b) => b.name.replace(/: .*$/, ""));
    expect(names.sort()).toEqual(["Xã Thử Nghiệm 16", ...Array.from({ length: 9 }, (_, i) => `Xã Thử Nghiệm ${160 + i}`)].sort());
    // The search box keeps what was typed, and the pickers keep the search.
    expect(byName.html).toMatch(/<input id="ov-list-q" type="search" name="q"[^>]*value="thu nghiem 16"/);
    expect(byName.html).toContain('<input type="hidden" name="q" value="thu nghiem 16"/>');
    const byCode = await get(server, "/contest?q=1016");
    expect(byCode.html).toContain("8 đơn vị khớp với “1016”");
    expect((byCode.html.match(/href="\/units\/1016\d\?period=2024"/g) ?? []).length).toBeGreaterThanOrEqual(8);
  });

  it("says so when nothing matches or the page is past the end, never a 500", async () => {
    const none = await get(server, `/?q=${encodeURIComponent("Hà Nội")}`);
    expect(none.status).toBe(200);
    expect(none.html).toContain("Không có đơn vị nào có tên hoặc mã khớp với “Hà Nội”.");
    expect(svgLinks(none.html, "ov-lb-wide")).toEqual([]);
    expect(none.html).toContain("Bỏ tìm kiếm");
    const past = await get(server, "/contest?page=99", "en");
    expect(past.status).toBe(200);
    expect(past.html).toContain("There is no page 99: the list has 4 pages.");
    expect(past.html).toContain("Go to the last page (page 4)");
    const contestNone = await get(server, "/contest?q=zzz");
    expect(contestNone.status).toBe(200);
    expect(contestNone.html).toContain("Không có đơn vị nào có tên hoặc mã khớp với “zzz”.");
  });

  it("answers a malformed page or an overlong search with a 400 sentence", async () => {
    const bad = await get(server, "/?page=abc");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Trang “abc” không hợp lệ: hãy ghi số trang là số nguyên từ 1, ví dụ page=2.");
    const zero = await get(server, "/contest?page=0", "en");
    expect(zero.status).toBe(400);
    expect(zero.html).toContain("The page “0” is not valid");
    const long = await get(server, `/compare?q=${"a".repeat(101)}`, "en");
    expect(long.status).toBe(400);
    expect(long.html).toContain("is too long: write at most 100 characters");
  });

  it("shows the contest's top and bottom, bars linked to the unit with their rank", async () => {
    const page = await get(server, "/contest");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Đang hiện 10 đơn vị đứng đầu và 10 đơn vị đứng cuối trong 168 đơn vị.");
    const bars = svgLinks(page.html, "ct-entries-wide");
    expect(bars).toHaveLength(20);
    expect(bars[0]?.name).toMatch(/^Xã Thử Nghiệm \d+: 1\/168$/);
    expect(page.bytes).toBeLessThan(MB);
  });

  it("picks units to compare by search, not from a grid of every unit", async () => {
    const [a, b] = data.units;
    const page = await get(server, `/compare?units=${a?.code},${b?.code}&q=${encodeURIComponent("Nghiệm 16")}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('type="checkbox"');
    expect(page.html).toContain("Đơn vị đã chọn (2/5)");
    expect(page.html).toContain(`aria-label="Bỏ Xã Thử Nghiệm 1 khỏi danh sách so sánh"`);
    // No period was asked for, so the link keeps none and the page chooses it again.
    expect(decode(page.html)).toContain(`<a href="/compare?units=${a?.code},${b?.code},10015&q=Nghi%E1%BB%87m%2016" aria-label="Thêm Xã Thử Nghiệm 16 vào danh sách so sánh">Thêm</a>`);
    const chosen = await get(server, `/compare?units=${a?.code},${b?.code}&period=2024-Q3&q=${encodeURIComponent("Nghiệm 16")}`);
    expect(decode(chosen.html)).toContain(`<a href="/compare?units=${a?.code},${b?.code},10015&period=2024-Q3&q=Nghi%E1%BB%87m%2016"`);
    const many = await get(server, `/compare?q=1`);
    expect(many.html).toContain("168 đơn vị khớp; hiện 20 đơn vị đầu tiên.");
    expect((many.html.match(/vào danh sách so sánh/g) ?? []).length).toBe(20);
    const unit = await get(server, `/units/${a?.code}`);
    expect(unit.status).toBe(200);
    expect(unit.bytes).toBeLessThan(MB);
  });
});

describe("pages at national scale", () => {
  let data: SyntheticDataDir;
  let server: TestServer;
  beforeAll(async () => {
    // One year keeps the test short; the benchmark measures 12 quarters (npm run bench:pages).
    data = makeSyntheticDataDir(3321, [2024]);
    server = await startServer({ seed: true, dataDir: data.dir });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    data?.remove();
  });

  it("sends no page over 1 MB of HTML: overview, contest, unit and compare", async () => {
    const codes = data.units.map((u) => u.code);
    const sizes: Record<string, number> = {};
    for (const path of ["/", "/?indicator=initiatives", "/contest", `/units/${codes[1660]}`, `/compare?units=${codes[0]},${codes[1660]},${codes[3320]}`, "/compare?q=1"]) {
      const page = await get(server, path);
      expect(page.status, path).toBe(200);
      sizes[path] = page.bytes;
    }
    for (const [path, bytes] of Object.entries(sizes)) expect(bytes, path).toBeLessThan(MB);
  }, 120_000);
});
