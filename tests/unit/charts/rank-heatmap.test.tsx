import { describe, expect, it } from "vitest";
import { classColor, contrastRatio, relativeLuminance } from "~/charts/chart-colors";
import { RankHeatmap, RankHeatmapTable, rankHeatmapLayout, rankHeatmapTableModel } from "~/charts/rank-heatmap";
import type { RankHeatmapLabels } from "~/charts/rank-heatmap";
import { HEATMAP_DATA } from "./chart-fixtures";
import { formatCountVi, formatPercentVi, renderChart } from "./chart-snapshot";

const labels: RankHeatmapLabels = {
  title: "Thứ hạng theo chỉ số, quý 4/2023",
  description: "Ô càng đậm, thứ hạng càng cao; số trong ô là thứ hạng.",
  unit: "Đơn vị",
  noData: "Chưa có số liệu",
};

function formatByIndicator(n: number, indicator: string): string {
  return indicator === "overdue_dossiers" ? formatCountVi(n) : formatPercentVi(n);
}

describe("rankHeatmapLayout", () => {
  const layout = rankHeatmapLayout(HEATMAP_DATA, { width: 480 }, undefined, formatByIndicator);
  const cell = (unit: string, indicator: string) =>
    layout.rows.find((r) => r.key === unit)?.cells.find((c) => c.key === indicator);

  it("prints the rank in every cell that has one", () => {
    for (const c of HEATMAP_DATA.cells) {
      const mark = cell(c.unit, c.indicator);
      expect(mark?.text).toBe(c.rank === null ? "—" : String(c.rank));
    }
  });

  it("colours the best value darkest and lightens with each worse value class", () => {
    const best = cell("11155", "digitization_rate");
    const fourth = cell("11167", "digitization_rate");
    const worst = cell("11167", "online_rate");
    expect(best?.fill).not.toBeNull();
    const l = (c: typeof best) => relativeLuminance(c?.fill ?? "#000");
    expect(l(best)).toBeLessThan(l(fourth));
    expect(l(fourth)).toBeLessThan(l(worst));
    // Rank 19 of 19 is as light as rank 20 of 20: both are last.
    expect(cell("11167", "online_payment_rate")?.fill).toBe(worst?.fill);
  });

  it("colours a crowd tied at zero as the last value class, not as its competition rank, and says the tie", () => {
    // Initiatives: two units sent 3 and 1; eighteen sent none and tie at 3/20, which a rank colour would paint
    // in the top sixth of the ramp.
    const codes = Array.from({ length: 20 }, (_, i) => String(10000 + i));
    const data = {
      units: codes.map((code) => ({ code, name: `Xã ${code}` })),
      indicators: [{ id: "initiatives", label: "Sáng kiến" }],
      cells: codes.map((unit, i) => ({ unit, indicator: "initiatives", rank: i < 2 ? i + 1 : 3, field: 20, value: i === 0 ? 3 : i === 1 ? 1 : 0 })),
    };
    const tied = { ...labels, tiedWith: (n: number) => `hòa với ${n} đơn vị khác` };
    const zeros = rankHeatmapLayout(data, { width: 480 }, undefined, formatCountVi, tied);
    const fill = (code: string) => zeros.rows.find((r) => r.key === code)?.cells[0]?.fill ?? "";
    const lum = (code: string) => relativeLuminance(fill(code));
    expect(lum("10000")).toBeLessThan(lum("10001"));
    expect(lum("10001")).toBeLessThan(lum("10002"));
    // Three classes: the zeros are the third, the lightest end of the ramp, the colour of a last place.
    const lastOfTwenty = rankHeatmapLayout(
      { ...data, cells: codes.map((unit, i) => ({ unit, indicator: "initiatives", rank: i + 1, field: 20, value: 20 - i })) },
      { width: 480 },
    );
    expect(fill("10019")).toBe(lastOfTwenty.rows.find((r) => r.key === "10019")?.cells[0]?.fill);
    expect(new Set(codes.slice(2).map(fill)).size).toBe(1);
    expect(zeros.rows.find((r) => r.key === "10005")?.cells[0]?.title).toBe("Xã 10005 · Sáng kiến: 3/20 (0) · hòa với 17 đơn vị khác");
    expect(zeros.rows.find((r) => r.key === "10000")?.cells[0]?.title).toBe("Xã 10000 · Sáng kiến: 1/20 (3)");
    const table = rankHeatmapTableModel(data, tied, formatCountVi);
    expect(table.rows.find((r) => r.key === "10007")?.cells).toEqual(["3/20 (0) · hòa với 17 đơn vị khác"]);
  });

  it("gives every unit the middle colour when all hold the same value", () => {
    const data = {
      units: [{ code: "00001", name: "A" }, { code: "00002", name: "B" }],
      indicators: [{ id: "on_time_rate", label: "Đúng hạn" }],
      cells: ["00001", "00002"].map((unit) => ({ unit, indicator: "on_time_rate", rank: 1, field: 2, value: 1 })),
    };
    const both = rankHeatmapLayout(data, { width: 480 }).rows.map((r) => r.cells[0]?.fill);
    expect(both[0]).toBe(both[1]);
    expect(both[0]).toBe(classColor(1, 1));
  });

  it("picks the text colour with the better contrast, at least 4.5:1, in every cell", () => {
    for (const row of layout.rows) {
      for (const c of row.cells) {
        if (c.fill !== null) expect(contrastRatio(c.fill, c.textColor)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("draws missing cells (a null rank, or no cell at all) without a fill and with '—'", () => {
    const nullRank = cell("11161", "online_payment_rate");
    const absent = cell("11176", "on_time_rate");
    for (const c of [nullRank, absent]) {
      expect(c?.fill).toBeNull();
      expect(c?.text).toBe("—");
    }
    expect(absent?.title).toBe("Xã Vạn Phúc · Tỷ lệ giải quyết đúng hạn: —");
  });

  it("lays cells out on a regular grid below the headers", () => {
    expect(layout.cellWidth).toBeGreaterThan(30);
    const first = layout.rows[0]?.cells[0];
    const second = layout.rows[1]?.cells[1];
    expect(first?.x).toBe(136 + 1);
    expect(first?.y).toBe(112 + 1);
    expect((second?.x ?? 0) - (first?.x ?? 0)).toBeCloseTo(layout.cellWidth, 1);
    expect((second?.y ?? 0) - (first?.y ?? 0)).toBe(26);
    expect(layout.height).toBe(112 + 6 * 26 + 4);
    // The last rotated header must still fit inside the viewBox.
    const lastX = layout.columns.at(-1)?.x ?? 0;
    const longest = Math.max(...layout.columns.map((c) => c.label.length)) * 12 * 0.55;
    expect(lastX + layout.cellWidth / 2 + longest * 0.71).toBeLessThanOrEqual(480);
  });

  it("uses the short label in the header and keeps the full one for the tooltip", () => {
    const payment = layout.columns.find((c) => c.key === "online_payment_rate");
    expect(payment?.label).toBe("Thanh toán trực tuyến");
    expect(payment?.fullLabel).toBe("Tỷ lệ thanh toán trực tuyến");
    expect(cell("11155", "overdue_dossiers")?.title).toBe("Thị trấn Ninh Giang · Số hồ sơ quá hạn: 1/20 (0)");
  });

  it("sorts rows by one indicator's rank when asked, missing last", () => {
    const sorted = rankHeatmapLayout(HEATMAP_DATA, { width: 480 }, { sortBy: "online_rate" });
    expect(sorted.rows.map((r) => r.key)).toEqual(["11173", "11155", "11161", "11164", "11167", "11176"]);
  });

  it("returns an empty layout without units or indicators", () => {
    expect(rankHeatmapLayout({ units: [], indicators: [], cells: [] }, { width: 480 }).empty).toBe(true);
  });

  it("rejects bad options and inconsistent cells", () => {
    const size = { width: 480 };
    expect(() => rankHeatmapLayout(HEATMAP_DATA, size, { sortBy: "foo" })).toThrow("unknown indicator: foo");
    expect(() => rankHeatmapLayout(HEATMAP_DATA, size, { cellHeight: 0 })).toThrow("bad cellHeight: 0");
    expect(() => rankHeatmapLayout(HEATMAP_DATA, { width: 200 })).toThrow("width too small: 200");
    const stray = { ...HEATMAP_DATA, cells: [{ unit: "99999", indicator: "online_rate", rank: 1, field: 20 }] };
    expect(() => rankHeatmapLayout(stray, size)).toThrow("unknown unit: 99999");
    const twice = { ...HEATMAP_DATA, cells: [...HEATMAP_DATA.cells, HEATMAP_DATA.cells[0]!] };
    expect(() => rankHeatmapLayout(twice, size)).toThrow("duplicate cell: 11155 digitization_rate");
    const overField = { ...HEATMAP_DATA, cells: [{ unit: "11155", indicator: "online_rate", rank: 21, field: 20 }] };
    expect(() => rankHeatmapLayout(overField, size)).toThrow("bad field for 11155 online_rate: 20");
  });
});

describe("RankHeatmap", () => {
  it("renders the SVG snapshot", async () => {
    const svg = renderChart(
      <RankHeatmap id="hm-q4" data={HEATMAP_DATA} labels={labels} formatValue={formatByIndicator} />,
      "hm-q4",
    );
    expect(svg).toContain('<pattern id="ID-missing"');
    expect(svg).toContain('fill="url(#ID-missing)"');
    await expect(svg).toMatchFileSnapshot("./__snapshots__/rank-heatmap.svg");
  });

  it("renders the companion table with rank and value per cell", async () => {
    const model = rankHeatmapTableModel(HEATMAP_DATA, labels, formatByIndicator);
    expect(model.rows[0]?.cells[0]).toBe("1/20 (98,2 %)");
    expect(model.rows[1]?.cells[2]).toBe("—");
    expect(model.rows[3]?.cells[4]).toBe("20/20 (17)");
    const html = renderChart(<RankHeatmapTable data={HEATMAP_DATA} labels={labels} formatValue={formatByIndicator} />);
    expect(html).toContain(
      '<th scope="col" style="text-align:right;font-variant-numeric:tabular-nums">Tỷ lệ số hóa hồ sơ</th>',
    );
    await expect(html).toMatchFileSnapshot("./__snapshots__/rank-heatmap-table.html");
  });
});
