/**
 * `npm run seed`: loads the sample district data (data/sample/*.csv) into an empty database, through the
 * same validation and commit as every other upload. With `--if-empty` a database that already has data
 * is left alone and the command succeeds (the demo start uses this).
 */
import { seedSample } from "~/db/seed.server";
import { t } from "~/i18n/translate";
import { openDbOrExit, parseCliArgs, runCli } from "./cli-support";

await runCli(async (env) => {
  const args = parseCliArgs(process.argv.slice(2));
  const db = await openDbOrExit(env, args.lang);
  const outcome = await seedSample(db, env);
  if (outcome.kind === "notEmpty") {
    console.log(t(args.lang, "cli.seed.notEmpty", { path: env.DATABASE_PATH, uploads: outcome.uploads }));
    return args.flags.has("--if-empty") ? 0 : 1;
  }
  if (outcome.kind === "invalid") {
    for (const line of outcome.messages) console.error(line);
    return 1;
  }
  console.log(t(args.lang, "cli.seed.done", { files: outcome.files, rows: outcome.rows, path: env.DATABASE_PATH, published: outcome.published }));
  return 0;
});
