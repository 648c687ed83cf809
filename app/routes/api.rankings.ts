import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getScoring } from "~/config/scoring.server";
import { getRankingReport } from "~/db/rankings.server";
import { getAppDb } from "~/db/setup.server";
import { getEnv } from "~/env.server";
import { reportRequest } from "~/http/report-request.server";

/** GET /api/rankings?period=2023-Q4|2023[&indicator=ID] (spec §6). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = reportRequest(request, context);
  if (!parsed.ok) return json({ error: parsed.message }, { status: 400 });
  const report = await getRankingReport(await getAppDb(), parsed.period, getScoring(getEnv().DATA_DIR), parsed.view, parsed.indicator);
  if (!report) return json({ error: parsed.noData }, { status: 400 });
  return json(report, { headers: { "Cache-Control": "no-store" } });
}
