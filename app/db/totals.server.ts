/**
 * The body's totals (the district's or the province's): every indicator from the counts summed over all
 * units (never an average of unit rates), and the body's own composite score from those rates, for every
 * period of a kind. Values are computed in SQL by the same definitions as the rankings.
 */
import { z } from "zod";
import { RANKED_IDS, type RankedId } from "~/domain/indicators";
import type { PeriodKind } from "~/domain/period";
import { COUNT_FIELDS } from "~/domain/report-fields";
import type { DataView } from "~/domain/publication";
import type { VersionedScoring } from "~/domain/scoring";
import { VALUE_SQL, compositeSql, idListSql, indicatorRowsSql, weightsSql } from "./indicator-sql.server";
import type { Db } from "./instance.server";
import { reportsFrom } from "./reports-source.server";
import { PERIOD_EXPR } from "./periods.server";

const totalRowSchema = z.object({
  period: z.string(),
  units: z.number().int(),
  indicator_index: z.number().int().positive(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
});

export interface BodyTotal {
  period: string;
  /** Units that reported in the period. */
  units: number;
  indicator: RankedId;
  /** The summed numerator; null for the composite. */
  numerator: number | null;
  /** The summed denominator; null for counts and the composite. */
  denominator: number | null;
  /** A rate from the sums, a count's sum, or the body's composite score; null where a denominator is 0. */
  value: number | null;
}

export async function getBodyTotals(db: Db, kind: PeriodKind, scoring: VersionedScoring, view: DataView): Promise<BodyTotal[]> {
  const pid = PERIOD_EXPR[kind];
  const weights = weightsSql(scoring, 1);
  const reports = reportsFrom(view, 1 + weights.params.length);
  const rows = await db.query(
    `WITH base AS (
       SELECT ${pid} AS pid, count(DISTINCT commune_code)::INTEGER AS units, ${COUNT_FIELDS.map((f) => `sum(${f}) AS ${f}`).join(", ")}
       FROM ${reports.sql} GROUP BY ALL
     ),
     long AS (${indicatorRowsSql("base", "pid, units")}),
     valued AS (SELECT *, ${VALUE_SQL} AS value FROM long),
     ${weights.sql},
     composite AS (${compositeSql("valued", ["pid", "units"])})
     SELECT t.pid AS period, t.units, list_position(${idListSql(RANKED_IDS)}, t.indicator)::INTEGER AS indicator_index,
            t.num::DOUBLE AS numerator, t.den::DOUBLE AS denominator, t.value
     FROM (SELECT * FROM valued UNION ALL BY NAME SELECT * FROM composite) t
     ORDER BY period, indicator_index`,
    [...weights.params, ...reports.params],
    totalRowSchema,
  );
  return rows.map((row) => {
    const indicator = RANKED_IDS[row.indicator_index - 1];
    if (!indicator) throw new Error(`totals row out of range: indicator ${row.indicator_index}`);
    return { period: row.period, units: row.units, indicator, numerator: row.numerator, denominator: row.denominator, value: row.value };
  });
}
