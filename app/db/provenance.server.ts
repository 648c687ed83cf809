/**
 * Where the figures came from: for a unit, per period, the upload that holds its current row (who, when,
 * which file, which line) and the older versions that upload replaced; per period, the uploads its current
 * rows came from; and when the current figures were last uploaded. "Who" is the account's display
 * name: login names stay on the staff-only upload history, since these pages are public by default.
 */
import { z } from "zod";
import type { DataView } from "~/domain/publication";
import type { Db } from "./instance.server";
import { reportsFrom } from "./reports-source.server";

const provenanceSchema = z.object({
  period: z.string(),
  upload_id: z.number().int(),
  line: z.number().int(),
  file_name: z.string(),
  uploaded_by: z.string(),
  uploaded_at: z.string(),
  sha256: z.string(),
  versions: z.number().int(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export async function getUnitProvenance(db: Db, communeCode: string, view: DataView): Promise<Provenance[]> {
  const reports = reportsFrom(view, 2);
  return db.query(
    `SELECT c.period, c.upload_id, c.line, u.file_name, coalesce(us.display_name, u.uploaded_by) AS uploaded_by,
            strftime(u.uploaded_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS uploaded_at, u.sha256,
            -- Versions up to the one shown: a reader of a publication does not learn of later drafts.
            (SELECT count(*) FROM report_rows r WHERE r.commune_code = c.commune_code AND r.period = c.period AND r.upload_id <= c.upload_id)::INTEGER AS versions
     FROM ${reports.sql} c JOIN uploads u ON u.id = c.upload_id
     LEFT JOIN users us ON us.username = u.uploaded_by
     WHERE c.commune_code = $1
     ORDER BY c.period`,
    [communeCode, ...reports.params],
    provenanceSchema,
  );
}

const periodCoverageSchema = z.object({
  period: z.string(),
  unit_count: z.number().int(),
  uploads: z.array(
    z.object({ id: z.number().int(), file_name: z.string(), uploaded_by: z.string(), uploaded_at: z.string() }),
  ),
});
export type PeriodCoverage = z.infer<typeof periodCoverageSchema>;

export async function getPeriodCoverage(db: Db, view: DataView): Promise<PeriodCoverage[]> {
  const reports = reportsFrom(view, 1);
  return db.query(
    `WITH shown AS (SELECT * FROM ${reports.sql}),
     used AS (
       SELECT period, upload_id, count(*) AS n FROM shown GROUP BY period, upload_id
     )
     SELECT c.period,
            (SELECT count(*) FROM shown r WHERE r.period = c.period) AS unit_count,
            list({'id': u.id, 'file_name': u.file_name, 'uploaded_by': coalesce(us.display_name, u.uploaded_by),
                  'uploaded_at': strftime(u.uploaded_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')} ORDER BY u.id) AS uploads
     FROM used c JOIN uploads u ON u.id = c.upload_id
     -- The account's display name, not its login name: this page is public by default.
     LEFT JOIN users us ON us.username = u.uploaded_by
     GROUP BY c.period
     ORDER BY c.period`,
    reports.params,
    periodCoverageSchema,
  );
}

const lastUploadSchema = z.object({ last: z.string().nullable() });

/** When the figures shown were last uploaded: the newest upload that supplies a row shown. */
export async function getLastUploadAt(db: Db, view: DataView): Promise<string | null> {
  const reports = reportsFrom(view, 1);
  const [row] = await db.query(
    `SELECT strftime(max(u.uploaded_at) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS last
     FROM uploads u WHERE u.id IN (SELECT DISTINCT upload_id FROM ${reports.sql})`,
    reports.params,
    lastUploadSchema,
  );
  return row?.last ?? null;
}
