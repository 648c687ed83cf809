/**
 * A few units' rows of the rankings (the unit page, the compare page), ranked over every unit, without
 * ranking every unit (docs/decisions/012-pages-at-scale.md). `getRankingsFor` sorts everyone with window
 * functions and finds everyone's next rank; at national scale (3,321 units × 12 quarters × 9 indicators)
 * that took seconds. Here each asked row is compared with everyone's values of its period and indicator
 * by counting: its rank is 1 + the units with a better value, its ties the units with the same value, the
 * unit to pass the closest better value (lowest code first, as in `gap`), the field the units with a value.
 * The rows are the same as `getRankingsFor`'s rows of those units, field by field and in the same order,
 * on either basis and on a registry with lineage and clusters (decision 013): everyone's values are built by
 * the same basis SQL (`basisReportsFrom`), only the ranking of them is replaced by counting, the cluster rank
 * included (tests/integration/db/unit-rankings.test.ts on a synthetic province, unit-rankings-restated.test.ts
 * on the merger of four, the split and the straddling year).
 */
import { INTEGER, LIST, VARCHAR, listValue } from "@duckdb/node-api";
import { z } from "zod";
import { RANKED_IDS, type RankedId } from "~/domain/indicators";
import { parsePeriodId, previousPeriodId, type PeriodKind } from "~/domain/period";
import type { DataView } from "~/domain/publication";
import type { VersionedScoring } from "~/domain/scoring";
import { VALUE_SQL, compositeSql, idListSql, indicatorRowsSql, weightsSql } from "./indicator-sql.server";
import type { Db } from "./instance.server";
import { rankingCountType, sqlRowSchema, toRankingRow, unitCode, unitNamer, unitSumsSql, type RankingRow } from "./rankings.server";
import { basisReportsFrom, type Basis } from "./reports-source.server";
import { getClusters, getUnitSpans } from "./units.server";

export interface UnitRankingRow extends RankingRow {
  /** Other units holding the same rank (0 without a rank). */
  tied_with: number;
  /**
   * The unit holding the next better value (the lowest code where several do, as in `gap`), with that value
   * and how many hold it; null for a unit ranked first or not ranked. The composite's gap in points reads it.
   */
  next: { code: string; name: string; tied: number; value: number | null } | null;
}

/** Units ranked on an indicator in a period: the "20" of "4/20", also for a unit that did not report. */
export interface RankedField {
  period: string;
  indicator: RankedId;
  ranked: number;
}

export interface UnitRankings {
  /** The asked units' rows, in the order of `getRankingsFor`. */
  rows: UnitRankingRow[];
  /** Every requested period and indicator with a value for some unit. */
  fields: RankedField[];
}

/**
 * `$1` every period read (the requested ones and their previous ones), `$2` the requested periods, `$3`
 * their previous periods, `$4` the asked codes (integers), `$5` the clusters, then the weights and the
 * reports' parameter. The units' values are built as `getRankingsFor` builds them (the same basis, counts
 * type, cluster rule and SQL fragments), so that the counts below compare exactly the same numbers.
 */
function unitRankingSql(kind: PeriodKind, weights: string, reports: string, restates: boolean, basis: Basis): string {
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
-- k orders every indicator the same way: the smaller, the better. g numbers the (period, indicator) pairs:
-- the joins below match every unit's row with the asked ones on one integer instead of two strings.
everything AS MATERIALIZED (
  SELECT pid, indicator, list_position($1::VARCHAR[], pid) * 64 + list_position(${idListSql(RANKED_IDS)}, indicator) AS g,
         commune_code::INTEGER AS code, quarters, cluster, num, den, value,
         CASE WHEN direction = 'higher' THEN -value ELSE value END AS k
  FROM (SELECT * FROM valued UNION ALL BY NAME SELECT * FROM composite)
),
-- Only what the counting reads: narrow rows are cheaper to keep and to join.
valued_all AS MATERIALIZED (
  SELECT g, code, k, cluster FROM everything WHERE value IS NOT NULL
),
fields AS (
  SELECT any_value(pid) AS pid, any_value(indicator) AS indicator, count(*) AS ranked, list(code ORDER BY code) AS codes
  FROM everything WHERE value IS NOT NULL GROUP BY g
),
cluster_fields AS (
  SELECT g, cluster, count(*) AS ranked FROM valued_all WHERE cluster IS NOT NULL GROUP BY ALL
),
asked(code) AS (
  SELECT unnest($4::INTEGER[])
),
mine AS MATERIALIZED (
  SELECT e.* FROM everything e SEMI JOIN asked a ON a.code = e.code
),
versus_all AS (
  SELECT m.pid, m.indicator, m.code, m.g,
         count(*) FILTER (WHERE e.k < m.k) + 1 AS rank,
         count(*) FILTER (WHERE e.k = m.k) - 1 AS tied_with,
         -- The closest better value, and the lowest code holding it.
         max({'k': e.k, 'c': -e.code}) FILTER (WHERE e.k < m.k) AS next,
         CASE WHEN any_value(m.cluster) IS NOT NULL THEN count(*) FILTER (WHERE e.k < m.k AND e.cluster = m.cluster) + 1 END AS cluster_rank
  FROM mine m JOIN valued_all e ON e.g = m.g
  WHERE m.value IS NOT NULL
  GROUP BY m.pid, m.indicator, m.code, m.g
),
versus AS MATERIALIZED (
  SELECT pid, indicator, code, g, rank, tied_with, cluster_rank, next.k AS next_k, -next.c AS pass_code FROM versus_all
),
-- The unit to pass: how many hold its value, and its counts. FILTER rather than join conditions, so that
-- the join stays on (period, indicator) with the few asked rows on the side DuckDB builds its hash table on.
next_holders AS (
  SELECT v.pid, v.indicator, v.code,
         count(*) FILTER (WHERE e.k = v.next_k) AS tied,
         any_value(e.num) FILTER (WHERE e.code = v.pass_code) AS num,
         any_value(e.den) FILTER (WHERE e.code = v.pass_code) AS den,
         any_value(e.value) FILTER (WHERE e.code = v.pass_code) AS value
  FROM mine m
  JOIN versus v ON v.pid = m.pid AND v.indicator = m.indicator AND v.code = m.code
  JOIN everything e ON e.g = m.g AND e.value IS NOT NULL
  WHERE v.pass_code IS NOT NULL
  GROUP BY ALL
),
periods(pid, prev_pid) AS (
  SELECT unnest($2::VARCHAR[]), unnest($3::VARCHAR[])
)
SELECT false AS is_field,
       list_position($2::VARCHAR[], m.pid)::INTEGER AS period_index,
       list_position(${idListSql(RANKED_IDS)}, m.indicator)::INTEGER AS indicator_index,
       m.code, m.num::DOUBLE AS numerator, m.den::DOUBLE AS denominator, m.value,
       v.rank::INTEGER AS rank, coalesce(f.ranked, 0)::INTEGER AS ranked, m.quarters,
       pv.rank::INTEGER AS previous_rank, pf.ranked::INTEGER AS previous_ranked, pm.value AS previous_value,
       coalesce(f.codes = pf.codes, false) AS same_units,
       v.pass_code::INTEGER AS pass_code, nh.tied::INTEGER AS pass_tied, nh.num::DOUBLE AS pass_num, nh.den::DOUBLE AS pass_den,
       coalesce(v.tied_with, 0)::INTEGER AS tied_with, nh.value AS pass_value,
       list_position($5::VARCHAR[], m.cluster)::INTEGER AS cluster_index, v.cluster_rank::INTEGER AS cluster_rank,
       CASE WHEN m.cluster IS NOT NULL THEN coalesce(cf.ranked, 0) END::INTEGER AS cluster_ranked,
       b.restated, b.estimated, CASE WHEN b.restated THEN b.predecessors END AS predecessors
FROM mine m
JOIN periods pe ON pe.pid = m.pid
JOIN base b ON b.pid = m.pid AND b.commune_code::INTEGER = m.code
LEFT JOIN versus v ON v.pid = m.pid AND v.indicator = m.indicator AND v.code = m.code
LEFT JOIN fields f ON f.pid = m.pid AND f.indicator = m.indicator
LEFT JOIN cluster_fields cf ON cf.g = m.g AND cf.cluster = m.cluster
LEFT JOIN mine pm ON pm.pid = pe.prev_pid AND pm.indicator = m.indicator AND pm.code = m.code
LEFT JOIN versus pv ON pv.pid = pe.prev_pid AND pv.indicator = m.indicator AND pv.code = m.code
LEFT JOIN fields pf ON pf.pid = pe.prev_pid AND pf.indicator = m.indicator
LEFT JOIN next_holders nh ON nh.pid = m.pid AND nh.indicator = m.indicator AND nh.code = m.code
UNION ALL BY NAME
SELECT true AS is_field,
       list_position($2::VARCHAR[], f.pid)::INTEGER AS period_index,
       list_position(${idListSql(RANKED_IDS)}, f.indicator)::INTEGER AS indicator_index,
       f.ranked::INTEGER AS ranked
FROM fields f JOIN periods pe ON pe.pid = f.pid`;
}

const unitSqlRowSchema = sqlRowSchema.extend({ tied_with: z.number().int(), pass_value: z.number().nullable() });
const fieldRowSchema = z.object({ period_index: z.number().int().positive(), indicator_index: z.number().int().positive(), ranked: z.number().int() });
const unitQueryRowSchema = z.discriminatedUnion("is_field", [
  unitSqlRowSchema.extend({ is_field: z.literal(false) }),
  fieldRowSchema.extend({ is_field: z.literal(true) }),
]);

/** The order of `getRankingsFor`'s rows: period, indicator (both by id), rank (unranked last), code. */
function byRankingOrder(a: RankingRow, b: RankingRow): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  if (a.period !== b.period) return text(a.period, b.period);
  if (a.indicator !== b.indicator) return text(a.indicator, b.indicator);
  if (a.rank !== b.rank) return a.rank === null ? 1 : b.rank === null ? -1 : a.rank - b.rank;
  return text(a.commune_code, b.commune_code);
}

export async function getUnitRankingsFor(
  db: Db,
  kind: PeriodKind,
  periodIds: readonly string[],
  codes: readonly string[],
  scoring: VersionedScoring,
  view: DataView,
  basis: Basis = "as_reported",
): Promise<UnitRankings> {
  if (periodIds.length === 0 || codes.length === 0) return { rows: [], fields: [] };
  const prevIds = periodIds.map((id) => {
    if (parsePeriodId(id)?.kind !== kind) throw new Error(`not a ${kind}: ${id}`);
    return previousPeriodId(id);
  });
  const all = [...new Set([...periodIds, ...prevIds])];
  const clusters = await getClusters(db);
  const weights = weightsSql(scoring, 6);
  const reports = basisReportsFrom(view, 6 + weights.params.length, basis, kind, "$1");
  // Codes are five digits (checked by the URL parser and the registry): they travel as integers, as in the ranking.
  const params = [listValue(all), listValue([...periodIds]), listValue(prevIds), listValue(codes.map((c) => Number(c))), listValue(clusters), ...weights.params, ...reports.params];
  const [found, spans] = await Promise.all([
    // The cluster list may be empty, whose type DuckDB cannot guess.
    db.query(unitRankingSql(kind, weights.sql, reports.sql, reports.restates, basis), params, unitQueryRowSchema, [LIST(VARCHAR), LIST(VARCHAR), LIST(VARCHAR), LIST(INTEGER), LIST(VARCHAR)]),
    getUnitSpans(db),
  ]);
  const nameOf = unitNamer(spans, kind, basis);
  const context = { kind, periodIds, nameOf, clusters, basis };
  const rows: UnitRankingRow[] = [];
  const fields: RankedField[] = [];
  for (const row of found) {
    if (row.is_field) {
      const period = periodIds[row.period_index - 1];
      const indicator = RANKED_IDS[row.indicator_index - 1];
      if (!period || !indicator) throw new Error(`ranking field out of range: indicator ${row.indicator_index}, period ${row.period_index}`);
      fields.push({ period, indicator, ranked: row.ranked });
      continue;
    }
    const next = row.pass_code === null ? null : unitCode(row.pass_code);
    const ranking = toRankingRow(row, context);
    rows.push({
      ...ranking,
      tied_with: row.tied_with,
      next: next === null ? null : { code: next, name: nameOf(next, ranking.period), tied: row.pass_tied ?? 1, value: row.pass_value },
    });
  }
  rows.sort(byRankingOrder);
  fields.sort((a, b) => periodIds.indexOf(a.period) - periodIds.indexOf(b.period) || RANKED_IDS.indexOf(a.indicator) - RANKED_IDS.indexOf(b.indicator));
  return { rows, fields };
}

/**
 * The asked units' rows of a full ranking, with their ties, the unit to pass, and every field: the slow
 * formulation of `getUnitRankingsFor`, which the tests hold it to.
 */
export function unitRankingsOf(all: readonly RankingRow[], codes: readonly string[]): UnitRankings {
  const asked = new Set(codes);
  const groups = new Map<string, RankingRow[]>();
  for (const r of all) {
    const key = `${r.period}|${r.indicator}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const rows: UnitRankingRow[] = [];
  const fields: RankedField[] = [];
  for (const list of groups.values()) {
    const first = list[0];
    if (first && list.some((r) => r.rank !== null)) fields.push({ period: first.period, indicator: first.indicator, ranked: first.ranked });
    for (const r of list) {
      if (!asked.has(r.commune_code)) continue;
      const rank = r.rank;
      const tiedWith = rank === null ? 0 : list.filter((x) => x.rank === rank).length - 1;
      const better = rank === null ? [] : list.filter((x) => x.rank !== null && x.rank < rank);
      const nextRank = better.length === 0 ? null : Math.max(...better.map((x) => x.rank ?? 0));
      const holders = better.filter((x) => x.rank === nextRank).sort((a, b) => (a.commune_code < b.commune_code ? -1 : 1));
      const pass = holders[0];
      rows.push({ ...r, tied_with: tiedWith, next: pass ? { code: pass.commune_code, name: pass.commune_name, tied: holders.length, value: pass.value } : null });
    }
  }
  rows.sort(byRankingOrder);
  return { rows, fields };
}
