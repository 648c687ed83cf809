import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDistrict } from "~/config/registry.server";
import { getScoring } from "~/config/scoring.server";
import { getTargets } from "~/config/targets.server";
import { getPeriodStatus } from "~/db/publications.server";
import { getRankingReport } from "~/db/rankings.server";
import { getAppDb } from "~/db/setup.server";
import { getEnv } from "~/env.server";
import { exportFileName, meetingPack } from "~/exports/meeting-pack";
import { rankingsWorkbook } from "~/exports/rankings-workbook.server";
import { reportNotFound, reportRequest } from "~/http/report-request.server";
import { getLang } from "~/i18n/lang.server";

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * GET /export/rankings.xlsx?period=…[&indicator=ID][&as_of=…][&lang=vi|en]: the meeting pack's workbook
 * (publication.md, decision 011), from the same report rows as the API and the CSV, for the same readers.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = reportRequest(request, context);
  if (!parsed.ok) return text(400, parsed.message);
  const env = getEnv();
  const db = await getAppDb();
  const scoring = getScoring(env.DATA_DIR);
  // The workbook shows the composite beside the chosen indicator, so it reads the whole report.
  const report = await getRankingReport(db, parsed.period, scoring, parsed.view, undefined, parsed.scope);
  if (!report) return text(404, await reportNotFound(db, parsed));
  const status = await getPeriodStatus(db, parsed.period, parsed.view);
  const printedAt = new Date();
  const pack = meetingPack({
    lang: getLang(request),
    body: getDistrict(env.DATA_DIR),
    report,
    scoring,
    status,
    asOf: parsed.view.kind === "published" ? parsed.view.asOf : null,
    printedAt,
    indicator: parsed.indicator,
    targets: getTargets(env.DATA_DIR),
  });
  return new Response(await rankingsWorkbook(pack, printedAt), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${exportFileName(report.period, status, "xlsx")}"`,
      "Cache-Control": "no-store",
    },
  });
}
