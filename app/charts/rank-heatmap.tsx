/**
 * Units × indicators, each cell coloured by the unit's value class on that indicator (the best value
 * darkest; units holding the same value share one colour, placed by how many better values there are, so
 * a crowd tied at zero is never painted in the leaders' colour) with the rank printed in it, so colour is
 * never the only carrier. Ties are said in words in each cell's title and the table. Missing ranks are
 * hatched and show "—".
 */
import {
  checkOneOf,
  estimateTextWidth,
  checkPositive,
  checkRank,
  checkSize,
  checkUnique,
  fitText,
  r2,
  resolveOptions,
  NO_VALUE,
} from "./chart-options";
import type { ChartSize } from "./chart-options";
import { INK, MISSING_BACKGROUND, MISSING_HATCH, MUTED, classColor, textColorOn } from "./chart-colors";
import { ChartDataTable } from "./chart-data-table";
import type { DataTableModel } from "./chart-data-table";
import { SvgFrame, frameLayout } from "./chart-frame";
import type { FrameLabels, FrameLayout } from "./chart-frame";
import { patternUrl } from "./chart-style";
import type { PatternSpec } from "./chart-style";

export interface HeatmapUnit {
  code: string;
  name: string;
  /** The unit's page: each of its cells becomes a link, named by the cell's title ("Xã A · Điểm: 4/20 (…)"). */
  href?: string | null;
}

export interface HeatmapIndicator {
  id: string;
  label: string;
  /** Shown in the rotated column header when given (the full label stays in its tooltip and the table). */
  shortLabel?: string;
}

/** Indicators mix rates and counts, so the formatter is told which indicator a value belongs to. */
export type HeatmapFormat = (n: number, indicator: string) => string;

export interface HeatmapCell {
  unit: string;
  indicator: string;
  rank: number | null;
  /** Units ranked on this indicator (the "20" of "4/20"). */
  field: number | null;
  value?: number | null;
  /**
   * Where the page draws only some units of a longer ranking, what everyone's cells would say: units
   * holding this rank (ties) and the position of this value among the indicator's distinct values (1 =
   * best, of `of`). Absent, both are counted among the cells given.
   */
  holders?: number;
  valueClass?: { index: number; of: number };
}

export interface RankHeatmapData {
  units: readonly HeatmapUnit[];
  indicators: readonly HeatmapIndicator[];
  /** Absent (unit, indicator) pairs are drawn as missing. */
  cells: readonly HeatmapCell[];
}

export interface RankHeatmapOptions {
  cellHeight: number;
  /** Cells are as wide as fits, but never wider than this. */
  maxCellWidth: number;
  fontSize: number;
  /** Width of the unit-name column. */
  labelWidth: number;
  /** Height of the rotated indicator headers. */
  headerHeight: number;
  /** Indicator id to order the rows by (best rank first, missing last); null keeps the given order. */
  sortBy: string | null;
  focusable: boolean;
  /** Index of the row after which rows were left out (a top 10, then a bottom 10): a gap with "⋮" there. */
  breakAfter: number | null;
}

export const rankHeatmapDefaults: RankHeatmapOptions = {
  cellHeight: 26,
  maxCellWidth: 72,
  fontSize: 12,
  labelWidth: 136,
  headerHeight: 112,
  sortBy: null,
  focusable: false,
  breakAfter: null,
};

export interface HeatmapCellMark {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rank: number | null;
  field: number | null;
  /** Null for a missing cell (drawn with the hatch pattern). */
  fill: string | null;
  textColor: string;
  text: string;
  title: string;
}

/** The frame (no legend or axes: the rank is printed in each cell, headers label the columns) and the grid. */
export interface RankHeatmapLayout extends FrameLayout {
  columns: { key: string; label: string; fullLabel: string; x: number }[];
  rows: { key: string; name: string; fullName: string; y: number; labelY: number; href: string | null; cells: HeatmapCellMark[] }[];
  headerY: number;
  cellWidth: number;
  /** Middle of the gap of left-out rows, or null. */
  gapY: number | null;
  /** Cells without a link are tab stops (the `focusable` option). */
  cellTabStops: boolean;
}

const GAP = 1;

export const MISSING_PATTERN: PatternSpec = {
  ref: "missing",
  background: MISSING_BACKGROUND,
  pattern: "diagonal",
  ink: MISSING_HATCH,
};

export function isRankHeatmapEmpty(data: RankHeatmapData): boolean {
  return data.units.length === 0 || data.indicators.length === 0;
}

function indexCells(data: RankHeatmapData): Map<string, HeatmapCell> {
  const units = new Set(data.units.map((u) => u.code));
  const indicators = new Set(data.indicators.map((i) => i.id));
  const byKey = new Map<string, HeatmapCell>();
  for (const c of data.cells) {
    if (!units.has(c.unit)) throw new Error(`unknown unit: ${c.unit}`);
    if (!indicators.has(c.indicator)) throw new Error(`unknown indicator: ${c.indicator}`);
    const key = `${c.unit}|${c.indicator}`;
    if (byKey.has(key)) throw new Error(`duplicate cell: ${c.unit} ${c.indicator}`);
    checkRank(`${c.unit} ${c.indicator}`, c.rank);
    if (c.rank !== null && (c.field === null || !Number.isInteger(c.field) || c.field < c.rank)) {
      throw new Error(`bad field for ${c.unit} ${c.indicator}: ${c.field}`);
    }
    byKey.set(key, c);
  }
  return byKey;
}

/** Per indicator, its distinct ranks best first: one per value held (equal values share a competition rank). */
function valueClasses(data: RankHeatmapData): Map<string, number[]> {
  const ranks = new Map<string, Set<number>>();
  for (const c of data.cells) {
    if (c.rank === null) continue;
    const set = ranks.get(c.indicator) ?? new Set<number>();
    set.add(c.rank);
    ranks.set(c.indicator, set);
  }
  return new Map([...ranks].map(([id, set]) => [id, [...set].sort((a, b) => a - b)]));
}

/** How many units hold each (indicator, rank): a tie is two or more. */
function tieSizes(data: RankHeatmapData): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const c of data.cells) {
    if (c.rank === null) continue;
    const key = `${c.indicator}|${c.rank}`;
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}

/** "3/20 (0) · tied with 17 others": the rank, the value and, for a tie, the words the labels give. */
function cellText(
  c: HeatmapCell | undefined,
  indicator: string,
  tiedOf: ReadonlyMap<string, number>,
  formatValue: HeatmapFormat,
  labels: Pick<RankHeatmapLabels, "tiedWith"> | undefined,
): string {
  if (!c || c.rank === null) return NO_VALUE;
  const value = c.value ?? null;
  const others = (c.holders ?? tiedOf.get(`${indicator}|${c.rank}`) ?? 1) - 1;
  const tie = others > 0 && labels?.tiedWith ? ` · ${labels.tiedWith(others)}` : "";
  return `${c.rank}/${c.field}${value === null ? "" : ` (${formatValue(value, indicator)})`}${tie}`;
}

/** Rows in the given order, or by rank on `sortBy` (missing last; the sort is stable). */
function orderUnits(data: RankHeatmapData, cells: Map<string, HeatmapCell>, sortBy: string | null): HeatmapUnit[] {
  const units = [...data.units];
  if (sortBy !== null) {
    const rankOf = (u: HeatmapUnit) => cells.get(`${u.code}|${sortBy}`)?.rank ?? Infinity;
    units.sort((a, b) => rankOf(a) - rankOf(b));
  }
  return units;
}

export function rankHeatmapLayout(
  data: RankHeatmapData,
  size: ChartSize,
  options?: Partial<RankHeatmapOptions>,
  formatValue: HeatmapFormat = String,
  labels?: Pick<RankHeatmapLabels, "tiedWith">,
): RankHeatmapLayout {
  const o = resolveOptions(rankHeatmapDefaults, options);
  const { width } = checkSize(size, false);
  for (const k of ["cellHeight", "maxCellWidth", "fontSize", "labelWidth", "headerHeight"] as const)
    checkPositive(k, o[k]);
  checkUnique("unit", data.units.map((u) => u.code));
  checkUnique("indicator", data.indicators.map((i) => i.id));
  const ids = data.indicators.map((i) => i.id);
  const sortBy = o.sortBy === null ? null : checkOneOf("indicator", o.sortBy, ids);
  const cells = indexCells(data);
  const empty = isRankHeatmapEmpty(data);
  if (o.breakAfter !== null && (!Number.isInteger(o.breakAfter) || o.breakAfter < 0 || o.breakAfter >= data.units.length - 1)) {
    throw new Error(`bad breakAfter: ${o.breakAfter}`);
  }
  // Links are tab stops of their own: the SVG is then a named group, not one image.
  const linked = data.units.some((u) => Boolean(u.href));
  const frame = frameLayout({ width }, { ...o, focusable: o.focusable || linked }, { empty, patterns: [MISSING_PATTERN] });
  if (empty) return { ...frame, columns: [], rows: [], headerY: 0, cellWidth: 0, gapY: null, cellTabStops: o.focusable };

  // Headers are rotated -45°, so the longest one reaches right of the last column by ~0.71 of its length.
  const headerChars = o.headerHeight * 1.41 - 8;
  const headers = data.indicators.map((i) => fitText(i.shortLabel ?? i.label, headerChars, o.fontSize));
  const overhang = Math.min(o.headerHeight, Math.max(...headers.map((h) => estimateTextWidth(h, o.fontSize))) * 0.71);
  const available = width - o.labelWidth - overhang;
  const cellWidth = r2(Math.min(o.maxCellWidth, available / data.indicators.length));
  if (cellWidth < o.fontSize * 1.8) throw new Error(`width too small: ${width}`);

  const units = orderUnits(data, cells, sortBy);
  const classesOf = valueClasses(data);
  const tiedOf = tieSizes(data);
  const columns = data.indicators.map((ind, j) => ({
    key: ind.id,
    label: headers[j] ?? ind.label,
    fullLabel: ind.label,
    x: r2(o.labelWidth + j * cellWidth),
  }));
  const gapRows = (i: number) => (o.breakAfter !== null && i > o.breakAfter ? 1 : 0);
  const rows = units.map((u, i) => {
    const y = o.headerHeight + (i + gapRows(i)) * o.cellHeight;
    return {
      key: u.code,
      name: fitText(u.name, o.labelWidth - 8, o.fontSize),
      fullName: u.name,
      href: u.href ?? null,
      y,
      labelY: y + o.cellHeight / 2,
      cells: data.indicators.map((ind, j): HeatmapCellMark => {
        const c = cells.get(`${u.code}|${ind.id}`);
        const rank = c?.rank ?? null;
        const field = c?.field ?? null;
        const classes = classesOf.get(ind.id);
        const fill =
          rank === null || field === null
            ? null
            : c?.valueClass
              ? classColor(c.valueClass.index, c.valueClass.of)
              : classes
                ? classColor(classes.indexOf(rank) + 1, classes.length)
                : null;
        const shown = cellText(c, ind.id, tiedOf, formatValue, labels);
        return {
          key: ind.id,
          x: r2(o.labelWidth + j * cellWidth + GAP),
          y: y + GAP,
          width: r2(cellWidth - 2 * GAP),
          height: o.cellHeight - 2 * GAP,
          rank,
          field,
          fill,
          textColor: fill === null ? MUTED : textColorOn(fill),
          text: rank === null ? NO_VALUE : String(rank),
          title: `${u.name} · ${ind.label}: ${shown}`,
        };
      }),
    };
  });
  return {
    ...frame,
    height: o.headerHeight + (units.length + gapRows(units.length)) * o.cellHeight + 4,
    columns,
    rows,
    cellWidth,
    headerY: o.headerHeight - 6,
    gapY: o.breakAfter === null ? null : o.headerHeight + (o.breakAfter + 1.5) * o.cellHeight,
    cellTabStops: o.focusable,
  };
}

export interface RankHeatmapLabels extends FrameLabels {
  /** Say here that darker means a better rank; the rank is printed in each cell anyway. */
  description?: string;
  /** Header of the table's first column. */
  unit: string;
  /** Words for a tie, "tied with 17 others", in each cell's title and the table. */
  tiedWith?: (others: number) => string;
}

export interface RankHeatmapProps {
  id: string;
  data: RankHeatmapData;
  labels: RankHeatmapLabels;
  formatValue: HeatmapFormat;
  width?: number;
  options?: Partial<RankHeatmapOptions>;
}

export function RankHeatmap({ id, data, labels, formatValue, width = 480, options }: RankHeatmapProps) {
  const layout = rankHeatmapLayout(data, { width }, options, formatValue, labels);
  return (
    <SvgFrame id={id} frame={layout} labels={labels}>
      <g className="pb-headers" aria-hidden="true">
        {layout.columns.map((c) => (
          <text
            key={c.key}
            transform={`translate(${r2(c.x + layout.cellWidth / 2)},${layout.headerY}) rotate(-45)`}
            fill={INK}
          >
            <title>{c.fullLabel}</title>
            {c.label}
          </text>
        ))}
      </g>
      {layout.rows.map((row) => (
        <g key={row.key} className="pb-hm-row">
          <text x={0} y={row.labelY} dy="0.32em" fill={INK}>
            <title>{row.fullName}</title>
            {row.name}
          </text>
          {row.cells.map((cell) => {
            const mark = (
              <g key={cell.key} className="pb-cell" tabIndex={row.href === null && layout.cellTabStops ? 0 : undefined}>
                <title>{cell.title}</title>
                <rect
                  className="pb-cell-bg"
                  x={cell.x}
                  y={cell.y}
                  width={cell.width}
                  height={cell.height}
                  fill={cell.fill ?? patternUrl(id, MISSING_PATTERN.ref)}
                />
                <text
                  x={r2(cell.x + cell.width / 2)}
                  y={cell.y + cell.height / 2}
                  dy="0.32em"
                  textAnchor="middle"
                  fill={cell.textColor}
                  fontWeight={cell.rank === 1 ? 700 : undefined}
                >
                  {cell.text}
                </text>
              </g>
            );
            return row.href === null ? (
              mark
            ) : (
              <a key={cell.key} href={row.href} className="pb-link" aria-label={cell.title}>
                {mark}
              </a>
            );
          })}
        </g>
      ))}
      {layout.gapY === null ? null : (
        <text x={r2((layout.columns[0]?.x ?? 0) + (layout.cellWidth * layout.columns.length) / 2)} y={layout.gapY} dy="0.32em" textAnchor="middle" fill={MUTED} aria-hidden="true">
          ⋮
        </text>
      )}
    </SvgFrame>
  );
}

export function rankHeatmapTableModel(
  data: RankHeatmapData,
  labels: RankHeatmapLabels,
  formatValue: HeatmapFormat,
  sortBy: string | null = null,
): DataTableModel {
  const cells = indexCells(data);
  const tiedOf = tieSizes(data);
  if (sortBy !== null)
    checkOneOf(
      "indicator",
      sortBy,
      data.indicators.map((i) => i.id),
    );
  return {
    caption: labels.title,
    rowHeader: labels.unit,
    columns: data.indicators.map((i) => ({ key: i.id, header: i.label, numeric: true })),
    rows: orderUnits(data, cells, sortBy).map((u) => ({
      key: u.code,
      header: u.name,
      cells: data.indicators.map((i) => cellText(cells.get(`${u.code}|${i.id}`), i.id, tiedOf, formatValue, labels)),
    })),
  };
}

export function RankHeatmapTable(props: {
  data: RankHeatmapData;
  labels: RankHeatmapLabels;
  formatValue: HeatmapFormat;
  sortBy?: string | null;
}) {
  return <ChartDataTable model={rankHeatmapTableModel(props.data, props.labels, props.formatValue, props.sortBy)} />;
}
