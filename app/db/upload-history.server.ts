/**
 * The history of rollbacks and restores: what rolling an upload back or restoring it would show the public,
 * per period and unit, and which of an account's rollbacks still stand (for the staff bound of
 * app/domain/rollback-limit.ts).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import { ROLLBACK_WINDOW_MS, rollbackRefusal, type RollbackRefusal, type StandingRollback } from "~/domain/rollback-limit";
import type { Role } from "~/domain/roles";
import type { UnitImpact, UploadRef } from "~/domain/upload-impact";
import type { Db } from "./instance.server";

export type UploadChange = "rollback" | "restore";

const ISO = (column: string) => `strftime(${column} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')`;

const impactSchema = z.object({
  period: z.string(),
  unit_code: z.string(),
  unit_name: z.string(),
  before_id: z.number().int().nullable(),
  before_at: z.string().nullable(),
  after_id: z.number().int().nullable(),
  after_at: z.string().nullable(),
});

function ref(id: number | null, at: string | null): UploadRef | null {
  return id === null || at === null ? null : { id, uploadedAt: at };
}

/**
 * For each unit and period of the upload: the upload the public sees now and the one it will see once the
 * upload is rolled back or restored. Both follow the rule of the `current_reports` view — the latest
 * committed upload holding the unit and period — the second with this upload's status flipped.
 */
export async function getUploadImpact(db: Db, uploadId: number, change: UploadChange): Promise<UnitImpact[]> {
  const rows = await db.query(
    `WITH mine AS (SELECT commune_code, commune_name, period FROM report_rows WHERE upload_id = $1),
     holders AS (
       SELECT m.commune_code, m.period, o.upload_id,
              ou.status = 'committed' AS now_in,
              CASE WHEN o.upload_id = $1 THEN $2::BOOLEAN ELSE ou.status = 'committed' END AS after_in
       FROM mine m
       JOIN report_rows o ON o.commune_code = m.commune_code AND o.period = m.period
       JOIN uploads ou ON ou.id = o.upload_id),
     picked AS (
       SELECT commune_code, period,
              max(upload_id) FILTER (WHERE now_in) AS before_id,
              max(upload_id) FILTER (WHERE after_in) AS after_id
       FROM holders GROUP BY commune_code, period)
     SELECT p.period, p.commune_code AS unit_code, COALESCE(un.name, m.commune_name, p.commune_code) AS unit_name,
            p.before_id, ${ISO("bu.uploaded_at")} AS before_at, p.after_id, ${ISO("au.uploaded_at")} AS after_at
     FROM picked p
     JOIN mine m ON m.commune_code = p.commune_code AND m.period = p.period
     LEFT JOIN units un ON un.code = p.commune_code
     LEFT JOIN uploads bu ON bu.id = p.before_id
     LEFT JOIN uploads au ON au.id = p.after_id
     ORDER BY p.period, p.commune_code`,
    [uploadId, change === "restore"],
    impactSchema,
  );
  return rows.map((r) => ({
    period: r.period,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    before: ref(r.before_id, r.before_at),
    after: ref(r.after_id, r.after_at),
  }));
}

const standingSchema = z.object({ id: z.number().int(), periods: z.array(z.string()), rolled_back_ms: z.number() });

/**
 * The uploads the account rolled back within the bound's window that are still rolled back. Takes a
 * connection so that a rollback reads them inside its own transaction.
 */
export async function readStandingRollbacks(conn: DuckDBConnection, username: string, now: Date): Promise<StandingRollback[]> {
  const reader = await conn.runAndReadAll(
    `SELECT id, periods, epoch_ms(rolled_back_at)::DOUBLE AS rolled_back_ms FROM uploads
     WHERE status = 'rolled_back' AND rolled_back_by = $1 AND rolled_back_at > $2::TIMESTAMPTZ ORDER BY id`,
    [username, new Date(now.getTime() - ROLLBACK_WINDOW_MS).toISOString()],
  );
  return reader.getRowObjectsJson().map((row) => {
    const r = standingSchema.parse(row);
    return { uploadId: r.id, periods: r.periods, rolledBackAt: new Date(r.rolled_back_ms) };
  });
}

/** Why the account may not roll back an upload of these periods now, or null: for the confirmation page. */
export async function getRollbackRefusal(db: Db, periods: readonly string[], account: { username: string; role: Role }, now: Date): Promise<RollbackRefusal | null> {
  const standing = await db.withConnection((conn) => readStandingRollbacks(conn, account.username, now));
  return rollbackRefusal(account.role, periods, standing, now);
}
