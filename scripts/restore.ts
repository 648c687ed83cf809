/**
 * `npm run restore -- FILE.duckdb`: brings a backup back as the database, with the server stopped.
 *
 * Refuses while a process (the server) holds the database, and refuses a file that is not a parboard
 * database of a schema version this code knows. The database it replaces is moved aside under a dated
 * name beside it (with its WAL), never deleted; the backup itself is left as it was.
 */
import path from "node:path";
import { BackupError, restoreDatabase } from "~/db/backup.server";
import { DatabaseLockedError } from "~/db/instance.server";
import { getEnv } from "~/env.server";
import { t } from "~/i18n/translate";
import { problemSentence, summaryParams } from "./backup-support";
import { parseCliArgs } from "./cli-support";

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  const { lang } = args;
  const [file] = args.files;
  if (!file || args.files.length !== 1) {
    console.error(t(lang, "cli.restore.usage"));
    return 1;
  }
  const dbPath = path.resolve(getEnv().DATABASE_PATH);
  if (path.resolve(file) === dbPath) {
    console.error(t(lang, "cli.restore.same", { file }));
    return 1;
  }
  try {
    const { summary, keptAt } = await restoreDatabase(file, dbPath, new Date());
    console.log(t(lang, "cli.restore.done", { file, path: dbPath, ...summaryParams(summary) }));
    console.log(keptAt ? t(lang, "cli.restore.kept", { kept: keptAt }) : t(lang, "cli.restore.fresh", { path: dbPath }));
    return 0;
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      // The database held by the server, or a "backup" that is some process's live database.
      if (error.dbPath === dbPath) console.error(t(lang, "cli.restore.serverRunning", { path: dbPath, holder: error.holder }));
      else console.error(t(lang, "cli.restore.backupHeld", { file, holder: error.holder }));
      return 1;
    }
    if (error instanceof BackupError) {
      console.error(problemSentence(lang, error.problem));
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
