/**
 * Which periods have data: the quarters in the current data and the years they make up.
 */
import { z } from "zod";
import type { LoadedPeriods, PeriodKind } from "~/domain/period";
import type { DataView } from "~/domain/publication";
import type { Db } from "./instance.server";
import { reportsFrom } from "./reports-source.server";

/**
 * How a current_reports row names its period for each kind (`2023-Q4`, `2023`): SQL text chosen from this
 * list by the kind, never from a request. The ranking and the district totals group by it.
 */
export const PERIOD_EXPR: Record<PeriodKind, string> = {
  quarter: "period",
  year: "CAST(year AS VARCHAR)",
};

/** The quarters a reader can see and the years they make up, each oldest first. */
export async function getLoadedPeriods(db: Db, view: DataView): Promise<LoadedPeriods> {
  const reports = reportsFrom(view, 1);
  const rows = await db.query(`SELECT DISTINCT period, year FROM ${reports.sql} ORDER BY period`, reports.params, z.object({ period: z.string(), year: z.number() }));
  return { quarters: rows.map((r) => r.period), years: [...new Set(rows.map((r) => String(r.year)))] };
}
