/**
 * `npm run import -- FILE.csv [FILE.csv …]`: the same validation as the web upload. Every file is checked
 * before anything is saved; if any has an error, every error is printed and nothing is saved (exit 1).
 * Otherwise each file is committed as one upload and summarised in one line.
 */
import fs from "node:fs";
import path from "node:path";
import { commitUpload } from "~/db/uploads.server";
import { previewReport, type Preview } from "~/db/import-report.server";
import { formatIssue } from "~/ingest/format-issue";
import { summarizeChanges } from "~/ingest/diff";
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
  if (failed) {
    console.error(t(lang, "cli.nothingSaved"));
    return 1;
  }
  for (const p of previews) {
    const summary = await commitUpload(db, p.result, { fileName: p.fileName, sha256: p.sha256, uploadedBy: args.user, source: "cli" });
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
  }
  return 0;
});
