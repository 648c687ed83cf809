/**
 * The rankings export (spec §6): the API's rows as CSV for Excel, one line per unit and indicator, the gap
 * spread over four columns, and the year's target with whether it is met (the API's `target` and
 * `target_met`, empty where there is none) last, so that a program reading the older columns by position
 * still finds them. Text cells are neutralised by toCsv (a unit name such as "=HYPERLINK(…)" stays text).
 */
import { toCsv, type CsvCell } from "./csv-export";
import type { RankingRow } from "./ranking";

/** The fields of a ranking row that the export writes. */
export type ExportRow = Pick<
  RankingRow,
  "period" | "commune_code" | "commune_name" | "indicator" | "numerator" | "denominator" | "value" | "rank" | "ranked" | "previous_rank" | "gap" | "incomplete"
> & {
  /** The year's target and whether the value meets it (app/domain/targets.ts `withTargets`). */
  target: number | null;
  target_met: boolean | null;
};

export const RANKINGS_CSV_HEADER = [
  "period",
  "commune_code",
  "commune_name",
  "indicator",
  "numerator",
  "denominator",
  "value",
  "rank",
  "ranked",
  "previous_rank",
  "gap_change",
  "gap_reachable",
  "gap_pass_code",
  "gap_pass_name",
  "incomplete_year",
  "scoring",
  "target",
  "target_met",
] as const;

export function rankingsCsv(rows: readonly ExportRow[], scoring: { name: string; hash: string }): string {
  const version = `${scoring.name}@${scoring.hash}`;
  const lines: CsvCell[][] = rows.map((r) => [
    r.period,
    r.commune_code,
    r.commune_name,
    r.indicator,
    r.numerator,
    r.denominator,
    r.value,
    r.rank,
    r.ranked,
    r.previous_rank,
    r.gap?.reachable ? r.gap.change : null,
    r.gap ? r.gap.reachable : null,
    r.gap?.pass_code ?? null,
    r.gap?.pass_name ?? null,
    r.incomplete,
    r.indicator === "composite_score" ? version : null,
    r.target,
    r.target_met,
  ]);
  return toCsv([[...RANKINGS_CSV_HEADER], ...lines]);
}
