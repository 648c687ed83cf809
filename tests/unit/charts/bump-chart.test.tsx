import { describe, expect, it } from "vitest";
import {
  BumpChart,
  BumpChartTable,
  bumpChartLayout,
  bumpChartTableModel,
  findTies,
  isBumpChartEmpty,
} from "~/charts/bump-chart";
import type { BumpChartLabels } from "~/charts/bump-chart";
import { BUMP_DATA } from "./chart-fixtures";
import { renderChart } from "./chart-snapshot";

const labels: BumpChartLabels = {
  title: "Thứ hạng tỷ lệ hồ sơ trực tuyến qua các quý",
  description: "Hạng 1 ở trên cùng; các đơn vị đồng hạng đứng cạnh nhau trong khung có dấu =.",
  series: "Đơn vị",
  tie: "đồng hạng",
  noData: "Chưa có số liệu",
};

const size = { width: 480, height: 280 };

function point(layout: ReturnType<typeof bumpChartLayout>, series: string, period: string) {
  return layout.series.find((s) => s.key === series)?.points.find((p) => p.key === period);
}

describe("bumpChartLayout", () => {
  const layout = bumpChartLayout(BUMP_DATA, size);

  it("puts rank 1 at the top and lower ranks further down", () => {
    const first = point(layout, "11173", "Q1/2023");
    const second = point(layout, "11161", "Q1/2023");
    const fifth = point(layout, "11155", "Q1/2023");
    expect(first?.rank).toBe(1);
    expect(first?.y).toBeLessThan(second?.y ?? 0);
    expect(second?.y).toBeLessThan(fifth?.y ?? 0);
    // Domain [0.5, maxRank + 0.5]: rank r sits at (r - 0.5) / maxRank of the plot height.
    expect(layout.maxRank).toBe(20);
    expect(first?.y).toBeCloseTo((0.5 / 20) * layout.plot.height, 1);
    expect(layout.axes.y?.ticks[0]).toMatchObject({ label: "1", pos: first?.y });
  });

  it("gives tied units the same y, side by side around the period's x, marked as ties", () => {
    const a = point(layout, "11155", "Q2/2023");
    const b = point(layout, "11161", "Q2/2023");
    const c = point(layout, "11173", "Q2/2023");
    expect(a?.y).toBe(b?.y);
    expect(a?.tie && b?.tie).toBe(true);
    expect(c?.tie).toBe(false);
    expect((b?.x ?? 0) - (a?.x ?? 0)).toBe(12);
    expect(((a?.x ?? 0) + (b?.x ?? 0)) / 2).toBeCloseTo(c?.x ?? 0, 1);
    expect(a?.title).toBe("Thị trấn Ninh Giang · Q2/2023: =3/20");
    expect(layout.ties.map((t) => `${t.key}:${t.count}`)).toEqual(["Q2/2023|3:2", "Q4/2023|1:2"]);
    const tie = layout.ties[0];
    expect(tie?.y).toBe(a?.y);
    expect([tie?.x1, tie?.x2]).toEqual([a?.x, b?.x]);
  });

  it("leaves a gap for a period without a rank", () => {
    const an = layout.series.find((s) => s.key === "11173");
    expect(an?.points.map((p) => p.key)).not.toContain("Q1/2024");
    expect((an?.path.match(/M/g) ?? []).length).toBe(2);
  });

  it("thins the rank axis to what fits and always labels rank 1", () => {
    const labelsShown = layout.axes.y?.ticks.map((t) => t.label) ?? [];
    expect(labelsShown[0]).toBe("1");
    expect(labelsShown.length).toBeLessThan(20);
    const few = bumpChartLayout(BUMP_DATA, size, { maxRank: 5 });
    expect(few.axes.y?.ticks.map((t) => t.label)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("handles a single period and a single rank", () => {
    const one = bumpChartLayout({ periods: ["2023"], series: [{ key: "a", label: "A", ranks: [1] }] }, size);
    expect(one.maxRank).toBe(1);
    expect(one.series[0]?.points[0]?.x).toBe(one.plot.width / 2);
    expect(one.series[0]?.points[0]?.y).toBe(one.plot.height / 2);
  });

  it("is empty without periods or ranks", () => {
    expect(isBumpChartEmpty({ periods: [], series: [] })).toBe(true);
    const none = bumpChartLayout({ periods: ["a"], series: [{ key: "x", label: "X", ranks: [null] }] }, size);
    expect(none.empty).toBe(true);
    expect(none.series).toEqual([]);
  });

  it("rejects bad options and data with messages naming the value", () => {
    expect(() => bumpChartLayout(BUMP_DATA, size, { maxRank: 3 })).toThrow("bad maxRank: 3 (rank 5 in data)");
    expect(() => bumpChartLayout(BUMP_DATA, size, { maxRank: 2.5 })).toThrow("bad maxRank: 2.5");
    expect(() => bumpChartLayout(BUMP_DATA, size, { tieOffset: 0 })).toThrow("bad tieOffset: 0");
    expect(() => bumpChartLayout(BUMP_DATA, size, { legend: 1 } as never)).toThrow("bad legend: 1");
    const badRank = { periods: ["a"], series: [{ key: "x", label: "X", ranks: [1.5] }] };
    expect(() => bumpChartLayout(badRank, size)).toThrow("bad rank for x: 1.5");
    const six = {
      periods: ["a"],
      series: Array.from({ length: 6 }, (_, i) => ({ key: `u${i}`, label: `U${i}`, ranks: [i + 1] })),
    };
    expect(() => bumpChartLayout(six, size)).toThrow("too many series: 6 (at most 5)");
  });
});

describe("findTies", () => {
  it("groups series by period and rank", () => {
    const ties = findTies(BUMP_DATA);
    expect(ties.get("Q4/2023|1")).toEqual({ period: "Q4/2023", rank: 1, members: [1, 2] });
    expect(ties.get("Q1/2023|5")?.members).toEqual([0]);
  });
});

describe("BumpChart", () => {
  it("renders the SVG snapshot with ties and a gap", async () => {
    const svg = renderChart(<BumpChart id="bump-online" data={BUMP_DATA} labels={labels} />, "bump-online");
    // Focusable series make the SVG a named group with three tab stops.
    expect(svg).toContain('role="group"');
    expect(svg.match(/tabindex="0"/g)).toHaveLength(3);
    await expect(svg).toMatchFileSnapshot("./__snapshots__/bump-chart.svg");
  });

  it("renders an empty state", () => {
    const svg = renderChart(<BumpChart id="bump-empty" data={{ periods: [], series: [] }} labels={labels} />);
    expect(svg).toContain("Chưa có số liệu");
    expect(svg).not.toContain('class="pb-series"');
  });

  it("says 'tie' in the companion table", async () => {
    const model = bumpChartTableModel(BUMP_DATA, labels);
    expect(model.rows[0]?.cells.slice(0, 2)).toEqual(["5/20", "3/20 (đồng hạng)"]);
    expect(model.rows[2]?.cells[4]).toBe("—");
    const html = renderChart(<BumpChartTable data={BUMP_DATA} labels={labels} />);
    await expect(html).toMatchFileSnapshot("./__snapshots__/bump-chart-table.html");
  });
});
