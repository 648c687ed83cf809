/**
 * The rankings (spec §2–§4), computed once in DuckDB SQL on the current data: for each requested period,
 * indicator and unit the summed counts, the value, the competition rank ("1224") among units with a value,
 * the previous period's rank and value, the composite score, and what is needed to pass the next value.
 * The SQL is generated from the indicator registry; request values reach it only as bound parameters.
 */
import { listValue } from "@duckdb/node-api";
import { z } from "zod";
import { computeGap, type Gap } from "~/domain/gap";
import type { RankingRow } from "~/domain/ranking";
import { COMPOSITE_ID, RANKED_IDS, getIndicator, type RankedId } from "~/domain/indicators";
import { rankMovement } from "~/domain/ranks";
import { parsePeriodId, previousPeriodId, type PeriodKind } from "~/domain/period";
import { COUNT_FIELDS } from "~/domain/report-fields";
import type { DataView } from "~/domain/publication";
import type { VersionedScoring } from "~/domain/scoring";

export type { RankingRow };
import { VALUE_SQL, compositeSql, idListSql, indicatorRowsSql, weightsSql } from "./indicator-sql.server";
import type { Db } from "./instance.server";
import { reportsFrom } from "./reports-source.server";
import { PERIOD_EXPR } from "./periods.server";

function buildRankingSql(kind: PeriodKind, weights: string, reports: string): string {
  const pid = PERIOD_EXPR[kind];
  const sums = COUNT_FIELDS.map((f) => `sum(${f}) AS ${f}`).join(", ");
  return `
WITH base AS MATERIALIZED (
  SELECT ${pid} AS pid, commune_code, count(*)::INTEGER AS quarters, ${sums}
  FROM ${reports}
  WHERE list_contains($1::VARCHAR[], ${pid})
  GROUP BY ALL
),
long AS (
  ${indicatorRowsSql("base", "pid, commune_code, quarters")}
),
valued AS (
  SELECT *, ${VALUE_SQL} AS value FROM long
),
${weights},
composite AS (
  ${compositeSql("valued", ["pid", "commune_code"], ["quarters"])}
),
everything AS (
  SELECT * FROM valued UNION ALL BY NAME SELECT * FROM composite
),
ranked AS MATERIALIZED (
  SELECT *,
    CASE WHEN value IS NOT NULL THEN rank() OVER w END AS rank,
    CASE WHEN value IS NOT NULL THEN dense_rank() OVER w END AS drank,
    count(value) OVER (PARTITION BY pid, indicator) AS ranked
  FROM everything
  WINDOW w AS (PARTITION BY pid, indicator ORDER BY CASE WHEN direction = 'higher' THEN -value ELSE value END ASC NULLS LAST)
),
above AS (
  SELECT pid, indicator, drank, min(commune_code) AS pass_code, count(*) AS pass_tied,
         arg_min(num, commune_code) AS pass_num, arg_min(den, commune_code) AS pass_den
  FROM ranked WHERE value IS NOT NULL
  GROUP BY pid, indicator, drank
),
periods(pid, prev_pid) AS (
  SELECT unnest($2::VARCHAR[]), unnest($3::VARCHAR[])
),
-- Movement compares like with like: only where the previous period ranked exactly the same units.
unit_sets AS (
  SELECT pid, indicator, list(commune_code ORDER BY commune_code) AS codes
  FROM ranked WHERE value IS NOT NULL
  GROUP BY pid, indicator
),
comparable AS (
  SELECT pe.pid, c.indicator, c.codes = p.codes AS same_units
  FROM periods pe
  JOIN unit_sets c ON c.pid = pe.pid
  JOIN unit_sets p ON p.pid = pe.prev_pid AND p.indicator = c.indicator
)
-- Only numbers cross into JavaScript: strings cost most to convert at national scale. The period and the
-- indicator leave as their positions in the request and the registry, unit codes (5 digits, checked on the
-- way in) as integers; names are joined in the data layer. Sums leave as DOUBLE (exact below 2^53).
SELECT list_position($2::VARCHAR[], r.pid)::INTEGER AS period_index,
       list_position(${idListSql(RANKED_IDS)}, r.indicator)::INTEGER AS indicator_index,
       r.commune_code::INTEGER AS code,
       r.num::DOUBLE AS numerator, r.den::DOUBLE AS denominator, r.value, r.rank::INTEGER AS rank, r.ranked::INTEGER AS ranked, r.quarters,
       p.rank::INTEGER AS previous_rank, p.ranked::INTEGER AS previous_ranked, p.value AS previous_value,
       coalesce(s.same_units, false) AS same_units,
       a.pass_code::INTEGER AS pass_code, a.pass_tied::INTEGER AS pass_tied, a.pass_num::DOUBLE AS pass_num, a.pass_den::DOUBLE AS pass_den
FROM ranked r
JOIN periods pe ON pe.pid = r.pid
LEFT JOIN ranked p ON p.pid = pe.prev_pid AND p.commune_code = r.commune_code AND p.indicator = r.indicator
LEFT JOIN above a ON a.pid = r.pid AND a.indicator = r.indicator AND a.drank = r.drank - 1
LEFT JOIN comparable s ON s.pid = r.pid AND s.indicator = r.indicator
ORDER BY r.pid, r.indicator, r.rank NULLS LAST, r.commune_code`;
}

export const sqlRowSchema = z.object({
  period_index: z.number().int().positive(),
  indicator_index: z.number().int().positive(),
  code: z.number().int().nonnegative(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  rank: z.number().int().nullable(),
  ranked: z.number().int(),
  quarters: z.number().int(),
  previous_rank: z.number().int().nullable(),
  previous_ranked: z.number().int().nullable(),
  same_units: z.boolean(),
  previous_value: z.number().nullable(),
  pass_code: z.number().int().nullable(),
  pass_tied: z.number().int().nullable(),
  pass_num: z.number().nullable(),
  pass_den: z.number().nullable(),
});
export type SqlRow = z.infer<typeof sqlRowSchema>;

/** A unit code back from its integer form: codes are exactly 5 digits (registry and ingest check it). */
export function unitCode(n: number): string {
  return String(n).padStart(5, "0");
}

function toGap(row: SqlRow, indicatorId: string, names: ReadonlyMap<string, string>): Gap | null {
  if (row.rank === null || row.rank === 1 || row.pass_code === null || row.pass_num === null || row.numerator === null) return null;
  if (indicatorId === COMPOSITE_ID) return null;
  const indicator = getIndicator(indicatorId);
  const result = computeGap({
    unit: indicator.unit,
    direction: indicator.direction,
    numerator: row.numerator,
    denominator: row.denominator,
    aboveNumerator: row.pass_num,
    aboveDenominator: row.pass_den,
  });
  const passCode = unitCode(row.pass_code);
  const pass = { pass_code: passCode, pass_name: names.get(passCode) ?? passCode, pass_tied: row.pass_tied ?? 1 };
  return result.reachable ? { reachable: true, change: result.change, ...pass } : { reachable: false, ...pass };
}

/**
 * Ranks every unit on every indicator (and the composite) in each of the given periods, all of one kind.
 * Each period is compared with its previous period of the same kind.
 */
export async function getRankingsFor(
  db: Db,
  kind: PeriodKind,
  periodIds: readonly string[],
  scoring: VersionedScoring,
  view: DataView,
): Promise<RankingRow[]> {
  if (periodIds.length === 0) return [];
  const query = rankingQuery(kind, periodIds, scoring, view);
  const [rows, units] = await Promise.all([
    db.query(query.sql, query.params, sqlRowSchema),
    db.query("SELECT code, name FROM units", [], unitNameSchema),
  ]);
  const names = new Map(units.map((u) => [u.code, u.name]));
  return rows.map((row) => toRankingRow(row, kind, periodIds, names));
}

/** The ranking SQL of `periodIds` with its bound parameters (the first `params.length` placeholders). */
function rankingQuery(kind: PeriodKind, periodIds: readonly string[], scoring: VersionedScoring, view: DataView) {
  const prevIds = periodIds.map((id) => {
    if (parsePeriodId(id)?.kind !== kind) throw new Error(`not a ${kind}: ${id}`);
    return previousPeriodId(id);
  });
  const all = [...new Set([...periodIds, ...prevIds])];
  const weights = weightsSql(scoring, 4);
  const reports = reportsFrom(view, 4 + weights.params.length);
  const params = [listValue(all), listValue([...periodIds]), listValue(prevIds), ...weights.params, ...reports.params];
  return { sql: buildRankingSql(kind, weights.sql, reports.sql), params };
}

export function toRankingRow(row: SqlRow, kind: PeriodKind, periodIds: readonly string[], names: ReadonlyMap<string, string>): RankingRow {
  const code = unitCode(row.code);
  const indicator = RANKED_IDS[row.indicator_index - 1];
  const period = periodIds[row.period_index - 1];
  if (!indicator || !period) throw new Error(`ranking row out of range: indicator ${row.indicator_index}, period ${row.period_index}`);
  return {
    period,
    commune_code: code,
    commune_name: names.get(code) ?? code,
    indicator,
    numerator: row.numerator,
    denominator: row.denominator,
    value: row.value,
    rank: row.rank,
    ranked: row.ranked,
    previous_rank: row.previous_rank,
    previous_ranked: row.previous_rank === null ? null : row.previous_ranked,
    movement: row.same_units ? rankMovement(row.rank, row.previous_rank) : null,
    previous_value: row.previous_value,
    quarters: row.quarters,
    incomplete: kind === "year" && row.quarters < 4,
    gap: toGap(row, indicator, names),
  };
}

export const unitNameSchema = z.object({ code: z.string(), name: z.string() });


/** One period's rankings as the API and the export give them (spec §6). */
export interface RankingReport {
  period: string;
  kind: PeriodKind;
  /** Units with data in the period. */
  units: number;
  scoring: { name: string; hash: string };
  rows: RankingRow[];
}

/** The report of one period (optionally one indicator); null when no unit reported in the period. */
export async function getRankingReport(
  db: Db,
  periodId: string,
  scoring: VersionedScoring,
  view: DataView,
  indicator?: RankedId,
): Promise<RankingReport | null> {
  const period = parsePeriodId(periodId);
  if (!period) return null;
  const all = await getRankingsFor(db, period.kind, [periodId], scoring, view);
  if (all.length === 0) return null;
  return {
    period: periodId,
    kind: period.kind,
    units: new Set(all.map((r) => r.commune_code)).size,
    scoring: { name: scoring.name, hash: scoring.hash },
    rows: indicator ? all.filter((r) => r.indicator === indicator) : all,
  };
}
