/**
 * Ranks of one or several units over periods, rank 1 at the top. Tied units share the same y; their
 * markers sit side by side inside a pill marked "=", and the table says "tie" in words. A period without
 * a rank leaves a gap in the line.
 */
import { scaleLinear, scalePoint } from "d3";
import { linearAxis, pointAxis } from "./chart-axis";
import { INK, MUTED } from "./chart-colors";
import { ChartDataTable, periodTableModel } from "./chart-data-table";
import type { DataTableModel } from "./chart-data-table";
import { SvgFrame, frameLayout, plotArea } from "./chart-frame";
import type { FrameLabels, FrameLayout, PlotArea } from "./chart-frame";
import { lineLegend } from "./chart-legend";
import {
  checkNonNegative,
  checkPositive,
  checkRank,
  checkSize,
  checkUnique,
  r2,
  resolveOptions,
  NO_VALUE,
} from "./chart-options";
import type { ChartSize } from "./chart-options";
import { SeriesLines, seriesStyle } from "./chart-series";
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

/** `restated` / `estimated` per period mark ranks on a merged unit's combined figures (chart-restated.tsx). */
export interface BumpSeries extends RestatedFlags {
  key: string;
  label: string;
  /** One rank per period, null where the unit was not ranked. */
  ranks: readonly (number | null)[];
  /** Units ranked in each period (the "20" of "4/20"); optional. */
  fields?: readonly (number | null)[];
}

export interface BumpChartData {
  periods: readonly string[];
  series: readonly BumpSeries[];
}

export interface BumpChartOptions {
  /** Bottom of the rank axis; null = the largest field or rank in the data. */
  maxRank: number | null;
  /** Horizontal distance between tied markers, px. */
  tieOffset: number;
  markerSize: number;
  fontSize: number;
  marginLeft: number;
  marginRight: number;
  /** The series' legend; the key to a restated part is drawn whenever there is one, as it explains a mark. */
  legend: boolean;
  /** Each unit's line is a tab stop; focus (like hover) fades the others. */
  focusable: boolean;
}

export const bumpChartDefaults: BumpChartOptions = {
  maxRank: null,
  tieOffset: 12,
  markerSize: 56,
  fontSize: 12,
  marginLeft: 34,
  marginRight: 18,
  legend: true,
  focusable: true,
};

export interface BumpPoint {
  key: string;
  x: number;
  y: number;
  rank: number;
  field: number | null;
  tie: boolean;
  title: string;
  /** A rank on figures combined from predecessors: a hollow marker. */
  restated?: boolean;
}

export interface BumpTie {
  key: string;
  rank: number;
  count: number;
  /** Centres of the outermost tied markers. */
  x1: number;
  x2: number;
  y: number;
}

/** The frame (legend, axes: periods along x, ranks down y) and the lines and ties inside its plot area. */
export interface BumpChartLayout extends FrameLayout {
  markerSize: number;
  plot: PlotArea;
  series: { key: string; label: string; style: SeriesStyle; path: string; restatedPath?: string; points: BumpPoint[] }[];
  ties: BumpTie[];
  maxRank: number;
  /** The rule at a merged unit's first own period; null when nothing is restated. */
  merger: MergerRule | null;
}

export function isBumpChartEmpty(data: BumpChartData): boolean {
  return data.periods.length === 0 || data.series.every((s) => s.ranks.every((r) => r === null));
}

function checkBumpData(data: BumpChartData): void {
  checkUnique("period", data.periods);
  checkUnique("series", data.series.map((s) => s.key));
  for (const s of data.series) {
    if (s.ranks.length !== data.periods.length) {
      throw new Error(`series ${s.key} has ${s.ranks.length} ranks for ${data.periods.length} periods`);
    }
    if (s.fields && s.fields.length !== data.periods.length) {
      throw new Error(`series ${s.key} has ${s.fields.length} fields for ${data.periods.length} periods`);
    }
    s.ranks.forEach((r) => checkRank(s.key, r));
    checkRestatedFlags(s.key, data.periods.length, s);
  }
}

export interface RankGroup {
  period: string;
  rank: number;
  /** Indices of the series holding this rank in this period, in series order. */
  members: number[];
}

/** For each period and rank, which series hold it; a group of two or more is a tie. */
export function findTies(data: BumpChartData): Map<string, RankGroup> {
  const groups = new Map<string, RankGroup>();
  data.periods.forEach((period, j) => {
    data.series.forEach((s, i) => {
      const rank = s.ranks[j];
      if (rank === null || rank === undefined) return;
      const key = `${period}|${rank}`;
      const group = groups.get(key) ?? { period, rank, members: [] };
      group.members.push(i);
      groups.set(key, group);
    });
  });
  return groups;
}

/** The bottom of the rank axis: the option, or the largest field or rank in the data. */
function resolveMaxRank(data: BumpChartData, option: number | null): number {
  const ranks = data.series.flatMap((s) => s.ranks.map((v) => v ?? 0));
  const highestRank = Math.max(1, ...ranks);
  if (option === null) return Math.max(highestRank, ...data.series.flatMap((s) => (s.fields ?? []).map((v) => v ?? 0)));
  if (!Number.isInteger(option) || option < 1) throw new Error(`bad maxRank: ${option}`);
  if (option < highestRank) throw new Error(`bad maxRank: ${option} (rank ${highestRank} in data)`);
  return option;
}

function rankText(rank: number, field: number | null | undefined): string {
  return field === null || field === undefined ? String(rank) : `${rank}/${field}`;
}

const AXIS_HEIGHT = 24;

export function bumpChartLayout(
  data: BumpChartData,
  size: ChartSize,
  options?: Partial<BumpChartOptions>,
  labels: RestatedLabels = {},
): BumpChartLayout {
  const o = resolveOptions(bumpChartDefaults, options);
  const { width, height } = checkSize(size, true);
  for (const k of ["tieOffset", "markerSize", "fontSize", "marginLeft"] as const) checkPositive(k, o[k]);
  checkNonNegative("marginRight", o.marginRight);
  checkBumpData(data);
  const styles = data.series.map((_, i) => seriesStyle(i));
  const empty = isBumpChartEmpty(data);
  const restatedAt = data.series.findIndex(hasRestated);
  const restatedKey = restatedAt >= 0 && labels.restated ? [restatedLegendItem(seriesStyle(restatedAt), labels.restated)] : [];
  const ownAt = firstOwnPeriod(data.periods.length, data.series);
  const ruled = ownAt !== null && labels.merger !== undefined;

  const frame = frameLayout({ width, height }, { ...o, legend: o.legend || restatedKey.length > 0 }, {
    empty,
    legend: [...(o.legend ? lineLegend(data.series, seriesStyle) : []), ...restatedKey],
    legendX: o.marginLeft,
  });
  const top = 10 + (ruled ? mergerRoom(o.fontSize) : 0);
  const plot = plotArea(frame, { top, right: o.marginRight, bottom: AXIS_HEIGHT, left: o.marginLeft });
  const maxRank = resolveMaxRank(data, o.maxRank);
  const base = { ...frame, markerSize: o.markerSize, plot, maxRank };
  if (empty) return { ...base, series: [], ties: [], merger: null };

  const x = scalePoint<string>().domain(data.periods).range([0, plot.width]).padding(0.3);
  // Half a rank of room above 1 and below the last, so markers are never cut and one rank still works.
  const y = scaleLinear()
    .domain([0.5, maxRank + 0.5])
    .range([0, plot.height]);
  const groups = findTies(data);
  const ties: BumpTie[] = [];

  const series = data.series.map((s, i) => {
    const slots = data.periods.map((period, j): BumpPoint | null => {
      const rank = s.ranks[j] ?? null;
      if (rank === null) return null;
      const group = groups.get(`${period}|${rank}`)?.members ?? [i];
      const k = group.indexOf(i);
      const field = s.fields?.[j] ?? null;
      const tie = group.length > 1;
      return {
        key: period,
        x: r2((x(period) ?? 0) + (k - (group.length - 1) / 2) * o.tieOffset),
        y: r2(y(rank)),
        rank,
        field,
        tie,
        title: `${s.label} · ${period}: ${markValue(`${tie ? "=" : ""}${rankText(rank, field)}`, j, s, labels.restated)}`,
        ...(s.restated?.[j] ? { restated: true } : {}),
      };
    });
    return {
      key: s.key,
      label: s.label,
      style: styles[i] ?? seriesStyle(0),
      ...restatedPaths(slots, s.restated),
      points: slots.filter((p): p is BumpPoint => p !== null),
    };
  });

  for (const [key, g] of groups) {
    if (g.members.length < 2) continue;
    const cx = x(g.period) ?? 0;
    const spread = ((g.members.length - 1) / 2) * o.tieOffset;
    const y0 = r2(y(g.rank));
    ties.push({ key, rank: g.rank, count: g.members.length, x1: r2(cx - spread), x2: r2(cx + spread), y: y0 });
  }

  const rowHeight = plot.height / maxRank;
  const every = Math.max(1, Math.ceil((o.fontSize + 4) / rowHeight));
  const values = Array.from({ length: maxRank }, (_, r) => r + 1).filter((r) => (r - 1) % every === 0);
  const axes = {
    y: linearAxis(y, { orient: "left", fontSize: o.fontSize, x: plot.x, y: plot.y, count: 0, values, format: String, grid: plot.width }),
    x: pointAxis(x, { orient: "bottom", x: plot.x, y: plot.y + plot.height, labels: data.periods, fontSize: o.fontSize }),
  };
  const merger =
    ruled && ownAt !== null && labels.merger
      ? mergerRule(x(data.periods[ownAt - 1] ?? "") ?? 0, x(data.periods[ownAt] ?? "") ?? 0, plot, labels.merger, o.fontSize, o.marginRight)
      : null;
  return { ...base, axes, series, ties, merger };
}

export interface BumpChartLabels extends FrameLabels, RestatedLabels {
  /** Header of the table's first column, e.g. "Đơn vị". */
  series: string;
  /** Word used in the table for a shared rank, e.g. "đồng hạng" / "tie". */
  tie: string;
  /** After a restated rank in the table, e.g. "gộp"; the table marks estimates with "≈" regardless. */
  restatedShort?: string;
}

export interface BumpChartProps {
  id: string;
  data: BumpChartData;
  labels: BumpChartLabels;
  width?: number;
  height?: number;
  options?: Partial<BumpChartOptions>;
}

export function BumpChart({ id, data, labels, width = 480, height = 280, options }: BumpChartProps) {
  const layout = bumpChartLayout(data, { width, height }, options, labels);
  const r = Math.sqrt(layout.markerSize) / 2 + 3;
  return (
    <SvgFrame id={id} frame={layout} labels={labels}>
      <g transform={`translate(${layout.plot.x},${layout.plot.y})`}>
        <MergerRuleMark rule={layout.merger} />
        <g className="pb-ties" aria-hidden="true">
          {layout.ties.map((t) => (
            <rect
              key={t.key}
              x={r2(t.x1 - r)}
              y={r2(t.y - r)}
              width={r2(t.x2 - t.x1 + 2 * r)}
              height={r2(2 * r)}
              rx={r2(r)}
              fill="#f0f0f0"
              stroke={MUTED}
              strokeWidth={0.75}
            />
          ))}
        </g>
        <SeriesLines
          series={layout.series}
          markerArea={layout.markerSize}
          strokeWidth={2.25}
          focusable={layout.focusable}
        />
        {/* The "=" goes on top of the lines, with a white halo, so a crossing line cannot hide it. */}
        <g className="pb-tie-marks" aria-hidden="true">
          {layout.ties.map((t) => (
            <text
              key={t.key}
              x={r2(t.x2 + r + 2)}
              y={t.y}
              dy="0.32em"
              fill={INK}
              fontWeight={700}
              stroke="#ffffff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              =
            </text>
          ))}
        </g>
      </g>
    </SvgFrame>
  );
}

/** Rows are units, columns periods; a shared rank reads "4/20 (tie)". */
export function bumpChartTableModel(data: BumpChartData, labels: BumpChartLabels): DataTableModel {
  checkBumpData(data);
  const groups = findTies(data);
  return periodTableModel(labels.title, labels.series, data.periods, data.series, (s) =>
    data.periods.map((period, j) => {
      const rank = s.ranks[j] ?? null;
      if (rank === null) return NO_VALUE;
      const tie = (groups.get(`${period}|${rank}`)?.members.length ?? 0) > 1;
      return markValue(`${rankText(rank, s.fields?.[j])}${tie ? ` (${labels.tie})` : ""}`, j, s, labels.restatedShort);
    }),
  );
}

export function BumpChartTable(props: { data: BumpChartData; labels: BumpChartLabels }) {
  return <ChartDataTable model={bumpChartTableModel(props.data, props.labels)} />;
}
