import { describe, expect, it } from "vitest";
import { scaleLinear, scalePoint } from "d3";
import { linearAxis, pointAxis } from "~/charts/chart-axis";
import {
  BAR_FILL,
  BAR_HIGHLIGHT,
  MUTED,
  contrastRatio,
  classColor,
  relativeLuminance,
  segmentFill,
  textColorOn,
} from "~/charts/chart-colors";
import { ChartDataTable } from "~/charts/chart-data-table";
import { ChartFrame, GroupFrame, SvgFrame, frameLayout, plotArea } from "~/charts/chart-frame";
import { legendLayout } from "~/charts/chart-legend";
import { checkDomain, checkId, fitText, rankChange, resolveOptions } from "~/charts/chart-options";
import { REFERENCE_STYLE, SERIES_STYLES, markerPath, seriesStyle } from "~/charts/chart-series";
import { chartCss } from "~/charts/chart-style";
import { renderChart } from "./chart-snapshot";

describe("resolveOptions", () => {
  const defaults = { size: 10, label: "x", limit: null as number | null };

  it("merges over the defaults without changing them", () => {
    expect(resolveOptions(defaults, { size: 4 })).toEqual({ size: 4, label: "x", limit: null });
    expect(resolveOptions(defaults, undefined)).toEqual(defaults);
    expect(defaults.size).toBe(10);
  });

  it("rejects unknown keys, wrong types and non-finite numbers, naming them", () => {
    expect(() => resolveOptions(defaults, { colour: "red" } as never)).toThrow("unknown option: colour");
    expect(() => resolveOptions(defaults, { size: "big" } as never)).toThrow("bad size: big");
    expect(() => resolveOptions(defaults, { size: Number.NaN })).toThrow("bad size: NaN");
    expect(resolveOptions(defaults, { limit: 3 }).limit).toBe(3);
  });
});

describe("option helpers", () => {
  it("accepts safe ids only", () => {
    expect(checkId("trend-1")).toBe("trend-1");
    expect(() => checkId("a b")).toThrow("bad id: a b");
    expect(() => checkId("1abc")).toThrow("bad id: 1abc");
    expect(() => checkId('x"><script>')).toThrow("bad id");
  });

  it("checks domains", () => {
    expect(checkDomain("yDomain", null)).toBeNull();
    expect(checkDomain("yDomain", [0, 1])).toEqual([0, 1]);
    expect(() => checkDomain("yDomain", [1, 1])).toThrow("bad yDomain: 1,1");
  });

  it("shortens long labels with an ellipsis", () => {
    expect(fitText("Xã Ứng Hoè", 200, 12)).toBe("Xã Ứng Hoè");
    expect(fitText("Tỷ lệ thanh toán trực tuyến", 60, 12)).toBe("Tỷ lệ th…");
  });

  it("shows movement in places only between the same units", () => {
    expect(rankChange(2, { rank: 5, ranked: 20, movement: 3 })).toEqual({ kind: "moved", places: 3 });
    expect(rankChange(2, { rank: 5, ranked: 20, movement: null })).toEqual({ kind: "fields", from: { rank: 5, ranked: 20 } });
    expect(rankChange(5, null)).toBeNull();
    expect(rankChange(null, { rank: 3, ranked: 20, movement: 0 })).toBeNull();
  });
});

describe("colours", () => {
  it("computes WCAG contrast", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio(MUTED, "#ffffff")).toBeGreaterThanOrEqual(7);
  });

  it("darkens the class ramp monotonically, so greyscale print keeps the order", () => {
    const l = Array.from({ length: 20 }, (_, i) => relativeLuminance(classColor(i + 1, 20)));
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeGreaterThan(l[i - 1] ?? 1);
  });

  it("gives a single class (everyone tied) the middle of the ramp, neither the leaders' nor the last colour", () => {
    const lum = (c: string) => relativeLuminance(c);
    expect(lum(classColor(1, 1))).toBeGreaterThan(lum(classColor(1, 20)));
    expect(lum(classColor(1, 1))).toBeLessThan(lum(classColor(20, 20)));
  });

  it("keeps text readable (≥ 4.5:1) on every rank colour of fields from 1 to 170", () => {
    for (const field of [1, 2, 5, 20, 60, 170]) {
      for (let rank = 1; rank <= field; rank++) {
        const bg = classColor(rank, field);
        expect(contrastRatio(bg, textColorOn(bg))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("uses line and bar colours with at least 4.5:1 on white (3:1 is the minimum for graphics)", () => {
    for (const c of [BAR_FILL, BAR_HIGHLIGHT, REFERENCE_STYLE.color, ...SERIES_STYLES.map((s) => s.color)]) {
      expect(contrastRatio(c, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("gives every series its own dash and marker, so colour is never the only difference", () => {
    const styles = [...SERIES_STYLES, REFERENCE_STYLE];
    expect(new Set(SERIES_STYLES.map((s) => s.dash)).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((s) => s.marker)).size).toBe(SERIES_STYLES.length);
    expect(new Set(styles.map((s) => `${s.dash}|${s.marker}|${s.hollow}`)).size).toBe(styles.length);
    expect(() => seriesStyle(5)).toThrow("too many series: 6 (at most 5)");
    expect(markerPath("square", 36)).toBe("M-3,-3h6v6h-6Z");
  });

  it("steps segment fills in lightness and pattern", () => {
    const fills = [0, 1, 2, 3].map((i) => segmentFill(i, 4));
    expect(new Set(fills.map((f) => f.pattern)).size).toBe(4);
    expect(() => segmentFill(4, 4)).toThrow("bad segment index: 4");
  });
});

describe("axes", () => {
  it("turns a linear scale into positioned, formatted ticks", () => {
    const axis = linearAxis(scaleLinear().domain([0, 1]).range([100, 0]), {
      orient: "left",
      x: 40,
      y: 10,
      count: 2,
      format: (n) => `${n * 100} %`,
      grid: 200,
    });
    expect(axis.ticks).toEqual([
      { key: "0", pos: 100, label: "0 %" },
      { key: "0.5", pos: 50, label: "50 %" },
      { key: "1", pos: 0, label: "100 %" },
    ]);
    expect(axis.range).toEqual([0, 100]);
  });

  it("thins linear labels that would overlap on a narrow axis", () => {
    const axis = linearAxis(scaleLinear().domain([0, 1]).range([0, 82]), {
      orient: "bottom",
      x: 0,
      y: 0,
      count: 2,
      format: (n) => `${(n * 100).toFixed(1).replace(".", ",")} %`,
      fontSize: 12,
    });
    expect(axis.ticks.map((t) => t.label)).toEqual(["0,0 %", "", "100,0 %"]);
  });

  it("thins point labels to what fits, keeping the first", () => {
    const periods = ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"];
    const x = scalePoint<string>().domain(periods).range([0, 120]);
    const axis = pointAxis(x, { orient: "bottom", x: 0, y: 0, labels: periods, fontSize: 12 });
    expect(axis.ticks.map((t) => t.label)).toEqual(["2023-Q1", "", "", "2023-Q4", "", ""]);
    expect(axis.ticks.map((t) => t.pos)).toEqual([0, 24, 48, 72, 96, 120]);
  });
});

describe("legendLayout", () => {
  it("wraps items onto new rows within the width", () => {
    const swatch = { kind: "rect" as const, fill: "#000" };
    const items = ["Quý 1", "Quý 2", "Quý 3", "Quý 4"].map((label) => ({ key: label, label, swatch }));
    const wide = legendLayout(items, 480, 12);
    expect(wide.height).toBe(20);
    expect(wide.items.map((i) => i.y)).toEqual([0, 0, 0, 0]);
    const narrow = legendLayout(items, 150, 12);
    expect(narrow.items.map((i) => i.y)).toEqual([0, 0, 20, 20]);
    expect(narrow.height).toBe(40);
    expect(legendLayout([], 100, 12).height).toBe(0);
  });
});

describe("chartCss", () => {
  it("scopes every rule to the chart id", () => {
    const css = chartCss("c1");
    for (const rule of css.split("\n")) expect(rule).toContain("#c1");
    expect(() => chartCss("c 1")).toThrow("bad id: c 1");
  });
});

describe("ChartDataTable", () => {
  const model = {
    caption: "Số bài dự thi",
    rowHeader: "Năm",
    columns: [
      { key: "q1", header: "Quý 1", numeric: true },
      { key: "note", header: "Ghi chú" },
    ],
    rows: [
      { key: "a", header: "2022", cells: ["3", "—"], group: "Xã A" },
      { key: "b", header: "2023", cells: ["4", "—"], group: "Xã A" },
      { key: "c", header: "2023", cells: ["5", "—"], group: "Xã B" },
    ],
  };

  it("renders caption, column and row headers, and row groups", () => {
    const html = renderChart(<ChartDataTable model={model} />);
    expect(html).toContain("<caption>Số bài dự thi</caption>");
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html.match(/<th scope="row">/g)).toHaveLength(3);
    expect(html.match(/<tbody>/g)).toHaveLength(2);
    expect(html).toMatch(/<th scope="rowgroup" colspan="3">Xã B<\/th>/i);
  });

  it("refuses a row whose cells do not match the columns", () => {
    const bad = { ...model, rows: [{ key: "x", header: "x", cells: ["1"] }] };
    expect(() => renderChart(<ChartDataTable model={bad} />)).toThrow("row x has 1 cells for 2 columns");
  });
});

describe("frameLayout", () => {
  const legend = ["Quý 1", "Quý 2"].map((label) => ({ key: label, label, swatch: { kind: "rect" as const, fill: "#000" } }));
  const patterns = [{ ref: "seg-0", background: "#fff", pattern: "dots" as const, ink: "#000" }];
  const options = { fontSize: 12, focusable: false, legend: true };

  it("lays out the legend within the width and leaves the axis slots for the chart", () => {
    const frame = frameLayout({ width: 480, height: 200 }, options, { empty: false, legend, legendX: 30, patterns });
    expect(frame).toMatchObject({ width: 480, height: 200, fontSize: 12, legendX: 30, empty: false });
    expect(frame.legend.items.map((i) => i.label)).toEqual(["Quý 1", "Quý 2"]);
    expect(frame.legend.height).toBe(20);
    expect(frame.axes).toEqual({ y: null, x: null });
    expect(frame.patterns).toEqual(patterns);
  });

  it("draws no legend and defines no patterns when empty or told not to", () => {
    const empty = frameLayout({ width: 480, height: 200 }, options, { empty: true, legend, patterns });
    expect(empty.legend).toEqual({ items: [], height: 0 });
    expect(empty.patterns).toEqual([]);
    const off = frameLayout({ width: 480, height: 200 }, { ...options, legend: false }, { empty: false, legend });
    expect(off.legend.height).toBe(0);
  });

  it("gives a chart whose height follows its rows one line's height until the rows are placed", () => {
    expect(frameLayout({ width: 480 }, options, { empty: true }).height).toBe(40);
  });
});

describe("plotArea", () => {
  const options = { fontSize: 12, focusable: false };
  const legend = [{ key: "a", label: "A", swatch: { kind: "rect" as const, fill: "#000" } }];

  it("puts the plot below the legend, inside the margins", () => {
    const frame = frameLayout({ width: 480, height: 260 }, options, { empty: false, legend });
    expect(plotArea(frame, { top: 8, right: 14, bottom: 24, left: 52 })).toEqual({
      x: 52,
      y: 20 + 8,
      width: 480 - 52 - 14,
      height: 260 - 28 - 24,
    });
  });

  it("refuses a plot too small to draw in, naming the size", () => {
    const margins = { top: 8, right: 14, bottom: 24, left: 52 };
    expect(() => plotArea(frameLayout({ width: 100, height: 260 }, options, { empty: true }), margins)).toThrow(
      "width too small: 100",
    );
    expect(() => plotArea(frameLayout({ width: 480, height: 60 }, options, { empty: true }), margins)).toThrow(
      "height too small: 60",
    );
  });
});

describe("SvgFrame", () => {
  const options = { fontSize: 12, focusable: false };
  const legend = [{ key: "q1", label: "Quý 1", swatch: { kind: "pattern" as const, ref: "seg-0" } }];
  const patterns = [{ ref: "seg-0", background: "#fff", pattern: "dots" as const, ink: "#000" }];

  it("names the SVG, carries the scoped stylesheet, the patterns and the legend, then the marks", () => {
    const frame = frameLayout({ width: 300, height: 120 }, options, { empty: false, legend, patterns });
    const svg = renderChart(
      <SvgFrame id="f1" frame={frame} labels={{ title: "Tiêu đề", description: "Mô tả" }}>
        <circle className="mark" />
      </SvgFrame>,
    );
    expect(svg).toContain('role="img" aria-labelledby="f1-title" aria-describedby="f1-desc" viewBox="0 0 300 120"');
    expect(svg).toContain('<title id="f1-title">Tiêu đề</title>');
    expect(svg).toContain('<desc id="f1-desc">Mô tả</desc>');
    expect(svg).toContain("<style>#f1 .pb-row:hover");
    expect(svg).toContain('<pattern id="f1-seg-0"');
    expect(svg).toContain('fill="url(#f1-seg-0)"');
    expect(svg.indexOf('class="pb-legend"')).toBeLessThan(svg.indexOf('class="mark"'));
  });

  it("shows the no-data text in place of the marks", () => {
    const frame = frameLayout({ width: 300, height: 120 }, options, { empty: true, legend, patterns });
    const svg = renderChart(
      <SvgFrame id="f2" frame={frame} labels={{ title: "Tiêu đề", noData: "Chưa có số liệu" }}>
        <circle className="mark" />
      </SvgFrame>,
    );
    expect(svg).toContain('text-anchor="middle" fill="#595959">Chưa có số liệu</text>');
    expect(svg).not.toContain("mark");
    expect(svg).not.toContain("<pattern");
    expect(svg).not.toContain("aria-describedby");
  });

  it("is a named group when its marks are tab stops, and checks its id", () => {
    const frame = frameLayout({ width: 300, height: 120 }, { ...options, focusable: true }, { empty: false });
    expect(renderChart(<SvgFrame id="f3" frame={frame} labels={{ title: "T" }} />)).toContain('role="group"');
    expect(() => renderChart(<SvgFrame id="f 3" frame={frame} labels={{ title: "T" }} />)).toThrow("bad id: f 3");
  });
});

describe("GroupFrame", () => {
  const legend = [{ key: "a", label: "Xã A", swatch: { kind: "rect" as const, fill: "#000" } }];

  it("names the group once, with one stylesheet and one legend for all its SVGs", () => {
    const html = renderChart(
      <GroupFrame id="g1" className="pb-group" labels={{ title: "Nhóm" }} empty={false} legend={legend}>
        <svg />
      </GroupFrame>,
    );
    expect(html).toContain('<div id="g1" class="pb-group" role="group" aria-labelledby="g1-title">');
    expect(html).toContain('<p id="g1-title" hidden="">Nhóm</p>');
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).toContain('<ul class="pb-legend" aria-hidden="true"');
    expect(html).toContain("<svg/>");
  });

  it("shows only the no-data note when empty", () => {
    const html = renderChart(
      <GroupFrame id="g2" className="pb-group" labels={{ title: "Nhóm", noData: "Chưa có" }} empty legend={legend}>
        <svg />
      </GroupFrame>,
    );
    expect(html).toContain('<p class="pb-chart-empty">Chưa có</p>');
    expect(html).not.toContain("<svg");
    expect(html).not.toContain("pb-legend");
  });
});

describe("ChartFrame", () => {
  it("shows the chart with its table in a <details>", () => {
    const html = renderChart(
      <ChartFrame
        isEmpty={false}
        emptyText="Chưa có số liệu"
        tableSummary="Xem bảng số liệu"
        chart={<svg />}
        table={<table />}
      />,
    );
    expect(html).toContain('<details class="pb-chart-details">');
    expect(html).toContain("<summary>Xem bảng số liệu</summary>");
    expect(html).toContain("<svg/>");
  });

  it("shows only the empty message when there is nothing to draw", () => {
    const html = renderChart(
      <ChartFrame
        isEmpty
        emptyText="Chưa có số liệu"
        tableSummary="Xem bảng số liệu"
        chart={<svg />}
        table={<table />}
      />,
    );
    expect(html).toContain('<p class="pb-chart-empty">Chưa có số liệu</p>');
    expect(html).not.toContain("<svg");
    expect(html).not.toContain("<details");
  });
});
