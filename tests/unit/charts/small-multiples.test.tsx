import { describe, expect, it } from "vitest";
import { SERIES_STYLES } from "~/charts/chart-series";
import {
  SmallMultiples,
  SmallMultiplesTable,
  isSmallMultiplesEmpty,
  smallMultiplesLayout,
  smallMultiplesTableModel,
} from "~/charts/small-multiples";
import type { SmallMultiplesLabels } from "~/charts/small-multiples";
import { SMALL_MULTIPLES_DATA } from "./chart-fixtures";
import { formatCountVi, formatPercentTickVi, formatPercentVi, renderChart } from "./chart-snapshot";

const labels: SmallMultiplesLabels = {
  title: "Ba đơn vị qua bốn quý, theo từng chỉ số",
  unit: "Đơn vị",
  noData: "Chưa có số liệu",
};

const size = { width: 240, height: 150 };

describe("smallMultiplesLayout", () => {
  const layout = smallMultiplesLayout(SMALL_MULTIPLES_DATA, size, undefined, {
    value: formatByPanel,
    tick: formatTickByPanel,
  });

  it("gives each unit its own style, the same in every panel, in one legend", () => {
    const styles = layout.legend.map((item) => (item.swatch.kind === "line" ? item.swatch.style : null));
    expect(styles).toEqual(SERIES_STYLES.slice(0, 3));
    expect(layout.legend.map((item) => item.key)).toEqual(SMALL_MULTIPLES_DATA.units.map((u) => u.key));
    for (const panel of layout.panels) {
      const byKey = new Map(panel.layout.series.map((s) => [s.key, s.style]));
      layout.legend.forEach((item, i) => {
        if (byKey.has(item.key)) expect(byKey.get(item.key)).toEqual(styles[i]);
      });
    }
  });

  it("lays out one panel per indicator with its own value type", () => {
    expect(layout.panels.map((p) => p.id)).toEqual(["digitization_rate", "online_payment_rate", "overdue_dossiers"]);
    const rate = layout.panels[0]?.layout;
    const count = layout.panels[2]?.layout;
    expect(rate?.axes.y?.ticks.at(-1)?.label).toBe("100 %");
    expect(count?.axes.y?.ticks.at(-1)?.label).toBe("6");
    expect(rate?.series[0]?.points[0]?.title).toBe("Thị trấn Ninh Giang · Q1/2023: 90,0 %");
    expect(count?.axes.y?.ticks.every((t) => Number.isInteger(Number(t.label)))).toBe(true);
  });

  it("leaves room above each plot for the panel title", () => {
    expect(layout.panels[0]?.layout.plot.y).toBe(11 + 12);
  });

  it("treats a unit missing from a panel as all-null (no line) and keeps gaps", () => {
    const payment = layout.panels[1]?.layout;
    const an = payment?.series.find((s) => s.key === "11173");
    expect(an?.points).toEqual([]);
    expect(an?.path).toBe("");
    const ungHoe = payment?.series.find((s) => s.key === "11161");
    expect(ungHoe?.points.map((p) => p.key)).toEqual(["Q1/2023", "Q4/2023"]);
  });

  it("is empty without units, panels or periods", () => {
    expect(isSmallMultiplesEmpty({ ...SMALL_MULTIPLES_DATA, panels: [] })).toBe(true);
    expect(isSmallMultiplesEmpty({ ...SMALL_MULTIPLES_DATA, units: [] })).toBe(true);
    expect(isSmallMultiplesEmpty(SMALL_MULTIPLES_DATA)).toBe(false);
  });

  it("rejects bad options and data with messages naming the value", () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ key: `u${i}`, label: `U${i}` }));
    expect(() => smallMultiplesLayout({ ...SMALL_MULTIPLES_DATA, units: six }, size)).toThrow(
      "too many units: 6 (at most 5)",
    );
    const stray = {
      ...SMALL_MULTIPLES_DATA,
      panels: [{ id: "x", label: "X", valueType: "rate" as const, values: { zz: [1, 1, 1, 1] } }],
    };
    expect(() => smallMultiplesLayout(stray, size)).toThrow("unknown unit in x: zz");
    const badType = {
      ...SMALL_MULTIPLES_DATA,
      panels: [{ id: "x", label: "X", valueType: "ratio" as never, values: {} }],
    };
    expect(() => smallMultiplesLayout(badType, size)).toThrow("unknown valueType: ratio");
    expect(() => smallMultiplesLayout(SMALL_MULTIPLES_DATA, size, { minPanelWidth: -1 })).toThrow(
      "bad minPanelWidth: -1",
    );
  });
});

function formatByPanel(n: number, panel: string): string {
  return panel === "overdue_dossiers" ? formatCountVi(n) : formatPercentVi(n);
}

function formatTickByPanel(n: number, panel: string): string {
  return panel === "overdue_dossiers" ? formatCountVi(n) : formatPercentTickVi(n);
}

describe("SmallMultiples", () => {
  it("renders the HTML+SVG snapshot: one legend, one SVG per panel in a reflowing grid", async () => {
    const html = renderChart(
      <SmallMultiples
        id="sm-units"
        data={SMALL_MULTIPLES_DATA}
        labels={labels}
        formatValue={formatByPanel}
        formatTick={formatTickByPanel}
      />,
      "sm-units",
    );
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(3);
    expect(html).toContain('role="group" aria-labelledby="ID-title"');
    expect(html).toContain("grid-template-columns:repeat(auto-fill, minmax(min(100%, 176px), 1fr))");
    // One stylesheet for the whole group, none per panel.
    expect(html.match(/<style>/g)).toHaveLength(1);
    await expect(html).toMatchFileSnapshot("./__snapshots__/small-multiples.html");
  });

  it("renders an empty state", () => {
    const html = renderChart(
      <SmallMultiples
        id="sm-empty"
        data={{ ...SMALL_MULTIPLES_DATA, panels: [] }}
        labels={labels}
        formatValue={formatByPanel}
      />,
    );
    expect(html).toContain('<p class="pb-chart-empty">Chưa có số liệu</p>');
    expect(html).not.toContain("<svg");
  });

  it("renders the companion table grouped by indicator", async () => {
    const model = smallMultiplesTableModel(SMALL_MULTIPLES_DATA, labels, formatByPanel);
    expect(model.rows.map((r) => r.group)).toEqual([
      ...Array(3).fill("Tỷ lệ số hóa hồ sơ"),
      ...Array(3).fill("Tỷ lệ thanh toán trực tuyến"),
      ...Array(3).fill("Số hồ sơ quá hạn"),
    ]);
    expect(model.rows[5]?.cells).toEqual(["—", "—", "—", "—"]);
    const html = renderChart(
      <SmallMultiplesTable data={SMALL_MULTIPLES_DATA} labels={labels} formatValue={formatByPanel} />,
    );
    expect(html).toMatch(/<th scope="rowgroup" colspan="5">Số hồ sơ quá hạn<\/th>/i);
    await expect(html).toMatchFileSnapshot("./__snapshots__/small-multiples-table.html");
  });
});
