import type { LoaderFunctionArgs } from "@remix-run/node";
import { getScoring } from "~/config/scoring.server";
import { getRankingReport } from "~/db/rankings.server";
import { getAppDb } from "~/db/setup.server";
import { rankingsCsv } from "~/domain/rankings-csv";
import { getEnv } from "~/env.server";
import { reportRequest } from "~/http/report-request.server";

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** GET /export/rankings.csv?period=…[&indicator=ID]: the API's rows as CSV for Excel (spec §6). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = reportRequest(request, context);
  if (!parsed.ok) return text(400, parsed.message);
  const report = await getRankingReport(await getAppDb(), parsed.period, getScoring(getEnv().DATA_DIR), parsed.view, parsed.indicator);
  if (!report) return text(404, parsed.noData);
  return new Response(rankingsCsv(report.rows, report.scoring), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="parboard-rankings-${report.period}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
