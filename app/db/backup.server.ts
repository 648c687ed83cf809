/**
 * Backups of the database file, and the checks a restore makes before it replaces the file.
 *
 * Copying parboard.duckdb while the server runs is not a backup: committed writes sit in the WAL until
 * DuckDB folds them in (at 16 MB, or a clean stop), so a copied file silently lacks them. A backup is
 * instead a fresh DuckDB file written by `COPY FROM DATABASE`, which carries every table, view and
 * sequence (with its next value) of one consistent snapshot:
 * - in the running server, `backupDatabase` does it on the server's own instance, queued behind every
 *   write in flight and ahead of every later one, so the copy holds exactly the writes committed before it;
 * - with no server, `backupDatabaseFile` opens the file read-only (the WAL of a killed server is read,
 *   not folded in) and does the same. The same copy makes a restore's new file.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import { DatabaseLockedError, type Db } from "./instance.server";
import { MIGRATIONS, latestSchemaVersion } from "./migrations.server";

/** Every table a parboard database holds at the latest schema version, in the order a summary lists them. */
export const DATABASE_TABLES = [
  "schema_migrations",
  "units",
  "unit_spans",
  "lineage",
  "uploads",
  "report_rows",
  "users",
  "sessions",
  "login_attempts",
  "audit_log",
  "upload_previews",
  "upload_commit_keys",
  "publications",
  "publication_rows",
  "data_version",
] as const;

export const DATABASE_SEQUENCES = ["upload_id_seq", "user_id_seq", "audit_id_seq"] as const;

export type BackupProblem =
  | { kind: "targetExists"; file: string }
  | { kind: "missing"; file: string }
  | { kind: "notDuckdb"; file: string; reason: string }
  | { kind: "notParboard"; file: string; missing: string[] }
  | { kind: "unknownVersion"; file: string; versions: number[]; latest: number };

/** Why a file cannot be backed up to, or restored from; the CLI words it in the reader's language. */
export class BackupError extends Error {
  override name = "BackupError";
  constructor(readonly problem: BackupProblem) {
    super(`${problem.kind}: ${problem.file}`);
  }
}

export interface DatabaseSummary {
  schemaVersion: number;
  /** Rows per table, every table of DATABASE_TABLES. */
  rows: Record<(typeof DATABASE_TABLES)[number], number>;
}

const LOCK_PATTERN = /Could not set lock on file[^:]*: Conflicting lock is held in (.+?)(?:\. See also|$)/s;

/** A SQL string literal (ATTACH takes no bound parameter for its path). */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function identifier(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function refuseExisting(target: string): void {
  for (const file of [target, `${target}.wal`]) {
    if (fs.existsSync(file)) throw new BackupError({ kind: "targetExists", file });
  }
}

function removeFileAndWal(file: string): void {
  for (const f of [file, `${file}.wal`]) fs.rmSync(f, { force: true });
}

/** A name for a file of our own beside `near`; `*.duckdb` so that git ignores a leftover. */
export function siblingTempPath(near: string, purpose: string): string {
  return path.join(path.dirname(path.resolve(near)), `.parboard-${purpose}-${randomBytes(6).toString("hex")}.duckdb`);
}

/** Writes the connection's current database into a new file `target`, on a connection the caller owns. */
async function copyInto(conn: DuckDBConnection, target: string, alias: string): Promise<void> {
  const reader = await conn.runAndReadAll("SELECT current_database()");
  const source = String(reader.getRows()[0]?.[0] ?? "");
  // READ_WRITE: an instance opened read-only would otherwise attach the target read-only too.
  await conn.run(`ATTACH ${literal(target)} AS ${identifier(alias)} (READ_WRITE)`);
  await conn.run(`COPY FROM DATABASE ${identifier(source)} TO ${identifier(alias)}`);
}

/**
 * A backup taken by the running server, on its own instance: the copy runs as one queued write, so every
 * commit that started before it is in the file and none that started after it is, and no sequence has
 * moved on for a write still in flight. `target` must not exist yet.
 */
export async function backupDatabase(db: Db, target: string): Promise<void> {
  refuseExisting(target);
  const alias = `parboard_backup_${randomBytes(6).toString("hex")}`;
  let done = false;
  try {
    await db.transaction((conn) => copyInto(conn, target, alias));
    done = true;
  } finally {
    // Detaching closes the new file, which folds its WAL in: the file stands alone.
    await db.withConnection((conn) => conn.run(`DETACH DATABASE IF EXISTS ${identifier(alias)}`));
    if (!done) removeFileAndWal(target);
  }
}

/** Opens a database file read-only; a file held by a running server is a DatabaseLockedError. */
async function openReadOnly(file: string): Promise<DuckDBInstance> {
  if (!fs.existsSync(file)) throw new BackupError({ kind: "missing", file });
  try {
    return await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lock = LOCK_PATTERN.exec(message);
    if (lock) throw new DatabaseLockedError(file, (lock[1] ?? "another process").trim());
    throw new BackupError({ kind: "notDuckdb", file, reason: message });
  }
}

/**
 * A backup of a database file that no process holds (the server is stopped): read-only, so the file and
 * the WAL a killed server left are not changed. Throws DatabaseLockedError when the server holds the file.
 */
export async function backupDatabaseFile(source: string, target: string): Promise<void> {
  refuseExisting(target);
  const instance = await openReadOnly(source);
  let done = false;
  try {
    const conn = await instance.connect();
    try {
      const alias = `parboard_backup_${randomBytes(6).toString("hex")}`;
      await copyInto(conn, target, alias);
      await conn.run(`DETACH DATABASE ${identifier(alias)}`);
      done = true;
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
    if (!done) removeFileAndWal(target);
  }
}

/** Throws DatabaseLockedError when a process (the server) holds the file; a missing file is not held. */
export async function assertNotHeld(file: string): Promise<void> {
  if (!fs.existsSync(file)) return;
  const instance = await openReadOnly(file);
  instance.closeSync();
}

/** The tables a database has once the given migrations are applied, read from the migrations' SQL. */
function tablesAt(versions: readonly number[]): Set<string> {
  const tables = new Set<string>(["schema_migrations"]);
  for (const m of MIGRATIONS.filter((x) => versions.includes(x.version))) {
    for (const [, name] of m.sql.matchAll(/CREATE TABLE (\w+)/g)) if (name) tables.add(name);
    for (const [, name] of m.sql.matchAll(/DROP TABLE (?:IF EXISTS )?(\w+)/g)) if (name) tables.delete(name);
  }
  return tables;
}

const migrationRowSchema = z.object({ version: z.coerce.number().int(), name: z.string() });

/**
 * Checks that a file is a parboard database of a schema version this code knows (every applied migration
 * is one of ours, none newer), and counts its rows. Read-only: a backup is not migrated by looking at it.
 */
export async function inspectDatabase(file: string): Promise<DatabaseSummary> {
  const instance = await openReadOnly(file);
  try {
    const conn = await instance.connect();
    try {
      const tables = new Set(
        (await conn.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()")).getRows().map((r) => String(r[0])),
      );
      const applied = tables.has("schema_migrations")
        ? (await conn.runAndReadAll("SELECT version, name FROM schema_migrations ORDER BY version")).getRowObjectsJson().map((r) => migrationRowSchema.parse(r))
        : [];
      const latest = latestSchemaVersion();
      const known = new Map(MIGRATIONS.map((m) => [m.version, m.name]));
      const unknown = applied.filter((m) => known.get(m.version) !== m.name).map((m) => m.version);
      if (unknown.length > 0) throw new BackupError({ kind: "unknownVersion", file, versions: unknown, latest });
      const schemaVersion = applied.reduce((max, m) => Math.max(max, m.version), 0);
      // An older backup lacks the tables of later migrations (the server adds them when it opens the file).
      const expected = tablesAt(applied.map((m) => m.version));
      const missing = [...expected].filter((t) => !tables.has(t));
      if (schemaVersion === 0 || missing.length > 0) throw new BackupError({ kind: "notParboard", file, missing: schemaVersion === 0 ? [...DATABASE_TABLES] : missing });
      const rows = {} as DatabaseSummary["rows"];
      for (const table of DATABASE_TABLES) {
        rows[table] = tables.has(table) ? Number((await conn.runAndReadAll(`SELECT count(*) FROM ${identifier(table)}`)).getRows()[0]?.[0] ?? 0) : 0;
      }
      return { schemaVersion, rows };
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

export interface RestoreOutcome {
  summary: DatabaseSummary;
  /** Where the database that was replaced now is (null when there was none). */
  keptAt: string | null;
}

/** `parboard.duckdb` → `parboard.before-restore-20250101T120000Z.duckdb`, beside it. */
export function keptAsidePath(dbPath: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const ext = path.extname(dbPath);
  return path.join(path.dirname(dbPath), `${path.basename(dbPath, ext)}.before-restore-${stamp}${ext || ".duckdb"}`);
}

/**
 * Brings a backup back as the database at `dbPath`, with the server stopped: checks the backup, refuses
 * while a process holds `dbPath`, writes a fresh copy of the backup beside it, then moves the current file
 * (and its WAL) aside under a dated name and the copy into place. Nothing is deleted.
 */
export async function restoreDatabase(backupFile: string, dbPath: string, now: Date): Promise<RestoreOutcome> {
  const summary = await inspectDatabase(backupFile);
  await assertNotHeld(dbPath);
  fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  const fresh = siblingTempPath(dbPath, "restore");
  await backupDatabaseFile(backupFile, fresh);
  let keptAt: string | null = null;
  if (fs.existsSync(dbPath)) {
    keptAt = keptAsidePath(dbPath, now);
    refuseExisting(keptAt);
    fs.renameSync(dbPath, keptAt);
    // DuckDB finds a file's WAL by its name: moved along, the kept file opens with its last writes.
    if (fs.existsSync(`${dbPath}.wal`)) fs.renameSync(`${dbPath}.wal`, `${keptAt}.wal`);
  }
  fs.renameSync(fresh, dbPath);
  return { summary, keptAt };
}
