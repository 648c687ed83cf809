import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getScoring } from "~/config/scoring.server";
import { getPeriodStatus } from "~/db/publications.server";
import { getRankingReport } from "~/db/rankings.server";
import { getAppDb } from "~/db/setup.server";
import { getEnv } from "~/env.server";
import { reportNotFound, reportRequest } from "~/http/report-request.server";

/**
 * GET /api/rankings?period=2023-Q4|2023[&indicator=ID][&as_of=YYYY-MM-DD] (spec §6): what this reader may
 * see, with whether it is published or a draft, which version, when, and the date it was computed for.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = reportRequest(request, context);
  if (!parsed.ok) return json({ error: parsed.message }, { status: 400 });
  const db = await getAppDb();
  const report = await getRankingReport(db, parsed.period, getScoring(getEnv().DATA_DIR), parsed.view, parsed.indicator, parsed.scope);
  // A period this reader may not see (a draft, for the public) does not exist for them.
  if (!report) return json({ error: await reportNotFound(db, parsed) }, { status: 404 });
  const status = await getPeriodStatus(db, parsed.period, parsed.view);
  return json(
    {
      ...report,
      status: status.status,
      publication: status.publication,
      published_at: status.publishedAt,
      as_of: parsed.view.kind === "published" ? parsed.view.asOf : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
