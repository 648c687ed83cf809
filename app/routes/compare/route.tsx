/**
 * `/compare?units=11155,11161,11164&period=2023-Q4|2023` — two to five units side by side: ranks and values
 * on every indicator in one period, and each indicator's values over the periods of the same kind.
 */
import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { json, useLoaderData } from "@remix-run/react";
import { ChartFigure } from "~/components/chart-figure";
import { ScoringPanel } from "~/components/scoring-panel";
import { SmallMultiples, SmallMultiplesTable, isSmallMultiplesEmpty, type SmallMultiplesData } from "~/charts/small-multiples";
import { PeriodPicker } from "~/components/period-picker";
import { PublicationNotice } from "~/components/publication-notice";
import { Downloads, PrintTitle } from "~/components/meeting-pack";
import { getScoring } from "~/config/scoring.server";
import { getAppDb } from "~/db/setup.server";
import { formatsOf } from "~/domain/indicators";
import { rateDomain } from "~/domain/unit-charts";
import { getEnv } from "~/env.server";
import { dataViewOf, pagePublication } from "~/http/data-view.server";
import { badRequest, orNotFound } from "~/http/page-errors.server";
import { canonicalUnitsSearch, parseParams } from "~/http/params.server";
import { formatIndicatorTick, formatIndicatorValue, formatPeriod, periodInSentence } from "~/i18n/format";
import { getLang } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import unitStyles from "~/styles/unit.css";
import { CompareForm } from "./form";
import { CompareTable } from "./table";
import { loadCompare } from "./view.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: unitStyles }];

/** Complete as server-rendered HTML: no hydration, only public/enhance.js (docs/decisions/007). */
export const handle = { hydrate: false };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = getLang(request);
  const url = new URL(request.url);
  const parsed = parseParams(url.searchParams, ["period", "units", "as_of", "q"]);
  if (!parsed.ok) throw badRequest(lang, parsed.problem);
  // A submitted form repeats `units`; the address people share names them once, comma-separated.
  const canonical = canonicalUnitsSearch(url.searchParams, parsed.params.units);
  if (canonical !== null) throw redirect(`${url.pathname}${canonical}`);
  const compareRequest = { codes: parsed.params.units, period: parsed.params.period, q: parsed.params.q };
  const view = dataViewOf(context, parsed.params.as_of);
  const db = await getAppDb();
  const page = await orNotFound(lang, loadCompare(db, compareRequest, getScoring(getEnv().DATA_DIR), view));
  const publication = page.period === null ? null : await pagePublication(db, page.period, view, request);
  // Links that add or remove a unit keep the period only if the reader chose one; otherwise the page picks
  // the latest period every chosen unit existed in again (units merged away are compared on their last one).
  return json({ ...page, periodAsked: parsed.params.period ?? null, publication, lang });
}

/** A score's axis runs 0–100; a count's from the data. */
function domainOf(indicator: string): [number, number] | undefined {
  const max = formatsOf(indicator).domainMax;
  return max === null ? undefined : [0, max];
}

export default function ComparePage() {
  const data = useLoaderData<typeof loader>();
  const lang = useLang();
  const periodText = data.period ? periodInSentence(lang, data.period) : "";
  const message =
    data.status === "none"
      ? t(lang, "compare.status.noneSearch", { min: data.min, max: data.max })
      : data.status === "tooFew"
        ? t(lang, "compare.status.tooFew", { count: data.selected.length, min: data.min })
        : data.status === "tooMany"
          ? t(lang, "compare.status.tooManySearch", { count: data.selected.length, max: data.max })
          : null;
  const multiples: SmallMultiplesData = {
    periods: data.periods.map((p) => formatPeriod(lang, p)),
    units: data.units.map((u) => ({ key: u.code, label: u.name })),
    panels: data.series.map((s) => ({
      id: s.indicator,
      label: t(lang, `indicator.${s.indicator}`),
      valueType: s.valueUnit === "rate" ? "rate" : "count",
      yDomain: s.valueUnit === "rate" ? rateDomain(Object.values(s.values).flat()) : domainOf(s.indicator),
      values: s.values,
    })),
  };
  const multiplesLabels = {
    title: t(lang, data.kind === "year" ? "compare.multiples.titleYears" : "compare.multiples.titleQuarters"),
    description: t(lang, "compare.multiples.description", { units: data.units.map((u) => u.name).join(", ") }),
    unit: t(lang, "compare.multiples.unit"),
    noData: t(lang, "chart.noData"),
  };
  const fmt = (n: number, panel: string) => formatIndicatorValue(lang, panel, n);
  return (
    <>
      {data.publication ? <PrintTitle publication={data.publication} /> : null}
      <h1>{t(lang, "compare.title")}</h1>
      {data.publication ? <PublicationNotice {...data.publication} /> : null}
      {data.publication ? <Downloads publication={data.publication} /> : null}
      {data.period === null ? (
        <p>{t(lang, "unit.empty")}</p>
      ) : (
        <>
          <PeriodPicker value={data.period} keep={{ units: data.selected.join(","), q: data.search.query ?? undefined }} />
          <CompareForm chosen={data.chosen} search={data.search} period={data.periodAsked} max={data.max} />
          {message ? (
            <p className={data.status === "none" ? "compare-hint" : "unit-notice compare-message"} role={data.status === "none" ? undefined : "status"}>
              {message}
            </p>
          ) : null}
          {data.status === "ok" ? (
            <>
              <section aria-labelledby="compare-table-heading">
                <h2 id="compare-table-heading">{t(lang, "compare.table.heading", { period: periodText })}</h2>
                <CompareTable units={data.units} period={data.period} periodText={periodText} rows={data.rows} />
                <ScoringPanel scoring={data.scoring} />
              </section>
              <section aria-labelledby="compare-multiples-heading" className="compare-multiples">
                <h2 id="compare-multiples-heading">{multiplesLabels.title}</h2>
                <ChartFigure
                  isEmpty={isSmallMultiplesEmpty(multiples)}
                  chart={
                    <SmallMultiples
                      id="compare-multiples"
                      data={multiples}
                      labels={multiplesLabels}
                      formatValue={fmt}
                      formatTick={(n, panel) => formatIndicatorTick(lang, panel, n)}
                      panelWidth={320}
                      panelHeight={180}
                      options={{ minPanelWidth: 260, fontSize: 12 }}
                    />
                  }
                  table={<SmallMultiplesTable data={multiples} labels={multiplesLabels} formatValue={fmt} />}
                />
              </section>
            </>
          ) : null}
        </>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "parboard" }];
  const names = data.units.map((u) => u.name).join(", ");
  return [{ title: `${t(data.lang, "compare.title")}${names ? `: ${names}` : ""} · parboard` }];
};
