/**
 * What data is loaded: per period, how many units reported and which uploads the current figures came from.
 */
import { z } from "zod";
import type { Db } from "./instance.server";

const periodCoverageSchema = z.object({
  period: z.string(),
  unit_count: z.number().int(),
  uploads: z.array(
    z.object({ id: z.number().int(), file_name: z.string(), uploaded_by: z.string(), uploaded_at: z.string() }),
  ),
});
export type PeriodCoverage = z.infer<typeof periodCoverageSchema>;

export async function getPeriodCoverage(db: Db): Promise<PeriodCoverage[]> {
  return db.query(
    `WITH used AS (
       SELECT period, upload_id, count(*) AS n FROM current_reports GROUP BY period, upload_id
     )
     SELECT c.period,
            (SELECT count(*) FROM current_reports r WHERE r.period = c.period) AS unit_count,
            list({'id': u.id, 'file_name': u.file_name, 'uploaded_by': coalesce(us.display_name, u.uploaded_by),
                  'uploaded_at': strftime(u.uploaded_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')} ORDER BY u.id) AS uploads
     FROM used c JOIN uploads u ON u.id = c.upload_id
     -- The account's display name, not its login name: this page is public by default.
     LEFT JOIN users us ON us.username = u.uploaded_by
     GROUP BY c.period
     ORDER BY c.period`,
    [],
    periodCoverageSchema,
  );
}

const unitCoverageSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  periods: z.array(z.string()),
});
export type UnitCoverage = z.infer<typeof unitCoverageSchema>;

export async function getUnitCoverage(db: Db): Promise<UnitCoverage[]> {
  return db.query(
    `SELECT u.code, u.name, u.kind, coalesce(list(r.period ORDER BY r.period) FILTER (WHERE r.period IS NOT NULL), []) AS periods
     FROM units u LEFT JOIN current_reports r ON r.commune_code = u.code
     GROUP BY u.code, u.name, u.kind
     ORDER BY u.code`,
    [],
    unitCoverageSchema,
  );
}
