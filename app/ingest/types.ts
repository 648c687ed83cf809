/**
 * The result of reading a report file (spec §1). Produced identically in the browser (preview) and on the
 * server (authority); the server commits only a result without errors.
 *
 * The shapes that cross a boundary (the context handed in, the rows handed out) are zod schemas and their
 * types are inferred from them; the row validator itself does not run zod per cell (see rows.ts).
 */
import { z } from "zod";

import { COUNT_FIELDS } from "~/domain/report-fields";

export type Severity = "error" | "warning";

/** One problem, located in the file, as a message key with parameters (translated by app/i18n). */
export interface Issue {
  severity: Severity;
  /** 1-based line number in the file as a text editor shows it; null for problems of the whole file. */
  line: number | null;
  /** The column's header as written in the file (or the canonical field name when the column is missing). */
  column: string | null;
  /** The offending cell as written (trimmed, NFC, cut to 120 characters), or null. */
  value: string | null;
  /** Message key, e.g. `ingest.error.notWholeNumber`; see app/i18n/ingest-messages.ts. */
  key: string;
  /** Parameters for the message, e.g. { expected: "…", max: 120 }. */
  params: Record<string, string | number>;
}

/** Largest accepted count: fits a 32-bit INTEGER column, far above any commune's quarter. */
export const MAX_COUNT = 2_147_483_647;

export const communeCodeSchema = z.string().regex(/^\d{5}$/);
export const periodIdSchema = z.string().regex(/^\d{4}-Q[1-4]$/);
export const countSchema = z.number().int().min(0).max(MAX_COUNT);
export const countsSchema = z.record(z.enum(COUNT_FIELDS), countSchema);

/** One valid row of the file. */
export const reportRowSchema = z.object({
  /** 1-based line number of the row in the file. */
  line: z.number().int().positive(),
  /** 5-digit unit code, leading zeros kept. */
  communeCode: communeCodeSchema,
  /** Name as written in the file (NFC), or null when the column is absent or empty. */
  communeName: z.string().nullable(),
  /** Canonical period id `YYYY-Qn`. */
  period: periodIdSchema,
  counts: countsSchema,
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export type Encoding = "utf-8" | "utf-8-bom" | "windows-1258";
export type Delimiter = "," | ";";

export interface IngestResult {
  /** True when there are no errors: the rows may be committed. */
  ok: boolean;
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  /** Valid rows (when ok is false, the rows that passed; nothing is committed anyway). */
  rows: ReportRow[];
  errors: Issue[];
  warnings: Issue[];
  /** Distinct canonical periods in the valid rows, sorted. */
  periods: string[];
}

/**
 * A unit whose code is valid only in some quarters (units-over-time.md rule 1): a row for the code outside
 * every one of its spans is refused, saying where the unit went.
 */
export interface UnitLifespan {
  /** First and last quarter ("2025-Q3"); null = always, still. */
  from: string | null;
  to: string | null;
  /** The unit's name in this span (a reused code names another unit in another span). */
  name: string;
  /** Where the unit went after `to`, as "Xã Ninh Giang (11155)". */
  successors: string[];
}

const lifespanSchema = z.object({ from: z.string().nullable(), to: z.string().nullable(), name: z.string(), successors: z.array(z.string()) });

/** What the ingest needs to know about the world: the unit registry and the size limit. */
export const ingestContextSchema = z.object({
  /** Registry: unit code → registered name (NFC). */
  units: z.map(communeCodeSchema, z.string()),
  /** Codes valid only in some quarters; codes not here are valid in every quarter. */
  lifespans: z.map(communeCodeSchema, z.array(lifespanSchema)).optional(),
  /** Largest accepted file in bytes. */
  maxBytes: z.number().int().positive(),
});
export interface IngestContext {
  /** Registry: unit code → registered name (NFC). */
  units: ReadonlyMap<string, string>;
  /** Codes valid only in some quarters; codes not here are valid in every quarter. */
  lifespans?: ReadonlyMap<string, readonly UnitLifespan[]>;
  /** Largest accepted file in bytes. */
  maxBytes: number;
}

/** The current data for one (unit, period), as the diff needs it. */
export interface CurrentReport {
  communeCode: string;
  period: string;
  counts: ReportRow["counts"];
  uploadId: number;
}

export type ChangeKind = "new" | "changed" | "unchanged";

export interface RowChange {
  communeCode: string;
  period: string;
  kind: ChangeKind;
  /** For "changed": the fields that differ, with old and new values. */
  fields: { field: keyof ReportRow["counts"]; before: number; after: number }[];
  /** The upload the current data came from, for "changed" and "unchanged". */
  replacesUploadId: number | null;
}
