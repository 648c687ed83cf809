/**
 * What the upload page shows about a checked file, built the same way from the browser's check and from the
 * server's: the file's facts, its errors and warnings, and what it would change. Pure; runs on both sides.
 */
import { toCsv } from "~/domain/csv-export";
import { summarizeChanges, type ChangeSummary } from "~/ingest/diff";
import { formatIssue } from "~/ingest/format-issue";
import type { Delimiter, Encoding, IngestResult, Issue, RowChange } from "~/ingest/types";
import { t, type Lang } from "~/i18n/translate";

/** Rows of the change table shown at most (changed first, then new, then unchanged); the summary counts all. */
export const MAX_CHANGES_SHOWN = 500;

export interface PreviewView {
  fileName: string;
  size: number;
  /** Known when the server checked the file. */
  sha256: string | null;
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  periods: string[];
  rowCount: number;
  unitCount: number;
  summary: ChangeSummary;
  changes: RowChange[];
  changesOmitted: number;
}

const KIND_ORDER = { changed: 0, new: 1, unchanged: 2 } as const;

export function buildPreviewView(input: {
  fileName: string;
  size: number;
  sha256: string | null;
  result: IngestResult;
  changes: readonly RowChange[];
}): PreviewView {
  const { result } = input;
  const shown = [...input.changes]
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.period.localeCompare(b.period) || a.communeCode.localeCompare(b.communeCode))
    .slice(0, MAX_CHANGES_SHOWN)
    .sort((a, b) => a.period.localeCompare(b.period) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.communeCode.localeCompare(b.communeCode));
  return {
    fileName: input.fileName,
    size: input.size,
    sha256: input.sha256,
    encoding: result.encoding,
    delimiter: result.delimiter,
    ok: result.ok,
    errors: result.errors,
    warnings: result.warnings,
    periods: result.periods,
    rowCount: result.rows.length,
    unitCount: new Set(result.rows.map((r) => r.communeCode)).size,
    summary: summarizeChanges(input.changes),
    changes: shown,
    changesOmitted: input.changes.length - shown.length,
  };
}

/** The ingest's own "file too large" issue, for a file refused before it is read or sent. */
export function tooLargeIssue(size: number, max: number): Issue {
  return { severity: "error", line: null, column: null, value: null, key: "ingest.error.tooLarge", params: { size, max } };
}

/** A file refused by the server while it arrived, before its exact size was known. */
export function tooLargeUploadIssue(max: number): Issue {
  return { severity: "error", line: null, column: null, value: null, key: "upload.error.tooLarge", params: { maxMb: Math.round((max / (1024 * 1024)) * 100) / 100 } };
}

/** A preview of a file that could not be checked at all (too large, not sent): one error, nothing else. */
export function failedView(fileName: string, size: number, issue: Issue): PreviewView {
  return buildPreviewView({
    fileName,
    size,
    sha256: null,
    result: { ok: false, encoding: null, delimiter: null, rows: [], errors: [issue], warnings: [], periods: [] },
    changes: [],
  });
}

/** The message of an issue without its place (the table shows line, column and value in their own cells). */
export function issueMessage(issue: Issue, lang: Lang): string {
  return formatIssue({ ...issue, line: null, column: null, value: null }, lang);
}

/** Errors and warnings as CSV for Excel (line, column, value, message), in the reader's language. */
export function issuesCsv(issues: readonly Issue[], lang: Lang): string {
  const header = ["upload.issues.col.severity", "upload.issues.col.line", "upload.issues.col.column", "upload.issues.col.value", "upload.issues.col.message"].map((k) => t(lang, k));
  const rows = issues.map((i) => [t(lang, `upload.severity.${i.severity}`), i.line, i.column, i.value, issueMessage(i, lang)]);
  return toCsv([header, ...rows], lang === "vi" ? ";" : ",");
}
