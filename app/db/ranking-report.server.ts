/**
 * One period's rankings as the API, the export and the pages use them (spec §6).
 */
import { getIndicator, type RankedId } from "~/domain/indicators";
import { parsePeriodId } from "~/domain/period";
import type { VersionedScoring } from "~/domain/scoring";
import type { Db } from "./instance.server";
import { getRankingsFor, type RankingRow } from "./rankings.server";

export interface RankingReport {
  period: string;
  kind: "quarter" | "year";
  /** Units with data in the period. */
  units: number;
  scoring: { name: string; hash: string };
  rows: RankingRow[];
}

export class UnknownPeriodError extends Error {
  override name = "UnknownPeriodError";
  constructor(readonly period: string) {
    super(`no data for period ${period}`);
  }
}

export async function getRankingReport(db: Db, periodId: string, scoring: VersionedScoring, indicator?: RankedId): Promise<RankingReport> {
  const period = parsePeriodId(periodId);
  if (!period) throw new UnknownPeriodError(periodId);
  if (indicator && indicator !== "composite_score") getIndicator(indicator);
  const all = await getRankingsFor(db, period.kind, [periodId], scoring);
  // No row means no unit reported in the period.
  if (all.length === 0) throw new UnknownPeriodError(periodId);
  const rows = indicator ? all.filter((r) => r.indicator === indicator) : all;
  return {
    period: periodId,
    kind: period.kind,
    units: new Set(all.map((r) => r.commune_code)).size,
    scoring: { name: scoring.name, hash: scoring.hash },
    rows,
  };
}
