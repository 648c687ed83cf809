/**
 * Files checked by the server and waiting for the user's "commit" (the upload flow without JavaScript),
 * keyed by a random token and the session that sent them, so the commit step sends only the token and
 * commits exactly the file that was previewed. Previews expire; a session keeps a few.
 *
 * The bytes live on disk, one file per preview in a folder next to the database file
 * (`<database>.previews/`, named by the token's SHA-256), and the database keeps what each preview is. In
 * DuckDB the bytes were a BLOB, and DuckDB does not reclaim the space of deleted rows: every preview grew
 * the database file for good. The folder has a byte budget: saving a preview removes the expired ones, the
 * files no preview names any more (logout and account changes delete rows only), and then the oldest
 * previews until the new one fits.
 *
 * Files are written under a temporary name outside the write queue, then renamed, listed and removed only
 * inside a queued transaction, so that tidying never races with another save.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import type { Db } from "./instance.server";
import { hashToken, newToken } from "./sessions.server";

export const PREVIEW_TTL_MS = 30 * 60 * 1000;
/** Previews one session may hold at once (each up to MAX_UPLOAD_BYTES). */
const PREVIEWS_PER_SESSION = 3;
/** The folder's budget, in files of the largest size an upload may have. */
const BUDGET_IN_UPLOADS = 10;

/** The bytes all previews may take on disk together, for a largest upload of `maxUploadBytes`. */
export function previewBudgetFor(maxUploadBytes: number): number {
  return BUDGET_IN_UPLOADS * maxUploadBytes;
}

/** The folder of a database's previews: beside the file, named after it, so two databases never share one. */
export function previewDir(dbPath: string): string {
  if (dbPath === ":memory:") return path.join(os.tmpdir(), `parboard-previews-${process.pid}`);
  return `${path.resolve(dbPath)}.previews`;
}

const FINAL_NAME = /^[0-9a-f]{64}$/;
const TEMP_SUFFIX = ".part";

export interface StoredPreview {
  fileName: string;
  sha256: string;
  bytes: Uint8Array;
}

const rowSchema = z.object({ token_hash: z.string(), size: z.number().int() });

async function readRows(conn: DuckDBConnection, sql: string, params: (string | number)[]): Promise<z.infer<typeof rowSchema>[]> {
  const reader = await conn.runAndReadAll(sql, params);
  return reader.getRowObjectsJson().map((row) => rowSchema.parse(row));
}

async function removeFile(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

/**
 * Inside the save's transaction: drops expired previews, the session's oldest beyond its allowance, and
 * the oldest of all until `incoming` more bytes fit the budget; then removes every file of the folder that
 * no remaining preview names (temporary files only once they are older than a preview's lifetime).
 */
async function makeRoom(conn: DuckDBConnection, dir: string, sessionHash: string, incoming: number, budget: number, now: Date): Promise<void> {
  await conn.run("DELETE FROM upload_previews WHERE expires_at <= $1::TIMESTAMPTZ", [now.toISOString()]);
  await conn.run(
    `DELETE FROM upload_previews WHERE session_hash = $1 AND token_hash NOT IN (
       SELECT token_hash FROM upload_previews WHERE session_hash = $1 ORDER BY created_at DESC LIMIT $2)`,
    [sessionHash, PREVIEWS_PER_SESSION - 1],
  );
  const kept = await readRows(conn, "SELECT token_hash, size FROM upload_previews ORDER BY created_at DESC, token_hash", []);
  let total = incoming;
  const keep = new Set<string>();
  for (const row of kept) {
    total += row.size;
    if (total > budget) await conn.run("DELETE FROM upload_previews WHERE token_hash = $1", [row.token_hash]);
    else keep.add(row.token_hash);
  }
  for (const name of await fs.readdir(dir)) {
    const file = path.join(dir, name);
    if (FINAL_NAME.test(name)) {
      if (!keep.has(name)) await removeFile(file);
    } else if (name.endsWith(TEMP_SUFFIX)) {
      // A save in progress writes its temporary file outside the queue: only an abandoned one is old.
      const { mtimeMs } = await fs.stat(file);
      if (now.getTime() - mtimeMs > PREVIEW_TTL_MS) await removeFile(file);
    }
  }
}

export async function savePreview(
  db: Db,
  input: { sessionHash: string; userId: number; fileName: string; sha256: string; bytes: Uint8Array },
  now: Date,
  budgetBytes: number,
): Promise<string> {
  const token = newToken();
  const tokenHash = hashToken(token);
  const dir = previewDir(db.path);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `${tokenHash}${TEMP_SUFFIX}`);
  const file = path.join(dir, tokenHash);
  await fs.writeFile(temp, input.bytes, { mode: 0o600, flag: "wx" });
  try {
    await db.transaction(async (conn) => {
      await makeRoom(conn, dir, input.sessionHash, input.bytes.byteLength, budgetBytes, now);
      await conn.run(
        `INSERT INTO upload_previews (token_hash, session_hash, user_id, file_name, size, sha256, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::TIMESTAMPTZ, $8::TIMESTAMPTZ)`,
        [
          tokenHash,
          input.sessionHash,
          input.userId,
          input.fileName,
          input.bytes.byteLength,
          input.sha256,
          now.toISOString(),
          new Date(now.getTime() + PREVIEW_TTL_MS).toISOString(),
        ],
      );
      await fs.rename(temp, file);
    });
  } catch (error) {
    await removeFile(temp);
    await removeFile(file);
    throw error;
  }
  return token;
}

const previewSchema = z.object({ file_name: z.string(), sha256: z.string(), size: z.number().int() });

/**
 * The previewed file for a token, if it belongs to this session and has not expired; null also when its
 * file is gone (a commit of the same preview removed it a moment ago). Reads only: the commit that uses
 * it deletes the preview in its own transaction (consumePreview).
 */
export async function readPreview(db: Db, token: string, sessionHash: string, now: Date): Promise<StoredPreview | null> {
  const tokenHash = hashToken(token);
  const [row] = await db.query(
    `SELECT file_name, sha256, size FROM upload_previews
     WHERE token_hash = $1 AND session_hash = $2 AND expires_at > $3::TIMESTAMPTZ`,
    [tokenHash, sessionHash, now.toISOString()],
    previewSchema,
  );
  if (!row) return null;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(path.join(previewDir(db.path), tokenHash)));
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  }
  if (bytes.byteLength !== row.size || createHash("sha256").update(bytes).digest("hex") !== row.sha256) {
    throw new Error(`the preview file ${tokenHash} does not match its record (changed on disk?)`);
  }
  return { fileName: row.file_name, sha256: row.sha256, bytes };
}

/**
 * Deletes a preview's record inside the caller's transaction (the commit that uses it), so that the
 * preview is gone exactly when the upload exists. False when it was already gone. The file goes after
 * the commit (removePreviewFile), or with the next tidying.
 */
export async function consumePreview(conn: DuckDBConnection, token: string): Promise<boolean> {
  const deleted = await readRows(conn, "DELETE FROM upload_previews WHERE token_hash = $1 RETURNING token_hash, size", [hashToken(token)]);
  return deleted.length > 0;
}

/** The file of a consumed preview (no save can be renaming a file of that name: the token is unique). */
export async function removePreviewFile(db: Db, token: string): Promise<void> {
  await removeFile(path.join(previewDir(db.path), hashToken(token)));
}

/** "Bỏ tệp này": the preview and its file. */
export async function deletePreview(db: Db, token: string): Promise<void> {
  await db.transaction(async (conn) => {
    await conn.run("DELETE FROM upload_previews WHERE token_hash = $1", [hashToken(token)]);
    await removeFile(path.join(previewDir(db.path), hashToken(token)));
  });
}
