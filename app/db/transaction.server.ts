/**
 * One transaction on one connection, and what a failed write was about. Kept apart from the instance so
 * that the migrations run their steps the same way.
 */
import type { DuckDBConnection } from "@duckdb/node-api";

/**
 * A COMMIT that DuckDB refused (the disk is full, the file became read-only, …). DuckDB has already ended
 * the transaction, so nothing of it was saved; the message is DuckDB's own, the original error its cause.
 */
export class CommitFailedError extends Error {
  override name = "CommitFailedError";
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** What a failed write was about, read from DuckDB's (and the operating system's) words. */
export type WriteFailureReason = "diskFull" | "readOnly" | "outOfMemory" | "other";

const WRITE_FAILURES: readonly [WriteFailureReason, RegExp][] = [
  ["diskFull", /No space left on device|disk is full|ENOSPC|Disk quota exceeded/i],
  ["readOnly", /Read-only file system|read-only mode|EROFS|Permission denied|EACCES/i],
  ["outOfMemory", /Out of Memory|could not allocate/i],
];

/**
 * The reason a write failed, when the error is one the operator can act on: any error naming a known
 * cause, and every failed COMMIT ("other" when its cause is not known). Null for the rest (a bug, a refused
 * upload), which keep their own handling.
 */
export function writeFailureReason(error: unknown): WriteFailureReason | null {
  if (!(error instanceof Error)) return null;
  const known = WRITE_FAILURES.find(([, pattern]) => pattern.test(error.message));
  if (known) return known[0];
  return error instanceof CommitFailedError ? "other" : null;
}

/**
 * Runs fn inside BEGIN … COMMIT on one connection. When fn fails, its error is the one thrown after the
 * ROLLBACK. When COMMIT itself fails, DuckDB has already rolled the transaction back: a ROLLBACK then
 * would only fail with "no transaction is active" and hide the real cause, so there is none (the
 * connection is closed right after, which would drop anything left).
 */
export async function inTransaction<T>(conn: DuckDBConnection, fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  await conn.run("BEGIN TRANSACTION");
  let result: T;
  try {
    result = await fn(conn);
  } catch (error) {
    try {
      await conn.run("ROLLBACK");
    } catch (rollbackError) {
      const first = error instanceof Error ? error.message : String(error);
      const second = rollbackError instanceof Error ? rollbackError.message : String(rollbackError);
      throw new Error(`${first} (ROLLBACK failed too: ${second})`, { cause: error });
    }
    throw error;
  }
  try {
    await conn.run("COMMIT");
  } catch (error) {
    throw new CommitFailedError(error);
  }
  return result;
}
