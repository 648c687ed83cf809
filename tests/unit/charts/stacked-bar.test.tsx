import { describe, expect, it } from "vitest";
import { relativeLuminance } from "~/charts/chart-colors";
import {
  StackedBar,
  StackedBarTable,
  isStackedBarEmpty,
  stackedBarLayout,
  stackedBarPatterns,
  stackedBarTableModel,
} from "~/charts/stacked-bar";
import type { StackedBarLabels } from "~/charts/stacked-bar";
import { STACKED_DATA } from "./chart-fixtures";
import { formatCountVi, renderChart } from "./chart-snapshot";

const labels: StackedBarLabels = {
  title: "Số bài dự thi CCHC theo quý",
  category: "Năm",
  total: "Cả năm",
  incomplete: "chưa đủ năm",
  noData: "Chưa có số liệu",
};

const format = { value: formatCountVi };

describe("stackedBarLayout", () => {
  const layout = stackedBarLayout(STACKED_DATA, { width: 480 }, undefined, format);
  const row = (key: string) => layout.rows.find((r) => r.key === key);

  it("stacks segments end to end, lengths proportional to the values", () => {
    const ng = row("11155-2023");
    expect(ng?.total).toBe(138);
    expect(ng?.totalText).toBe("138");
    const segs = ng?.segments ?? [];
    expect(segs.map((s) => s.value)).toEqual([30, 41, 35, 32]);
    expect(segs[0]?.x).toBe(layout.barX);
    for (let i = 1; i < segs.length; i++) {
      expect(segs[i]?.x).toBeCloseTo((segs[i - 1]?.x ?? 0) + (segs[i - 1]?.width ?? 0), 1);
    }
    const perUnit = (segs[0]?.width ?? 0) / 30;
    for (const s of segs) expect(s.width / s.value).toBeCloseTo(perUnit, 2);
    // The total's label sits just after the bar's end.
    const end = (segs.at(-1)?.x ?? 0) + (segs.at(-1)?.width ?? 0);
    expect(ng?.totalX).toBeCloseTo(end + 4, 1);
  });

  it("draws nothing for a null or zero quarter but keeps the others in place", () => {
    const ungHoe = row("11161-2023");
    expect(ungHoe?.segments.map((s) => s.key)).toEqual(["Q1", "Q3", "Q4"]);
    expect(ungHoe?.total).toBe(41);
    expect(ungHoe?.incomplete).toBe(true);
    expect(row("11173-2022")?.incomplete).toBe(false);
    const anDuc = row("11173-2022");
    expect(anDuc?.segments.map((s) => s.key)).toEqual(["Q2", "Q3", "Q4"]);
  });

  it("heads each group once and leaves a gap between groups", () => {
    expect(layout.groups.map((g) => g.label)).toEqual(["Thị trấn Ninh Giang", "Xã Ứng Hoè", "Xã An Đức"]);
    const first = layout.groups[0];
    const second = layout.groups[1];
    expect(row("11155-2022")?.y).toBe((first?.y ?? 0) + 22);
    expect(second?.y).toBe((row("11155-2023")?.y ?? 0) + 22 + 8);
  });

  it("fills quarters with steps of lightness and a pattern each, listed in the legend", () => {
    const patterns = stackedBarPatterns(4);
    expect(patterns.map((p) => p.pattern)).toEqual(["solid", "diagonal", "dots", "cross"]);
    const l = patterns.map((p) => relativeLuminance(p.background));
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeGreaterThan(l[i - 1] ?? 1);
    expect(layout.legend.items.map((i) => i.label)).toEqual(["Quý 1", "Quý 2", "Quý 3", "Quý 4"]);
  });

  it("is empty without categories", () => {
    expect(isStackedBarEmpty({ ...STACKED_DATA, categories: [] })).toBe(true);
    const empty = stackedBarLayout({ ...STACKED_DATA, categories: [] }, { width: 480 });
    expect(empty.empty).toBe(true);
    expect(empty.patterns).toEqual([]);
  });

  it("rejects bad options and data with messages naming the value", () => {
    expect(() => stackedBarLayout(STACKED_DATA, { width: 480 }, { domainMax: 0 })).toThrow("bad domainMax: 0");
    expect(() => stackedBarLayout(STACKED_DATA, { width: 480 }, { groupGap: -1 })).toThrow("bad groupGap: -1");
    expect(() => stackedBarLayout(STACKED_DATA, { width: 180 })).toThrow("width too small: 180");
    const negative = { ...STACKED_DATA, categories: [{ key: "a", label: "A", values: [1, -2, 3, 4] }] };
    expect(() => stackedBarLayout(negative, { width: 480 })).toThrow("bad value in a: -2");
    const short = { ...STACKED_DATA, categories: [{ key: "a", label: "A", values: [1] }] };
    expect(() => stackedBarLayout(short, { width: 480 })).toThrow("category a has 1 values for 4 segments");
  });
});

describe("StackedBar", () => {
  it("renders the SVG snapshot", async () => {
    const svg = renderChart(
      <StackedBar id="contest" data={STACKED_DATA} labels={labels} formatValue={formatCountVi} />,
      "contest",
    );
    expect(svg.match(/<pattern /g)).toHaveLength(4);
    expect(svg).toContain("<title>Thị trấn Ninh Giang 2023 · Quý 2: 41</title>");
    expect(svg).toContain("<title>chưa đủ năm</title>");
    await expect(svg).toMatchFileSnapshot("./__snapshots__/stacked-bar.svg");
  });

  it("renders the companion table with totals and '—' for a quarter not reported", async () => {
    const model = stackedBarTableModel(STACKED_DATA, labels, formatCountVi);
    expect(model.rows[3]?.cells).toEqual(["11", "—", "14", "16", "41 (chưa đủ năm)"]);
    expect(model.rows[2]?.cells.at(-1)).toBe("39");
    const html = renderChart(<StackedBarTable data={STACKED_DATA} labels={labels} formatValue={formatCountVi} />);
    await expect(html).toMatchFileSnapshot("./__snapshots__/stacked-bar-table.html");
  });
});
