/**
 * The one place that says which report rows a query reads: the draft (`current_reports`: the latest
 * committed upload per unit and period) or what was published at an instant (`published_reports(at)`, a
 * table macro over the frozen publication rows; migrations.server.ts). Every read of figures goes through
 * here, so a reader of the public dashboard can never see a draft by a query that forgot to ask.
 */
import type { DuckDBValue } from "@duckdb/node-api";
import type { DataView } from "~/domain/publication";
import { COUNT_FIELDS } from "~/domain/report-fields";

/** The FROM item of the report rows for `view`, with its parameter numbered `$index` (when it needs one). */
export function reportsFrom(view: DataView, index: number): { sql: string; params: DuckDBValue[] } {
  if (view.kind === "draft") return { sql: "current_reports", params: [] };
  return { sql: `published_reports($${index}::TIMESTAMPTZ)`, params: [view.at.toISOString()] };
}

/**
 * The two bases of units-over-time.md. `as_reported`: the units as they reported in each period.
 * `current`: today's units (those still existing), each with its predecessors' counts combined, Σ share ×
 * count, across every step of lineage (a predecessor's own predecessors included, shares multiplied).
 */
export type Basis = "as_reported" | "current";

/** The quarter before a quarter id in SQL ("2025-Q1" → "2024-Q4"). */
function quarterBeforeSql(q: string): string {
  return `CASE WHEN right(${q}, 1) = '1' THEN CAST(CAST(left(${q}, 4) AS INTEGER) - 1 AS VARCHAR) || '-Q4'
               ELSE left(${q}, 6) || CAST(CAST(right(${q}, 1) AS INTEGER) - 1 AS VARCHAR) END`;
}

/**
 * The report rows of `view` on `basis` for periods of `kind` (their ids bound as the list `periodsParam`),
 * with the columns the rankings read: unit, period, year, quarter, the counts (DOUBLE where combined: a
 * share below 1 makes them estimates), and per row `restated` (combined from predecessors), `estimated` (a
 * share below 1 was used) and `predecessors` (their codes).
 *
 * Each period is ranked on a set of target units, and every other unit's counts go up its lineage into
 * them: on the current basis today's units (those still existing); as reported, a year's units at its end
 * (rule 4: a year that straddles a merger is ranked on the merged units, its earlier quarters restated),
 * and a quarter's own units, as they reported.
 */
export function basisReportsFrom(
  view: DataView,
  index: number,
  basis: Basis,
  kind: "quarter" | "year",
  periodsParam: string,
): { sql: string; params: DuckDBValue[]; restates: boolean } {
  const reports = reportsFrom(view, index);
  // Quarters as reported restate nothing: the plain rows, without the columns the queries would only fill with "no".
  if (basis === "as_reported" && kind === "quarter") return { ...reports, restates: false };
  const combined = COUNT_FIELDS.map((f) => `sum(a.share * r.${f}) AS ${f}`).join(", ");
  // The quarter whose units a period is ranked on; '9999-Q4' stands for "still existing".
  const target = basis === "current" ? "'9999-Q4'" : kind === "year" ? "p || '-Q4'" : "p";
  const inPeriod = kind === "year" ? "CAST(r.year AS VARCHAR) = t.pid" : "r.period = t.pid";
  const notSelf = "(a.code <> a.current_code OR a.valid_from IS DISTINCT FROM a.current_from)";
  return {
    // The lineage is walked once per target quarter, not once per period: on the current basis every period
    // has the same target (today's units), and the walk does not depend on the period.
    sql: `(WITH RECURSIVE targets(pid, target) AS (
        SELECT p, ${target} FROM (SELECT unnest(${periodsParam}::VARCHAR[]) AS p)
      ),
      ancestors(target, current_code, current_from, code, valid_from, valid_to, share) AS (
        SELECT t.target, s.code, s.valid_from, s.code, s.valid_from, s.valid_to, 1.0::DOUBLE
        FROM (SELECT DISTINCT target FROM targets) t
        JOIN unit_spans s ON t.target >= coalesce(s.valid_from, '0000-Q1') AND t.target <= coalesce(s.valid_to, '9999-Q4')
        UNION ALL
        SELECT a.target, a.current_code, a.current_from, p.code, p.valid_from, p.valid_to, a.share * l.share
        FROM ancestors a
        JOIN lineage l ON l.successor_code = a.code AND l.effective = a.valid_from
        JOIN unit_spans p ON p.code = l.predecessor_code AND p.valid_to = ${quarterBeforeSql("l.effective")}
      )
      SELECT a.current_code AS commune_code, r.period, r.year, r.quarter, ${combined},
             bool_or(${notSelf}) AS restated,
             bool_or(a.share < 1) AS estimated,
             coalesce(list(DISTINCT a.code ORDER BY a.code) FILTER (WHERE ${notSelf}), []) AS predecessors
      FROM targets t
      JOIN ancestors a ON a.target = t.target
      JOIN ${reports.sql} r ON r.commune_code = a.code AND ${inPeriod}
        AND r.period >= coalesce(a.valid_from, '0000-Q1') AND r.period <= coalesce(a.valid_to, '9999-Q4')
      GROUP BY a.current_code, r.period, r.year, r.quarter)`,
    params: reports.params,
    restates: true,
  };
}
