/**
 * A grid of mini trend lines, one per indicator, for 1–5 units (each with its own colour, dash and
 * marker). Each panel is its own small SVG inside a CSS grid, so on a phone the panels reflow to one
 * column instead of shrinking; one legend (an HTML list) serves all panels.
 */
import { ChartDataTable, periodTableModel } from "./chart-data-table";
import type { DataTableModel } from "./chart-data-table";
import { GroupFrame, SvgFrame } from "./chart-frame";
import type { FrameLabels } from "./chart-frame";
import { lineLegend } from "./chart-legend";
import type { LegendItem } from "./chart-legend";
import { checkOneOf, checkPositive, checkSize, checkUnique, resolveOptions, NO_VALUE } from "./chart-options";
import type { ChartSize } from "./chart-options";
import { SERIES_STYLES, seriesStyle } from "./chart-series";
import { TrendSeriesMarks, trendLineLayout, VALUE_TYPES } from "./trend-line";
import type { TrendLineLayout, ValueType } from "./trend-line";

export interface SmallMultiplesPanel {
  id: string;
  label: string;
  valueType: ValueType;
  /** Zooms the panel's y axis, e.g. [0.8, 1] for rates that all sit above 80 %. */
  yDomain?: [number, number];
  /** Unit key → one value per period. A unit without an entry has no values in this panel. */
  values: Readonly<Record<string, readonly (number | null)[]>>;
}

export interface SmallMultiplesData {
  periods: readonly string[];
  units: readonly { key: string; label: string }[];
  panels: readonly SmallMultiplesPanel[];
}

export interface SmallMultiplesOptions {
  fontSize: number;
  marginLeft: number;
  markerSize: number;
  yTicks: number;
  /** Narrowest a panel may get before the grid wraps, in CSS px. */
  minPanelWidth: number;
}

export const smallMultiplesDefaults: SmallMultiplesOptions = {
  fontSize: 11,
  marginLeft: 44,
  markerSize: 28,
  yTicks: 3,
  minPanelWidth: 176,
};

export const MAX_UNITS = SERIES_STYLES.length;

/** Panels mix rates and counts, so formatters are told which panel (indicator) a value belongs to. */
export type PanelFormat = (n: number, panel: string) => string;

export interface SmallMultiplesLayout {
  /** One legend for all panels: each unit has the same style in every panel. */
  legend: LegendItem[];
  panels: { id: string; label: string; layout: TrendLineLayout }[];
  minPanelWidth: number;
  empty: boolean;
}

export function isSmallMultiplesEmpty(data: SmallMultiplesData): boolean {
  return data.units.length === 0 || data.panels.length === 0 || data.periods.length === 0;
}

function panelSeries(data: SmallMultiplesData, panel: SmallMultiplesPanel) {
  const units = new Set(data.units.map((u) => u.key));
  for (const key of Object.keys(panel.values)) {
    if (!units.has(key)) throw new Error(`unknown unit in ${panel.id}: ${key}`);
  }
  return data.units.map((u) => ({
    key: u.key,
    label: u.label,
    values: panel.values[u.key] ?? data.periods.map(() => null),
  }));
}

/** `size` is one panel's coordinate space; the grid decides how many panels fit side by side. */
export function smallMultiplesLayout(
  data: SmallMultiplesData,
  size: ChartSize,
  options?: Partial<SmallMultiplesOptions>,
  format: { value: PanelFormat; tick?: PanelFormat } = { value: String },
): SmallMultiplesLayout {
  const o = resolveOptions(smallMultiplesDefaults, options);
  const panelSize = checkSize(size, true);
  checkPositive("minPanelWidth", o.minPanelWidth);
  if (data.units.length > MAX_UNITS) throw new Error(`too many units: ${data.units.length} (at most ${MAX_UNITS})`);
  checkUnique("unit", data.units.map((u) => u.key));
  checkUnique("panel", data.panels.map((p) => p.id));
  const panels = data.panels.map((p) => {
    const valueType = checkOneOf("valueType", p.valueType, VALUE_TYPES);
    const layout = trendLineLayout(
      { periods: data.periods, series: panelSeries(data, p) },
      panelSize,
      {
        valueType,
        yDomain: p.yDomain ?? null,
        legend: false,
        fontSize: o.fontSize,
        marginLeft: o.marginLeft,
        marginTop: o.fontSize + 12,
        marginRight: 10,
        markerSize: o.markerSize,
        yTicks: o.yTicks,
      },
      { value: (n) => format.value(n, p.id), tick: format.tick ? (n) => format.tick?.(n, p.id) ?? "" : undefined },
    );
    return { id: p.id, label: p.label, layout };
  });
  const legend = lineLegend(data.units, seriesStyle);
  return { legend, panels, minPanelWidth: o.minPanelWidth, empty: isSmallMultiplesEmpty(data) };
}

export interface SmallMultiplesLabels extends FrameLabels {
  /** Names the whole group of panels. */
  title: string;
  /** Header of the table's first column; indicators head the row groups. */
  unit: string;
}

export interface SmallMultiplesProps {
  id: string;
  data: SmallMultiplesData;
  labels: SmallMultiplesLabels;
  formatValue: PanelFormat;
  formatTick?: PanelFormat;
  /** One panel's coordinate space. */
  panelWidth?: number;
  panelHeight?: number;
  options?: Partial<SmallMultiplesOptions>;
}

export function SmallMultiples(props: SmallMultiplesProps) {
  const { id, data, labels, panelWidth = 240, panelHeight = 150, options } = props;
  const layout = smallMultiplesLayout(data, { width: panelWidth, height: panelHeight }, options, {
    value: props.formatValue,
    tick: props.formatTick,
  });
  return (
    <GroupFrame id={id} className="pb-small-multiples" labels={labels} empty={layout.empty} legend={layout.legend}>
      <div
        style={{
          display: "grid",
          gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${layout.minPanelWidth}px), 1fr))`,
          gap: "0.75rem",
        }}
      >
        {layout.panels.map((p) => (
          <SvgFrame
            key={p.id}
            id={`${id}-${p.id}`}
            frame={p.layout}
            labels={{ title: p.label, noData: labels.noData }}
            heading={p.label}
            withStyles={false}
          >
            <TrendSeriesMarks layout={p.layout} />
          </SvgFrame>
        ))}
      </div>
    </GroupFrame>
  );
}

/** One row group per indicator, one row per unit, columns are periods. */
export function smallMultiplesTableModel(
  data: SmallMultiplesData,
  labels: SmallMultiplesLabels,
  formatValue: PanelFormat,
): DataTableModel {
  const rows = data.panels.flatMap((panel) =>
    panelSeries(data, panel).map((s) => ({ ...s, key: `${panel.id}|${s.key}`, group: panel.label, panel: panel.id })),
  );
  return periodTableModel(labels.title, labels.unit, data.periods, rows, (s) =>
    s.values.map((v) => (v === null ? NO_VALUE : formatValue(v, s.panel))),
  );
}

export function SmallMultiplesTable(props: {
  data: SmallMultiplesData;
  labels: SmallMultiplesLabels;
  formatValue: PanelFormat;
}) {
  return <ChartDataTable model={smallMultiplesTableModel(props.data, props.labels, props.formatValue)} />;
}
