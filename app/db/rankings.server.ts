/**
 * The rankings (spec §2–§4), computed once in DuckDB SQL on the current data: for each requested period,
 * indicator and unit the summed counts, the value, the competition rank ("1224") among units with a value,
 * the previous period's rank and value, the composite score, and what is needed to pass the next value.
 * The SQL is generated from the indicator registry; request values reach it only as bound parameters.
 */
import { LIST, VARCHAR, listValue } from "@duckdb/node-api";
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
import { basisReportsFrom, type Basis } from "./reports-source.server";
import { getClusters, getUnitSpans, type UnitSpan } from "./units.server";
import { PERIOD_EXPR } from "./periods.server";

/**
 * The type of the summed counts: combined counts (the current basis, and years, which are ranked on their
 * last quarter's units) may be estimates with fractions; plain quarters stay integers. DOUBLE holds
 * integers exactly below 2^53. Shared with the unit query, which must compare the very same values.
 */
export function rankingCountType(kind: PeriodKind, basis: Basis): "DOUBLE" | "HUGEINT" {
  return basis === "current" || kind === "year" ? "DOUBLE" : "HUGEINT";
}

/**
 * The join condition from a period's sums (`b`) to the unit span (`s`) whose cluster the row carries: that of
 * the unit the code named in the last quarter it reported in the period; on the current basis, that of
 * today's unit (the restated quarters predate it).
 */
export function clusterSpanMatch(basis: Basis): string {
  return basis === "current"
    ? "s.valid_to IS NULL"
    : "b.last_quarter >= coalesce(s.valid_from, '0000-Q1') AND b.last_quarter <= coalesce(s.valid_to, '9999-Q4')";
}

/**
 * The CTEs `sums` (each unit's counts summed per period of the kind, with its restated flags) and `base`
 * (with its cluster), shared by the full ranking and the per-unit query so both count the same numbers.
 */
export function unitSumsSql(kind: PeriodKind, reports: string, restates: boolean, basis: Basis): string {
  const pid = PERIOD_EXPR[kind];
  const sums = COUNT_FIELDS.map((f) => `sum(${f}) AS ${f}`).join(", ");
  return `sums AS MATERIALIZED (
  SELECT ${pid} AS pid, commune_code, count(*)::INTEGER AS quarters, max(period) AS last_quarter, ${sums},
         ${
           restates
             ? "bool_or(restated) AS restated, bool_or(estimated) AS estimated, list_sort(list_distinct(flatten(list(predecessors) FILTER (WHERE restated)))) AS predecessors"
             : "false AS restated, false AS estimated, NULL::VARCHAR[] AS predecessors"
         }
  FROM ${reports}
  WHERE list_contains($1::VARCHAR[], ${pid})
  GROUP BY ALL
),
base AS MATERIALIZED (
  SELECT b.*, s.cluster FROM sums b LEFT JOIN unit_spans s ON s.code = b.commune_code AND ${clusterSpanMatch(basis)}
)`;
}

function buildRankingSql(kind: PeriodKind, weights: string, reports: string, restates: boolean, basis: Basis, clustersParam: number): string {
  const countType = rankingCountType(kind, basis);
  return `
WITH ${unitSumsSql(kind, reports, restates, basis)},
long AS (
  ${indicatorRowsSql("base", "pid, commune_code, quarters, cluster", countType)}
),
valued AS (
  SELECT *, ${VALUE_SQL} AS value FROM long
),
${weights},
composite AS (
  ${compositeSql("valued", ["pid", "commune_code"], ["quarters", "cluster"], countType)}
),
everything AS (
  SELECT * FROM valued UNION ALL BY NAME SELECT * FROM composite
),
ranked AS MATERIALIZED (
  SELECT *,
    CASE WHEN value IS NOT NULL THEN rank() OVER w END AS rank,
    CASE WHEN value IS NOT NULL THEN dense_rank() OVER w END AS drank,
    count(value) OVER (PARTITION BY pid, indicator) AS ranked,
    CASE WHEN value IS NOT NULL AND cluster IS NOT NULL THEN rank() OVER wc END AS cluster_rank,
    CASE WHEN cluster IS NOT NULL THEN count(value) OVER (PARTITION BY pid, indicator, cluster) END AS cluster_ranked
  FROM everything
  WINDOW w AS (PARTITION BY pid, indicator ORDER BY CASE WHEN direction = 'higher' THEN -value ELSE value END ASC NULLS LAST),
         wc AS (PARTITION BY pid, indicator, cluster ORDER BY CASE WHEN direction = 'higher' THEN -value ELSE value END ASC NULLS LAST)
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
       a.pass_code::INTEGER AS pass_code, a.pass_tied::INTEGER AS pass_tied, a.pass_num::DOUBLE AS pass_num, a.pass_den::DOUBLE AS pass_den,
       list_position($${clustersParam}::VARCHAR[], r.cluster)::INTEGER AS cluster_index, r.cluster_rank::INTEGER AS cluster_rank, r.cluster_ranked::INTEGER AS cluster_ranked,
       b.restated, b.estimated, CASE WHEN b.restated THEN b.predecessors END AS predecessors
FROM ranked r
JOIN periods pe ON pe.pid = r.pid
JOIN base b ON b.pid = r.pid AND b.commune_code = r.commune_code
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
  cluster_index: z.number().int().nullable(),
  cluster_rank: z.number().int().nullable(),
  cluster_ranked: z.number().int().nullable(),
  restated: z.boolean(),
  estimated: z.boolean(),
  predecessors: z.array(z.string()).nullable(),
});
export type SqlRow = z.infer<typeof sqlRowSchema>;

/** A unit code back from its integer form: codes are exactly 5 digits (registry and ingest check it). */
export function unitCode(n: number): string {
  return String(n).padStart(5, "0");
}

function toGap(row: SqlRow, indicatorId: string, nameOf: (code: string) => string): Gap | null {
  if (row.rank === null || row.rank === 1 || row.pass_code === null || row.pass_num === null || row.numerator === null) return null;
  if (indicatorId === COMPOSITE_ID) return null;
  // Combined counts with a share below 1 are estimates with fractions: "n more dossiers" would be a fiction.
  const counts = [row.numerator, row.denominator, row.pass_num, row.pass_den];
  if (counts.some((n) => n !== null && !Number.isInteger(n))) return null;
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
  const pass = { pass_code: passCode, pass_name: nameOf(passCode), pass_tied: row.pass_tied ?? 1 };
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
  basis: Basis = "as_reported",
): Promise<RankingRow[]> {
  if (periodIds.length === 0) return [];
  const prevIds = periodIds.map((id) => {
    if (parsePeriodId(id)?.kind !== kind) throw new Error(`not a ${kind}: ${id}`);
    return previousPeriodId(id);
  });
  const all = [...new Set([...periodIds, ...prevIds])];
  const clusters = await getClusters(db);
  const weights = weightsSql(scoring, 5);
  const reports = basisReportsFrom(view, 5 + weights.params.length, basis, kind, "$1");
  const params = [listValue(all), listValue([...periodIds]), listValue(prevIds), listValue(clusters), ...weights.params, ...reports.params];
  const [rows, spans] = await Promise.all([
    // The cluster list may be empty, whose type DuckDB cannot guess.
    db.query(buildRankingSql(kind, weights.sql, reports.sql, reports.restates, basis, 4), params, sqlRowSchema, [LIST(VARCHAR), LIST(VARCHAR), LIST(VARCHAR), LIST(VARCHAR)]),
    getUnitSpans(db),
  ]);
  const nameOf = unitNamer(spans, kind, basis);
  return rows.map((row) => toRankingRow(row, { kind, periodIds, nameOf, clusters, basis }));
}

/** What turns a row of the ranking SQL into a RankingRow: the request's periods, names, clusters, basis. */
export interface RowContext {
  kind: PeriodKind;
  periodIds: readonly string[];
  nameOf: (code: string, period: string) => string;
  clusters: readonly string[];
  basis: Basis;
}

export function toRankingRow(row: SqlRow, context: RowContext): RankingRow {
  const { kind, periodIds, nameOf, clusters, basis } = context;
  const code = unitCode(row.code);
  const indicator = RANKED_IDS[row.indicator_index - 1];
  const period = periodIds[row.period_index - 1];
  if (!indicator || !period) throw new Error(`ranking row out of range: indicator ${row.indicator_index}, period ${row.period_index}`);
  return {
    period,
    commune_code: code,
    commune_name: nameOf(code, period),
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
    gap: toGap(row, indicator, (c) => nameOf(c, period)),
    cluster: row.cluster_index === null ? null : (clusters[row.cluster_index - 1] ?? null),
    cluster_rank: row.cluster_rank,
    cluster_ranked: row.cluster_ranked,
    basis,
    restated: row.restated,
    estimated: row.estimated,
    ...(row.restated ? { predecessors: row.predecessors ?? [] } : {}),
  };
}


/**
 * The name of the unit a code named in a period: on the current basis today's unit; as reported, the unit
 * of that quarter (of a year's last quarter it existed in). A reused code names another unit before.
 */
export function unitNamer(spans: readonly UnitSpan[], kind: PeriodKind, basis: Basis): (code: string, period: string) => string {
  const byCode = new Map<string, UnitSpan[]>();
  for (const s of spans) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s]);
  return (code, period) => {
    const list = byCode.get(code);
    if (!list || list.length === 0) return code;
    if (list.length === 1) return list[0]?.name ?? code;
    if (basis === "current") return (list.find((s) => s.validTo === null) ?? list.at(-1))?.name ?? code;
    const [first, last] = kind === "year" ? [`${period}-Q1`, `${period}-Q4`] : [period, period];
    const overlapping = list.filter((s) => (s.validFrom ?? "0000-Q1") <= last && first <= (s.validTo ?? "9999-Q4"));
    return (overlapping.at(-1) ?? list.at(-1))?.name ?? code;
  };
}

/** Which rows of a period a report holds (units-over-time.md): the basis, and one cluster's units only. */
export interface ReportScope {
  basis: Basis;
  cluster?: string | undefined;
}

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
  scope: ReportScope = { basis: "as_reported" },
): Promise<RankingReport | null> {
  const period = parsePeriodId(periodId);
  if (!period) return null;
  const ranked = await getRankingsFor(db, period.kind, [periodId], scoring, view, scope.basis);
  const all = scope.cluster === undefined ? ranked : ranked.filter((r) => r.cluster === scope.cluster);
  if (all.length === 0) return null;
  return {
    period: periodId,
    kind: period.kind,
    units: new Set(all.map((r) => r.commune_code)).size,
    scoring: { name: scoring.name, hash: scoring.hash },
    rows: indicator ? all.filter((r) => r.indicator === indicator) : all,
  };
}
