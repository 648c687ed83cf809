/**
 * Files checked by the server and waiting for the user's "commit" (the upload flow without JavaScript).
 * The bytes stay here, keyed by a random token and the session that sent them, so the commit step sends
 * only the token and commits exactly the file that was previewed. Previews expire; a session keeps a few.
 */
import { DuckDBBlobValue, blobValue } from "@duckdb/node-api";
import type { Db } from "./instance.server";
import { hashToken, newToken } from "./sessions.server";

export const PREVIEW_TTL_MS = 30 * 60 * 1000;
/** Previews one session may hold at once (each up to MAX_UPLOAD_BYTES). */
const PREVIEWS_PER_SESSION = 3;

export interface StoredPreview {
  fileName: string;
  sha256: string;
  bytes: Uint8Array;
}

export async function savePreview(
  db: Db,
  input: { sessionHash: string; userId: number; fileName: string; sha256: string; bytes: Uint8Array },
  now: Date,
): Promise<string> {
  const token = newToken();
  await db.transaction(async (conn) => {
    await conn.run("DELETE FROM upload_previews WHERE expires_at <= $1::TIMESTAMPTZ", [now.toISOString()]);
    await conn.run(
      `DELETE FROM upload_previews WHERE session_hash = $1 AND token_hash NOT IN (
         SELECT token_hash FROM upload_previews WHERE session_hash = $1 ORDER BY created_at DESC LIMIT $2)`,
      [input.sessionHash, PREVIEWS_PER_SESSION - 1],
    );
    await conn.run(
      `INSERT INTO upload_previews (token_hash, session_hash, user_id, file_name, size, sha256, bytes, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::TIMESTAMPTZ, $9::TIMESTAMPTZ)`,
      [
        hashToken(token),
        input.sessionHash,
        input.userId,
        input.fileName,
        input.bytes.byteLength,
        input.sha256,
        blobValue(input.bytes),
        now.toISOString(),
        new Date(now.getTime() + PREVIEW_TTL_MS).toISOString(),
      ],
    );
  });
  return token;
}

/** The previewed file for a token, if it belongs to this session and has not expired. */
function storedPreviewOf(row: readonly unknown[]): StoredPreview {
  const [fileName, sha256, bytes] = row;
  // BLOBs are read here, not through Db.query, whose plain-value conversion is for JSON-like values.
  if (typeof fileName !== "string" || typeof sha256 !== "string" || !(bytes instanceof DuckDBBlobValue)) {
    throw new Error("upload_previews row has an unexpected shape");
  }
  return { fileName, sha256, bytes: bytes.bytes };
}

/**
 * Reads a stored preview and deletes it in one queued write, so that two clicks on "commit" (or two tabs)
 * cannot both commit the same file: the second finds nothing.
 */
export async function takePreview(db: Db, token: string, sessionHash: string, now: Date): Promise<StoredPreview | null> {
  return db.transaction(async (conn) => {
    const reader = await conn.runAndReadAll(
      `SELECT file_name, sha256, bytes FROM upload_previews
       WHERE token_hash = $1 AND session_hash = $2 AND expires_at > $3::TIMESTAMPTZ`,
      [hashToken(token), sessionHash, now.toISOString()],
    );
    const row = reader.getRows()[0];
    if (!row) return null;
    await conn.run("DELETE FROM upload_previews WHERE token_hash = $1", [hashToken(token)]);
    return storedPreviewOf(row);
  });
}

export async function deletePreview(db: Db, token: string): Promise<void> {
  await db.transaction(async (conn) => {
    await conn.run("DELETE FROM upload_previews WHERE token_hash = $1", [hashToken(token)]);
  });
}
