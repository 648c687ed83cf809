/**
 * Which periods have data: the quarters in the current data and the years they make up.
 */
import { z } from "zod";
import type { Db } from "./instance.server";

export interface LoadedPeriods {
  /** Quarter ids, oldest first. */
  quarters: string[];
  /** Year ids, oldest first. */
  years: string[];
}

export async function getLoadedPeriods(db: Db): Promise<LoadedPeriods> {
  const rows = await db.query("SELECT DISTINCT period, year FROM current_reports ORDER BY period", [], z.object({ period: z.string(), year: z.number() }));
  return { quarters: rows.map((r) => r.period), years: [...new Set(rows.map((r) => String(r.year)))] };
}
