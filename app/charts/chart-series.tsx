/**
 * How line series are told apart: colour AND dash pattern AND marker shape, so a reader with a
 * colour-vision deficiency or a greyscale printout still separates them. Shared by the trend line,
 * the bump chart, the small multiples and the sparkline.
 */
import { line, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolTriangle } from "d3";
import type { SymbolType } from "d3";

export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "cross";

export interface SeriesStyle {
  color: string;
  /** SVG stroke-dasharray; "none" for a solid line. */
  dash: string;
  marker: MarkerShape;
  /** Hollow markers (white fill, coloured outline) mark a reference line such as the district. */
  hollow: boolean;
}

/**
 * Okabe–Ito hues, darkened so each has at least 4.5:1 contrast on white; their greyscale lightness is
 * similar on purpose, which is why dash and marker, not colour, carry the distinction.
 */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: "#0072b2", dash: "none", marker: "circle", hollow: false },
  { color: "#b34e00", dash: "7 3", marker: "triangle", hollow: false },
  { color: "#007a5a", dash: "2 3", marker: "square", hollow: false },
  { color: "#a6487b", dash: "9 3 2 3", marker: "diamond", hollow: false },
  { color: "#1a1a1a", dash: "4 2", marker: "cross", hollow: false },
];

/** The district (or any benchmark) line: grey, dashed, hollow squares. */
export const REFERENCE_STYLE: SeriesStyle = { color: "#595959", dash: "6 4", marker: "square", hollow: true };

/**
 * Figures restated from a merged unit's predecessors (units-over-time.md rule 3): the series' own colour
 * and marker shape, dotted and hollow. The dots are finer than every series' dash, and the reference line
 * keeps its grey and its squares, so the restated part reads as "the same unit, combined" and nothing else.
 */
export const RESTATED_DASH = "1 3";

export function restatedStyle(style: SeriesStyle): SeriesStyle {
  return { ...style, dash: RESTATED_DASH, hollow: true };
}

export function seriesStyle(index: number): SeriesStyle {
  const style = SERIES_STYLES[index];
  if (!style) throw new Error(`too many series: ${index + 1} (at most ${SERIES_STYLES.length})`);
  return style;
}

const SYMBOLS: Record<MarkerShape, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolCross,
};

/** Path of a marker centred on 0,0 with the given area (px²), as d3.symbol draws it. */
export function markerPath(shape: MarkerShape, area: number): string {
  return symbol(SYMBOLS[shape], area).digits(2)() ?? "";
}

/** A line through the points; a null breaks it (d3 line `.defined`), so missing values show as gaps. */
export function gapLinePath(points: readonly ({ x: number; y: number } | null)[]): string {
  const path = line<{ x: number; y: number } | null>()
    .defined((p) => p !== null)
    .x((p) => p?.x ?? 0)
    .y((p) => p?.y ?? 0)
    .digits(2);
  return path([...points]) ?? "";
}

export interface SeriesMarkerProps {
  style: SeriesStyle;
  x: number;
  y: number;
  area: number;
}

export function SeriesMarker({ style, x, y, area }: SeriesMarkerProps) {
  return (
    <path
      d={markerPath(style.marker, area)}
      transform={`translate(${x},${y})`}
      fill={style.hollow ? "#ffffff" : style.color}
      stroke={style.hollow ? style.color : "#ffffff"}
      strokeWidth={style.hollow ? 1.5 : 1}
    />
  );
}

export interface SeriesLine {
  key: string;
  label: string;
  style: SeriesStyle;
  /** SVG path; may hold several pieces where values are missing. */
  path: string;
  /** The restated part of the line (chart-restated.ts), drawn dotted; absent when nothing is restated. */
  restatedPath?: string;
  /** `restated` points get hollow markers. */
  points: readonly { key: string; x: number; y: number; title: string; restated?: boolean }[];
}

export interface SeriesLinesProps {
  series: readonly SeriesLine[];
  markerArea: number;
  strokeWidth: number;
  /** Each series becomes a tab stop; CSS highlights it on focus as on hover. */
  focusable: boolean;
}

/** Lines with a marker per value, each marker carrying a native tooltip; shared by all line charts. */
export function SeriesLines({ series, markerArea, strokeWidth, focusable }: SeriesLinesProps) {
  return (
    <>
      {series.map((s) => (
        <g key={s.key} className="pb-series" tabIndex={focusable ? 0 : undefined}>
          <title>{s.label}</title>
          <path
            className="pb-line"
            d={s.path}
            fill="none"
            stroke={s.style.color}
            strokeWidth={strokeWidth}
            strokeDasharray={s.style.dash === "none" ? undefined : s.style.dash}
            strokeLinejoin="round"
          />
          {s.restatedPath ? (
            <path
              className="pb-line pb-line-restated"
              d={s.restatedPath}
              fill="none"
              stroke={s.style.color}
              strokeWidth={strokeWidth}
              strokeDasharray={RESTATED_DASH}
              strokeLinejoin="round"
            />
          ) : null}
          {s.points.map((p) => (
            <g key={p.key} className="pb-point">
              <title>{p.title}</title>
              <SeriesMarker style={p.restated ? restatedStyle(s.style) : s.style} x={p.x} y={p.y} area={markerArea} />
            </g>
          ))}
        </g>
      ))}
    </>
  );
}
