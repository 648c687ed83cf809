/**
 * One axis for every chart: pure functions turn a d3 scale into plain ticks, one component draws them.
 * Axes are drawn before the marks, so their grid lines sit underneath.
 */
import type { ScaleLinear, ScalePoint } from "d3";
import { estimateTextWidth, r2 } from "./chart-options";
import { GRID, MUTED } from "./chart-colors";

export type AxisOrient = "bottom" | "left";

export interface AxisTick {
  key: string;
  /** Position along the axis, in px from the axis origin. */
  pos: number;
  /** Empty when the tick is kept but its label is thinned out for lack of room. */
  label: string;
}

export interface AxisLayout {
  orient: AxisOrient;
  /** Where the axis group is translated to. */
  x: number;
  y: number;
  /** Extent of the domain line along the axis. */
  range: [number, number];
  ticks: AxisTick[];
  /** Length of grid lines across the plot (towards the marks); 0 draws none. */
  grid: number;
  domainLine: boolean;
}

interface AxisPlacement {
  orient: AxisOrient;
  x: number;
  y: number;
  grid?: number;
  domainLine?: boolean;
}

/**
 * Every k-th label, counting from the first, so that labels of `widest` px fit `step` px apart; the
 * server cannot measure text, so `widest` is an estimate.
 */
function thinLabels(ticks: AxisTick[], step: number, widest: number): AxisTick[] {
  const every = step > 0 ? Math.max(1, Math.ceil((widest + 8) / step)) : 1;
  return ticks.map((t, i) => (i % every === 0 ? t : { ...t, label: "" }));
}

/**
 * Ticks of a linear scale, `count` being d3's hint; labels come from the caller's formatter. With a
 * `fontSize`, labels that would overlap are thinned out (bottom axes by width, left axes by height).
 */
export function linearAxis(
  scale: ScaleLinear<number, number>,
  placement: AxisPlacement & {
    count: number;
    format: (n: number) => string;
    integer?: boolean;
    values?: number[];
    fontSize?: number;
  },
): AxisLayout {
  let values = placement.values ?? scale.ticks(Math.max(1, Math.round(placement.count)));
  if (placement.integer) values = values.filter((v) => Number.isInteger(v));
  const range = scale.range();
  let ticks = values.map((v) => ({ key: String(v), pos: r2(scale(v)), label: placement.format(v) }));
  if (placement.fontSize !== undefined && ticks.length > 1) {
    const step = Math.abs((ticks[1]?.pos ?? 0) - (ticks[0]?.pos ?? 0));
    const size = placement.fontSize;
    const widest =
      placement.orient === "bottom" ? Math.max(...ticks.map((t) => estimateTextWidth(t.label, size))) : size - 4;
    ticks = thinLabels(ticks, step, widest);
  }
  return {
    orient: placement.orient,
    x: placement.x,
    y: placement.y,
    range: [r2(Math.min(range[0] ?? 0, range[1] ?? 0)), r2(Math.max(range[0] ?? 0, range[1] ?? 0))],
    ticks,
    grid: placement.grid ?? 0,
    domainLine: placement.domainLine ?? false,
  };
}

/**
 * Ticks of a point scale (periods). When labels would collide, every k-th label is kept (always
 * counting from the first), estimated from the longest label since the server cannot measure text.
 */
export function pointAxis(
  scale: ScalePoint<string>,
  placement: AxisPlacement & { labels: readonly string[]; fontSize: number },
): AxisLayout {
  const domain = scale.domain();
  const widest = Math.max(0, ...placement.labels.map((l) => estimateTextWidth(l, placement.fontSize)));
  const range = scale.range();
  const ticks = domain.map((d, i) => ({ key: d, pos: r2(scale(d) ?? 0), label: placement.labels[i] ?? d }));
  return {
    orient: placement.orient,
    x: placement.x,
    y: placement.y,
    range: [r2(range[0] ?? 0), r2(range[1] ?? 0)],
    ticks: thinLabels(ticks, domain.length > 1 ? scale.step() : 0, widest),
    grid: placement.grid ?? 0,
    domainLine: placement.domainLine ?? true,
  };
}

const TICK = 4;

export function ChartAxis({ axis }: { axis: AxisLayout }) {
  const bottom = axis.orient === "bottom";
  return (
    <g className="pb-axis" transform={`translate(${axis.x},${axis.y})`} aria-hidden="true">
      {axis.grid > 0
        ? axis.ticks.map((t) =>
            bottom ? (
              <line key={`g${t.key}`} x1={t.pos} x2={t.pos} y1={0} y2={-axis.grid} stroke={GRID} />
            ) : (
              <line key={`g${t.key}`} x1={0} x2={axis.grid} y1={t.pos} y2={t.pos} stroke={GRID} />
            ),
          )
        : null}
      {axis.domainLine ? (
        bottom ? (
          <line x1={axis.range[0]} x2={axis.range[1]} y1={0} y2={0} stroke={MUTED} />
        ) : (
          <line x1={0} x2={0} y1={axis.range[0]} y2={axis.range[1]} stroke={MUTED} />
        )
      ) : null}
      {axis.ticks.map((t) =>
        bottom ? (
          <g key={t.key} transform={`translate(${t.pos},0)`}>
            <line y2={TICK} stroke={MUTED} />
            {t.label ? (
              <text y={TICK + 2} dy="0.71em" textAnchor="middle" fill={MUTED}>
                {t.label}
              </text>
            ) : null}
          </g>
        ) : (
          <g key={t.key} transform={`translate(0,${t.pos})`}>
            <line x2={-TICK} stroke={MUTED} />
            {t.label ? (
              <text x={-TICK - 3} dy="0.32em" textAnchor="end" fill={MUTED}>
                {t.label}
              </text>
            ) : null}
          </g>
        ),
      )}
    </g>
  );
}
