/**
 * Pure rules behind the overview and contest pages: the default period, who has not reported, and the
 * biggest movers (their URL parameters are in overview-params.server.ts). No I/O; the page query functions and the routes call these.
 */
import type { IndicatorId, RankedId } from "./indicators";

/** The latest quarter with data (ids sort chronologically as strings), or null when nothing is loaded. */
export function latestPeriod(ids: readonly string[]): string | null {
  return ids.length === 0 ? null : [...ids].sort().at(-1) ?? null;
}

/** The periods of one series up to and including `period` (the trend a reader of that period sees). */
export function periodsUpTo(ids: readonly string[], period: string): string[] {
  return [...ids].sort().filter((id) => id <= period);
}

export interface NamedUnit {
  code: string;
  name: string;
}

/** Registry units with no data in the period, in registry (code) order. */
export function missingUnits(registry: readonly NamedUnit[], reportedCodes: Iterable<string>): NamedUnit[] {
  const reported = new Set(reportedCodes);
  return registry.filter((u) => !reported.has(u.code)).sort((a, b) => a.code.localeCompare(b.code));
}

export interface RankedUnit extends NamedUnit {
  rank: number | null;
  previousRank: number | null;
}

export interface Mover extends NamedUnit {
  rank: number;
  previousRank: number;
  /** Places gained (positive) or lost (negative). */
  movement: number;
}

/**
 * The units that gained and lost the most places since the previous period. Units without a rank in either
 * period do not count; units that did not move are neither. Equal movements go by unit code, so the list
 * never depends on the order the rows arrived in.
 */
export function pickMovers(rows: readonly RankedUnit[], count = 3): { risers: Mover[]; fallers: Mover[] } {
  const moved: Mover[] = [];
  for (const r of rows) {
    if (r.rank === null || r.previousRank === null) continue;
    const movement = r.previousRank - r.rank;
    if (movement !== 0) moved.push({ code: r.code, name: r.name, rank: r.rank, previousRank: r.previousRank, movement });
  }
  const byCode = (a: Mover, b: Mover) => a.code.localeCompare(b.code);
  const risers = moved.filter((m) => m.movement > 0).sort((a, b) => b.movement - a.movement || byCode(a, b));
  const fallers = moved.filter((m) => m.movement < 0).sort((a, b) => a.movement - b.movement || byCode(a, b));
  return { risers: risers.slice(0, count), fallers: fallers.slice(0, count) };
}

/**
 * Per unit, its values in each quarter of a year (null where it sent no report), from rows of
 * (unit, quarter, value). Quarters outside 1–4 are a bug upstream.
 */
export function valuesByQuarter<R extends { commune_code: string; quarter: number }>(
  rows: readonly R[],
  value: (row: R) => number,
): Map<string, QuarterValues> {
  const out = new Map<string, QuarterValues>();
  for (const row of rows) {
    if (!Number.isInteger(row.quarter) || row.quarter < 1 || row.quarter > 4) throw new Error(`bad quarter: ${row.quarter}`);
    let values = out.get(row.commune_code);
    if (!values) {
      values = [null, null, null, null];
      out.set(row.commune_code, values);
    }
    values[row.quarter - 1] = value(row);
  }
  return out;
}

/** The sum of what was reported (a missing quarter adds nothing; the incomplete-year mark says so). */
export function sumReported(values: readonly (number | null)[]): number {
  return values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
}

/** Orders ranked items best first, unranked last, then by code: the order of every ranks table. */
export function byRankThenCode(a: { rank: number | null; code: string }, b: { rank: number | null; code: string }): number {
  if (a.rank !== b.rank) {
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    return a.rank - b.rank;
  }
  return a.code.localeCompare(b.code);
}

/* The shapes of the pages' data, shared by the query functions and the components. */

export interface OverviewRow {
  code: string;
  name: string;
  indicator: RankedId;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  rank: number | null;
  ranked: number;
  previousRank: number | null;
}

export interface OverviewUnit extends NamedUnit {
  /** Quarters reported in the period (1 for a quarter, up to 4 for a year). */
  quarters: number;
  /** A year with fewer than four quarters reported (spec §4). */
  incomplete: boolean;
}

export interface TotalPoint {
  period: string;
  value: number | null;
  numerator: number;
  denominator: number | null;
  units: number;
}

export interface DistrictTotalSeries {
  indicator: IndicatorId;
  /** Oldest first, up to and including the page's period. */
  points: TotalPoint[];
}

export type QuarterValues = [number | null, number | null, number | null, number | null];

export interface ContestRank {
  /** The year's total (the sum of the quarters reported). */
  total: number;
  rank: number | null;
  /** Units ranked (the "20" of "1/20"). */
  ranked: number;
  previousRank: number | null;
  /** Per quarter; null where the unit sent no report that quarter. */
  quarters: QuarterValues;
}

export interface ContestUnit extends NamedUnit {
  entries: ContestRank;
  initiatives: ContestRank;
  /** Quarters reported in the year. */
  quartersReported: number;
  incomplete: boolean;
}
