import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getSessionUser } from "~/auth/guards.server";
import { getScoring } from "~/config/scoring.server";
import { getTargets } from "~/config/targets.server";
import { getDataVersion } from "~/db/data-version.server";
import { getPeriodStatus } from "~/db/publications.server";
import { getRankingReport } from "~/db/rankings.server";
import { getAppDb } from "~/db/setup.server";
import { withTargets } from "~/domain/targets";
import { getEnv } from "~/env.server";
import { reportNotFound, reportRequest } from "~/http/report-request.server";
import { ResponseCache, notModified } from "~/http/response-cache.server";

/** National answers are about 15 MB of JSON each: room for a few periods and views of a country. */
const answers = new ResponseCache(256 * 1024 * 1024);

/**
 * GET /api/rankings?period=2023-Q4|2023[&indicator=ID][&as_of=YYYY-MM-DD] (spec §6): what this reader may
 * see, with whether it is published or a draft, which version, when, and the date it was computed for.
 * Computed once per data version, view and parameters (decision 014) and validated by `ETag`: a client that
 * has the answer gets `304 Not Modified`. Published answers may be reused after revalidation; drafts are
 * never stored outside the server.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = reportRequest(request, context);
  if (!parsed.ok) return json({ error: parsed.message }, { status: 400 });
  const db = await getAppDb();
  const scoring = getScoring(getEnv().DATA_DIR);
  const view = parsed.view.kind === "draft" ? "draft" : `published:${parsed.view.asOf ?? ""}`;
  const params = [...new URL(request.url).searchParams].filter(([name]) => name !== "lang").sort(([a], [b]) => a.localeCompare(b));
  const key = JSON.stringify([await getDataVersion(db), scoring.hash, view, parsed.lang, params]);
  // A signed-in reader's answers are "private, no-store" already (app/http/express.server.ts); an anonymous
  // reader's published answer may be kept by a browser or a proxy, to be revalidated before each use.
  const headers: Record<string, string> = getSessionUser(context) === null ? { "Cache-Control": "public, max-age=0, must-revalidate" } : {};

  let answer = answers.get(key);
  if (!answer) {
    const report = await getRankingReport(db, parsed.period, scoring, parsed.view, parsed.indicator, parsed.scope);
    // A period this reader may not see (a draft, for the public) does not exist for them.
    if (!report) return json({ error: await reportNotFound(db, parsed) }, { status: 404 });
    const status = await getPeriodStatus(db, parsed.period, parsed.view);
    const body = {
      ...report,
      rows: withTargets(report.rows, getTargets(getEnv().DATA_DIR)),
      status: status.status,
      publication: status.publication,
      published_at: status.publishedAt,
      as_of: parsed.view.kind === "published" ? parsed.view.asOf : null,
    };
    answer = answers.set(key, JSON.stringify(body));
  }
  if (notModified(request, answer.etag)) return new Response(null, { status: 304, headers: { ...headers, ETag: answer.etag } });
  return new Response(answer.body, { headers: { ...headers, ETag: answer.etag, "Content-Type": "application/json; charset=utf-8" } });
}
