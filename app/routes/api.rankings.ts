import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getScoring } from "~/config/scoring.server";
import { UnknownPeriodError, getRankingReport } from "~/db/ranking-report.server";
import { getAppDb } from "~/db/setup.server";
import { parseRankingParams } from "~/domain/ranking-params";
import { getEnv } from "~/env.server";

/** GET /api/rankings?period=2023-Q4|2023[&indicator=ID] (spec §6). */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseRankingParams(new URL(request.url));
  if (!parsed.ok) return json({ error: parsed.message }, { status: 400 });
  try {
    const report = await getRankingReport(await getAppDb(), parsed.params.period, getScoring(getEnv().DATA_DIR), parsed.params.indicator);
    return json(report, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof UnknownPeriodError) return json({ error: error.message }, { status: 400 });
    throw error;
  }
}
