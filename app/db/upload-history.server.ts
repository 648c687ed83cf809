/**
 * What rolling an upload back would do, per period: of its rows that are current now, how many fall back
 * to an older upload and how many leave the unit without data; rows already shadowed by a later upload
 * change nothing.
 */
import { z } from "zod";
import type { Db } from "./instance.server";

const impactSchema = z.object({
  period: z.string(),
  rows: z.number().int(),
  current: z.number().int(),
  restored: z.number().int(),
  emptied: z.number().int(),
  restored_from: z.array(z.number().int()),
});

export interface RollbackImpact {
  period: string;
  /** The upload's rows for this period. */
  rows: number;
  /** Of those, the ones in the current data (a later upload may have replaced the others). */
  current: number;
  /** Current rows that an older upload's row will replace. */
  restored: number;
  /** Current rows with nothing older: the unit will have no data for the period. */
  emptied: number;
  /** The older uploads that become current again. */
  restoredFrom: number[];
}

export async function getRollbackImpact(db: Db, uploadId: number): Promise<RollbackImpact[]> {
  const rows = await db.query(
    `WITH mine AS (
       SELECT r.commune_code, r.period,
              (c.upload_id = r.upload_id) AS is_current,
              (SELECT max(o.upload_id) FROM report_rows o JOIN uploads ou ON ou.id = o.upload_id AND ou.status = 'committed'
                WHERE o.commune_code = r.commune_code AND o.period = r.period AND o.upload_id <> r.upload_id) AS fallback
       FROM report_rows r
       LEFT JOIN current_reports c ON c.commune_code = r.commune_code AND c.period = r.period
       WHERE r.upload_id = $1)
     SELECT period,
            count(*)::INTEGER AS rows,
            count(*) FILTER (WHERE is_current)::INTEGER AS current,
            count(*) FILTER (WHERE is_current AND fallback IS NOT NULL)::INTEGER AS restored,
            count(*) FILTER (WHERE is_current AND fallback IS NULL)::INTEGER AS emptied,
            COALESCE(list_sort(list_distinct(list(fallback) FILTER (WHERE is_current AND fallback IS NOT NULL))), []::INTEGER[]) AS restored_from
     FROM mine GROUP BY period ORDER BY period`,
    [uploadId],
    impactSchema,
  );
  return rows.map((r) => ({
    period: r.period,
    rows: r.rows,
    current: r.current,
    restored: r.restored,
    emptied: r.emptied,
    restoredFrom: r.restored_from,
  }));
}
