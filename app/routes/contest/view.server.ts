/**
 * The contest page's view model for one year: per unit its contest entries and initiatives in each quarter,
 * the year's totals and competition ranks (from the year's summed counts, spec §4), incomplete years, and the
 * units that sent nothing that year. `loadContest` runs the queries; `contestView` is pure.
 */
import { getContestQuarters, type ContestQuarter } from "~/db/contest.server";
import type { Db } from "~/db/instance.server";
import { getLoadedPeriods } from "~/db/periods.server";
import { getRankingsFor, type RankingRow } from "~/db/rankings.server";
import { getUnitsValidIn } from "~/db/units.server";
import { resolvePeriod } from "~/domain/period";
import { byRankThenCode, missingUnits, previousStanding, type NamedUnit, type PreviousStanding } from "~/domain/ranks";
import type { DataView } from "~/domain/publication";
import type { VersionedScoring } from "~/domain/scoring";
import { NotFoundError } from "~/http/page-errors.server";
import { shownList, unitList, type ShownList, type UnitListRequest } from "~/domain/unit-list";

export type QuarterValues = [number | null, number | null, number | null, number | null];

export interface ContestRank {
  /** The year's total (the sum of the quarters reported). */
  total: number;
  rank: number | null;
  /** Units ranked (the "20" of "1/20"). */
  ranked: number;
  previous: PreviousStanding | null;
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

export interface ContestData {
  kind: "ok";
  year: string;
  registryCount: number;
  /**
   * Units with data in the year, best on contest entries first (ties by code): all of them when few, else
   * the top and the bottom, or one page of the ranking or of a search (decision 012).
   */
  units: ContestUnit[];
  /** Which part of the ranking `units` is. */
  list: ShownList;
  /** Units with data in the year, shown or not. */
  reported: number;
  /** Units with an incomplete year, shown or not. */
  incomplete: ContestUnit[];
  missing: NamedUnit[];
}

export type ContestPage = { kind: "empty" } | ContestData;

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

export interface ContestInput {
  year: string;
  quarters: readonly ContestQuarter[];
  /** The year's rankings (all indicators; contest entries and initiatives are read). */
  rankings: readonly RankingRow[];
  registry: readonly NamedUnit[];
  /** The search and page asked for. */
  list?: UnitListRequest;
}

export function contestView(input: ContestInput): ContestData {
  const entries = valuesByQuarter(input.quarters, (q) => q.contest_entries);
  const initiatives = valuesByQuarter(input.quarters, (q) => q.initiatives);
  const names = new Map(input.quarters.map((q) => [q.commune_code, q.commune_name]));
  // A map, not a search per unit: at national scale that was 3,321 × 30,000 comparisons.
  const byKey = new Map(input.rankings.map((r) => [`${r.commune_code}|${r.indicator}`, r]));
  const rankOf = (code: string, indicator: string) => byKey.get(`${code}|${indicator}`) ?? null;
  const contestRank = (code: string, indicator: string, quarters: QuarterValues): ContestRank => {
    const r = rankOf(code, indicator);
    return { total: sumReported(quarters), rank: r?.rank ?? null, ranked: r?.ranked ?? 0, previous: r ? previousStanding(r) : null, quarters };
  };

  const units: ContestUnit[] = [...entries.keys()].map((code) => {
    const eq = entries.get(code) ?? [null, null, null, null];
    const iq = initiatives.get(code) ?? [null, null, null, null];
    const quartersReported = eq.filter((v) => v !== null).length;
    return {
      code,
      name: names.get(code) ?? code,
      entries: contestRank(code, "contest_entries", eq),
      initiatives: contestRank(code, "initiatives", iq),
      quartersReported,
      incomplete: quartersReported < 4,
    };
  });
  units.sort((a, b) => byRankThenCode({ rank: a.entries.rank, code: a.code }, { rank: b.entries.rank, code: b.code }));
  const list = unitList(units, input.list ?? {});

  return {
    kind: "ok",
    year: input.year,
    registryCount: input.registry.length,
    units: list.items,
    list: shownList(list),
    reported: units.length,
    incomplete: units.filter((u) => u.incomplete),
    missing: missingUnits(input.registry, entries.keys()).map(({ code, name }) => ({ code, name })),
  };
}

/** The contest view of `year` (default: the latest year with data). Throws NotFoundError for a year without data. */
export async function loadContest(db: Db, params: { year?: string; q?: string; page?: number }, scoring: VersionedScoring, view: DataView): Promise<ContestPage> {
  const resolved = resolvePeriod(await getLoadedPeriods(db, view), params.year, "year");
  if (resolved.status === "empty" && view.kind === "published" && view.asOf !== null) throw new NotFoundError({ what: "asOf", date: view.asOf });
  if (resolved.status === "empty") return { kind: "empty" };
  if (resolved.status === "unknown") throw new NotFoundError({ what: "period", ...resolved });
  const year = resolved.period;
  const [quarters, rankings, registry] = await Promise.all([getContestQuarters(db, Number(year), view), getRankingsFor(db, "year", [year], scoring, view), getUnitsValidIn(db, year)]);
  return contestView({ year, quarters, rankings, registry, list: { q: params.q, page: params.page } });
}
