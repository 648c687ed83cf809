/**
 * The server's side of an upload, shared by the web upload, `npm run import` and `npm run seed`:
 * validate the bytes against the registry in the database, compare with the current data, commit.
 */
import { createHash } from "node:crypto";
import { diffAgainstCurrent } from "~/ingest/diff";
import type { IngestResult, RowChange } from "~/ingest/types";
import { validateReport } from "~/ingest/validate";
import type { Db } from "./instance.server";
import { getLifespans, getUnits } from "./units.server";
import { commitUpload, getCurrentReports, type CommitOnce, type CommitSummary, type UploadAudit, type UploadSource } from "./uploads.server";

export interface Preview {
  fileName: string;
  sha256: string;
  size: number;
  result: IngestResult;
  changes: RowChange[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function getUnitMap(db: Db): Promise<Map<string, string>> {
  const units = await getUnits(db);
  return new Map(units.map((u) => [u.code, u.name]));
}

/** Validates a file in full and works out what it would change. Saves nothing. */
export async function previewReport(db: Db, bytes: Uint8Array, fileName: string, maxBytes: number): Promise<Preview> {
  const [units, lifespans] = await Promise.all([getUnitMap(db), getLifespans(db)]);
  const result = validateReport(bytes, { units, lifespans: new Map(lifespans), maxBytes });
  const current = result.ok ? await getCurrentReports(db, result.periods) : [];
  return { fileName, sha256: sha256Hex(bytes), size: bytes.byteLength, result, changes: diffAgainstCurrent(result.rows, current) };
}

export interface ImportOutcome {
  preview: Preview;
  /** Present when the file was committed. */
  committed: CommitSummary | null;
}

/**
 * Validates and, when the file has no error, commits it as one upload, with its audit entry in the same
 * transaction when `audit` names who did it (the web upload; the seed is not audited), and at most once
 * per key with `once`.
 */
export async function importReport(
  db: Db,
  bytes: Uint8Array,
  options: { fileName: string; uploadedBy: string; source: UploadSource; maxBytes: number; uploadedAt?: Date; audit?: UploadAudit; once?: CommitOnce },
): Promise<ImportOutcome> {
  const preview = await previewReport(db, bytes, options.fileName, options.maxBytes);
  if (!preview.result.ok) return { preview, committed: null };
  const committed = await commitUpload(
    db,
    preview.result,
    { fileName: options.fileName, sha256: preview.sha256, uploadedBy: options.uploadedBy, source: options.source, uploadedAt: options.uploadedAt },
    options.audit,
    options.once,
  );
  return { preview, committed };
}
