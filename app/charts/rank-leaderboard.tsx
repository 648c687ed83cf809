/**
 * Leaderboard for one indicator and period: one row per unit in rank order, "4/20", ▲▼ movement, the
 * unit's name, a bar proportional to the value and the value itself. Units without a value (spec §2:
 * not ranked) come last with "—" and no bar. With a `target` (targets-and-actions.md) a dashed line crosses
 * the bars at the target's value, labelled above the rows; the table then says per unit whether it meets it.
 */
import { max, scaleLinear } from "d3";
import { linearAxis } from "./chart-axis";
import { BAR_FILL, BAR_HIGHLIGHT, INK, MUTED, PAPER, ROW_HIGHLIGHT, TARGET_INK } from "./chart-colors";
import { ChartDataTable } from "./chart-data-table";
import type { DataTableModel } from "./chart-data-table";
import {
  NO_VALUE,
  checkPositive,
  checkRank,
  checkSize,
  checkUnique,
  estimateTextWidth,
  fitText,
  plainFormat,
  r2,
  rankChange,
  resolveOptions,
} from "./chart-options";
import type { ChartFormat, ChartSize, PreviousStanding } from "./chart-options";
import { SvgFrame, frameLayout } from "./chart-frame";
import { RuleMark, labelledRule, type LabelledRule } from "./chart-rule";
import type { FrameLabels, FrameLayout } from "./chart-frame";

export interface LeaderboardRow {
  code: string;
  name: string;
  value: number | null;
  /** Null when the unit is not ranked (no value). */
  rank: number | null;
  /** Where the unit stood in the previous period; an arrow only where both periods ranked the same units. */
  previous?: PreviousStanding | null;
  /** Whether the value meets the chart's target (null without a value); only read with a target. */
  targetMet?: boolean | null;
  /** The unit's page: the row becomes a link named "name: 4/20". */
  href?: string | null;
}

export interface RankLeaderboardOptions {
  /** Height of one unit's row, px. */
  rowHeight: number;
  fontSize: number;
  /** Column widths, px: "4/20", "▲2", the unit name, the value after the bar. */
  rankWidth: number;
  movementWidth: number;
  labelWidth: number;
  valueWidth: number;
  /** Share of the row height left empty around a bar (0–0.8). */
  barPadding: number;
  /** Value at the full bar length; null = the largest value, rounded up (use 1 for rates). */
  domainMax: number | null;
  /** A target on the value scale, drawn as a dashed line across the bars; null draws none. */
  target: number | null;
  /** Code of the unit to emphasise (bold name, darker bar, shaded row). */
  highlight: string | null;
  /** The "/20" of "4/20"; null = the number of ranked rows given. */
  rankedCount: number | null;
  /** Draw a value axis with grid lines under the rows. */
  axis: boolean;
  /** Rows become tab stops (useful for short lists; the table is the better path for long ones). */
  focusable: boolean;
  /**
   * Index (in rank order) of the row after which rows were left out, e.g. 9 for a top 10 followed by a
   * bottom 10: a gap with "⋮" is drawn there. Null draws the rows one after another.
   */
  breakAfter: number | null;
}

export const rankLeaderboardDefaults: RankLeaderboardOptions = {
  rowHeight: 24,
  fontSize: 12,
  rankWidth: 44,
  movementWidth: 30,
  labelWidth: 140,
  valueWidth: 64,
  barPadding: 0.25,
  domainMax: null,
  target: null,
  highlight: null,
  rankedCount: null,
  axis: true,
  focusable: false,
  breakAfter: null,
};

export interface LeaderboardMark {
  key: string;
  /** Top of the row. */
  y: number;
  name: string;
  fullName: string;
  rankText: string;
  /** Places gained (positive) or lost since the previous period; null without a previous rank. */
  movement: number | null;
  movementGlyph: string;
  bar: { x: number; y: number; width: number; height: number } | null;
  value: number | null;
  valueText: string;
  valueX: number;
  highlight: boolean;
  href: string | null;
}

/** The frame (value axis along x, under the rows) and one row of marks per unit. */
export interface RankLeaderboardLayout extends FrameLayout {
  rowHeight: number;
  field: number;
  columns: { rankX: number; movementX: number; nameX: number; barX: number };
  rows: LeaderboardMark[];
  /** Where the "⋮" of left-out rows goes (its middle), or null. */
  gapY: number | null;
  /** Rows without a link are tab stops (the `focusable` option). */
  rowTabStops: boolean;
  /** The target line across the rows and its label above them, or null. */
  target: LabelledRule | null;
}

/** Labels the layout places (the rest of the words go to the component). */
export interface RankLeaderboardLayoutLabels {
  /** Written above the target line, e.g. "Mục tiêu 80 %". */
  target?: string;
}

const TOP = 4;
const AXIS_HEIGHT = 26;

/** Room above the rows for the target line's label. */
function targetRoom(fontSize: number): number {
  return fontSize + 6;
}

/** Ranked rows by rank (ties by name), then unranked rows by name. */
export function sortLeaderboardRows(rows: readonly LeaderboardRow[]): LeaderboardRow[] {
  const byName = (a: LeaderboardRow, b: LeaderboardRow) => a.name.localeCompare(b.name, "vi");
  return [...rows].sort((a, b) => {
    if (a.rank === null || b.rank === null) return a.rank === b.rank ? byName(a, b) : a.rank === null ? 1 : -1;
    return a.rank - b.rank || byName(a, b);
  });
}

/** Places moved, only where both periods ranked the same units (else the table states both ranks). */
function placesMoved(r: LeaderboardRow): number | null {
  const change = rankChange(r.rank, r.previous);
  return change?.kind === "moved" ? change.places : null;
}

export function movementGlyph(movement: number | null): string {
  if (movement === null) return "";
  if (movement > 0) return `▲${movement}`;
  if (movement < 0) return `▼${-movement}`;
  return "–";
}

/**
 * Names are fitted with a tenth to spare: the width estimate runs short for names full of wide letters
 * ("Phường Nam Phong": 105.6 px estimated, 114.8 px in Chromium's sans-serif), which then ran into the bar.
 */
const NAME_ROOM = 0.9;

/**
 * The rank and movement columns are as wide as their widest label, so "123/3321" and "▲118" never run into
 * the unit's name; the options give the least widths. Arrows are counted as a full em (wider than digits).
 */
function columnWidths(rankTexts: readonly string[], glyphs: readonly string[], o: RankLeaderboardOptions): { rank: number; movement: number } {
  const rank = Math.max(o.rankWidth, ...rankTexts.map((t) => Math.ceil(estimateTextWidth(t, o.fontSize)) + 4));
  const glyphWidth = (g: string) => (g === "" ? 0 : estimateTextWidth(g.slice(1), o.fontSize - 1) + (o.fontSize - 1));
  const movement = Math.max(o.movementWidth, ...glyphs.map((g) => Math.ceil(glyphWidth(g)) + 10));
  return { rank, movement };
}

export function isRankLeaderboardEmpty(rows: readonly LeaderboardRow[]): boolean {
  return rows.length === 0;
}

export function rankLeaderboardLayout(
  rows: readonly LeaderboardRow[],
  size: ChartSize,
  options?: Partial<RankLeaderboardOptions>,
  format: ChartFormat = plainFormat,
  labels: RankLeaderboardLayoutLabels = {},
): RankLeaderboardLayout {
  const o = resolveOptions(rankLeaderboardDefaults, options);
  const { width } = checkSize(size, false);
  for (const k of ["rowHeight", "fontSize", "rankWidth", "movementWidth", "labelWidth", "valueWidth"] as const) {
    checkPositive(k, o[k]);
  }
  if (o.barPadding < 0 || o.barPadding > 0.8) throw new Error(`bad barPadding: ${o.barPadding}`);
  if (o.domainMax !== null) checkPositive("domainMax", o.domainMax);
  if (o.target !== null && (!Number.isFinite(o.target) || o.target < 0)) throw new Error(`bad target: ${o.target}`);
  if (o.rankedCount !== null && (!Number.isInteger(o.rankedCount) || o.rankedCount < 0)) {
    throw new Error(`bad rankedCount: ${o.rankedCount}`);
  }
  checkUnique("unit", rows.map((r) => r.code));
  if (o.breakAfter !== null && (!Number.isInteger(o.breakAfter) || o.breakAfter < 0 || o.breakAfter >= rows.length - 1)) {
    throw new Error(`bad breakAfter: ${o.breakAfter}`);
  }
  for (const r of rows) {
    checkRank(r.code, r.rank);
    checkRank(r.code, r.previous?.rank ?? null);
    if (r.value !== null && (!Number.isFinite(r.value) || r.value < 0)) {
      throw new Error(`bad value for ${r.code}: ${r.value}`);
    }
  }

  const sorted = sortLeaderboardRows(rows);
  const field = o.rankedCount ?? sorted.filter((r) => r.rank !== null).length;
  const rankText = (r: LeaderboardRow) => (r.rank === null ? NO_VALUE : `${r.rank}/${field}`);
  const widths = columnWidths(sorted.map(rankText), sorted.map((r) => movementGlyph(placesMoved(r))), o);
  const columns = {
    rankX: widths.rank,
    movementX: widths.rank + 6,
    nameX: widths.rank + widths.movement + 4,
    barX: widths.rank + widths.movement + o.labelWidth,
  };
  const barArea = width - columns.barX - o.valueWidth;
  if (barArea < 40) throw new Error(`width too small: ${width}`);
  // A count's scale reaches the target too, so a target above every unit is still drawn.
  const top = Math.max(max(sorted, (r) => r.value) ?? 0, o.domainMax === null ? (o.target ?? 0) : 0);
  const x = scaleLinear()
    .domain([0, o.domainMax ?? (top > 0 ? top : 1)])
    .range([0, barArea]);
  const xTicks = Math.max(2, Math.floor(barArea / 70));
  // Nice with the tick count that the axis uses, so the end of the scale is a labelled tick.
  if (o.domainMax === null) x.nice(xTicks);

  const ruled = o.target !== null && sorted.length > 0;
  const rowsTop = TOP + (ruled ? targetRoom(o.fontSize) : 0);
  const barHeight = o.rowHeight * (1 - o.barPadding);
  const marks: LeaderboardMark[] = sorted.map((r, i) => {
    const bar =
      r.value === null
        ? null
        : { x: columns.barX, y: r2((o.rowHeight - barHeight) / 2), width: r2(x(r.value)), height: r2(barHeight) };
    const movement = placesMoved(r);
    const gapBefore = o.breakAfter !== null && i > o.breakAfter ? o.rowHeight : 0;
    return {
      key: r.code,
      y: rowsTop + i * o.rowHeight + gapBefore,
      name: fitText(r.name, Math.round((o.labelWidth - 8) * NAME_ROOM), o.fontSize),
      fullName: r.name,
      rankText: rankText(r),
      movement,
      movementGlyph: movementGlyph(movement),
      bar,
      value: r.value,
      valueText: r.value === null ? NO_VALUE : format.value(r.value),
      valueX: r2(columns.barX + (bar?.width ?? 0) + 4),
      highlight: o.highlight !== null && o.highlight === r.code,
      href: r.href ?? null,
    };
  });

  // Links are tab stops of their own: the SVG is then a named group, not one image (README, "Accessible name").
  const focusable = o.focusable || marks.some((m) => m.href !== null);
  const frame = frameLayout({ width }, { ...o, focusable }, { empty: isRankLeaderboardEmpty(rows) });
  const gapY = o.breakAfter === null ? null : rowsTop + (o.breakAfter + 1) * o.rowHeight + o.rowHeight / 2;
  const base = { ...frame, rowHeight: o.rowHeight, field, columns, gapY, rowTabStops: o.focusable, target: null };
  if (frame.empty) return { ...base, rows: [], gapY: null };
  const bodyHeight = (marks.length + (o.breakAfter === null ? 0 : 1)) * o.rowHeight;
  const target = ruled && o.target !== null ? targetRule(columns.barX + x(o.target), rowsTop, rowsTop + bodyHeight, labels.target ?? format.value(o.target), o.fontSize, width) : null;
  const axis = o.axis
    ? linearAxis(x, {
        orient: "bottom",
        fontSize: o.fontSize,
        x: columns.barX,
        y: rowsTop + bodyHeight,
        count: xTicks,
        format: format.tick ?? format.value,
        grid: bodyHeight,
      })
    : null;
  return { ...base, height: rowsTop + bodyHeight + (axis ? AXIS_HEIGHT : 4), axes: { y: null, x: axis }, rows: marks, target };
}

/** The line at `x` from the label's room down to the last row; the label right of it, or left where it would run off. */
function targetRule(x: number, rowsTop: number, bottom: number, label: string, fontSize: number, width: number): LabelledRule {
  return labelledRule(r2(x), rowsTop - targetRoom(fontSize) + 4, bottom, label, rowsTop - 6, fontSize, width);
}

/**
 * Drawn under the bars, out of the pointer's way: a bar that reaches the target covers it, so the line shows
 * in the rows of the units short of it (and between the bars); its words are in the description and table.
 */
function TargetRuleMark({ rule }: { rule: LabelledRule | null }) {
  return <RuleMark rule={rule} style={{ className: "pb-target", color: TARGET_INK, strokeWidth: 2, fontWeight: 600, pointerEvents: "none" }} />;
}

export interface RankLeaderboardLabels extends FrameLabels, RankLeaderboardLayoutLabels {
  /** Column headers of the table. */
  unit: string;
  rank: string;
  value: string;
  movement: string;
  /** e.g. (2) → "lên 2 bậc", (-1) → "xuống 1 bậc", (0) → "giữ nguyên". */
  movementText: (delta: number) => string;
  /** With a target: the table's column header ("Mục tiêu 80 %") and the words for met and not met. */
  targetColumn?: string;
  targetMet?: (met: boolean) => string;
}

export interface RankLeaderboardProps {
  id: string;
  rows: readonly LeaderboardRow[];
  labels: RankLeaderboardLabels;
  formatValue: (n: number) => string;
  formatTick?: (n: number) => string;
  /** Width of the SVG's coordinate space; it still scales to its container. */
  width?: number;
  options?: Partial<RankLeaderboardOptions>;
}

export function RankLeaderboard({
  id,
  rows,
  labels,
  formatValue,
  formatTick,
  width = 480,
  options,
}: RankLeaderboardProps) {
  const layout = rankLeaderboardLayout(rows, { width }, options, { value: formatValue, tick: formatTick }, labels);
  const mid = layout.rowHeight / 2;
  // Over the target line, a value keeps a halo of paper so the line never crosses its digits.
  const halo = layout.target ? { stroke: PAPER, strokeWidth: 3, paintOrder: "stroke" } : {};
  return (
    <SvgFrame id={id} frame={layout} labels={labels}>
      <TargetRuleMark rule={layout.target} />
      {layout.rows.map((row) => {
        const name = `${row.fullName}: ${row.rankText}`;
        const mark = (
          <g
            key={row.key}
            className={row.highlight ? "pb-row is-highlight" : "pb-row"}
            transform={`translate(0,${row.y})`}
            tabIndex={row.href === null && layout.rowTabStops ? 0 : undefined}
          >
            <title>
              {[name, row.valueText, row.movement === null ? null : labels.movementText(row.movement)].filter((s) => s !== null).join(" · ")}
            </title>
            <rect className="pb-row-bg" width={layout.width} height={layout.rowHeight} fill={row.highlight ? ROW_HIGHLIGHT : "transparent"} />
            <text x={layout.columns.rankX} y={mid} dy="0.32em" textAnchor="end" fill={INK}>
              {row.rankText}
            </text>
            {row.movementGlyph ? (
              <text x={layout.columns.movementX} y={mid} dy="0.32em" fill={MUTED} fontSize={layout.fontSize - 1}>
                {row.movementGlyph}
              </text>
            ) : null}
            <text x={layout.columns.nameX} y={mid} dy="0.32em" fill={INK} fontWeight={row.highlight ? 700 : undefined}>
              {row.name}
            </text>
            {row.bar ? (
              <rect
                className="pb-bar"
                x={row.bar.x}
                y={row.bar.y}
                width={row.bar.width}
                height={row.bar.height}
                fill={row.highlight ? BAR_HIGHLIGHT : BAR_FILL}
              />
            ) : null}
            <text x={row.valueX} y={mid} dy="0.32em" fill={INK} fontWeight={row.highlight ? 700 : undefined} {...halo}>
              {row.valueText}
            </text>
          </g>
        );
        return row.href === null ? (
          mark
        ) : (
          <a key={row.key} href={row.href} className="pb-link" aria-label={name}>
            {mark}
          </a>
        );
      })}
      {layout.gapY === null ? null : (
        <text x={layout.columns.rankX} y={layout.gapY} dy="0.32em" textAnchor="end" fill={MUTED} aria-hidden="true">
          ⋮
        </text>
      )}
    </SvgFrame>
  );
}

export function rankLeaderboardTableModel(
  rows: readonly LeaderboardRow[],
  labels: RankLeaderboardLabels,
  formatValue: (n: number) => string,
  rankedCount: number | null = null,
): DataTableModel {
  const sorted = sortLeaderboardRows(rows);
  const field = rankedCount ?? sorted.filter((r) => r.rank !== null).length;
  const { targetColumn, targetMet } = labels;
  const targeted = targetColumn !== undefined && targetMet !== undefined;
  return {
    caption: labels.title,
    rowHeader: labels.unit,
    columns: [
      { key: "rank", header: labels.rank, numeric: true },
      { key: "value", header: labels.value, numeric: true },
      { key: "movement", header: labels.movement },
      ...(targeted ? [{ key: "target", header: targetColumn }] : []),
    ],
    rows: sorted.map((r) => {
      const change = rankChange(r.rank, r.previous);
      return {
        key: r.code,
        header: r.name,
        cells: [
          r.rank === null ? NO_VALUE : `${r.rank}/${field}`,
          r.value === null ? NO_VALUE : formatValue(r.value),
          change === null
            ? NO_VALUE
            : change.kind === "moved"
              ? labels.movementText(change.places)
              : `${change.from.rank}/${change.from.ranked} → ${r.rank}/${field}`,
          ...(targeted ? [r.targetMet === null || r.targetMet === undefined ? NO_VALUE : targetMet(r.targetMet)] : []),
        ],
      };
    }),
  };
}

export function RankLeaderboardTable(props: {
  rows: readonly LeaderboardRow[];
  labels: RankLeaderboardLabels;
  formatValue: (n: number) => string;
  rankedCount?: number | null;
}) {
  return (
    <ChartDataTable model={rankLeaderboardTableModel(props.rows, props.labels, props.formatValue, props.rankedCount)} />
  );
}
