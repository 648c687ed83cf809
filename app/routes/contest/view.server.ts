/**
 * The contest page for one year, in one call: per unit its contest entries and initiatives in each quarter,
 * the year's totals and competition ranks (from the year's summed counts, spec §4), incomplete years, and
 * the units that sent nothing that year.
 */
import {
  byRankThenCode,
  latestPeriod,
  missingUnits,
  sumReported,
  valuesByQuarter,
  type ContestUnit,
  type NamedUnit,
} from "~/domain/overview";
import type { VersionedScoring } from "~/domain/scoring";
import { getContestQuarters } from "~/db/contest.server";
import type { Db } from "~/db/instance.server";
import { getRegistry } from "~/routes/_index/view.server";
import { getLoadedPeriods } from "~/db/periods.server";
import { getRankingsFor } from "~/db/rankings.server";

export class NoDataForYearError extends Error {
  override name = "NoDataForYearError";
  constructor(
    readonly year: string,
    readonly years: string[],
  ) {
    super(`no data for year ${year}`);
  }
}

export interface ContestData {
  kind: "ok";
  year: string;
  /** Years with data, oldest first. */
  years: string[];
  registryCount: number;
  /** Units with data in the year, best on contest entries first (ties by code). */
  units: ContestUnit[];
  missing: NamedUnit[];
}

export type ContestPage = { kind: "empty" } | ContestData;

function rankOf(rows: Awaited<ReturnType<typeof getRankingsFor>>, code: string, indicator: string) {
  return rows.find((r) => r.commune_code === code && r.indicator === indicator) ?? null;
}

/** The contest view of `year` (default: the latest year with data). */
export async function getContestPage(db: Db, params: { year?: string }, scoring: VersionedScoring): Promise<ContestPage> {
  const loaded = await getLoadedPeriods(db);
  if (loaded.years.length === 0) return { kind: "empty" };
  const year = params.year ?? latestPeriod(loaded.years);
  if (year === null || !loaded.years.includes(year)) throw new NoDataForYearError(String(params.year), loaded.years);

  const [quarters, ranking, registry] = await Promise.all([
    getContestQuarters(db, Number(year)),
    getRankingsFor(db, "year", [year], scoring),
    getRegistry(db),
  ]);
  const entries = valuesByQuarter(quarters, (q) => q.contest_entries);
  const initiatives = valuesByQuarter(quarters, (q) => q.initiatives);
  const names = new Map(quarters.map((q) => [q.commune_code, q.commune_name]));

  const units: ContestUnit[] = [...entries.keys()].map((code) => {
    const e = rankOf(ranking, code, "contest_entries");
    const i = rankOf(ranking, code, "initiatives");
    const eq = entries.get(code) ?? [null, null, null, null];
    const iq = initiatives.get(code) ?? [null, null, null, null];
    const quartersReported = eq.filter((v) => v !== null).length;
    return {
      code,
      name: names.get(code) ?? code,
      entries: { total: sumReported(eq), rank: e?.rank ?? null, ranked: e?.ranked ?? 0, previousRank: e?.previous_rank ?? null, quarters: eq },
      initiatives: { total: sumReported(iq), rank: i?.rank ?? null, ranked: i?.ranked ?? 0, previousRank: i?.previous_rank ?? null, quarters: iq },
      quartersReported,
      incomplete: quartersReported < 4,
    };
  });
  units.sort((a, b) => byRankThenCode({ rank: a.entries.rank, code: a.code }, { rank: b.entries.rank, code: b.code }));

  return {
    kind: "ok",
    year,
    years: loaded.years,
    registryCount: registry.length,
    units,
    missing: missingUnits(registry, entries.keys()),
  };
}
