/**
 * Every unit's counts per indicator in some periods, on a basis, without ranking anyone: what the unit
 * page's path up (the others' values) and year-end projection (everyone's year so far) read
 * (routes/units.$code/actions.server.ts). The same sums as the rankings (`unitSumsSql`, the same basis and
 * counts type), so a value compared here is the value the ranking ranked; the ranking's window functions and
 * gaps, which cost seconds at national scale, are left out.
 */
import { LIST, VARCHAR, listValue } from "@duckdb/node-api";
import { z } from "zod";
import { INDICATOR_IDS, type IndicatorId } from "~/domain/indicators";
import type { PeriodKind } from "~/domain/period";
import type { DataView } from "~/domain/publication";
import { idListSql, indicatorRowsSql } from "./indicator-sql.server";
import type { Db } from "./instance.server";
import { rankingCountType, unitCode, unitNamer, unitSumsSql } from "./rankings.server";
import { basisReportsFrom, type Basis } from "./reports-source.server";
import { getUnitSpans } from "./units.server";

export interface UnitCounts {
  period: string;
  commune_code: string;
  commune_name: string;
  indicator: IndicatorId;
  numerator: number | null;
  denominator: number | null;
}

const rowSchema = z.object({
  period_index: z.number().int().positive(),
  indicator_index: z.number().int().positive(),
  code: z.number().int().nonnegative(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});

export async function getUnitCounts(db: Db, kind: PeriodKind, periodIds: readonly string[], view: DataView, basis: Basis): Promise<UnitCounts[]> {
  if (periodIds.length === 0) return [];
  const reports = basisReportsFrom(view, 2, basis, kind, "$1");
  const sql = `
WITH ${unitSumsSql(kind, reports.sql, reports.restates, basis)},
long AS (
  ${indicatorRowsSql("base", "pid, commune_code", rankingCountType(kind, basis))}
)
SELECT list_position($1::VARCHAR[], pid)::INTEGER AS period_index,
       list_position(${idListSql(INDICATOR_IDS)}, indicator)::INTEGER AS indicator_index,
       commune_code::INTEGER AS code, num::DOUBLE AS numerator, den::DOUBLE AS denominator
FROM long`;
  const [rows, spans] = await Promise.all([db.query(sql, [listValue([...periodIds]), ...reports.params], rowSchema, [LIST(VARCHAR)]), getUnitSpans(db)]);
  const nameOf = unitNamer(spans, kind, basis);
  return rows.map((row) => {
    const period = periodIds[row.period_index - 1];
    const indicator = INDICATOR_IDS[row.indicator_index - 1];
    if (!period || !indicator) throw new Error(`counts row out of range: period ${row.period_index}, indicator ${row.indicator_index}`);
    const code = unitCode(row.code);
    return { period, commune_code: code, commune_name: nameOf(code, period), indicator, numerator: row.numerator, denominator: row.denominator };
  });
}
