import type { LoaderFunctionArgs } from "@remix-run/node";
import { getScoring } from "~/config/scoring.server";
import { UnknownPeriodError, getRankingReport, type RankingReport } from "~/db/ranking-report.server";
import { getAppDb } from "~/db/setup.server";
import { toCsv, type CsvCell } from "~/domain/csv-export";
import { parseRankingParams } from "~/domain/ranking-params";
import { getEnv } from "~/env.server";

const HEADER = [
  "period",
  "commune_code",
  "commune_name",
  "indicator",
  "numerator",
  "denominator",
  "value",
  "rank",
  "ranked",
  "previous_rank",
  "gap_change",
  "gap_reachable",
  "gap_pass_code",
  "gap_pass_name",
  "incomplete_year",
  "scoring",
];

function rowsOf(report: RankingReport): CsvCell[][] {
  const scoring = `${report.scoring.name}@${report.scoring.hash}`;
  return report.rows.map((r) => [
    r.period,
    r.commune_code,
    r.commune_name,
    r.indicator,
    r.numerator,
    r.denominator,
    r.value,
    r.rank,
    r.ranked,
    r.previous_rank,
    r.gap?.reachable ? r.gap.change : null,
    r.gap ? r.gap.reachable : null,
    r.gap?.pass_code ?? null,
    r.gap?.pass_name ?? null,
    r.incomplete,
    r.indicator === "composite_score" ? scoring : null,
  ]);
}

/** GET /export/rankings.csv?period=…[&indicator=ID]: the API's rows as CSV for Excel (spec §6). */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseRankingParams(new URL(request.url));
  const text = (status: number, body: string) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!parsed.ok) return text(400, parsed.message);
  try {
    const report = await getRankingReport(await getAppDb(), parsed.params.period, getScoring(getEnv().DATA_DIR), parsed.params.indicator);
    return new Response(toCsv([HEADER, ...rowsOf(report)]), {
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
