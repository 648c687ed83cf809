/**
 * The frame's legend: a pure layout that wraps items into rows within a width and a component that draws
 * it inside the SVG; for a chart drawn as several SVGs (small multiples), the same items as an HTML list.
 */
import { estimateTextWidth, r2 } from "./chart-options";
import { INK } from "./chart-colors";
import { SeriesMarker } from "./chart-series";
import type { SeriesStyle } from "./chart-series";

export type LegendSwatchSpec =
  | { kind: "line"; style: SeriesStyle }
  | { kind: "rect"; fill: string }
  /** A fill defined by the chart's <defs>; the component maps `ref` to url(#…). */
  | { kind: "pattern"; ref: string };

export interface LegendItem {
  key: string;
  label: string;
  swatch: LegendSwatchSpec;
}

export interface LegendLayout {
  items: (LegendItem & { x: number; y: number })[];
  height: number;
}

const SWATCH_WIDTH = 26;
const SWATCH_GAP = 6;
const ITEM_GAP = 16;

/** One item per line series, its swatch a piece of the line with the series' marker. */
export function lineLegend(
  series: readonly { key: string; label: string }[],
  styleOf: (index: number) => SeriesStyle,
): LegendItem[] {
  return series.map((s, i) => ({ key: s.key, label: s.label, swatch: { kind: "line", style: styleOf(i) } }));
}

/** Items flow left to right and wrap; `height` is 0 for no items. */
export function legendLayout(items: readonly LegendItem[], width: number, fontSize: number): LegendLayout {
  const rowHeight = fontSize + 8;
  let x = 0;
  let row = 0;
  const placed = items.map((item) => {
    const w = SWATCH_WIDTH + SWATCH_GAP + estimateTextWidth(item.label, fontSize);
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    const out = { ...item, x: r2(x), y: row * rowHeight };
    x += w + ITEM_GAP;
    return out;
  });
  return { items: placed, height: items.length === 0 ? 0 : (row + 1) * rowHeight };
}

interface LegendSwatchProps {
  swatch: LegendSwatchSpec;
  /** Vertical centre of the swatch. */
  cy: number;
  patternUrl?: (ref: string) => string;
}

function LegendSwatch({ swatch, cy, patternUrl }: LegendSwatchProps) {
  if (swatch.kind === "line") {
    const { style } = swatch;
    return (
      <g>
        <line
          x1={0}
          x2={SWATCH_WIDTH}
          y1={cy}
          y2={cy}
          stroke={style.color}
          strokeWidth={2}
          strokeDasharray={style.dash === "none" ? undefined : style.dash}
        />
        <SeriesMarker style={style} x={SWATCH_WIDTH / 2} y={cy} area={40} />
      </g>
    );
  }
  const fill = swatch.kind === "rect" ? swatch.fill : patternUrl?.(swatch.ref) ?? "none";
  return <rect x={4} y={cy - 6} width={SWATCH_WIDTH - 8} height={12} fill={fill} stroke="#737373" strokeWidth={0.5} />;
}

export interface ChartLegendProps {
  legend: LegendLayout;
  x: number;
  y: number;
  fontSize: number;
  patternUrl?: (ref: string) => string;
}

export function ChartLegend({ legend, x, y, fontSize, patternUrl }: ChartLegendProps) {
  if (legend.items.length === 0) return null;
  const cy = (fontSize + 8) / 2;
  return (
    <g className="pb-legend" transform={`translate(${x},${y})`} aria-hidden="true">
      {legend.items.map((item) => (
        <g key={item.key} transform={`translate(${item.x},${item.y})`}>
          <LegendSwatch swatch={item.swatch} cy={cy} patternUrl={patternUrl} />
          <text x={SWATCH_WIDTH + SWATCH_GAP} y={cy} dy="0.32em" fill={INK}>
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

const LIST_SWATCH_HEIGHT = 16;

/** The legend as an HTML list that wraps like text: one legend above a grid of SVGs, whatever its width. */
export function LegendList({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul
      className="pb-legend"
      aria-hidden="true"
      style={{ display: "flex", flexWrap: "wrap", gap: "0.25rem 1rem", listStyle: "none", margin: 0, padding: 0 }}
    >
      {items.map((item) => (
        <li key={item.key} style={{ display: "flex", alignItems: "center", gap: "0.5rem" }}>
          <svg
            width={SWATCH_WIDTH}
            height={LIST_SWATCH_HEIGHT}
            viewBox={`0 0 ${SWATCH_WIDTH} ${LIST_SWATCH_HEIGHT}`}
            aria-hidden="true"
          >
            <LegendSwatch swatch={item.swatch} cy={LIST_SWATCH_HEIGHT / 2} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
