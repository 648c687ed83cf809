/**
 * Uploads: commit a validated report file in one transaction, roll an upload back, list them, and read the
 * current data that an upload would replace. Old versions are never overwritten: a newer upload shadows
 * them in the current view, a rollback lets them show again, and a restore undoes the rollback. A commit
 * made by a person, and every rollback and restore, write their audit entry in their own transaction, so
 * there is never one without the other.
 */
import { DuckDBDataChunk, type DuckDBConnection, INTEGER, listValue, SMALLINT, TINYINT, VARCHAR, type DuckDBType, type DuckDBValue } from "@duckdb/node-api";
import { z } from "zod";
import { COUNT_FIELDS, type Counts } from "~/domain/report-fields";
import { rollbackRefusal, type RollbackRefusal } from "~/domain/rollback-limit";
import type { Role } from "~/domain/roles";
import { countsShape } from "./counts-shape.server";
import type { CurrentReport, IngestResult } from "~/ingest/types";
import { insertAudit } from "./audit.server";
import { findCommitByKey, recordCommitKey } from "./commit-keys.server";
import { bumpDataVersion } from "./data-version.server";
import type { Db } from "./instance.server";
import { readStandingRollbacks } from "./upload-history.server";

export type UploadSource = "web" | "cli" | "seed";

export interface UploadMeta {
  fileName: string;
  sha256: string;
  uploadedBy: string;
  source: UploadSource;
  /** The time of the upload; the database's clock when absent (tests pass a fixed one). */
  uploadedAt?: Date;
}

/** Who to name in the audit log for a commit, and when. */
export interface UploadAudit {
  actor: string;
  address: string | null;
  now: Date;
}

export interface CommitSummary {
  uploadId: number;
  rowCount: number;
  unitCount: number;
  periods: string[];
}

export class UploadNotCommittableError extends Error {
  override name = "UploadNotCommittableError";
}

const STATE_MESSAGES = { notFound: "does not exist", alreadyRolledBack: "is already rolled back", notRolledBack: "is not rolled back" } as const;

export class UploadStateError extends Error {
  override name = "UploadStateError";
  constructor(
    readonly code: keyof typeof STATE_MESSAGES,
    readonly uploadId: number,
  ) {
    super(`upload ${uploadId} ${STATE_MESSAGES[code]}`);
  }
}

/** A rollback the account may not make (app/domain/rollback-limit.ts); nothing was changed. */
export class RollbackLimitError extends Error {
  override name = "RollbackLimitError";
  constructor(
    readonly uploadId: number,
    readonly refusal: RollbackRefusal,
  ) {
    super(`upload ${uploadId} may not be rolled back by this account now (${refusal.kind})`);
  }
}

/** Who rolls an upload back or restores it: the name and role decide the bound, the name and address go to the audit log. */
export interface UploadActor {
  username: string;
  role: Role;
  address: string | null;
}

const CHUNK_ROWS = 2048;
// Counts are INTEGER: the ingest rejects anything above 2,147,483,647 (MAX_COUNT), and plain numbers append
// several times faster than BigInts.
const ROW_TYPES: DuckDBType[] = [INTEGER, INTEGER, VARCHAR, VARCHAR, VARCHAR, SMALLINT, TINYINT, ...COUNT_FIELDS.map(() => INTEGER)];

/** Appends the rows in data chunks: far faster than one value at a time at national scale. */
function appendRows(appender: { appendDataChunk(c: DuckDBDataChunk): void }, uploadId: number, result: IngestResult): void {
  const rows = result.rows;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows.length - start);
    const columns: DuckDBValue[][] = ROW_TYPES.map(() => new Array<DuckDBValue>(n));
    for (let k = 0; k < n; k++) {
      const row = rows[start + k];
      if (!row) continue;
      const [year, quarter] = row.period.split("-Q");
      columns[0]![k] = uploadId;
      columns[1]![k] = row.line;
      columns[2]![k] = row.communeCode;
      columns[3]![k] = row.communeName;
      columns[4]![k] = row.period;
      columns[5]![k] = Number(year);
      columns[6]![k] = Number(quarter);
      for (let f = 0; f < COUNT_FIELDS.length; f++) {
        columns[7 + f]![k] = row.counts[COUNT_FIELDS[f]!];
      }
    }
    const chunk = DuckDBDataChunk.create(ROW_TYPES, n);
    columns.forEach((values, i) => chunk.setColumnValues(i, values));
    appender.appendDataChunk(chunk);
  }
}

function checkCommittable(result: IngestResult): void {
  if (!result.ok || result.errors.length > 0) {
    throw new UploadNotCommittableError(`a file with ${result.errors.length} error(s) cannot be committed`);
  }
  if (result.rows.length === 0) throw new UploadNotCommittableError("a file without rows cannot be committed");
}

/** Writes one upload record and its rows on a connection that is inside a transaction. */
async function insertUpload(conn: DuckDBConnection, result: IngestResult, meta: UploadMeta): Promise<CommitSummary> {
  await bumpDataVersion(conn);
  const unitCount = new Set(result.rows.map((r) => r.communeCode)).size;
  const periods = [...new Set(result.rows.map((r) => r.period))].sort();
  const idReader = await conn.runAndReadAll("SELECT nextval('upload_id_seq') AS id");
  const uploadId = Number(idReader.getRows()[0]?.[0]);
  await conn.run(
    `INSERT INTO uploads (id, uploaded_at, uploaded_by, source, file_name, sha256, encoding, periods, row_count, unit_count, status)
     VALUES ($1, COALESCE($2::TIMESTAMPTZ, current_timestamp), $3, $4, $5, $6, $7, $8::VARCHAR[], $9, $10, 'committed')`,
    [
      uploadId,
      meta.uploadedAt ? meta.uploadedAt.toISOString() : null,
      meta.uploadedBy,
      meta.source,
      meta.fileName,
      meta.sha256,
      result.encoding,
      listValue(periods),
      result.rows.length,
      unitCount,
    ],
  );
  const appender = await conn.createAppender("report_rows");
  appendRows(appender, uploadId, result);
  appender.flushSync();
  appender.closeSync();
  return { uploadId, rowCount: result.rows.length, unitCount, periods };
}

async function auditCommit(conn: DuckDBConnection, summary: CommitSummary, meta: UploadMeta, audit: UploadAudit): Promise<void> {
  await insertAudit(
    conn,
    {
      actor: audit.actor,
      action: "upload.commit",
      target: String(summary.uploadId),
      detail: { file: meta.fileName, sha256: meta.sha256, rows: summary.rowCount, units: summary.unitCount, periods: summary.periods },
      address: audit.address,
    },
    audit.now,
  );
}

/** A commit done at most once per key (app/db/commit-keys.server.ts). */
export interface CommitOnce {
  /** commitKey(…) of the request: when a commit with it already happened, that upload is returned. */
  key: string;
  /** More work in the commit's transaction, after the upload is written (consuming the preview it came from). */
  alsoInTransaction?: (conn: DuckDBConnection) => Promise<void>;
}

/**
 * Commits a validated file in one transaction: the upload record, all its rows, when `audit` names who did
 * it the audit entry, and with `once` its key; or nothing. With a key already used, nothing is written and
 * the first commit's upload is returned.
 */
export async function commitUpload(db: Db, result: IngestResult, meta: UploadMeta, audit?: UploadAudit, once?: CommitOnce): Promise<CommitSummary> {
  checkCommittable(result);
  return db.transaction(async (conn) => {
    const first = once ? await findCommitByKey(conn, once.key) : null;
    if (first) return first;
    const summary = await insertUpload(conn, result, meta);
    if (audit) await auditCommit(conn, summary, meta, audit);
    if (once) {
      await recordCommitKey(conn, once.key, summary.uploadId, meta.uploadedAt);
      await once.alsoInTransaction?.(conn);
    }
    return summary;
  });
}

/**
 * Commits several validated files as one upload each, all in one transaction: every file is saved, or
 * none (`npm run import -- A.csv B.csv`).
 */
export async function commitUploads(db: Db, files: readonly { result: IngestResult; meta: UploadMeta }[]): Promise<CommitSummary[]> {
  for (const f of files) checkCommittable(f.result);
  return db.transaction(async (conn) => {
    const summaries: CommitSummary[] = [];
    for (const f of files) summaries.push(await insertUpload(conn, f.result, f.meta));
    return summaries;
  });
}

const changeTargetSchema = z.object({ status: z.enum(["committed", "rolled_back"]), file_name: z.string(), periods: z.array(z.string()) });

async function readChangeTarget(conn: DuckDBConnection, uploadId: number): Promise<z.infer<typeof changeTargetSchema>> {
  const reader = await conn.runAndReadAll("SELECT status, file_name, periods FROM uploads WHERE id = $1", [uploadId]);
  const found = reader.getRowObjectsJson()[0];
  if (found === undefined) throw new UploadStateError("notFound", uploadId);
  return changeTargetSchema.parse(found);
}

/**
 * Rolls an upload back: its rows leave the current view and what they replaced shows again. Refused with
 * `RollbackLimitError` when the account's bound forbids it, checked inside the queued write so that two
 * rollbacks started at once cannot both pass it. The audit entry is written in the same transaction.
 */
export async function rollbackUpload(db: Db, uploadId: number, actor: UploadActor, now: Date): Promise<void> {
  await db.transaction(async (conn) => {
    const upload = await readChangeTarget(conn, uploadId);
    if (upload.status !== "committed") throw new UploadStateError("alreadyRolledBack", uploadId);
    await bumpDataVersion(conn);
    const refusal = rollbackRefusal(actor.role, upload.periods, await readStandingRollbacks(conn, actor.username, now), now);
    if (refusal) throw new RollbackLimitError(uploadId, refusal);
    await conn.run(
      `UPDATE uploads SET status = 'rolled_back', rolled_back_at = $2::TIMESTAMPTZ, rolled_back_by = $3, restored_at = NULL, restored_by = NULL
       WHERE id = $1`,
      [uploadId, now.toISOString(), actor.username],
    );
    await insertAudit(
      conn,
      { actor: actor.username, action: "upload.rollback", target: String(uploadId), detail: { file: upload.file_name, periods: upload.periods }, address: actor.address },
      now,
    );
  });
}

/**
 * Restores a rolled-back upload: it is committed again, so its rows are current wherever no later committed
 * upload holds the same unit and period, exactly as before the rollback (rows are never deleted). The
 * rollback's who and when are kept beside the restore's. The audit entry is written in the same transaction.
 * Not bounded: it undoes a rollback and takes nothing away that a rollback could not give back.
 */
export async function restoreUpload(db: Db, uploadId: number, actor: UploadActor, now: Date): Promise<void> {
  await db.transaction(async (conn) => {
    const upload = await readChangeTarget(conn, uploadId);
    if (upload.status !== "rolled_back") throw new UploadStateError("notRolledBack", uploadId);
    await bumpDataVersion(conn);
    await conn.run("UPDATE uploads SET status = 'committed', restored_at = $2::TIMESTAMPTZ, restored_by = $3 WHERE id = $1", [
      uploadId,
      now.toISOString(),
      actor.username,
    ]);
    await insertAudit(
      conn,
      { actor: actor.username, action: "upload.restore", target: String(uploadId), detail: { file: upload.file_name, periods: upload.periods }, address: actor.address },
      now,
    );
  });
}

export const uploadSchema = z.object({
  id: z.number().int(),
  uploaded_at: z.string(),
  uploaded_by: z.string(),
  source: z.enum(["web", "cli", "seed"]),
  file_name: z.string(),
  sha256: z.string(),
  encoding: z.string().nullable(),
  periods: z.array(z.string()),
  row_count: z.number().int(),
  unit_count: z.number().int(),
  status: z.enum(["committed", "rolled_back"]),
  rolled_back_at: z.string().nullable(),
  rolled_back_by: z.string().nullable(),
  restored_at: z.string().nullable(),
  restored_by: z.string().nullable(),
});
export type Upload = z.infer<typeof uploadSchema>;

const UPLOAD_COLUMNS = `id, strftime(uploaded_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS uploaded_at, uploaded_by, source,
  file_name, sha256, encoding, periods, row_count, unit_count, status,
  strftime(rolled_back_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS rolled_back_at, rolled_back_by,
  strftime(restored_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS restored_at, restored_by`;

export async function getUploads(db: Db): Promise<Upload[]> {
  return db.query(`SELECT ${UPLOAD_COLUMNS} FROM uploads ORDER BY id DESC`, [], uploadSchema);
}

export async function getUpload(db: Db, uploadId: number): Promise<Upload | null> {
  const rows = await db.query(`SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE id = $1`, [uploadId], uploadSchema);
  return rows[0] ?? null;
}

const currentRowSchema = z.object({ commune_code: z.string(), period: z.string(), upload_id: z.number().int(), ...countsShape });

/** The current data for the given periods: what a new upload of those periods would replace. */
export async function getCurrentReports(db: Db, periods: readonly string[]): Promise<CurrentReport[]> {
  if (periods.length === 0) return [];
  const rows = await db.query(
    `SELECT commune_code, period, upload_id, ${COUNT_FIELDS.join(", ")}
     FROM current_reports WHERE list_contains($1::VARCHAR[], period) ORDER BY period, commune_code`,
    [listValue([...periods])],
    currentRowSchema,
  );
  return rows.map((r) => {
    const counts = {} as Counts;
    for (const f of COUNT_FIELDS) counts[f] = r[f];
    return { communeCode: r.commune_code, period: r.period, uploadId: r.upload_id, counts };
  });
}
