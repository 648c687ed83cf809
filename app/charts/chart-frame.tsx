/**
 * The chart frame: everything around a chart's marks, so that a chart file holds only its scales and
 * marks (Evidence's `<Chart>` frame + `<Line>` mark, STYLE.md "Charts").
 *
 * - `frameLayout` / `plotArea` (pure): size, legend placement, the plot area, the axis slots, the patterns
 *   and whether there is anything to draw. Every chart layout is a `FrameLayout` plus its marks.
 * - `SvgFrame`: the <svg> a chart draws into: accessible name (<title>, <desc>), responsive sizing, the
 *   scoped stylesheet, pattern defs, legend, axes, and the empty text in place of the marks.
 * - `GroupFrame`: the same for a chart drawn as several SVGs (small multiples): one named HTML group.
 * - `ChartFrame`: the caller-facing wrapper on a page: decides the empty state outside the chart and pairs
 *   the chart with its data table in a <details>, so the numbers are one click away without JavaScript.
 *
 *   <ChartFrame isEmpty={isTrendLineEmpty(data)} emptyText={t(lang, "chart.noData")}
 *     tableSummary={t(lang, "chart.showTable")}
 *     chart={<TrendLine … />} table={<TrendLineTable … />} />
 */
import type { ReactNode } from "react";
import { ChartAxis } from "./chart-axis";
import type { AxisLayout } from "./chart-axis";
import { INK, MUTED } from "./chart-colors";
import { ChartLegend, LegendList, legendLayout } from "./chart-legend";
import type { LegendItem, LegendLayout } from "./chart-legend";
import { NO_VALUE, checkId } from "./chart-options";
import { PatternDefs, chartCss, patternUrl } from "./chart-style";
import type { PatternSpec } from "./chart-style";

/** The axes a frame can hold, drawn before the marks (grid lines underneath): y first, then x. */
export interface FrameAxes {
  y: AxisLayout | null;
  x: AxisLayout | null;
}

export interface FrameLayout {
  /** The SVG's user space (its viewBox); it renders at 100 % of its container, at most this wide. */
  width: number;
  height: number;
  fontSize: number;
  /** Marks are tab stops, so the SVG is a named group rather than one image. */
  focusable: boolean;
  /** Drawn at the top, from `legendX`; none when the chart is empty. */
  legend: LegendLayout;
  legendX: number;
  axes: FrameAxes;
  /** Fills the marks refer to with `patternUrl(id, ref)`; none when the chart is empty. */
  patterns: readonly PatternSpec[];
  /** Nothing to draw: the frame shows `labels.noData` (or "—") in place of the marks. */
  empty: boolean;
}

/** Options every framed chart has; each chart documents them in its own `defaults`. */
export interface FrameOptions {
  fontSize: number;
  focusable: boolean;
  /** Draw the legend; absent in charts that have none. */
  legend?: boolean;
}

/** What the chart tells its frame before placing marks. */
export interface FrameContent {
  empty: boolean;
  legend?: readonly LegendItem[];
  legendX?: number;
  patterns?: readonly PatternSpec[];
}

/** Height of an empty chart whose height would follow its rows: room for one line of text. */
const EMPTY_HEIGHT = 40;

/**
 * The frame before the marks are placed: the legend laid out within the width, the axis slots empty
 * (the chart fills them once its scales exist). A chart whose height follows its rows gives no height
 * and sets it once they are placed. An empty chart gets no legend and no patterns.
 */
export function frameLayout(
  size: { width: number; height?: number },
  options: FrameOptions,
  content: FrameContent,
): FrameLayout {
  const { empty } = content;
  const legend = empty || options.legend === false ? [] : (content.legend ?? []);
  const legendX = content.legendX ?? 0;
  return {
    width: size.width,
    height: size.height ?? EMPTY_HEIGHT,
    fontSize: options.fontSize,
    focusable: options.focusable,
    // The legend is drawn from legendX, so it wraps within what is left of the width, not the whole of it.
    legend: legendLayout(legend, size.width - legendX, options.fontSize),
    legendX,
    axes: { y: null, x: null },
    patterns: empty ? [] : (content.patterns ?? []),
    empty,
  };
}

export interface PlotArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlotMargins {
  /** Below the legend. */
  top: number;
  right: number;
  /** Room for the x axis. */
  bottom: number;
  /** Room for the y axis. */
  left: number;
}

/** Where the marks of a fixed-size chart go: below the legend, inside the margins. Too small throws. */
export function plotArea(frame: FrameLayout, margins: PlotMargins): PlotArea {
  const y = frame.legend.height + margins.top;
  const plot = {
    x: margins.left,
    y,
    width: frame.width - margins.left - margins.right,
    height: frame.height - y - margins.bottom,
  };
  if (plot.width < 40) throw new Error(`width too small: ${frame.width}`);
  if (plot.height < 30) throw new Error(`height too small: ${frame.height}`);
  return plot;
}

/** What the frame is told in words; every chart's labels extend these. */
export interface FrameLabels {
  /** The accessible name (<title>), also the table's caption. */
  title: string;
  description?: string;
  /** Shown in place of the marks when there is nothing to draw; `ChartFrame` normally handles that case. */
  noData?: string;
}

export interface SvgFrameProps {
  id: string;
  frame: FrameLayout;
  labels: FrameLabels;
  /** A visible title at the top left, for panels that have no heading of their own (small multiples). */
  heading?: string;
  /** Off for panels inside a `GroupFrame`, which carries the stylesheet once. */
  withStyles?: boolean;
  /** The marks. */
  children?: ReactNode;
}

export function SvgFrame({ id, frame, labels, heading, withStyles = true, children }: SvgFrameProps) {
  checkId(id);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      id={id}
      className="pb-chart"
      role={frame.focusable ? "group" : "img"}
      aria-labelledby={`${id}-title`}
      aria-describedby={labels.description ? `${id}-desc` : undefined}
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      width="100%"
      style={{ maxWidth: `${frame.width}px`, height: "auto", display: "block" }}
      fontSize={frame.fontSize}
    >
      <title id={`${id}-title`}>{labels.title}</title>
      {labels.description ? <desc id={`${id}-desc`}>{labels.description}</desc> : null}
      {withStyles ? <style dangerouslySetInnerHTML={{ __html: chartCss(id) }} /> : null}
      <PatternDefs id={id} patterns={frame.patterns} />
      {heading ? (
        <text x={0} y={frame.fontSize} fontWeight={700} fill={INK}>
          {heading}
        </text>
      ) : null}
      <ChartLegend
        legend={frame.legend}
        x={frame.legendX}
        y={0}
        fontSize={frame.fontSize}
        patternUrl={(ref) => patternUrl(id, ref)}
      />
      {frame.axes.y ? <ChartAxis axis={frame.axes.y} /> : null}
      {frame.axes.x ? <ChartAxis axis={frame.axes.x} /> : null}
      {frame.empty ? (
        <text x={frame.width / 2} y={frame.height / 2} dy="0.32em" textAnchor="middle" fill={MUTED}>
          {labels.noData ?? NO_VALUE}
        </text>
      ) : (
        children
      )}
    </svg>
  );
}

function EmptyNote({ text }: { text: string }) {
  return <p className="pb-chart-empty">{text}</p>;
}

export interface GroupFrameProps {
  id: string;
  className: string;
  labels: FrameLabels;
  empty: boolean;
  /** One legend for all the SVGs, as an HTML list above them. */
  legend: readonly LegendItem[];
  /** The SVGs, each in a `SvgFrame` with `withStyles={false}`. */
  children?: ReactNode;
}

/** The frame of a chart drawn as several SVGs: one named group holding the stylesheet and the legend. */
export function GroupFrame({ id, className, labels, empty, legend, children }: GroupFrameProps) {
  checkId(id);
  return (
    <div
      id={id}
      className={className}
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={labels.description ? `${id}-desc` : undefined}
    >
      <style dangerouslySetInnerHTML={{ __html: chartCss(id) }} />
      <p id={`${id}-title`} hidden>
        {labels.title}
      </p>
      {labels.description ? (
        <p id={`${id}-desc`} hidden>
          {labels.description}
        </p>
      ) : null}
      {empty ? (
        <EmptyNote text={labels.noData ?? NO_VALUE} />
      ) : (
        <>
          <LegendList items={legend} />
          {children}
        </>
      )}
    </div>
  );
}

export interface ChartFrameProps {
  /** From the chart's `is…Empty(data)`; when true neither chart nor table is rendered. */
  isEmpty: boolean;
  /** Translated, e.g. "Chưa có số liệu cho kỳ này". */
  emptyText: string;
  /** Translated label of the <summary>, e.g. "Xem bảng số liệu". */
  tableSummary: string;
  chart: ReactNode;
  /** Words under the chart that the picture cannot say (a crowd of ties, say); translated by the page. */
  note?: ReactNode;
  table: ReactNode;
  /** Open the table by default (e.g. in print views). */
  tableOpen?: boolean;
  className?: string;
}

export function ChartFrame({ isEmpty, emptyText, tableSummary, chart, note, table, tableOpen, className }: ChartFrameProps) {
  const classes = ["pb-chart-frame", className].filter(Boolean).join(" ");
  if (isEmpty) {
    return (
      <figure className={classes}>
        <EmptyNote text={emptyText} />
      </figure>
    );
  }
  return (
    <figure className={classes}>
      {chart}
      {note ? <div className="pb-chart-note">{note}</div> : null}
      <details className="pb-chart-details" open={tableOpen}>
        <summary>{tableSummary}</summary>
        {table}
      </details>
    </figure>
  );
}
