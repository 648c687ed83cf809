/**
 * Accounts: who may sign in, with which role, and for a leader which unit. Passwords arrive here already
 * hashed (app/auth/password.server.ts); this module never sees a password. A change may carry its audit
 * entry, which is written in the change's own transaction.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import { roleSchema } from "~/auth/forms";
import type { Role, SessionUser } from "~/domain/roles";
import { insertAudit, type AuditEntryInput } from "./audit.server";
import type { Db } from "./instance.server";

export class UserExistsError extends Error {
  override name = "UserExistsError";
  constructor(readonly username: string) {
    super(`an account named ${username} already exists`);
  }
}

const userRowSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  display_name: z.string(),
  role: roleSchema,
  unit_code: z.string().nullable(),
  created_at: z.string(),
  created_by: z.string(),
  password_changed_at: z.string(),
  disabled_at: z.string().nullable(),
  disabled_by: z.string().nullable(),
});

export interface UserRecord extends SessionUser {
  createdAt: string;
  createdBy: string;
  passwordChangedAt: string;
  disabledAt: string | null;
  disabledBy: string | null;
}

const iso = (column: string) => `strftime(${column} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS ${column}`;
const USER_COLUMNS = `id, username, display_name, role, unit_code, ${iso("created_at")}, created_by, ${iso("password_changed_at")},
  ${iso("disabled_at")}, disabled_by`;

function toUser(r: z.infer<typeof userRowSchema>): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    unitCode: r.unit_code,
    createdAt: r.created_at,
    createdBy: r.created_by,
    passwordChangedAt: r.password_changed_at,
    disabledAt: r.disabled_at,
    disabledBy: r.disabled_by,
  };
}

export interface NewUserRecord {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  passwordHash: string;
  createdBy: string;
}

export async function createUser(db: Db, user: NewUserRecord, now: Date, audit?: AuditEntryInput): Promise<UserRecord> {
  const id = await db.transaction(async (conn) => {
    const existing = await conn.runAndReadAll("SELECT id FROM users WHERE username = $1", [user.username]);
    if (existing.getRows().length > 0) throw new UserExistsError(user.username);
    const reader = await conn.runAndReadAll("SELECT nextval('user_id_seq') AS id");
    const newId = Number(reader.getRows()[0]?.[0]);
    await conn.run(
      `INSERT INTO users (id, username, display_name, role, unit_code, password_hash, created_at, created_by, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::TIMESTAMPTZ, $8, $7::TIMESTAMPTZ)`,
      [newId, user.username, user.displayName, user.role, user.unitCode, user.passwordHash, now.toISOString(), user.createdBy],
    );
    if (audit) await insertAudit(conn, audit, now);
    return newId;
  });
  const created = await getUserById(db, id);
  if (!created) throw new Error(`account ${user.username} was not saved`);
  return created;
}

export async function getUserById(db: Db, id: number): Promise<UserRecord | null> {
  const rows = await db.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id], userRowSchema);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function getUserByUsername(db: Db, username: string): Promise<UserRecord | null> {
  const rows = await db.query(`SELECT ${USER_COLUMNS} FROM users WHERE username = $1`, [username], userRowSchema);
  return rows[0] ? toUser(rows[0]) : null;
}

/** The account and its password hash, for the login check only. */
export async function getCredentials(db: Db, username: string): Promise<{ user: UserRecord; passwordHash: string } | null> {
  const rows = await db.query(
    `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE username = $1`,
    [username],
    userRowSchema.extend({ password_hash: z.string() }),
  );
  const row = rows[0];
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

export async function getUsers(db: Db): Promise<UserRecord[]> {
  const rows = await db.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY disabled_at IS NOT NULL, role, username`, [], userRowSchema);
  return rows.map(toUser);
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const [row] = await db.query("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL", [], z.object({ n: z.number() }));
  return row?.n ?? 0;
}

async function revokeSessions(conn: DuckDBConnection, userId: number): Promise<void> {
  await conn.run("DELETE FROM sessions WHERE user_id = $1", [userId]);
  await conn.run("DELETE FROM upload_previews WHERE user_id = $1", [userId]);
}

/** Sets a new password hash and signs the account out everywhere. */
export async function setPasswordHash(db: Db, userId: number, passwordHash: string, now: Date, audit?: AuditEntryInput): Promise<void> {
  await db.transaction(async (conn) => {
    await conn.run("UPDATE users SET password_hash = $2, password_changed_at = $3::TIMESTAMPTZ WHERE id = $1", [
      userId,
      passwordHash,
      now.toISOString(),
    ]);
    await revokeSessions(conn, userId);
    if (audit) await insertAudit(conn, audit, now);
  });
}

export class LastAdminError extends Error {
  override name = "LastAdminError";
}

/**
 * Disables an account (its sessions end at once) or enables it again. Disabling the last active
 * administrator is refused inside the same queued write, so two admins disabling each other at the same
 * moment cannot leave none.
 */
export async function setDisabled(db: Db, userId: number, disabled: boolean, by: string, now: Date, audit?: AuditEntryInput): Promise<void> {
  await db.transaction(async (conn) => {
    if (disabled) {
      const reader = await conn.runAndReadAll(
        `SELECT (SELECT role FROM users WHERE id = $1) = 'admin'
            AND (SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1) = 0`,
        [userId],
      );
      if (reader.getRows()[0]?.[0] === true) throw new LastAdminError(`user ${userId} is the last active administrator`);
      await conn.run("UPDATE users SET disabled_at = $2::TIMESTAMPTZ, disabled_by = $3 WHERE id = $1", [userId, now.toISOString(), by]);
      await revokeSessions(conn, userId);
    } else {
      await conn.run("UPDATE users SET disabled_at = NULL, disabled_by = NULL WHERE id = $1", [userId]);
    }
    if (audit) await insertAudit(conn, audit, now);
  });
}
