/**
 * Where a unit's figures came from: for each period, the upload that holds its current row (who, when,
 * which file, which line), and the older versions that upload replaced. "Who" is the account's display
 * name: login names stay on the staff-only upload history, since these pages are public by default.
 */
import { z } from "zod";
import type { Db } from "./instance.server";

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

export async function getUnitProvenance(db: Db, communeCode: string): Promise<Provenance[]> {
  return db.query(
    `SELECT c.period, c.upload_id, c.line, u.file_name, coalesce(us.display_name, u.uploaded_by) AS uploaded_by,
            strftime(u.uploaded_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS uploaded_at, u.sha256,
            (SELECT count(*) FROM report_rows r WHERE r.commune_code = c.commune_code AND r.period = c.period)::INTEGER AS versions
     FROM current_reports c JOIN uploads u ON u.id = c.upload_id
     LEFT JOIN users us ON us.username = u.uploaded_by
     WHERE c.commune_code = $1
     ORDER BY c.period`,
    [communeCode],
    provenanceSchema,
  );
}
