/**
 * A write the database refused, as the reader is told: the cause in their language (the disk is full, the
 * file is read-only, …) and never DuckDB's own words or a stack, which go to the server's log.
 */
import { writeFailureReason } from "~/db/transaction.server";

export interface WriteFailure {
  /** The message key of the sentence (common-messages `db.failure.*`). */
  key: string;
  /** 507 Insufficient Storage for a full disk; 503 for the rest (the server cannot save right now). */
  status: 503 | 507;
}

/** The answer to a failed write, or null for errors that are not write failures (they keep their handling). */
export function writeFailureOf(error: unknown): WriteFailure | null {
  const reason = writeFailureReason(error);
  if (reason === null) return null;
  return { key: `db.failure.${reason}`, status: reason === "diskFull" ? 507 : 503 };
}
