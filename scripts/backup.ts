/**
 * `npm run backup -- FILE.duckdb`: a consistent copy of the database, while the server runs or not.
 *
 * With no server, the file is read directly (read-only). While the server runs it holds the file's lock,
 * so the command asks the server on its loopback backup door (app/http/backup-listener.server.ts) with the
 * key from the file the server wrote beside the database, which only the server's OS user can read; the
 * server writes the copy between two writes and sends it back. Either way the copy is checked (a parboard
 * database of a known schema version) before it takes its name; an existing file is never overwritten.
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { BackupError, backupDatabaseFile, inspectDatabase, siblingTempPath } from "~/db/backup.server";
import { DatabaseLockedError } from "~/db/instance.server";
import { getEnv } from "~/env.server";
import { serverKeyFilePath, serverKeyFileSchema } from "~/http/backup-listener.server";
import { t, type Lang } from "~/i18n/translate";
import { CliFailure, problemSentence, summaryParams } from "./backup-support";
import { parseCliArgs } from "./cli-support";

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The key file of the server holding `dbPath`, or a sentence saying why there is none to use. */
function readServerKey(lang: Lang, dbPath: string, holder: string) {
  const file = serverKeyFilePath(dbPath);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? error.code : undefined;
    if (code === "ENOENT") throw new CliFailure(t(lang, "cli.backup.noServer", { path: dbPath, holder, reason: `${file}: ENOENT` }));
    throw new CliFailure(t(lang, "cli.backup.keyUnreadable", { file, reason: reasonOf(error) }));
  }
  const parsed = serverKeyFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new CliFailure(t(lang, "cli.backup.noServer", { path: dbPath, holder, reason: `${file}: ${parsed.error.issues[0]?.message ?? "?"}` }));
  return parsed.data;
}

async function backupThroughServer(lang: Lang, dbPath: string, holder: string, partial: string): Promise<void> {
  const key = readServerKey(lang, dbPath, holder);
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${key.port}/backup`, { method: "POST", headers: { Authorization: `Bearer ${key.token}` } });
  } catch (error) {
    // A key file left by a killed server names a port nobody listens on.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : reasonOf(error);
    throw new CliFailure(t(lang, "cli.backup.noServer", { path: dbPath, holder, reason: cause }));
  }
  if (res.status !== 200 || !res.body) {
    throw new CliFailure(t(lang, "cli.backup.serverFailed", { reason: `HTTP ${res.status}: ${(await res.text()).trim()}` }));
  }
  // The fetch body is the platform's web stream; node:stream/web names the same class.
  await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), fs.createWriteStream(partial, { flags: "wx" }));
}

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  const { lang } = args;
  const [target] = args.files;
  if (!target || args.files.length !== 1) {
    console.error(t(lang, "cli.backup.usage"));
    return 1;
  }
  const dbPath = path.resolve(getEnv().DATABASE_PATH);
  const partial = siblingTempPath(target, "backup");
  try {
    if (fs.existsSync(target)) throw new BackupError({ kind: "targetExists", file: target });
    let how: "server" | "direct" = "direct";
    try {
      await backupDatabaseFile(dbPath, partial);
    } catch (error) {
      if (!(error instanceof DatabaseLockedError)) throw error;
      how = "server";
      await backupThroughServer(lang, dbPath, error.holder, partial);
    }
    const summary = await inspectDatabase(partial);
    // A link fails if the name was taken meanwhile, where a rename would replace that file.
    fs.linkSync(partial, target);
    console.log(t(lang, "cli.backup.done", { file: target, how: t(lang, `cli.backup.how.${how}`), ...summaryParams(summary) }));
    return 0;
  } catch (error) {
    if (error instanceof CliFailure) console.error(error.message);
    else if (error instanceof BackupError) console.error(problemSentence(lang, error.problem));
    else throw error;
    return 1;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

process.exitCode = await main();
