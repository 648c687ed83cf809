/**
 * One indicator over periods: the unit's line against a reference line (the district), told apart by
 * dash pattern and marker shape as well as colour. Null values leave gaps (d3 line `.defined`); a value
 * between two gaps still shows as its marker. The layout is reused by the small multiples.
 */
import { max, scaleLinear, scalePoint } from "d3";
import { linearAxis, pointAxis } from "./chart-axis";
import { TARGET_INK } from "./chart-colors";
import { ChartDataTable, periodTableModel } from "./chart-data-table";
import type { DataTableModel } from "./chart-data-table";
import { SvgFrame, frameLayout, plotArea } from "./chart-frame";
import type { FrameLabels, FrameLayout, PlotArea } from "./chart-frame";
import { lineLegend } from "./chart-legend";
import {
  checkDomain,
  checkNonNegative,
  checkOneOf,
  checkPositive,
  checkSize,
  checkUnique,
  plainFormat,
  r2,
  resolveOptions,
  NO_VALUE,
} from "./chart-options";
import type { ChartFormat, ChartSize } from "./chart-options";
import { REFERENCE_STYLE, SeriesLines, seriesStyle } from "./chart-series";
import type { SeriesStyle } from "./chart-series";
import {
  MergerRuleMark,
  checkRestatedFlags,
  firstOwnPeriod,
  hasRestated,
  markValue,
  mergerRoom,
  mergerRule,
  restatedLegendItem,
  restatedPaths,
} from "./chart-restated";
import type { MergerRule, RestatedFlags, RestatedLabels } from "./chart-restated";

/** `restated` / `estimated` per period mark a merged unit's figures before the merger (chart-restated.tsx). */
export interface TrendSeries extends RestatedFlags {
  key: string;
  label: string;
  /** One value per period, null where there is none (e.g. a rate whose denominator is 0). */
  values: readonly (number | null)[];
  /** A benchmark such as the district: grey, dashed, hollow squares, drawn underneath. At most one. */
  reference?: boolean;
}

export interface TrendLineData {
  /** Display labels of the periods, oldest first, e.g. ["Q1/2023", "Q2/2023"]. */
  periods: readonly string[];
  series: readonly TrendSeries[];
  /**
   * A target per period (each year has its own), drawn as a level line over the periods that share it and
   * given a row in the table; null where a period has none. `label` names it ("Mục tiêu").
   */
  target?: { label: string; values: readonly (number | null)[] };
}

export const VALUE_TYPES = ["rate", "count"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export interface TrendLineOptions {
  /** "rate": values are fractions 0–1, the y axis runs 0–1 (0–100 %); "count": 0 to the largest count. */
  valueType: ValueType;
  /** Overrides the y domain, e.g. [0.8, 1] to zoom in on high rates. */
  yDomain: [number, number] | null;
  fontSize: number;
  /** Room for the y tick labels, px. */
  marginLeft: number;
  marginRight: number;
  /** Room above the plot (below the legend), px. */
  marginTop: number;
  /** Marker area, px². */
  markerSize: number;
  /** Approximate number of y ticks. */
  yTicks: number;
  /** The series' legend; the key to a restated part is drawn whenever there is one, as it explains a mark. */
  legend: boolean;
  /** Each series becomes a tab stop (focus highlights it). */
  focusable: boolean;
}

export const trendLineDefaults: TrendLineOptions = {
  valueType: "rate",
  yDomain: null,
  fontSize: 12,
  marginLeft: 52,
  marginRight: 14,
  marginTop: 8,
  markerSize: 42,
  yTicks: 5,
  legend: true,
  focusable: false,
};

export interface TrendPoint {
  key: string;
  x: number;
  y: number;
  value: number;
  title: string;
  /** A figure combined from predecessors: a hollow marker. */
  restated?: boolean;
}

export interface TrendSeriesMark {
  key: string;
  label: string;
  style: SeriesStyle;
  path: string;
  /** The dotted part of a restated series; absent otherwise. */
  restatedPath?: string;
  points: TrendPoint[];
}

/** The frame (legend, axes: periods along x, values up y) and the lines inside its plot area. */
export interface TrendLineLayout extends FrameLayout {
  markerSize: number;
  plot: PlotArea;
  series: TrendSeriesMark[];
  /** The rule at a merged unit's first own period; null when nothing is restated. */
  merger: MergerRule | null;
  /** The target's level lines, one per run of periods with the same target, and its label at the last one. */
  target: { segments: { key: string; x1: number; x2: number; y: number }[]; label: { x: number; y: number; text: string } | null };
}

const NO_TARGET_MARKS: TrendLineLayout["target"] = { segments: [], label: null };

export function isTrendLineEmpty(data: TrendLineData): boolean {
  return data.periods.length === 0 || data.series.every((s) => s.values.every((v) => v === null));
}

/** Reference series first (drawn underneath), the others in the given order with the standard styles. */
export function trendSeriesStyles(series: readonly TrendSeries[]): SeriesStyle[] {
  if (series.filter((s) => s.reference).length > 1) throw new Error("more than one reference series");
  let next = 0;
  return series.map((s) => (s.reference ? REFERENCE_STYLE : seriesStyle(next++)));
}

export function checkSeriesValues(
  periods: readonly string[],
  series: readonly ({ key: string; values: readonly (number | null)[] } & RestatedFlags)[],
): void {
  checkUnique("period", periods);
  checkUnique("series", series.map((s) => s.key));
  for (const s of series) {
    if (s.values.length !== periods.length) {
      throw new Error(`series ${s.key} has ${s.values.length} values for ${periods.length} periods`);
    }
    for (const v of s.values) if (v !== null && !Number.isFinite(v)) throw new Error(`bad value in ${s.key}: ${v}`);
    checkRestatedFlags(s.key, periods.length, s);
  }
}

const AXIS_HEIGHT = 24;

export function trendLineLayout(
  data: TrendLineData,
  size: ChartSize,
  options?: Partial<TrendLineOptions>,
  format: ChartFormat = plainFormat,
  labels: RestatedLabels = {},
): TrendLineLayout {
  const o = resolveOptions(trendLineDefaults, options);
  const { width, height } = checkSize(size, true);
  const valueType = checkOneOf("valueType", o.valueType, VALUE_TYPES);
  const yDomain = checkDomain("yDomain", o.yDomain);
  for (const k of ["fontSize", "marginLeft", "markerSize", "yTicks"] as const) checkPositive(k, o[k]);
  checkNonNegative("marginTop", o.marginTop);
  checkNonNegative("marginRight", o.marginRight);
  checkSeriesValues(data.periods, data.series);
  const styles = trendSeriesStyles(data.series);
  const empty = isTrendLineEmpty(data);
  const restatedAt = data.series.findIndex(hasRestated);
  const restatedKey = restatedAt >= 0 && labels.restated ? [restatedLegendItem(styles[restatedAt] ?? REFERENCE_STYLE, labels.restated)] : [];
  const ownAt = firstOwnPeriod(data.periods.length, data.series);
  const ruled = ownAt !== null && labels.merger !== undefined;

  const frame = frameLayout({ width, height }, { ...o, legend: o.legend || restatedKey.length > 0 }, {
    empty,
    legend: [...(o.legend ? lineLegend(data.series, (i) => styles[i] ?? REFERENCE_STYLE) : []), ...restatedKey],
    legendX: o.marginLeft,
  });
  const top = o.marginTop + (ruled ? mergerRoom(o.fontSize) : 0);
  const plot = plotArea(frame, { top, right: o.marginRight, bottom: AXIS_HEIGHT, left: o.marginLeft });
  const base = { ...frame, markerSize: o.markerSize, plot };
  if (empty) return { ...base, series: [], merger: null, target: NO_TARGET_MARKS };
  const targets = data.target?.values ?? [];
  if (data.target && targets.length !== data.periods.length) throw new Error(`target: ${targets.length} values for ${data.periods.length} periods`);

  const x = scalePoint<string>().domain(data.periods).range([0, plot.width]).padding(0.3);
  const highest =
    max(
      [...data.series.flatMap((s) => s.values), ...targets],
      (v) => v,
    ) ?? 0;
  const domain = yDomain ?? (valueType === "rate" ? [0, 1] : [0, highest > 0 ? highest : 1]);
  const y = scaleLinear().domain(domain).range([plot.height, 0]);
  const yTicks = Math.min(o.yTicks, Math.max(2, Math.floor(plot.height / 28)));
  // Nice with the tick count that the axis uses, so the top of the scale is a labelled tick.
  if (yDomain === null && valueType === "count") y.nice(yTicks);

  const series = data.series
    .map((s, i): TrendSeriesMark => {
      const slots = s.values.map((v, j): TrendPoint | null => {
        const period = data.periods[j] ?? "";
        return v === null
          ? null
          : {
              key: period,
              x: r2(x(period) ?? 0),
              y: r2(y(v)),
              value: v,
              title: `${s.label} · ${period}: ${markValue(format.value(v), j, s, labels.restated)}`,
              ...(s.restated?.[j] ? { restated: true } : {}),
            };
      });
      return {
        key: s.key,
        label: s.label,
        style: styles[i] ?? REFERENCE_STYLE,
        ...restatedPaths(slots, s.restated),
        points: slots.filter((p): p is TrendPoint => p !== null),
      };
    })
    .sort((a, b) => Number(b.style.hollow) - Number(a.style.hollow));

  const axes = {
    y: linearAxis(y, {
      orient: "left",
      fontSize: o.fontSize,
      x: plot.x,
      y: plot.y,
      count: yTicks,
      format: format.tick ?? format.value,
      integer: valueType === "count",
      grid: plot.width,
    }),
    x: pointAxis(x, { orient: "bottom", x: plot.x, y: plot.y + plot.height, labels: data.periods, fontSize: o.fontSize }),
  };
  const merger =
    ruled && ownAt !== null && labels.merger
      ? mergerRule(x(data.periods[ownAt - 1] ?? "") ?? 0, x(data.periods[ownAt] ?? "") ?? 0, plot, labels.merger, o.fontSize, o.marginRight)
      : null;
  return { ...base, axes, series, merger, target: targetMarks(data, x, y, plot, o.fontSize) };
}

/** The lines and markers of a trend layout; shared with the small multiples. */
export function TrendSeriesMarks({ layout }: { layout: TrendLineLayout }) {
  return (
    <g transform={`translate(${layout.plot.x},${layout.plot.y})`}>
      <MergerRuleMark rule={layout.merger} />
      <TargetMarks target={layout.target} />
      <SeriesLines series={layout.series} markerArea={layout.markerSize} strokeWidth={2} focusable={layout.focusable} />
    </g>
  );
}

export interface TrendLineLabels extends FrameLabels, RestatedLabels {
  /** Header of the table's first column (the series), e.g. "Đơn vị". */
  series: string;
  /** After a restated value in the table, e.g. "gộp"; the table marks estimates with "≈" regardless. */
  restatedShort?: string;
}

export interface TrendLineProps {
  id: string;
  data: TrendLineData;
  labels: TrendLineLabels;
  formatValue: (n: number) => string;
  formatTick?: (n: number) => string;
  width?: number;
  height?: number;
  options?: Partial<TrendLineOptions>;
}

/** The target: dashed level lines under the series, its label above the last one's end. Decorative (the table has it). */
function TargetMarks({ target }: { target: TrendLineLayout["target"] }) {
  if (target.segments.length === 0) return null;
  return (
    <g className="pb-target" aria-hidden="true">
      {target.segments.map((s) => (
        <line key={s.key} x1={s.x1} x2={s.x2} y1={s.y} y2={s.y} stroke={TARGET_INK} strokeWidth={1.5} strokeDasharray="6 3" />
      ))}
      {target.label ? (
        <text x={target.label.x} y={target.label.y} textAnchor="end" fill={TARGET_INK} fontWeight={600}>
          {target.label.text}
        </text>
      ) : null}
    </g>
  );
}

export function TrendLine({
  id,
  data,
  labels,
  formatValue,
  formatTick,
  width = 480,
  height = 260,
  options,
}: TrendLineProps) {
  const layout = trendLineLayout(data, { width, height }, options, { value: formatValue, tick: formatTick }, labels);
  return (
    <SvgFrame id={id} frame={layout} labels={labels}>
      <TrendSeriesMarks layout={layout} />
    </SvgFrame>
  );
}

/** Level lines over each run of periods with the same target, half a step beyond the first and last points. */
function targetMarks(data: TrendLineData, x: (p: string) => number | undefined, y: (v: number) => number, plot: PlotArea, fontSize: number): TrendLineLayout["target"] {
  const values = data.target?.values ?? [];
  const step = data.periods.length > 1 ? (x(data.periods[1] ?? "") ?? 0) - (x(data.periods[0] ?? "") ?? 0) : plot.width;
  const segments: TrendLineLayout["target"]["segments"] = [];
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    const v = values[start];
    if (i < values.length && values[i] === v) continue;
    if (v !== null && v !== undefined) {
      // In the plot's own coordinates, as the series are drawn.
      const at = (j: number) => x(data.periods[j] ?? "") ?? 0;
      segments.push({ key: `${start}`, x1: r2(Math.max(0, at(start) - step / 2)), x2: r2(Math.min(plot.width, at(i - 1) + step / 2)), y: r2(y(v)) });
    }
    start = i;
  }
  const last = segments.at(-1);
  const label = last && data.target ? { x: last.x2, y: r2(last.y - fontSize * 0.35), text: data.target.label } : null;
  return { segments, label };
}

/** Rows are series, columns are periods. */
export function trendLineTableModel(
  data: TrendLineData,
  labels: TrendLineLabels,
  formatValue: (n: number) => string,
): DataTableModel {
  checkSeriesValues(data.periods, data.series);
  const model = periodTableModel(labels.title, labels.series, data.periods, data.series, (s) =>
    s.values.map((v, j) => (v === null ? NO_VALUE : markValue(formatValue(v), j, s, labels.restatedShort))),
  );
  if (!data.target || data.target.values.every((v) => v === null)) return model;
  return { ...model, rows: [...model.rows, { key: "target", header: data.target.label, cells: data.target.values.map((v) => (v === null ? NO_VALUE : formatValue(v))) }] };
}

export function TrendLineTable(props: {
  data: TrendLineData;
  labels: TrendLineLabels;
  formatValue: (n: number) => string;
}) {
  return <ChartDataTable model={trendLineTableModel(props.data, props.labels, props.formatValue)} />;
}
