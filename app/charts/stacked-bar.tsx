/**
 * Horizontal stacked bars, e.g. contest entries per unit and year stacked by quarter. Segments differ in
 * lightness AND pattern (solid, stripes, dots, grid), with a legend; the total is printed at the end of
 * each bar. Categories may carry a group (the unit) so that several years of one unit sit together.
 */
import { max, scaleLinear, stack } from "d3";
import { linearAxis } from "./chart-axis";
import { INK, segmentFill } from "./chart-colors";
import { ChartDataTable } from "./chart-data-table";
import type { DataTableModel } from "./chart-data-table";
import { SvgFrame, frameLayout } from "./chart-frame";
import type { FrameLabels, FrameLayout } from "./chart-frame";
import {
  checkPositive,
  checkSize,
  checkUnique,
  fitText,
  plainFormat,
  r2,
  resolveOptions,
  NO_VALUE,
} from "./chart-options";
import type { ChartFormat, ChartSize } from "./chart-options";
import { patternUrl } from "./chart-style";
import type { PatternSpec } from "./chart-style";

export interface StackedBarCategory {
  key: string;
  label: string;
  /** Consecutive categories with the same group get one heading (e.g. the unit, with one bar per year). */
  group?: string;
  /** One value per segment; null = not reported (drawn as nothing, "—" in the table). */
  values: readonly (number | null)[];
  /** The category's page: the row becomes a link, named `linkName` (default "label: total"). */
  href?: string | null;
  linkName?: string;
}

export interface StackedBarData {
  /** The stacked parts, e.g. Q1–Q4, in stacking order. */
  segments: readonly { key: string; label: string }[];
  categories: readonly StackedBarCategory[];
}

export interface StackedBarOptions {
  rowHeight: number;
  fontSize: number;
  labelWidth: number;
  /** Room after the longest bar for its total, px. */
  totalWidth: number;
  /** Share of the row height left empty around a bar (0–0.8). */
  barPadding: number;
  /** Extra room above a group heading, px. */
  groupGap: number;
  /** Value at the full bar length; null = the largest total, rounded up. */
  domainMax: number | null;
  axis: boolean;
  legend: boolean;
  focusable: boolean;
}

export const stackedBarDefaults: StackedBarOptions = {
  rowHeight: 22,
  fontSize: 12,
  labelWidth: 120,
  totalWidth: 48,
  barPadding: 0.2,
  groupGap: 8,
  domainMax: null,
  axis: true,
  legend: true,
  focusable: false,
};

export const MAX_SEGMENTS = 8;

export interface StackedSegmentMark {
  key: string;
  x: number;
  width: number;
  value: number;
  patternRef: string;
  title: string;
}

export interface StackedBarRow {
  key: string;
  label: string;
  fullLabel: string;
  y: number;
  barY: number;
  barHeight: number;
  total: number;
  totalText: string;
  /** Some segment is null (spec §4: a year with a quarter missing is an "incomplete year"). */
  incomplete: boolean;
  totalX: number;
  segments: StackedSegmentMark[];
  link: { href: string; name: string } | null;
}

/** The frame (legend of segments with their patterns, value axis along x) and the bars below the legend. */
export interface StackedBarLayout extends FrameLayout {
  rowHeight: number;
  barX: number;
  groups: { key: string; label: string; y: number }[];
  /** Segments are tab stops (the `focusable` option). */
  segmentTabStops: boolean;
  rows: StackedBarRow[];
}

export function isStackedBarEmpty(data: StackedBarData): boolean {
  return data.categories.length === 0 || data.segments.length === 0;
}

function checkStackedData(data: StackedBarData): void {
  if (data.segments.length > MAX_SEGMENTS)
    throw new Error(`too many segments: ${data.segments.length} (at most ${MAX_SEGMENTS})`);
  checkUnique("segment", data.segments.map((s) => s.key));
  checkUnique("category", data.categories.map((c) => c.key));
  for (const c of data.categories) {
    if (c.values.length !== data.segments.length) {
      throw new Error(`category ${c.key} has ${c.values.length} values for ${data.segments.length} segments`);
    }
    for (const v of c.values) {
      if (v !== null && (!Number.isFinite(v) || v < 0)) throw new Error(`bad value in ${c.key}: ${v}`);
    }
  }
}

function fullLabel(c: StackedBarCategory): string {
  return c.group === undefined ? c.label : `${c.group} ${c.label}`;
}

export function stackedBarPatterns(count: number): PatternSpec[] {
  return Array.from({ length: count }, (_, i) => ({ ref: `seg-${i}`, ...segmentFill(i, count) }));
}

const TOP_GAP = 8;
const AXIS_HEIGHT = 26;

export function stackedBarLayout(
  data: StackedBarData,
  size: ChartSize,
  options?: Partial<StackedBarOptions>,
  format: ChartFormat = plainFormat,
): StackedBarLayout {
  const o = resolveOptions(stackedBarDefaults, options);
  const { width } = checkSize(size, false);
  for (const k of ["rowHeight", "fontSize", "labelWidth", "totalWidth"] as const) checkPositive(k, o[k]);
  if (o.barPadding < 0 || o.barPadding > 0.8) throw new Error(`bad barPadding: ${o.barPadding}`);
  if (o.groupGap < 0) throw new Error(`bad groupGap: ${o.groupGap}`);
  if (o.domainMax !== null) checkPositive("domainMax", o.domainMax);
  checkStackedData(data);
  const empty = isStackedBarEmpty(data);
  // Links are tab stops of their own: the SVG is then a named group, not one image.
  const linked = data.categories.some((c) => Boolean(c.href));
  const frame = frameLayout({ width }, { ...o, focusable: o.focusable || linked }, {
    empty,
    legend: data.segments.map((s, i) => ({ key: s.key, label: s.label, swatch: { kind: "pattern", ref: `seg-${i}` } })),
    patterns: stackedBarPatterns(data.segments.length),
  });
  const barX = o.labelWidth;
  const barArea = width - barX - o.totalWidth;
  if (barArea < 40) throw new Error(`width too small: ${width}`);
  const base = { ...frame, rowHeight: o.rowHeight, barX, segmentTabStops: o.focusable };
  if (empty) return { ...base, groups: [], rows: [] };

  const stacked = stack<StackedBarCategory, number>()
    .keys(data.segments.map((_, i) => i))
    .value((c, k) => c.values[k] ?? 0)(data.categories as StackedBarCategory[]);
  const totals = data.categories.map((c) => c.values.reduce<number>((sum, v) => sum + (v ?? 0), 0));
  const x = scaleLinear()
    .domain([0, o.domainMax ?? Math.max(1, max(totals) ?? 0)])
    .range([0, barArea]);
  const xTicks = Math.max(2, Math.floor(barArea / 70));
  // Nice with the tick count that the axis uses, so the end of the scale is a labelled tick.
  if (o.domainMax === null) x.nice(xTicks);

  const groups: StackedBarLayout["groups"] = [];
  const bodyTop = frame.legend.height + (frame.legend.height > 0 ? TOP_GAP : 4);
  let y = bodyTop;
  const barHeight = r2(o.rowHeight * (1 - o.barPadding));
  const rows = data.categories.map((c, i): StackedBarRow => {
    const previous = data.categories[i - 1];
    if (c.group !== undefined && c.group !== previous?.group) {
      y += i === 0 ? 0 : o.groupGap;
      groups.push({ key: `${i}-${c.group}`, label: fitText(c.group, width, o.fontSize), y });
      y += o.rowHeight;
    }
    const rowY = y;
    y += o.rowHeight;
    const total = totals[i] ?? 0;
    return {
      key: c.key,
      label: fitText(c.label, o.labelWidth - 8 - (c.group === undefined ? 0 : 12), o.fontSize),
      fullLabel: fullLabel(c),
      y: rowY,
      barY: r2(rowY + (o.rowHeight - barHeight) / 2),
      barHeight,
      total,
      totalText: format.value(total),
      incomplete: c.values.some((v) => v === null),
      totalX: r2(barX + x(total) + 4),
      link: c.href ? { href: c.href, name: c.linkName ?? `${fullLabel(c)}: ${format.value(total)}` } : null,
      segments: stacked.flatMap((series, k) => {
        const [x0, x1] = series[i] ?? [0, 0];
        const value = c.values[k] ?? null;
        if (value === null || x1 === x0) return [];
        return [
          {
            key: data.segments[k]?.key ?? String(k),
            x: r2(barX + x(x0)),
            width: r2(x(x1) - x(x0)),
            value,
            patternRef: `seg-${k}`,
            title: `${fullLabel(c)} · ${data.segments[k]?.label ?? ""}: ${format.value(value)}`,
          },
        ];
      }),
    };
  });
  const axis = o.axis
    ? linearAxis(x, {
        orient: "bottom",
        fontSize: o.fontSize,
        x: barX,
        y,
        count: xTicks,
        format: format.tick ?? format.value,
        grid: y - bodyTop,
      })
    : null;
  return { ...base, height: y + (axis ? AXIS_HEIGHT : 4), axes: { y: null, x: axis }, groups, rows };
}

export interface StackedBarLabels extends FrameLabels {
  /** Header of the table's first column, e.g. "Đơn vị". */
  category: string;
  /** Header of the table's total column, e.g. "Cả năm". */
  total: string;
  /** Marks a category with a segment not reported, e.g. "chưa đủ năm" (shown as "*" with this tooltip). */
  incomplete: string;
}

export interface StackedBarProps {
  id: string;
  data: StackedBarData;
  labels: StackedBarLabels;
  formatValue: (n: number) => string;
  formatTick?: (n: number) => string;
  width?: number;
  options?: Partial<StackedBarOptions>;
}

export function StackedBar({ id, data, labels, formatValue, formatTick, width = 480, options }: StackedBarProps) {
  const layout = stackedBarLayout(data, { width }, options, { value: formatValue, tick: formatTick });
  const mid = layout.rowHeight / 2;
  const fill = (ref: string) => patternUrl(id, ref);
  return (
    <SvgFrame id={id} frame={layout} labels={labels}>
      {layout.groups.map((g) => (
        <text key={g.key} x={0} y={g.y + mid} dy="0.32em" fontWeight={700} fill={INK}>
          {g.label}
        </text>
      ))}
      {layout.rows.map((row) => {
        const mark = (
        <g key={row.key} className="pb-row">
          <text x={layout.groups.length > 0 ? 12 : 0} y={row.y + mid} dy="0.32em" fill={INK}>
            <title>{row.fullLabel}</title>
            {row.label}
          </text>
          {row.segments.map((s) => (
            <rect
              key={s.key}
              className="pb-segment"
              tabIndex={layout.segmentTabStops ? 0 : undefined}
              x={s.x}
              y={row.barY}
              width={s.width}
              height={row.barHeight}
              fill={fill(s.patternRef)}
              stroke="#ffffff"
              strokeWidth={0.75}
            >
              <title>{s.title}</title>
            </rect>
          ))}
          <text x={row.totalX} y={row.y + mid} dy="0.32em" fill={INK}>
            {row.totalText}
            {row.incomplete ? (
              <tspan fontWeight={700}>
                *<title>{labels.incomplete}</title>
              </tspan>
            ) : null}
          </text>
        </g>
        );
        return row.link === null ? (
          mark
        ) : (
          <a key={row.key} href={row.link.href} className="pb-link" aria-label={row.link.name}>
            {mark}
          </a>
        );
      })}
    </SvgFrame>
  );
}

/** Rows are categories (grouped like the chart), columns the segments and the total. */
export function stackedBarTableModel(
  data: StackedBarData,
  labels: StackedBarLabels,
  formatValue: (n: number) => string,
): DataTableModel {
  checkStackedData(data);
  return {
    caption: labels.title,
    rowHeader: labels.category,
    columns: [
      ...data.segments.map((s) => ({ key: s.key, header: s.label, numeric: true })),
      { key: "_total", header: labels.total, numeric: true },
    ],
    rows: data.categories.map((c) => ({
      key: c.key,
      header: c.label,
      group: c.group,
      cells: [
        ...c.values.map((v) => (v === null ? NO_VALUE : formatValue(v))),
        `${formatValue(c.values.reduce<number>((sum, v) => sum + (v ?? 0), 0))}${
          c.values.some((v) => v === null) ? ` (${labels.incomplete})` : ""
        }`,
      ],
    })),
  };
}

export function StackedBarTable(props: {
  data: StackedBarData;
  labels: StackedBarLabels;
  formatValue: (n: number) => string;
}) {
  return <ChartDataTable model={stackedBarTableModel(props.data, props.labels, props.formatValue)} />;
}
