/**
 * Signed contributions around zero, one row per part: a composite score's change split per indicator
 * ("−2,1 points: satisfaction −1,4; digitisation −0,6; …"). Bars run right from the zero line for a gain
 * and left for a loss, and differ by pattern as well as colour (a loss is hatched); each value is printed
 * at the end of its bar. The scale is symmetric so that equal gains and losses have equal lengths.
 */
import { max, scaleLinear } from "d3";
import { ChartDataTable, type DataTableModel } from "./chart-data-table";
import { INK, MUTED } from "./chart-colors";
import { SvgFrame, frameLayout, type FrameLabels, type FrameLayout } from "./chart-frame";
import { checkPositive, checkSize, checkUnique, fitText, plainFormat, r2, resolveOptions, type ChartFormat, type ChartSize } from "./chart-options";
import { patternUrl, type PatternSpec } from "./chart-style";

export interface DivergingBarRow {
  key: string;
  label: string;
  value: number;
}

export interface DivergingBarOptions {
  rowHeight: number;
  fontSize: number;
  labelWidth: number;
  /** Room at each end for the printed value, px. */
  valueWidth: number;
  barPadding: number;
  focusable: boolean;
}

export const divergingBarDefaults: DivergingBarOptions = {
  rowHeight: 22,
  fontSize: 12,
  labelWidth: 120,
  valueWidth: 44,
  barPadding: 0.25,
  focusable: false,
};

export const GAIN_FILL = "#1b7837";
export const LOSS_FILL = "#b2182b";
const LOSS_PATTERN: PatternSpec = { ref: "loss", pattern: "diagonal", ink: LOSS_FILL, background: "#fbe3e6" };

export interface DivergingBarMark {
  key: string;
  label: string;
  /** The bar from the zero line: x is its left edge. */
  x: number;
  y: number;
  width: number;
  height: number;
  gain: boolean;
  valueText: string;
  /** Where the value is printed: after a gain's end, before a loss's. */
  textX: number;
  textAnchor: "start" | "end";
}

export interface DivergingBarLayout extends FrameLayout {
  zeroX: number;
  labelX: number;
  bars: DivergingBarMark[];
}

export function isDivergingBarEmpty(rows: readonly DivergingBarRow[]): boolean {
  return rows.length === 0;
}

export function divergingBarLayout(rows: readonly DivergingBarRow[], size: ChartSize, options?: Partial<DivergingBarOptions>, format: ChartFormat = plainFormat): DivergingBarLayout {
  const o = resolveOptions(divergingBarDefaults, options);
  const { width } = checkSize(size, false);
  checkPositive("rowHeight", o.rowHeight);
  checkUnique("rows", rows.map((r) => r.key));
  for (const r of rows) if (!Number.isFinite(r.value)) throw new Error(`bad value for ${r.key}: ${r.value}`);
  const empty = isDivergingBarEmpty(rows);
  const frame = frameLayout({ width, height: Math.max(1, rows.length) * o.rowHeight + 4 }, { fontSize: o.fontSize, focusable: o.focusable, legend: false }, { empty, patterns: [LOSS_PATTERN] });
  const plotLeft = o.labelWidth + o.valueWidth;
  const plotRight = width - o.valueWidth;
  if (plotRight - plotLeft < 40) throw new Error(`width too small: ${width}`);
  const reach = max(rows, (r) => Math.abs(r.value)) ?? 0;
  const x = scaleLinear()
    .domain([-(reach || 1), reach || 1])
    .range([plotLeft, plotRight]);
  const zeroX = r2(x(0));
  const band = o.rowHeight * (1 - o.barPadding);
  const bars = rows.map((r, i): DivergingBarMark => {
    const end = r2(x(r.value));
    const gain = r.value >= 0;
    return {
      key: r.key,
      label: fitText(r.label, o.labelWidth - 6, o.fontSize),
      x: Math.min(zeroX, end),
      y: r2(2 + i * o.rowHeight + (o.rowHeight - band) / 2),
      width: r2(Math.abs(end - zeroX)),
      height: r2(band),
      gain,
      valueText: format.value(r.value),
      textX: gain ? end + 4 : end - 4,
      textAnchor: gain ? "start" : "end",
    };
  });
  return { ...frame, zeroX, labelX: 0, bars };
}

export interface DivergingBarProps {
  id: string;
  rows: readonly DivergingBarRow[];
  labels: FrameLabels;
  formatValue: (n: number) => string;
  width?: number;
  options?: Partial<DivergingBarOptions>;
}

export function DivergingBar({ id, rows, labels, formatValue, width = 480, options }: DivergingBarProps) {
  const layout = divergingBarLayout(rows, { width }, options, { value: formatValue });
  return (
    <SvgFrame id={id} frame={layout} labels={labels}>
      {layout.bars.map((b) => (
        <g key={b.key}>
          <text x={layout.labelX} y={b.y + b.height / 2} dy="0.32em" fill={INK}>
            {b.label}
          </text>
          <rect x={b.x} y={b.y} width={Math.max(b.width, 0.5)} height={b.height} fill={b.gain ? GAIN_FILL : patternUrl(id, LOSS_PATTERN.ref)} stroke={b.gain ? GAIN_FILL : LOSS_FILL} />
          <text x={b.textX} y={b.y + b.height / 2} dy="0.32em" textAnchor={b.textAnchor} fill={INK}>
            {b.valueText}
          </text>
        </g>
      ))}
      <line x1={layout.zeroX} x2={layout.zeroX} y1={0} y2={layout.height} stroke={MUTED} />
    </SvgFrame>
  );
}

/** The same numbers as a table: part and signed value. */
export function divergingBarTableModel(rows: readonly DivergingBarRow[], labels: { caption: string; rowHeader: string; value: string }, format: ChartFormat = plainFormat): DataTableModel {
  return {
    caption: labels.caption,
    rowHeader: labels.rowHeader,
    columns: [{ key: "value", header: labels.value, numeric: true }],
    rows: rows.map((r) => ({ key: r.key, header: r.label, cells: [format.value(r.value)] })),
  };
}

export function DivergingBarTable(props: { rows: readonly DivergingBarRow[]; labels: { caption: string; rowHeader: string; value: string }; format?: ChartFormat }) {
  return <ChartDataTable model={divergingBarTableModel(props.rows, props.labels, props.format)} />;
}
