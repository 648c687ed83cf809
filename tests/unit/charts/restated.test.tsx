/**
 * Restated figures in the line charts (units-over-time.md rule 3, app/charts/chart-restated.tsx): a merged
 * unit's part before the merger is dotted with hollow markers, keyed in the legend, its estimates marked "≈",
 * with a rule at the first period of the unit's own figures; a series without flags is drawn as before.
 */
import { describe, expect, it } from "vitest";
import { BumpChart, BumpChartTable, bumpChartLayout, bumpChartTableModel } from "~/charts/bump-chart";
import type { BumpChartLabels } from "~/charts/bump-chart";
import { firstOwnPeriod, markValue, mergerRoom, restatedPaths } from "~/charts/chart-restated";
import { RESTATED_DASH, SERIES_STYLES } from "~/charts/chart-series";
import { TrendLine, TrendLineTable, trendLineLayout, trendLineTableModel } from "~/charts/trend-line";
import type { TrendLineLabels } from "~/charts/trend-line";
import { MERGER_BUMP_DATA, MERGER_TREND_DATA, SPLIT_BUMP_DATA, SPLIT_TREND_DATA, TREND_DATA, BUMP_DATA } from "./chart-fixtures";
import { formatPercentTickVi, formatPercentVi, renderChart } from "./chart-snapshot";

const restatedLabels = { restated: "gộp số liệu các đơn vị cũ", merger: "Thành lập quý 3/2025", restatedShort: "gộp" };
const trendLabels: TrendLineLabels = {
  title: "Tỷ lệ số hóa hồ sơ",
  description: "Tỷ lệ số hóa hồ sơ của Xã Ninh Giang qua các kỳ, so với toàn tỉnh",
  series: "Số liệu",
  noData: "Chưa có số liệu",
  ...restatedLabels,
};
const bumpLabels: BumpChartLabels = {
  title: "Thứ hạng: Điểm tổng hợp",
  series: "Chỉ tiêu",
  tie: "đồng hạng",
  noData: "Chưa có số liệu",
  ...restatedLabels,
};
const format = { value: formatPercentVi, tick: formatPercentTickVi };
const size = { width: 480, height: 260 };

function unitMark(layout: ReturnType<typeof trendLineLayout>, key: string) {
  const mark = layout.series.find((s) => s.key === key);
  if (!mark) throw new Error(`no series ${key}`);
  return mark;
}

describe("restatedPaths", () => {
  const a = { x: 0, y: 0 };
  const b = { x: 10, y: 5 };
  const c = { x: 20, y: 10 };
  const d = { x: 30, y: 0 };

  it("dots every segment that touches a restated point, the one into the first own period included", () => {
    expect(restatedPaths([a, b, c, d], [true, true, false, false])).toEqual({ path: "M20,10L30,0", restatedPath: "M0,0L10,5L20,10" });
  });

  it("breaks both parts at a missing value, and dots the segment out of an own point into a restated one", () => {
    expect(restatedPaths([a, null, c, d], [true, true, false, false])).toEqual({ path: "M20,10L30,0", restatedPath: "M0,0Z" });
    expect(restatedPaths([a, b, c], [false, true, false]).restatedPath).toBe("M0,0L10,5L20,10");
  });

  it("is the one path of before when nothing is restated", () => {
    expect(restatedPaths([a, b, c], [false, false, false])).toEqual({ path: "M0,0L10,5L20,10" });
    expect(restatedPaths([a, b, c], undefined)).toEqual({ path: "M0,0L10,5L20,10" });
  });
});

describe("the marks of a restated value", () => {
  it("writes ≈ before an estimate and the words after a restated value", () => {
    const flags = { restated: [true, false], estimated: [true, false] };
    expect(markValue("52,0 %", 0, flags, "gộp")).toBe("≈52,0 % (gộp)");
    expect(markValue("60,0 %", 1, flags, "gộp")).toBe("60,0 %");
    expect(markValue("52,0 %", 0, flags)).toBe("≈52,0 %");
  });

  it("finds the first own period after the last restated one", () => {
    expect(firstOwnPeriod(4, [{ restated: [true, true, false, false] }, {}])).toBe(2);
    expect(firstOwnPeriod(2, [{ restated: [true, true] }])).toBeNull();
    expect(firstOwnPeriod(3, [{ restated: [false, false, false] }])).toBeNull();
  });
});

describe("a trend line across a merger", () => {
  const layout = trendLineLayout(MERGER_TREND_DATA, size, undefined, format, restatedLabels);
  const unit = unitMark(layout, "11155");

  it("dots the unit's line up to the merger and leaves the district's alone", () => {
    expect(unit.style).toEqual(SERIES_STYLES[0]);
    expect(unit.restatedPath?.match(/L/g)).toHaveLength(2);
    expect(unit.path.startsWith(`M${unit.points[2]?.x},`)).toBe(true);
    expect(unit.points.map((p) => p.restated ?? false)).toEqual([true, true, false, false, false, false]);
    expect(unitMark(layout, "district").restatedPath).toBeUndefined();
  });

  it("keys the dotted part in the legend, in the unit's colour, dotted and hollow", () => {
    expect(layout.legend.items.map((i) => i.label)).toEqual(["Xã Ninh Giang", "Toàn tỉnh", "gộp số liệu các đơn vị cũ"]);
    expect(layout.legend.items[2]?.swatch).toEqual({ kind: "line", style: { ...SERIES_STYLES[0], dash: RESTATED_DASH, hollow: true } });
  });

  it("draws a rule halfway between the last restated quarter and the first own one, labelled above the plot", () => {
    const [q2, q3] = [unit.points[1]?.x ?? 0, unit.points[2]?.x ?? 0];
    expect(layout.merger?.x).toBeCloseTo((q2 + q3) / 2, 1);
    expect(layout.merger).toMatchObject({ label: "Thành lập quý 3/2025", anchor: "start", y2: layout.plot.height });
    const plain = trendLineLayout(TREND_DATA, size, undefined, format, restatedLabels);
    // Below the legend (two rows here, one there), the rule's label takes its room above the plot.
    expect(layout.plot.y - layout.legend.height - (plain.plot.y - plain.legend.height)).toBe(mergerRoom(12));
    expect(plain.merger).toBeNull();
  });

  it("says in the point's title that the figure is combined, and marks an estimate with ≈", () => {
    expect(unit.points[0]?.title).toBe("Xã Ninh Giang · Q1/2025: 71,0 % (gộp số liệu các đơn vị cũ)");
    expect(unit.points[2]?.title).toBe("Xã Ninh Giang · Q3/2025: 80,0 %");
    const split = unitMark(trendLineLayout(SPLIT_TREND_DATA, size, undefined, format, restatedLabels), "11197");
    expect(split.points[0]?.title).toBe("Xã Tân Phong · Q1/2025: ≈52,0 % (gộp số liệu các đơn vị cũ)");
    expect(split.points.map((p) => p.key)).not.toContain("Q2/2025");
  });

  it("marks the table's cells the same way, the district's row unmarked", () => {
    const model = trendLineTableModel(SPLIT_TREND_DATA, trendLabels, formatPercentVi);
    expect(model.rows[0]?.cells).toEqual(["≈52,0 % (gộp)", "—", "60,0 %", "63,0 %", "66,0 %", "70,0 %"]);
    expect(model.rows[1]?.cells[0]).toBe("66,0 %");
  });

  it("is drawn exactly as before when no flag is set, whatever the labels", () => {
    const flagged = { ...TREND_DATA, series: TREND_DATA.series.map((s) => ({ ...s, restated: s.values.map(() => false), estimated: s.values.map(() => false) })) };
    const labels = { title: trendLabels.title, series: "Đơn vị" };
    const before = renderChart(<TrendLine id="t" data={TREND_DATA} labels={labels} formatValue={formatPercentVi} />);
    expect(renderChart(<TrendLine id="t" data={flagged} labels={{ ...labels, ...restatedLabels }} formatValue={formatPercentVi} />)).toBe(before);
  });

  it("keys the restated part even where the series' legend is off, and without words draws no key and no rule", () => {
    const off = trendLineLayout(MERGER_TREND_DATA, size, { legend: false }, format, restatedLabels);
    expect(off.legend.items.map((i) => i.key)).toEqual(["pb-restated"]);
    const mute = trendLineLayout(MERGER_TREND_DATA, size, undefined, format);
    expect(mute.legend.items).toHaveLength(2);
    expect(mute.merger).toBeNull();
    expect(unitMark(mute, "11155").restatedPath).toBeDefined();
  });

  it("rejects flags that do not match the periods", () => {
    const bad = { periods: ["a", "b"], series: [{ key: "x", label: "X", values: [1, 2], restated: [true] }] };
    expect(() => trendLineLayout(bad, size)).toThrow("series x has 1 restated flags for 2 periods");
  });

  it("renders the SVG snapshots: a merger of four, and a split at 0.6 estimated", async () => {
    const merger = renderChart(
      <TrendLine id="trend-merger" data={MERGER_TREND_DATA} labels={trendLabels} formatValue={formatPercentVi} formatTick={formatPercentTickVi} options={{ yDomain: [0.6, 0.9] }} />,
      "trend-merger",
    );
    expect(merger).toContain(`stroke-dasharray="${RESTATED_DASH}"`);
    expect(merger).toContain("Thành lập quý 3/2025");
    await expect(merger).toMatchFileSnapshot("./__snapshots__/trend-line-restated.svg");
    const split = renderChart(
      <TrendLine id="trend-split" data={SPLIT_TREND_DATA} labels={trendLabels} formatValue={formatPercentVi} formatTick={formatPercentTickVi} />,
      "trend-split",
    );
    expect(split).toContain("≈52,0 %");
    await expect(split).toMatchFileSnapshot("./__snapshots__/trend-line-split.svg");
    const table = renderChart(<TrendLineTable data={SPLIT_TREND_DATA} labels={trendLabels} formatValue={formatPercentVi} />);
    await expect(table).toMatchFileSnapshot("./__snapshots__/trend-line-split-table.html");
  });
});

describe("a rank history across a merger", () => {
  const layout = bumpChartLayout(MERGER_BUMP_DATA, { width: 480, height: 260 }, { legend: false }, bumpLabels);
  const series = layout.series[0];

  it("dots the ranks on combined figures, keys them though the series' legend is off, and rules the merger", () => {
    expect(series?.restatedPath).toBeDefined();
    expect(series?.points.filter((p) => p.restated).map((p) => p.key)).toEqual(["Q1/2025", "Q2/2025"]);
    expect(layout.legend.items.map((i) => i.label)).toEqual(["gộp số liệu các đơn vị cũ"]);
    expect(layout.merger?.label).toBe("Thành lập quý 3/2025");
  });

  it("marks estimated ranks with ≈ in titles and the table", () => {
    const split = bumpChartLayout(SPLIT_BUMP_DATA, { width: 480, height: 260 }, { legend: false }, bumpLabels);
    expect(split.series[0]?.points[0]?.title).toBe("Điểm tổng hợp · Q1/2025: ≈5/6 (gộp số liệu các đơn vị cũ)");
    expect(split.series[0]?.points[2]?.title).toBe("Điểm tổng hợp · Q3/2025: 4/6");
    expect(bumpChartTableModel(SPLIT_BUMP_DATA, bumpLabels).rows[0]?.cells.slice(0, 3)).toEqual(["≈5/6 (gộp)", "≈6/6 (gộp)", "4/6"]);
  });

  it("is drawn exactly as before when no flag is set", () => {
    const flagged = { ...BUMP_DATA, series: BUMP_DATA.series.map((s) => ({ ...s, restated: s.ranks.map(() => false) })) };
    const plain = { title: bumpLabels.title, series: "Đơn vị", tie: "đồng hạng" };
    expect(renderChart(<BumpChart id="b" data={flagged} labels={{ ...plain, ...restatedLabels }} />)).toBe(renderChart(<BumpChart id="b" data={BUMP_DATA} labels={plain} />));
  });

  it("renders the SVG snapshots: a merger of four, and a split estimated", async () => {
    const merger = renderChart(<BumpChart id="bump-merger" data={MERGER_BUMP_DATA} labels={bumpLabels} height={260} options={{ legend: false }} />, "bump-merger");
    await expect(merger).toMatchFileSnapshot("./__snapshots__/bump-chart-restated.svg");
    const split = renderChart(<BumpChart id="bump-split" data={SPLIT_BUMP_DATA} labels={bumpLabels} height={260} options={{ legend: false }} />, "bump-split");
    expect(split).toContain("≈5/6");
    await expect(split).toMatchFileSnapshot("./__snapshots__/bump-chart-split.svg");
    const table = renderChart(<BumpChartTable data={SPLIT_BUMP_DATA} labels={bumpLabels} />);
    await expect(table).toMatchFileSnapshot("./__snapshots__/bump-chart-split-table.html");
  });
});
