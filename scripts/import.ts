/**
 * `npm run import -- FILE.csv [FILE.csv …]`: the same validation as the web upload. Every file is checked
 * before anything is saved; if any has an error (or two files hold the same unit and period), every error
 * is printed and nothing is saved (exit 1). Otherwise all files are committed in one transaction, one
 * upload each, and each is summarised in one line.
 */
import fs from "node:fs";
import path from "node:path";
import { commitUploads } from "~/db/uploads.server";
import { previewReport, type Preview } from "~/db/import-report.server";
import { formatIssue } from "~/ingest/format-issue";
import { summarizeChanges } from "~/ingest/diff";
import { periodInSentence } from "~/i18n/format";
import { t } from "~/i18n/translate";
import { openDbOrExit, parseCliArgs, runCli } from "./cli-support";

await runCli(async (env) => {
  const args = parseCliArgs(process.argv.slice(2));
  const { lang } = args;
  if (args.files.length === 0) {
    console.error(t(lang, "cli.import.usage"));
    return 1;
  }
  const inputs: { file: string; bytes: Uint8Array }[] = [];
  for (const file of args.files) {
    try {
      inputs.push({ file, bytes: new Uint8Array(fs.readFileSync(file)) });
    } catch (error) {
      console.error(t(lang, "cli.readFailed", { file, reason: error instanceof Error ? error.message : String(error) }));
      return 1;
    }
  }
  const db = await openDbOrExit(env, lang);
  const previews: Preview[] = [];
  for (const input of inputs) {
    previews.push(await previewReport(db, input.bytes, path.basename(input.file), env.MAX_UPLOAD_BYTES));
  }
  let failed = false;
  for (const p of previews) {
    if (p.result.warnings.length > 0) {
      console.log(t(lang, "cli.fileWarnings", { file: p.fileName, count: p.result.warnings.length }));
      for (const w of p.result.warnings) console.log(`  ${formatIssue(w, lang)}`);
    }
    if (p.result.errors.length > 0) {
      failed = true;
      console.error(t(lang, "cli.fileErrors", { file: p.fileName, count: p.result.errors.length }));
      for (const e of p.result.errors) console.error(`  ${formatIssue(e, lang)}`);
    }
  }
  // The same unit and period in two files would leave one silently shadowing the other.
  const seen = new Map<string, { file: string; line: number }>();
  for (const p of previews) {
    for (const row of p.result.rows) {
      const key = `${row.communeCode}|${row.period}`;
      const first = seen.get(key);
      if (first) {
        failed = true;
        console.error(
          t(lang, "cli.crossFileDuplicate", { file: p.fileName, line: row.line, code: row.communeCode, period: periodInSentence(lang, row.period), otherFile: first.file, otherLine: first.line }),
        );
      } else seen.set(key, { file: p.fileName, line: row.line });
    }
  }
  if (failed) {
    console.error(t(lang, "cli.nothingSaved"));
    return 1;
  }
  // One transaction for all the files: every file is saved, or none.
  const summaries = await commitUploads(
    db,
    previews.map((p) => ({ result: p.result, meta: { fileName: p.fileName, sha256: p.sha256, uploadedBy: args.user, source: "cli" as const } })),
  );
  previews.forEach((p, i) => {
    const summary = summaries[i];
    if (!summary) return;
    const changes = summarizeChanges(p.changes);
    console.log(
      t(lang, "cli.committed", {
        file: p.fileName,
        id: summary.uploadId,
        rows: summary.rowCount,
        units: summary.unitCount,
        periods: summary.periods.join(", "),
        new: changes.new,
        changed: changes.changed,
        unchanged: changes.unchanged,
      }),
    );
  });
  return 0;
});
