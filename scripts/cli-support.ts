/**
 * What the command-line scripts share: the language, the database (with the lock turned into one clear
 * sentence), and printing translated issues.
 */
import path from "node:path";
import { DatabaseLockedError, closeDb, type Db } from "~/db/instance.server";
import { openAppDb } from "~/db/setup.server";
import { getEnv, type Env } from "~/env.server";
import { DataFileError } from "~/domain/data-file-error";
import { getTargets } from "~/config/targets.server";
import { isLang, t, type Lang } from "~/i18n/translate";

export interface CliArgs {
  lang: Lang;
  user: string;
  files: string[];
  flags: Set<string>;
}

/** Reads `--lang vi|en`, `--user NAME`, other `--flags`, and file names (relative to where npm was run). */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const envLang = (process.env.PARBOARD_LANG ?? process.env.LANG ?? "").slice(0, 2);
  let lang: Lang = isLang(envLang) ? envLang : "vi";
  let user = process.env.USER ?? "cli";
  const files: string[] = [];
  const flags = new Set<string>();
  const base = process.env.INIT_CWD ?? process.cwd();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [name, inline] = arg.split("=", 2);
    if (name === "--lang" || name === "--user") {
      const value = inline ?? argv[++i] ?? "";
      if (name === "--lang") {
        if (!isLang(value)) throw new Error(`--lang takes vi or en, not "${value}"`);
        lang = value;
      } else user = value;
    } else if (arg.startsWith("--")) flags.add(arg);
    else files.push(path.resolve(base, arg));
  }
  return { lang, user, files, flags };
}

/** Opens the database, or prints why it cannot (the server holds it, or a data file is broken) and exits. */
export async function openDbOrExit(env: Env, lang: Lang): Promise<Db> {
  try {
    getTargets(env.DATA_DIR);
    return await openAppDb(env);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(t(lang, "cli.locked", { path: error.dbPath, holder: error.holder }));
      process.exit(1);
    }
    if (error instanceof DataFileError) {
      console.error(t(lang, error.problem.key, error.problem.params));
      process.exit(1);
    }
    throw error;
  }
}

export async function runCli(main: (env: Env) => Promise<number>): Promise<void> {
  const env = getEnv();
  let code = 1;
  try {
    code = await main(env);
  } finally {
    await closeDb(env.DATABASE_PATH);
  }
  process.exitCode = code;
}
