/**
 * Commits already done, by key: a commit retried after its answer was lost (the same preview token, or the
 * same key the upload page's script sent with the file) finds the upload it made instead of saving the
 * file a second time. The key is recorded in the commit's own transaction, so a key exists exactly when
 * its upload does. Stored as the SHA-256 of the account, the kind and the value: two accounts never share
 * a key, and a copy of the database hands out no preview token.
 */
import { createHash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import type { Db } from "./instance.server";

export type CommitKeyKind = "preview" | "client";

/** What a commit made, as the caller of the first commit was told. */
export interface CommittedUpload {
  uploadId: number;
  rowCount: number;
  unitCount: number;
  periods: string[];
}

export function commitKey(userId: number, kind: CommitKeyKind, value: string): string {
  return createHash("sha256").update(`${userId}\n${kind}\n${value}`).digest("hex");
}

const committedSchema = z.object({ id: z.number().int(), row_count: z.number().int(), unit_count: z.number().int(), periods: z.array(z.string()) });

const COMMITTED_SQL = `SELECT u.id, u.row_count, u.unit_count, u.periods
  FROM upload_commit_keys k JOIN uploads u ON u.id = k.upload_id WHERE k.key_hash = $1`;

function committedOf(row: z.infer<typeof committedSchema>): CommittedUpload {
  return { uploadId: row.id, rowCount: row.row_count, unitCount: row.unit_count, periods: row.periods };
}

/** The upload a key's commit made, or null. */
export async function getCommitByKey(db: Db, key: string): Promise<CommittedUpload | null> {
  const [row] = await db.query(COMMITTED_SQL, [key], committedSchema);
  return row ? committedOf(row) : null;
}

/** The same, inside a commit's transaction (which is queued behind every other write: no race). */
export async function findCommitByKey(conn: DuckDBConnection, key: string): Promise<CommittedUpload | null> {
  const reader = await conn.runAndReadAll(COMMITTED_SQL, [key]);
  const [row] = reader.getRowObjectsJson();
  return row === undefined ? null : committedOf(committedSchema.parse(row));
}

export async function recordCommitKey(conn: DuckDBConnection, key: string, uploadId: number, now: Date | undefined): Promise<void> {
  await conn.run("INSERT INTO upload_commit_keys (key_hash, upload_id, created_at) VALUES ($1, $2, COALESCE($3::TIMESTAMPTZ, current_timestamp))", [
    key,
    uploadId,
    now ? now.toISOString() : null,
  ]);
}
