/**
 * A word-sized trend for table cells and cards: one line, gaps for nulls, a dot on the latest value.
 * It has no axes and no table of its own: it always sits next to the figures it summarises, and its
 * accessible name (`label`) says the trend in words, composed by the caller.
 */
import { max, scaleLinear, scalePoint } from "d3";
import { BAR_FILL } from "./chart-colors";
import { gapLinePath } from "./chart-series";
import { checkDomain, checkOneOf, checkPositive, checkSize, r2, resolveOptions } from "./chart-options";
import type { ChartSize } from "./chart-options";
import { VALUE_TYPES } from "./trend-line";
import type { ValueType } from "./trend-line";

export interface SparklineOptions {
  /** "rate": 0–1 on the y axis; "count": 0 to the largest value. */
  valueType: ValueType;
  yDomain: [number, number] | null;
  strokeWidth: number;
  color: string;
}

export const sparklineDefaults: SparklineOptions = {
  valueType: "rate",
  yDomain: null,
  strokeWidth: 1.5,
  color: BAR_FILL,
};

export interface SparklineLayout {
  width: number;
  height: number;
  path: string;
  /** The latest defined value, marked with a dot. */
  last: { x: number; y: number } | null;
  strokeWidth: number;
  color: string;
  empty: boolean;
}

const PAD = 3;

export function sparklineLayout(
  values: readonly (number | null)[],
  size: ChartSize,
  options?: Partial<SparklineOptions>,
): SparklineLayout {
  const o = resolveOptions(sparklineDefaults, options);
  const { width, height } = checkSize(size, true);
  const valueType = checkOneOf("valueType", o.valueType, VALUE_TYPES);
  const yDomain = checkDomain("yDomain", o.yDomain);
  checkPositive("strokeWidth", o.strokeWidth);
  for (const v of values) if (v !== null && !Number.isFinite(v)) throw new Error(`bad value: ${v}`);
  const keys = values.map((_, i) => String(i));
  const x = scalePoint<string>()
    .domain(keys)
    .range([PAD, width - PAD])
    .padding(keys.length === 1 ? 0.5 : 0);
  const top = max(values, (v) => v) ?? 0;
  const y = scaleLinear()
    .domain(yDomain ?? (valueType === "rate" ? [0, 1] : [0, top > 0 ? top : 1]))
    .range([height - PAD, PAD]);
  const points = values.map((v, i) => (v === null ? null : { x: r2(x(String(i)) ?? 0), y: r2(y(v)) }));
  const last = [...points].reverse().find((p) => p !== null) ?? null;
  return {
    width,
    height,
    path: gapLinePath(points),
    last,
    strokeWidth: o.strokeWidth,
    color: o.color,
    empty: last === null,
  };
}

export interface SparklineProps {
  values: readonly (number | null)[];
  /** Accessible name and tooltip, e.g. "Tỷ lệ số hóa: 82 % → 95,5 %". */
  label: string;
  width?: number;
  height?: number;
  options?: Partial<SparklineOptions>;
}

export function Sparkline({ values, label, width = 96, height = 24, options }: SparklineProps) {
  const layout = sparklineLayout(values, { width, height }, options);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className="pb-sparkline"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width="100%"
      style={{ maxWidth: `${layout.width}px`, height: "auto", verticalAlign: "middle" }}
    >
      <title>{label}</title>
      <path d={layout.path} fill="none" stroke={layout.color} strokeWidth={layout.strokeWidth} strokeLinejoin="round" />
      {layout.last ? <circle cx={layout.last.x} cy={layout.last.y} r={2.5} fill={layout.color} /> : null}
    </svg>
  );
}
