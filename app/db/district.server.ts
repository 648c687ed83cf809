/**
 * District totals: every indicator from the counts summed over all units (never an average of unit rates),
 * for every period of a kind.
 */
import { z } from "zod";
import { INDICATORS, type IndicatorId } from "~/domain/indicators";
import type { PeriodKind } from "~/domain/period";
import { COUNT_FIELDS } from "~/domain/report-fields";
import { countsShape } from "./counts-shape.server";
import type { Db } from "./instance.server";
import { PERIOD_EXPR } from "./periods.server";


const totalsRowSchema = z.object({ period: z.string(), units: z.number().int(), ...countsShape });

export interface DistrictTotal {
  period: string;
  /** Units that reported in the period. */
  units: number;
  indicator: IndicatorId;
  numerator: number;
  denominator: number | null;
  value: number | null;
}

export async function getDistrictTotals(db: Db, kind: PeriodKind): Promise<DistrictTotal[]> {
  const pid = PERIOD_EXPR[kind];
  const rows = await db.query(
    `SELECT ${pid} AS period, count(DISTINCT commune_code)::INTEGER AS units, ${COUNT_FIELDS.map((f) => `sum(${f})::DOUBLE AS ${f}`).join(", ")}
     FROM current_reports GROUP BY ALL ORDER BY period`,
    [],
    totalsRowSchema,
  );
  return rows.flatMap((row) =>
    INDICATORS.map((i) => {
      const numerator = row[i.numerator];
      const denominator = "denominator" in i ? row[i.denominator] : null;
      const value = denominator === null ? numerator : denominator > 0 ? numerator / denominator : null;
      return { period: row.period, units: row.units, indicator: i.id, numerator, denominator, value };
    }),
  );
}
