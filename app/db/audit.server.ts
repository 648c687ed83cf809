/**
 * The audit log: who did what, when, from where. Logins (successful, failed, refused by the limit),
 * logouts, uploads, rollbacks and account changes. Rows are only ever appended.
 *
 * An entry that records a change is written by the function making the change, on the same connection and
 * in the same transaction (`insertAudit`): the change and its entry are saved together or not at all.
 * Events that come in bursts (refused logins) get one entry per burst (`recordAuditOncePerBurst`).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "~/domain/audit-actions";
import type { Db } from "./instance.server";

export const auditActionSchema = z.enum(AUDIT_ACTIONS);

export interface AuditEntryInput {
  /** The signed-in user's name; for a failed login, the name that was typed; `cli:NAME` from the command line. */
  actor: string | null;
  action: AuditAction;
  /** What the action was about: an account's name, an upload's id. */
  target?: string | null;
  /** Small facts worth keeping (file name, rows, role); stored as JSON. */
  detail?: Record<string, string | number | boolean | null | string[]>;
  address: string | null;
}

/** Appends an entry on a connection that is inside the transaction of the change it records. */
export async function insertAudit(conn: DuckDBConnection, entry: AuditEntryInput, now: Date): Promise<void> {
  await conn.run(
    `INSERT INTO audit_log (id, logged_at, actor, action, target, detail, address)
     VALUES (nextval('audit_id_seq'), $1::TIMESTAMPTZ, $2, $3, $4, $5, $6)`,
    [now.toISOString(), entry.actor, entry.action, entry.target ?? null, entry.detail ? JSON.stringify(entry.detail) : null, entry.address],
  );
}

/** Appends an entry in a write of its own, for an event whose other records are kept apart (logins, logouts). */
export async function recordAudit(db: Db, entry: AuditEntryInput, now: Date): Promise<void> {
  await db.transaction((conn) => insertAudit(conn, entry, now));
}

/**
 * Which earlier entries belong to the same burst: those of the same action logged at or after `since`,
 * with the same actor, address and `detail.scope` where these are given.
 */
export interface AuditBurst {
  since: Date;
  actor?: string;
  address?: string;
  scope?: string;
}

const BURST_SEEN_SQL = `SELECT EXISTS (SELECT 1 FROM audit_log
  WHERE action = $1 AND logged_at >= $2::TIMESTAMPTZ
    AND ($3::VARCHAR IS NULL OR actor = $3)
    AND ($4::VARCHAR IS NULL OR address = $4)
    AND ($5::VARCHAR IS NULL OR json_extract_string(detail, '$.scope') = $5)) AS seen`;

const seenSchema = z.object({ seen: z.boolean() });

/**
 * Appends an entry unless its burst already has one, so that a client repeating a refused request
 * thousands of times a minute leaves one row, not thousands. Returns whether it wrote.
 */
export async function recordAuditOncePerBurst(db: Db, entry: AuditEntryInput, burst: AuditBurst, now: Date): Promise<boolean> {
  const params = [entry.action, burst.since.toISOString(), burst.actor ?? null, burst.address ?? null, burst.scope ?? null];
  // Most refusals of a burst stop at this read, without a write.
  const [first] = await db.query(BURST_SEEN_SQL, params, seenSchema);
  if (first?.seen) return false;
  // Checked again inside the queued write, so two refusals at the same moment cannot both append.
  return db.transaction(async (conn) => {
    const reader = await conn.runAndReadAll(BURST_SEEN_SQL, params);
    if (seenSchema.parse(reader.getRowObjectsJS()[0]).seen) return false;
    await insertAudit(conn, entry, now);
    return true;
  });
}

const auditRowSchema = z.object({
  id: z.number().int(),
  logged_at: z.string(),
  actor: z.string().nullable(),
  action: auditActionSchema,
  target: z.string().nullable(),
  detail: z.string().nullable(),
  address: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditRowSchema>;

export async function getAuditLog(db: Db, options: { limit: number; action?: AuditAction }): Promise<AuditEntry[]> {
  return db.query(
    `SELECT id, strftime(logged_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS logged_at, actor, action, target, detail, address
     FROM audit_log WHERE ($1::VARCHAR IS NULL OR action = $1) ORDER BY id DESC LIMIT $2`,
    [options.action ?? null, options.limit],
    auditRowSchema,
  );
}
