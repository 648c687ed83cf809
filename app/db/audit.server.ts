/**
 * The audit log: who did what, when, from where. Logins (successful, failed, refused by the limit),
 * logouts, uploads, rollbacks and account changes. Rows are only ever appended.
 *
 * An entry that records a change is written by the function making the change, on the same connection and
 * in the same transaction (`insertAudit`): the change and its entry are saved together or not at all.
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
