/**
 * `npm run publish -- 2025-Q1 [--note "…"] [--allow-missing]`: publishes a quarter as it stands (shared spec
 * publication.md). `--all` publishes every quarter with data (back-fills); `--withdraw 2025-Q1 --reason "…"`
 * withdraws its standing version. Each act is recorded in the audit log under `--user` (default: $USER).
 */
import { parseArgs } from "node:util";
import { publishAll, publishPeriod, withdrawPublication, type PublishOutcome } from "~/db/publications.server";
import { parsePeriodId } from "~/domain/period";
import { formatPeriod } from "~/i18n/format";
import { t, type Lang } from "~/i18n/translate";
import { openDbOrExit, runCli } from "./cli-support";

function describe(lang: Lang, periodId: string, outcome: PublishOutcome): string {
  const period = formatPeriod(lang, periodId);
  switch (outcome.kind) {
    case "published":
      return t(lang, outcome.missing.length > 0 ? "cli.publish.doneMissing" : "cli.publish.done", {
        period,
        version: outcome.version,
        units: outcome.units,
        missing: outcome.missing.join(", "),
      });
    case "unchanged":
      return t(lang, "cli.publish.unchanged", { period, version: outcome.version });
    case "noData":
      return t(lang, "cli.publish.noData", { period });
    case "missingUnits":
      return t(lang, "cli.publish.missing", { period, count: outcome.missing.length, missing: outcome.missing.join(", ") });
  }
}

await runCli(async (env) => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      all: { type: "boolean" },
      "allow-missing": { type: "boolean" },
      note: { type: "string" },
      withdraw: { type: "string" },
      reason: { type: "string" },
      user: { type: "string" },
      lang: { type: "string" },
    },
  });
  const lang: Lang = values.lang === "en" ? "en" : "vi";
  const by = { actor: values.user ?? process.env.USER ?? "cli", address: null, now: new Date() };
  const periods = values.withdraw !== undefined ? [values.withdraw] : positionals;
  const bad = periods.find((p) => parsePeriodId(p)?.kind !== "quarter");
  if ((!values.all && periods.length === 0) || bad !== undefined || (values.withdraw !== undefined && !values.reason?.trim())) {
    if (bad !== undefined) console.error(t(lang, "cli.publish.badPeriod", { value: bad }));
    console.error(t(lang, "cli.publish.usage"));
    return 2;
  }
  const db = await openDbOrExit(env, lang);
  if (values.withdraw !== undefined) {
    const outcome = await withdrawPublication(db, { period: values.withdraw, reason: values.reason?.trim() ?? "" }, by);
    if (outcome.kind === "notPublished") {
      console.error(t(lang, "cli.publish.notPublished", { period: formatPeriod(lang, values.withdraw) }));
      return 1;
    }
    console.log(t(lang, "cli.publish.withdrawn", { period: formatPeriod(lang, values.withdraw), version: outcome.version }));
    return 0;
  }
  const request = { note: values.note?.trim() || null, allowMissing: values["allow-missing"] ?? false };
  const results = values.all
    ? await publishAll(db, request, by)
    : await Promise.all(periods.map(async (period) => ({ period, outcome: await publishPeriod(db, { period, ...request }, by) })));
  let failed = false;
  for (const { period, outcome } of results) {
    const ok = outcome.kind === "published" || outcome.kind === "unchanged";
    failed ||= !ok;
    (ok ? console.log : console.error)(describe(lang, period, outcome));
  }
  return failed ? 1 : 0;
});
