/**
 * Server-side sessions: the cookie carries a random id, the database keeps its SHA-256 with the account and
 * an expiry. Logging out or disabling the account deletes the row, so a copied cookie stops working at once.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { roleSchema } from "~/auth/forms";
import type { SessionUser } from "~/domain/roles";
import type { Db } from "./instance.server";

/** A working day and a bit: staff sign in again each morning. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export interface NewSession {
  /** The random id for the cookie; only its hash is stored. */
  id: string;
  idHash: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  input: { userId: number; address: string | null; userAgent: string | null },
  now: Date,
  ttlMs: number = SESSION_TTL_MS,
): Promise<NewSession> {
  const id = newToken();
  const idHash = hashToken(id);
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.transaction(async (conn) => {
    await conn.run("DELETE FROM sessions WHERE expires_at <= $1::TIMESTAMPTZ", [now.toISOString()]);
    await conn.run(
      `INSERT INTO sessions (id_hash, user_id, created_at, expires_at, address, user_agent)
       VALUES ($1, $2, $3::TIMESTAMPTZ, $4::TIMESTAMPTZ, $5, $6)`,
      [idHash, input.userId, now.toISOString(), expiresAt.toISOString(), input.address, input.userAgent?.slice(0, 300) ?? null],
    );
  });
  return { id, idHash, expiresAt };
}

const sessionRowSchema = z.object({
  id_hash: z.string(),
  id: z.number().int(),
  username: z.string(),
  display_name: z.string(),
  role: roleSchema,
  unit_code: z.string().nullable(),
});

export interface ActiveSession {
  idHash: string;
  user: SessionUser;
}

/** The session for a cookie's id, if it exists, has not expired and its account is enabled. */
export async function getActiveSession(db: Db, id: string, now: Date): Promise<ActiveSession | null> {
  const rows = await db.query(
    `SELECT s.id_hash, u.id, u.username, u.display_name, u.role, u.unit_code
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id_hash = $1 AND s.expires_at > $2::TIMESTAMPTZ AND u.disabled_at IS NULL`,
    [hashToken(id), now.toISOString()],
    sessionRowSchema,
  );
  const r = rows[0];
  if (!r) return null;
  return { idHash: r.id_hash, user: { id: r.id, username: r.username, displayName: r.display_name, role: r.role, unitCode: r.unit_code } };
}

/** Ends one session (logout), with the previews it held. */
export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.transaction(async (conn) => {
    await conn.run("DELETE FROM sessions WHERE id_hash = $1", [idHash]);
    await conn.run("DELETE FROM upload_previews WHERE session_hash = $1", [idHash]);
  });
}

export async function countSessions(db: Db, userId: number): Promise<number> {
  const [row] = await db.query("SELECT count(*) AS n FROM sessions WHERE user_id = $1", [userId], z.object({ n: z.number() }));
  return row?.n ?? 0;
}
