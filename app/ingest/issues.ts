/**
 * Collecting issues without letting a garbage file (a million bad lines) allocate millions of objects:
 * every issue is counted, the first `limit` of each severity are kept, and a final issue says how many
 * there were in all.
 */
import type { Issue, Severity } from "./types";

/** How many issues of each severity are kept. */
export const ISSUE_LIMIT = 1000;
/** Cell values in issues are cut to this many characters (a broken quote can swallow the whole file). */
export const VALUE_MAX_CHARS = 120;

export interface IssueLog {
  errors: Issue[];
  warnings: Issue[];
  errorCount: number;
  warningCount: number;
  limit: number;
}

export function createIssueLog(limit: number = ISSUE_LIMIT): IssueLog {
  return { errors: [], warnings: [], errorCount: 0, warningCount: 0, limit };
}

/** The value as shown to the user: NFC, cut to VALUE_MAX_CHARS. */
export function displayValue(value: string | null): string | null {
  if (value === null) return null;
  const v = value.normalize("NFC");
  return v.length > VALUE_MAX_CHARS ? `${v.slice(0, VALUE_MAX_CHARS)}…` : v;
}

export function makeIssue(
  severity: Severity,
  key: string,
  line: number | null,
  column: string | null,
  value: string | null,
  params: Record<string, string | number> = {},
): Issue {
  return { severity, line, column, value: displayValue(value), key, params };
}

/** The arguments of an issue after its log: message key, line, column, cell value, message parameters. */
type IssueArgs = [key: string, line: number | null, column: string | null, value: string | null, params?: Record<string, string | number>];

/** Records an error; the issue object is only built while under the limit. */
export function addError(log: IssueLog, ...args: IssueArgs): void {
  log.errorCount += 1;
  if (log.errors.length < log.limit) log.errors.push(makeIssue("error", ...args));
}

/** Records a warning, like addError. */
export function addWarning(log: IssueLog, ...args: IssueArgs): void {
  log.warningCount += 1;
  if (log.warnings.length < log.limit) log.warnings.push(makeIssue("warning", ...args));
}

/** The kept issues, each list closed by a "too many" issue when some were left out. */
export function finishIssues(log: IssueLog): { errors: Issue[]; warnings: Issue[] } {
  const errors = log.errors.slice();
  const warnings = log.warnings.slice();
  if (log.errorCount > errors.length) {
    errors.push(
      makeIssue("error", "ingest.error.tooManyErrors", null, null, null, {
        total: log.errorCount,
        shown: errors.length,
      }),
    );
  }
  if (log.warningCount > warnings.length) {
    warnings.push(
      makeIssue("warning", "ingest.warning.tooManyWarnings", null, null, null, {
        total: log.warningCount,
        shown: warnings.length,
      }),
    );
  }
  return { errors, warnings };
}
