/**
 * The charts at province and national scale (docs/decisions/012-pages-at-scale.md): rank and movement
 * labels of three and four digits never reach the unit's name, a top and a bottom part are drawn with a
 * gap between them, and every bar, row and heatmap cell given an address is a link named "name: 4/20".
 */
import { describe, expect, it } from "vitest";
import { RankHeatmap, rankHeatmapLayout, type RankHeatmapData } from "~/charts/rank-heatmap";
import { RankLeaderboard, rankLeaderboardLayout, type LeaderboardRow } from "~/charts/rank-leaderboard";
import { StackedBar } from "~/charts/stacked-bar";
import { estimateTextWidth } from "~/charts/chart-options";
import { classColor } from "~/charts/chart-colors";
import { renderChart } from "./chart-snapshot";

const FIELD = 3321;

/** A top 3 and a bottom 3 of a national ranking, the bottom ones fallen by three-digit places. */
const ROWS: LeaderboardRow[] = [
  { code: "10000", name: "Xã Ứng Hoè", value: 0.99, rank: 1, previous: { rank: 4, ranked: FIELD, movement: 3 }, href: "/units/10000" },
  { code: "10001", name: "Xã Nghĩa An", value: 0.98, rank: 2, previous: { rank: 2, ranked: FIELD, movement: 0 }, href: "/units/10001" },
  { code: "10002", name: "Xã Hồng Phúc", value: 0.97, rank: 3, previous: null, href: "/units/10002" },
  { code: "13318", name: "Xã Thử Nghiệm 3319", value: 0.12, rank: 3319, previous: { rank: 1200, ranked: FIELD, movement: -2119 }, href: "/units/13318" },
  { code: "13319", name: "Xã Thử Nghiệm 3320", value: 0.11, rank: 3320, previous: { rank: 3001, ranked: FIELD, movement: -319 }, href: "/units/13319" },
  { code: "13320", name: "Xã Thử Nghiệm 3321", value: 0.1, rank: FIELD, previous: { rank: FIELD, ranked: FIELD, movement: 0 }, href: "/units/13320" },
];

const leaderboardLabels = {
  title: "Tỷ lệ số hóa hồ sơ",
  unit: "Đơn vị",
  rank: "Hạng",
  value: "Giá trị",
  movement: "So với kỳ trước",
  movementText: (d: number) => String(d),
  noData: "Chưa có số liệu",
};

describe("leaderboard at national scale", () => {
  for (const [name, width, options] of [
    ["wide", 520, { labelWidth: 150 }],
    ["narrow", 340, { labelWidth: 118, rankWidth: 40, movementWidth: 28, valueWidth: 58 }],
  ] as const) {
    it(`keeps "3321/3321" and "▼2119" clear of the names (${name})`, () => {
      const layout = rankLeaderboardLayout(ROWS, { width }, { ...options, domainMax: 1, breakAfter: 2, rankedCount: FIELD });
      const font = layout.fontSize;
      for (const row of layout.rows) {
        // The rank is right-aligned at rankX and must start at or after 0.
        expect(layout.columns.rankX - estimateTextWidth(row.rankText, font)).toBeGreaterThanOrEqual(0);
        // The movement glyph (arrow counted as a full em) ends before the name begins.
        const glyphEnd = layout.columns.movementX + (row.movementGlyph ? estimateTextWidth(row.movementGlyph.slice(1), font - 1) + font - 1 : 0);
        expect(glyphEnd, row.movementGlyph).toBeLessThan(layout.columns.nameX);
        // The movement column starts after the rank's text.
        expect(layout.columns.movementX).toBeGreaterThan(layout.columns.rankX);
      }
      expect(layout.rows.map((r) => r.rankText)).toContain("3321/3321");
      expect(layout.rows.map((r) => r.movementGlyph)).toContain("▼2119");
    });
  }

  it("keeps the district's columns as they were when the labels are short", () => {
    const short = ROWS.slice(0, 3).map((r) => ({ ...r, previous: null }));
    const layout = rankLeaderboardLayout(short, { width: 520 }, { labelWidth: 150, rankedCount: 20 });
    expect(layout.columns).toEqual({ rankX: 44, movementX: 50, nameX: 78, barX: 224 });
  });

  it("leaves one row of gap with a '⋮' after the top part", () => {
    const layout = rankLeaderboardLayout(ROWS, { width: 520 }, { breakAfter: 2 });
    const ys = layout.rows.map((r) => r.y);
    expect(ys[3]! - ys[2]!).toBe(2 * layout.rowHeight);
    expect(ys[2]! - ys[1]!).toBe(layout.rowHeight);
    expect(layout.gapY).toBe(ys[2]! + layout.rowHeight * 1.5);
    const svg = renderChart(<RankLeaderboard id="lb" rows={ROWS} labels={leaderboardLabels} formatValue={String} options={{ breakAfter: 2 }} />);
    expect(svg).toContain("⋮");
    expect(() => rankLeaderboardLayout(ROWS, { width: 520 }, { breakAfter: 5 })).toThrow("bad breakAfter: 5");
  });

  it("makes each row a link named 'name: rank', and the SVG a group", () => {
    const svg = renderChart(<RankLeaderboard id="lb" rows={ROWS} labels={leaderboardLabels} formatValue={String} width={520} />);
    expect(svg).toContain('<a href="/units/10000" class="pb-link" aria-label="Xã Ứng Hoè: 1/6">');
    expect((svg.match(/<a href=/g) ?? []).length).toBe(6);
    expect(svg).toContain('role="group"');
    // Without addresses the chart stays one image, as before.
    const plain = renderChart(<RankLeaderboard id="lb" rows={ROWS.map(({ href: _h, ...r }) => r)} labels={leaderboardLabels} formatValue={String} />);
    expect(plain).not.toContain("<a ");
    expect(plain).toContain('role="img"');
  });
});

const HEATMAP: RankHeatmapData = {
  units: [
    { code: "10000", name: "Xã Ứng Hoè", href: "/units/10000?period=2024-Q4" },
    { code: "10001", name: "Xã Nghĩa An", href: "/units/10001?period=2024-Q4" },
    { code: "13320", name: "Xã Cuối", href: "/units/13320?period=2024-Q4" },
  ],
  indicators: [{ id: "initiatives", label: "Số sáng kiến" }],
  cells: [
    // Everyone's figures, from the page: 3,000 units share the last value, of 4 distinct values.
    { unit: "10000", indicator: "initiatives", rank: 1, field: FIELD, value: 3, holders: 12, valueClass: { index: 1, of: 4 } },
    { unit: "10001", indicator: "initiatives", rank: 13, field: FIELD, value: 2, holders: 100, valueClass: { index: 2, of: 4 } },
    { unit: "13320", indicator: "initiatives", rank: 322, field: FIELD, value: 0, holders: 3000, valueClass: { index: 4, of: 4 } },
  ],
};

describe("heatmap of part of a ranking", () => {
  const labels = { title: "Thứ hạng", unit: "Đơn vị", noData: "—", tiedWith: (n: number) => `đồng hạng với ${n} đơn vị khác` };

  it("says ties and colours by everyone's values, not the three drawn", () => {
    const layout = rankHeatmapLayout(HEATMAP, { width: 400 }, { breakAfter: 1 }, String, labels);
    const [top, , last] = layout.rows.map((r) => r.cells[0]!);
    expect(top?.title).toBe("Xã Ứng Hoè · Số sáng kiến: 1/3321 (3) · đồng hạng với 11 đơn vị khác");
    expect(last?.title).toBe("Xã Cuối · Số sáng kiến: 322/3321 (0) · đồng hạng với 2999 đơn vị khác");
    // The second of four values, though among the three drawn it would be the second of three (the middle).
    const drawnOnly = rankHeatmapLayout({ ...HEATMAP, cells: HEATMAP.cells.map((c) => ({ ...c, valueClass: undefined, holders: undefined })) }, { width: 400 });
    expect(layout.rows[1]?.cells[0]?.fill).toBe(classColor(2, 4));
    expect(drawnOnly.rows[1]?.cells[0]?.fill).toBe(classColor(2, 3));
    expect(classColor(2, 4)).not.toBe(classColor(2, 3));
    expect(layout.rows[2]!.y - layout.rows[1]!.y).toBe(2 * 26);
    expect(layout.gapY).not.toBeNull();
  });

  it("makes each cell a link named by its title", () => {
    const svg = renderChart(<RankHeatmap id="hm" data={HEATMAP} labels={labels} formatValue={String} width={400} />);
    expect(svg).toContain('<a href="/units/10000?period=2024-Q4" class="pb-link" aria-label="Xã Ứng Hoè · Số sáng kiến: 1/3321 (3) · đồng hạng với 11 đơn vị khác">');
    expect((svg.match(/<a href=/g) ?? []).length).toBe(3);
    expect(svg).toContain('role="group"');
  });
});

describe("stacked bars with links", () => {
  it("links each bar to its unit with the name the page gives", () => {
    const data = {
      segments: [{ key: "q1", label: "Quý 1" }],
      categories: [
        { key: "10000", label: "Xã Ứng Hoè", values: [3], href: "/units/10000?period=2024", linkName: "Xã Ứng Hoè: 1/3321" },
        { key: "10001", label: "Xã Nghĩa An", values: [2], href: "/units/10001?period=2024" },
      ],
    };
    const labels = { title: "Bài dự thi", category: "Đơn vị", total: "Cả năm", incomplete: "*", noData: "—" };
    const svg = renderChart(<StackedBar id="sb" data={data} labels={labels} formatValue={String} />);
    expect(svg).toContain('<a href="/units/10000?period=2024" class="pb-link" aria-label="Xã Ứng Hoè: 1/3321">');
    expect(svg).toContain('aria-label="Xã Nghĩa An: 2"');
    // Segments are not tab stops of their own: the link is.
    expect(svg).not.toMatch(/tabindex="/);
  });
});
