import type { LoaderFunctionArgs } from "@remix-run/node";
import { getScoring } from "~/config/scoring.server";
import { getTargets } from "~/config/targets.server";
import { getPeriodStatus } from "~/db/publications.server";
import { getRankingReport } from "~/db/rankings.server";
import { getAppDb } from "~/db/setup.server";
import { rankingsCsv } from "~/domain/rankings-csv";
import { withTargets } from "~/domain/targets";
import { getEnv } from "~/env.server";
import { exportFileName } from "~/exports/meeting-pack";
import { wideCsv } from "~/exports/wide-csv";
import { wideTable } from "~/exports/wide-table";
import { paramMessage, parseParams } from "~/http/params.server";
import { reportNotFound, reportRequest } from "~/http/report-request.server";
import { getLang } from "~/i18n/lang.server";

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * GET /export/rankings.csv?period=…[&indicator=ID][&as_of=…][&layout=long|wide]: the API's rows as CSV for
 * programs (spec §6, `long`, the default), or the meeting pack's wide table for a Vietnamese-locale Excel
 * (`wide`, decision 011).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = reportRequest(request, context);
  if (!parsed.ok) return text(400, parsed.message);
  const lang = getLang(request);
  const layout = parseParams(new URL(request.url).searchParams, ["layout"]);
  if (!layout.ok) return text(400, paramMessage(lang, layout.problem));
  const env = getEnv();
  const db = await getAppDb();
  const scoring = getScoring(env.DATA_DIR);
  const targets = getTargets(env.DATA_DIR);
  if (layout.params.layout !== "wide") {
    const report = await getRankingReport(db, parsed.period, scoring, parsed.view, parsed.indicator, parsed.scope);
    if (!report) return text(404, await reportNotFound(db, parsed));
    return new Response(rankingsCsv(withTargets(report.rows, targets), report.scoring), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="parboard-rankings-${report.period}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  // The wide table shows the composite beside the chosen indicator, so it reads the whole report.
  const report = await getRankingReport(db, parsed.period, scoring, parsed.view, undefined, parsed.scope);
  if (!report) return text(404, await reportNotFound(db, parsed));
  const status = await getPeriodStatus(db, parsed.period, parsed.view);
  const table = wideTable({ period: report.period, kind: report.kind, rows: report.rows, lang, indicator: parsed.indicator, targets });
  return new Response(wideCsv(table, lang), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(report.period, status, "csv")}"`,
      "Cache-Control": "no-store",
    },
  });
}
