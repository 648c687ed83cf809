/**
 * SQL fragments generated from the indicator registry and the scoring configuration, shared by the
 * rankings and the body's totals, so that a rate and the composite are computed by one definition
 * (spec §2–§3) wherever they appear. Only registry identifiers become SQL text; weights are bound.
 */
import { COMPOSITE_ID, INDICATORS } from "~/domain/indicators";
import type { VersionedScoring } from "~/domain/scoring";

function sqlString(s: string): string {
  // Only registry identifiers reach this (ids are [a-z_]); quoting keeps them literals all the same.
  if (!/^[a-z_]+$/.test(s)) throw new Error(`not a registry identifier: ${s}`);
  return `'${s}'`;
}

/** A SQL list literal of registry ids, for list_position. */
export function idListSql(ids: readonly string[]): string {
  return `[${ids.map(sqlString).join(", ")}]`;
}

/**
 * One row per indicator for each row of `from` (which holds the summed count columns and `keys`): the
 * indicator, its direction, numerator and denominator (NULL for counts).
 */
export function indicatorRowsSql(from: string, keys: string, countType: "HUGEINT" | "DOUBLE" = "HUGEINT"): string {
  return INDICATORS.map(
    (i) =>
      `SELECT ${keys}, ${sqlString(i.id)} AS indicator, ${sqlString(i.direction)} AS direction, ` +
      `${i.numerator}::${countType} AS num, ${"denominator" in i ? `${i.denominator}::${countType}` : `NULL::${countType}`} AS den FROM ${from}`,
  ).join("\n  UNION ALL ");
}

/** A count's value is the count; a rate's is num/den, with no value where the denominator is 0. */
export const VALUE_SQL = "CASE WHEN den IS NULL THEN num::DOUBLE WHEN den > 0 THEN num::DOUBLE / den::DOUBLE END";

/** The weights as a VALUES list whose parameters start at `$first`, and the values to bind to them. */
export function weightsSql(scoring: VersionedScoring, first: number): { sql: string; params: (string | number)[] } {
  const weights = Object.entries(scoring.config.indicators);
  const rows = weights.map((_, k) => `($${first + 3 * k}, $${first + 1 + 3 * k}::DOUBLE, $${first + 2 + 3 * k}::DOUBLE)`);
  return { sql: `weights(indicator, weight, full_at) AS (VALUES ${rows.join(", ")})`, params: weights.flatMap(([id, w]) => [id, w.weight, w.fullAt]) };
}

/**
 * The composite score (spec §3) of each group of `valued` rows (which carry `indicator` and `value`):
 * 100 × Σ w·min(1, value / fullAt) / Σ w over the weighted indicators that have a value. `keys` are the
 * group's columns, `extra` more columns to carry.
 */
export function compositeSql(valued: string, keys: readonly string[], extra: readonly string[] = [], countType: "HUGEINT" | "DOUBLE" = "HUGEINT"): string {
  const k = keys.map((c) => `v.${c}`).join(", ");
  const carried = extra.map((c) => `any_value(v.${c}) AS ${c}, `).join("");
  return `SELECT ${k}, ${carried}'${COMPOSITE_ID}' AS indicator, 'higher' AS direction, NULL::${countType} AS num, NULL::${countType} AS den,
         -- Rounded so that float summation order can never split units with equal rates.
         round(100 * sum(w.weight * least(1, v.value / w.full_at)) FILTER (WHERE v.value IS NOT NULL)
               / sum(w.weight) FILTER (WHERE v.value IS NOT NULL), 9) AS value
  FROM ${valued} v JOIN weights w ON w.indicator = v.indicator
  GROUP BY ${k}`;
}
