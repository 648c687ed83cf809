import { describe, expect, it } from "vitest";
import { REFERENCE_STYLE, SERIES_STYLES } from "~/charts/chart-series";
import { TrendLine, TrendLineTable, isTrendLineEmpty, trendLineLayout, trendLineTableModel } from "~/charts/trend-line";
import type { TrendLineLabels } from "~/charts/trend-line";
import { TREND_COUNT_DATA, TREND_DATA } from "./chart-fixtures";
import { formatCountVi, formatPercentTickVi, formatPercentVi, renderChart } from "./chart-snapshot";

const labels: TrendLineLabels = {
  title: "Tỷ lệ hồ sơ trực tuyến: Thị trấn Ninh Giang so với toàn huyện",
  series: "Đơn vị",
  noData: "Chưa có số liệu",
};

const format = { value: formatPercentVi, tick: formatPercentTickVi };
const size = { width: 480, height: 260 };

/** Number of separate line pieces in an SVG path: one "M" per piece. */
function pieces(path: string): number {
  return (path.match(/M/g) ?? []).length;
}

describe("trendLineLayout", () => {
  const layout = trendLineLayout(TREND_DATA, size, undefined, format);
  const unit = layout.series.find((s) => s.key === "11155");
  const district = layout.series.find((s) => s.key === "district");

  it("breaks the line where a value is null and draws no marker there", () => {
    expect(pieces(unit?.path ?? "")).toBe(2);
    expect(unit?.points.map((p) => p.key)).not.toContain("Q4/2023");
    expect(unit?.points).toHaveLength(7);
    expect(pieces(district?.path ?? "")).toBe(1);
  });

  it("tells the series apart by dash and marker, not only colour; the reference is drawn first", () => {
    expect(layout.series[0]?.key).toBe("district");
    expect(district?.style).toEqual(REFERENCE_STYLE);
    expect(unit?.style).toEqual(SERIES_STYLES[0]);
    expect(unit?.style.dash).not.toBe(district?.style.dash);
    expect(unit?.style.marker).not.toBe(district?.style.marker);
  });

  it("maps rates onto 0–100 % with 100 % at the top of the plot", () => {
    const { height } = layout.plot;
    expect(layout.axes.y?.ticks[0]).toMatchObject({ pos: height, label: "0 %" });
    expect(layout.axes.y?.ticks.at(-1)).toMatchObject({ pos: 0, label: "100 %" });
    const p = unit?.points.find((q) => q.key === "Q1/2023");
    expect(p?.y).toBeCloseTo(height * (1 - 0.62), 1);
    expect(p?.title).toBe("Thị trấn Ninh Giang · Q1/2023: 62,0 %");
  });

  it("spaces periods evenly and thins their labels when they would collide", () => {
    const xs = district?.points.map((p) => p.x) ?? [];
    const steps = xs.slice(1).map((x, i) => x - (xs[i] ?? 0));
    for (const s of steps) expect(s).toBeCloseTo(steps[0] ?? 0, 1);
    const narrow = trendLineLayout(TREND_DATA, { width: 300, height: 200 });
    expect(narrow.axes.x?.ticks.map((t) => t.label)).toEqual([
      "Q1/2023",
      "",
      "Q3/2023",
      "",
      "Q1/2024",
      "",
      "Q3/2024",
      "",
    ]);
  });

  it("puts a single period in the middle of the plot", () => {
    const one = trendLineLayout({ periods: ["Q4/2023"], series: [{ key: "a", label: "A", values: [0.5] }] }, size);
    expect(one.series[0]?.points[0]?.x).toBe(one.plot.width / 2);
    expect(one.series[0]?.path).toMatch(/^M[\d.]+,[\d.]+Z?$/);
  });

  it("uses integer ticks from zero for counts", () => {
    const counts = trendLineLayout(TREND_COUNT_DATA, size, { valueType: "count" }, { value: formatCountVi });
    const values = counts.axes.y?.ticks.map((t) => Number(t.label)) ?? [];
    expect(values[0]).toBe(0);
    expect(values.every((v) => Number.isInteger(v))).toBe(true);
    expect(values.at(-1)).toBeGreaterThanOrEqual(17);
  });

  it("honours a zoomed yDomain", () => {
    const zoom = trendLineLayout(TREND_DATA, size, { yDomain: [0.5, 1] }, format);
    expect(zoom.axes.y?.ticks[0]?.label).toBe("50 %");
  });

  it("is empty without periods or without any value", () => {
    expect(isTrendLineEmpty({ periods: [], series: [] })).toBe(true);
    const allNull = { periods: ["a", "b"], series: [{ key: "x", label: "X", values: [null, null] }] };
    expect(isTrendLineEmpty(allNull)).toBe(true);
    const layoutEmpty = trendLineLayout(allNull, size);
    expect(layoutEmpty.empty).toBe(true);
    expect(layoutEmpty.series).toEqual([]);
    expect(layoutEmpty.legend.items).toEqual([]);
  });

  it("rejects bad options and data with messages naming the value", () => {
    expect(() => trendLineLayout(TREND_DATA, size, { valueType: "share" as never })).toThrow(
      "unknown valueType: share",
    );
    expect(() => trendLineLayout(TREND_DATA, size, { yDomain: [1, 0] })).toThrow("bad yDomain: 1,0");
    expect(() => trendLineLayout(TREND_DATA, { width: 480 })).toThrow("bad height: NaN");
    expect(() => trendLineLayout(TREND_DATA, { width: 480, height: 40 })).toThrow("height too small: 40");
    const short = { periods: TREND_DATA.periods, series: [{ key: "a", label: "A", values: [0.1] }] };
    expect(() => trendLineLayout(short, size)).toThrow("series a has 1 values for 8 periods");
    const twoRefs = {
      periods: ["p"],
      series: [
        { key: "a", label: "A", values: [1], reference: true },
        { key: "b", label: "B", values: [1], reference: true },
      ],
    };
    expect(() => trendLineLayout(twoRefs, size)).toThrow("more than one reference series");
  });
});

describe("TrendLine", () => {
  it("renders the SVG snapshot (rate, gap, reference line)", async () => {
    const svg = renderChart(
      <TrendLine
        id="trend-online"
        data={TREND_DATA}
        labels={labels}
        formatValue={formatPercentVi}
        formatTick={formatPercentTickVi}
      />,
      "trend-online",
    );
    expect(svg).toContain('stroke-dasharray="6 4"');
    await expect(svg).toMatchFileSnapshot("./__snapshots__/trend-line.svg");
  });

  it("renders counts and a single period", async () => {
    const counts = renderChart(
      <TrendLine
        id="trend-overdue"
        data={TREND_COUNT_DATA}
        labels={{ ...labels, title: "Số hồ sơ quá hạn" }}
        formatValue={formatCountVi}
        options={{ valueType: "count" }}
      />,
      "trend-overdue",
    );
    await expect(counts).toMatchFileSnapshot("./__snapshots__/trend-line-count.svg");
    const single = renderChart(
      <TrendLine
        id="trend-single"
        data={{ periods: ["Q4/2023"], series: TREND_DATA.series.map((s) => ({ ...s, values: [s.values[7] ?? null] })) }}
        labels={labels}
        formatValue={formatPercentVi}
      />,
      "trend-single",
    );
    await expect(single).toMatchFileSnapshot("./__snapshots__/trend-line-single.svg");
  });

  it("renders the companion table with '—' for missing values", async () => {
    const model = trendLineTableModel(TREND_DATA, labels, formatPercentVi);
    expect(model.rows[0]?.cells[3]).toBe("—");
    expect(model.columns.map((c) => c.header)).toEqual(TREND_DATA.periods);
    const html = renderChart(<TrendLineTable data={TREND_DATA} labels={labels} formatValue={formatPercentVi} />);
    await expect(html).toMatchFileSnapshot("./__snapshots__/trend-line-table.html");
  });
});
