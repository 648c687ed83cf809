import type { LoaderFunctionArgs } from "@remix-run/node";
import { getScoring } from "~/config/scoring.server";
import { UnknownPeriodError, getRankingReport } from "~/db/ranking-report.server";
import { getAppDb } from "~/db/setup.server";
import { parseRankingParams } from "~/domain/ranking-params";
import { rankingsCsv } from "~/domain/rankings-csv";
import { getEnv } from "~/env.server";

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** GET /export/rankings.csv?period=…[&indicator=ID]: the API's rows as CSV for Excel (spec §6). */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseRankingParams(new URL(request.url));
  if (!parsed.ok) return text(400, parsed.message);
  try {
    const report = await getRankingReport(await getAppDb(), parsed.params.period, getScoring(getEnv().DATA_DIR), parsed.params.indicator);
    return new Response(rankingsCsv(report.rows, report.scoring), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="parboard-rankings-${report.period}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof UnknownPeriodError) return text(400, error.message);
    throw error;
  }
}
