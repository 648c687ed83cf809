/**
 * What `npm run backup` and `npm run restore` share: the sentence for each reason a file cannot be backed
 * up or restored, in the reader's language, and a failure that carries one.
 */
import type { BackupProblem, DatabaseSummary } from "~/db/backup.server";
import { t, type Lang } from "~/i18n/translate";

/** A failure whose message is already a sentence for the reader. */
export class CliFailure extends Error {
  override name = "CliFailure";
}

export function problemSentence(lang: Lang, problem: BackupProblem): string {
  switch (problem.kind) {
    case "targetExists":
      return t(lang, "cli.backup.targetExists", { file: problem.file });
    case "missing":
      return t(lang, "cli.backup.missing", { file: problem.file });
    case "notDuckdb":
      return t(lang, "cli.restore.notDuckdb", { file: problem.file, reason: problem.reason });
    case "notParboard":
      return t(lang, "cli.restore.notParboard", { file: problem.file, missing: problem.missing.join(", ") });
    case "unknownVersion":
      return t(lang, "cli.restore.unknownVersion", { file: problem.file, versions: problem.versions.join(", "), latest: problem.latest });
  }
}

/** The figures a backup or restore line names. */
export function summaryParams(summary: DatabaseSummary): Record<string, number> {
  return {
    version: summary.schemaVersion,
    uploads: summary.rows.uploads,
    rows: summary.rows.report_rows,
    users: summary.rows.users,
    audit: summary.rows.audit_log,
  };
}
