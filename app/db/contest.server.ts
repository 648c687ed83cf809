/**
 * Contest entries and initiatives per unit and quarter, for the contest view's stacked bars.
 */
import { z } from "zod";
import type { DataView } from "~/domain/publication";
import type { Db } from "./instance.server";
import { reportsFrom } from "./reports-source.server";

const contestSchema = z.object({
  commune_code: z.string(),
  commune_name: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  contest_entries: z.number(),
  initiatives: z.number(),
});
export type ContestQuarter = z.infer<typeof contestSchema>;

export async function getContestQuarters(db: Db, year: number, view: DataView): Promise<ContestQuarter[]> {
  const reports = reportsFrom(view, 2);
  return db.query(
    `SELECT c.commune_code, coalesce(u.name, c.commune_code) AS commune_name, c.year::INTEGER AS year, c.quarter::INTEGER AS quarter,
            c.contest_entries::DOUBLE AS contest_entries, c.initiatives::DOUBLE AS initiatives
     FROM ${reports.sql} c LEFT JOIN units u ON u.code = c.commune_code
     WHERE c.year = $1
     ORDER BY c.commune_code, c.quarter`,
    [year, ...reports.params],
    contestSchema,
  );
}
