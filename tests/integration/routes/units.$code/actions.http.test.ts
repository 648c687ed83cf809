/**
 * The unit page's "what next" through the real server on the sample (data/targets.json included): Xã Ứng
 * Hoè's drop in 2024-Q4 explained by indicator, the path that passes Xã Kiến Quốc, the weights panel, a
 * projection where the year is not over, a rate without a denominator, and a merged commune on the restated
 * basis; in both languages, without JavaScript (the HTML as served).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../../helpers/http-server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ seed: true });
});
afterAll(async () => {
  await server?.stop();
});

/** A section's text (by its heading id), tags removed and spaces collapsed. */
async function section(path: string, headingId: string): Promise<string> {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const start = html.indexOf(`id="${headingId}"`);
  if (start < 0) return "";
  const end = html.indexOf("</section>", start);
  return html
    .slice(start, end)
    // Inline tags join their words; blocks end with their own text.
    .replace(/<\/(p|li|h2|h3|td|th|caption)>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

describe("the unit page says why the score moved and what to do next", () => {
  it("explains Xã Ứng Hoè's 2024-Q4 drop by indicator, exactly split", async () => {
    const vi = await section("/units/11161?period=2024-Q4&lang=vi", "why-moved-heading");
    // Hand-checked against the counts of 2024-Q3 and 2024-Q4: satisfaction 143/149 from 140/142 costs 0.74
    // points, online processing gains 0.41; the five parts add up to −0.023.
    expect(vi).toContain("−0,02 điểm so với quý 3/2024: Tỷ lệ hài lòng −0,7; Tỷ lệ hồ sơ trực tuyến +0,4; Tỷ lệ thanh toán trực tuyến +0,4; Tỷ lệ số hóa hồ sơ −0,1; Tỷ lệ giải quyết đúng hạn +0,04.");
    expect(vi).toMatch(/Điểm của cả địa bàn cùng kỳ: \+\d,\d\./);
    const en = await section("/units/11161?period=2024-Q4&lang=en", "why-moved-heading");
    expect(en).toContain("−0.02 points since Q3 2024: Satisfaction rate −0.7;");
  });

  it("gives the cheapest path past Xã Kiến Quốc and each indicator's next step, with the targets", async () => {
    const vi = await section("/units/11161?period=2024-Q4&lang=vi", "path-up-heading");
    expect(vi).toContain("Điểm tổng hợp (14/20): cần thêm 0,11 điểm để vượt Xã Kiến Quốc. Cách ít hồ sơ nhất: 1 lượt hài lòng, được +0,15 điểm.");
    expect(vi).toContain("Tỷ lệ số hóa hồ sơ (13/20): vượt Xã Đông Xuyên: thêm 4 hồ sơ được số hóa · vào tốp 3: thêm 72 · mục tiêu 80");
    expect(vi).toContain("Số hồ sơ quá hạn (1/20): đang đứng đầu · đang trong tốp 3 · mục tiêu 0: đạt");
    expect(vi).toContain("Mục tiêu năm 2024 theo Kế hoạch cải cách hành chính năm 2024 của UBND huyện Ninh Giang (minh họa).");
    const en = await section("/units/11161?period=2024-Q4&lang=en", "path-up-heading");
    expect(en).toContain("Composite score (14/20): 0.11 points needed to pass Xã Kiến Quốc. The fewest dossiers: 1 more satisfied rating, for +0.15 points.");
    expect(en).toContain("Satisfaction rate (16/20): pass Xã Nghĩa An: 1 more satisfied rating · top 3: 6 more · target 95");
  });

  it("shows how the composite is computed, with the configuration's weights", async () => {
    const res = await fetch(`${server.url}/units/11161?period=2024-Q4&lang=en`);
    const html = (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(html).toContain("How the composite score is computed");
    // digitisation 22 of 82 weight points: 26.8 of 100.
    expect(html).toMatch(/Digitisation rate 22 26\.8 100%/);
  });

  it("says a rate over no dossiers cannot be computed, and projects a year that is not over", async () => {
    const path = await section("/units/11233?period=2023-Q2&lang=en", "path-up-heading");
    expect(path).toContain("Online fee payment rate (—): cannot be computed: no dossiers this period to take a rate of (the denominator is 0)");
    const projection = await section("/units/11233?period=2023-Q2&lang=en", "projection-heading");
    expect(projection).toContain("Projection for 2023 (a projection, not a result)");
    expect(projection).toMatch(/Composite score \d+\.\d \d+\/20/);
    // The year's last quarter: the year is known, no projection.
    expect(await section("/units/11233?period=2023-Q4&lang=en", "projection-heading")).toBe("");
  });

  it("reads a merged commune on the restated basis across the merger", async () => {
    const why = await section("/units/11300?period=2025-Q3&lang=en", "why-moved-heading");
    // 2025-Q2 is restated from the four predecessors' counts, so the change splits.
    expect(why).toMatch(/points since Q2 2025: /);
    const path = await section("/units/11300?period=2026-Q3&lang=vi", "path-up-heading");
    expect(path).toMatch(/Điểm tổng hợp \(\d\/5\)/);
  });
});
