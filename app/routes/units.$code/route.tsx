/**
 * `/units/:code?period=2023-Q4|2023&indicator=ID` — one unit for its leader: rank on every indicator with
 * the movement and the gap to the next rank, trends against the district, rank history, and the uploads
 * every figure came from. Prints as an A4 summary.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, useLoaderData } from "@remix-run/react";
import { PeriodPicker } from "~/components/period-picker";
import { PublicationNotice } from "~/components/publication-notice";
import { Downloads, PrintTitle } from "~/components/meeting-pack";
import { useShellData } from "~/components/use-shell-data";
import { getScoring } from "~/config/scoring.server";
import { getTargets } from "~/config/targets.server";
import { getAppDb } from "~/db/setup.server";
import { COMPOSITE_ID, valueKind } from "~/domain/indicators";
import type { ChangeView } from "./actions.server";
import { getEnv } from "~/env.server";
import { dataViewOf, pagePublication } from "~/http/data-view.server";
import { badRequest, notFound, orNotFound } from "~/http/page-errors.server";
import { isUnitCode, parseParams } from "~/http/params.server";
import { formatNumber, formatPeriod, periodInSentence } from "~/i18n/format";
import { unitHref } from "~/components/unit-link";
import type { UnitLineage } from "~/db/units.server";
import { getLang } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import unitStyles from "~/styles/unit.css";
import { ScoringPanel } from "~/components/scoring-panel";
import { PathUp, Projection, WhyMoved } from "./actions";
import { UnitRankHistory } from "./rank-history";
import { UnitRankTable } from "./rank-table";
import { UnitSources } from "./sources";
import { UnitTrends } from "./trends";
import { loadUnitPage } from "./view.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: unitStyles }];

/** Complete as server-rendered HTML: no hydration, only public/enhance.js (docs/decisions/007). */
export const handle = { hydrate: false };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = getLang(request);
  const parsed = parseParams(new URL(request.url).searchParams, ["period", "registryIndicator", "as_of"]);
  if (!parsed.ok) throw badRequest(lang, parsed.problem);
  const code = params.code ?? "";
  if (!isUnitCode(code)) throw notFound(lang, { what: "units", codes: [code] });
  const unitRequest = { code, period: parsed.params.period, indicator: parsed.params.registryIndicator };
  const view = dataViewOf(context, parsed.params.as_of);
  const db = await getAppDb();
  const page = await orNotFound(lang, loadUnitPage(db, unitRequest, getScoring(getEnv().DATA_DIR), view, getTargets(getEnv().DATA_DIR)));
  const publication = page.period === null ? null : await pagePublication(db, page.period, view, request);
  return json({ ...page, publication, lang });
}

/** units-over-time.md rule 3: an old unit's page says where it went; a new unit's page lists its predecessors. */
function LineageNotice({ lineage }: { lineage: UnitLineage }) {
  const lang = useLang();
  const list = (units: readonly { code: string; name: string; share: number }[], period: (u: { code: string }) => string | null) =>
    units.map((u, i) => (
      <span key={u.code}>
        {i > 0 ? ", " : ""}
        <a href={unitHref(u.code, period(u))}>
          {u.name} ({u.code})
        </a>
        {u.share < 1 ? ` ${t(lang, "unit.lineage.share", { share: formatNumber(lang, u.share * 100, 0) })}` : ""}
      </span>
    ));
  if (lineage.validTo !== null && lineage.successors.length > 0) {
    const effective = lineage.successors[0]?.effective ?? "";
    return (
      <p className="unit-notice unit-lineage" role="note">
        {t(lang, "unit.lineage.ended", { period: periodInSentence(lang, effective) })} {list(lineage.successors, () => effective)}.
      </p>
    );
  }
  if (lineage.validFrom !== null && lineage.predecessors.length > 0) {
    const before = lineage.predecessors[0]?.validTo ?? "";
    return (
      <p className="unit-notice unit-lineage" role="note">
        {t(lang, "unit.lineage.formed", { period: periodInSentence(lang, lineage.validFrom) })} {list(lineage.predecessors, () => before)}.{" "}
        {t(lang, "unit.lineage.restated", { period: periodInSentence(lang, lineage.validFrom) })}
      </p>
    );
  }
  return null;
}

/** The body's composite score change over the two periods the unit's change is split over (null without both). */
function bodyCompositeChange(trend: readonly { indicator: string; reference: (number | null)[] }[], periods: readonly string[], period: string, change: ChangeView): number | null {
  if (change.kind === "none") return null;
  const reference = trend.find((s) => s.indicator === COMPOSITE_ID)?.reference ?? [];
  const [before, after] = [reference[periods.indexOf(change.previous)], reference[periods.indexOf(period)]];
  return before === undefined || before === null || after === undefined || after === null ? null : after - before;
}

export default function UnitPage() {
  const data = useLoaderData<typeof loader>();
  const lang = useLang();
  const { unit, period } = data;
  const periodLabel = period ? formatPeriod(lang, period) : "";
  const periodText = period ? periodInSentence(lang, period) : "";
  const district = useShellData()?.district;
  const compareHref = `/compare?units=${unit.code}${period ? `&period=${period}` : ""}`;
  // units-over-time.md rule 3: a merged unit's history before the merger is restated, drawn and labelled so.
  const formed = data.basis === "current" ? data.lineage.validFrom : null;
  const restatedTrend = formed !== null && data.trend.some((s) => s.restated.some(Boolean));
  const restatedRanks = formed !== null && [...data.ranks.composite, ...data.ranks.indicator].some((p) => p.restated);
  return (
    <>
      {data.publication ? <PrintTitle publication={data.publication} /> : null}
      <h1>{unit.name}</h1>
      <p className="unit-subtitle">
        {t(lang, `kind.${unit.kind}`)} · {t(lang, "unit.code", { code: unit.code })}
        {period ? ` · ${periodLabel}` : ""}
      </p>
      {data.publication ? <PublicationNotice {...data.publication} /> : null}
      {data.publication ? <Downloads publication={data.publication} /> : null}
      <LineageNotice lineage={data.lineage} />
      {district ? <p className="unit-print-only">{t(lang, "unit.printSource", { district: lang === "vi" ? district.name : district.nameEn })}</p> : null}
      {period === null ? (
        <p>{t(lang, "unit.empty")}</p>
      ) : (
        <>
          <div className="unit-toolbar">
            <PeriodPicker value={period} keep={{ indicator: data.indicator }} />
            <p className="unit-compare-link">
              <a href={compareHref}>{t(lang, "unit.compareWith")}</a>
            </p>
            <p className="unit-compare-link">
              <a href={`/units/${unit.code}/card?period=${period}`}>{t(lang, "card.link")}</a>
            </p>
          </div>
          {!data.reported ? <p className="unit-notice">{t(lang, "unit.notReported", { period: periodText })}</p> : null}
          {data.incomplete ? <p className="unit-notice">{t(lang, "unit.incompleteNote", { quarters: data.quarters })}</p> : null}

          <section aria-labelledby="unit-ranks-heading">
            <h2 id="unit-ranks-heading">{t(lang, "unit.ranks.heading", { period: periodText })}</h2>
            <UnitRankTable rows={data.rows} period={period} periodText={periodText} incomplete={data.incomplete} quarters={data.quarters} />
            <ScoringPanel scoring={data.scoring} />
          </section>

          {data.actions ? (
            <>
              <section aria-labelledby="why-moved-heading" className="unit-why-moved">
                <h2 id="why-moved-heading">{t(lang, "actions.why.heading")}</h2>
                <WhyMoved change={data.actions.change} period={period} bodyChange={bodyCompositeChange(data.trend, data.periods, period, data.actions.change)} />
              </section>
              <section aria-labelledby="path-up-heading" className="unit-path-up">
                <h2 id="path-up-heading">{t(lang, "actions.path.heading")}</h2>
                <PathUp actions={data.actions} period={period} kind={data.kind} />
              </section>
              {data.actions.projection ? (
                <section aria-labelledby="projection-heading" className="unit-projection">
                  <h2 id="projection-heading">{t(lang, "actions.projection.heading", { year: data.actions.projection.year })}</h2>
                  <Projection projection={data.actions.projection} />
                </section>
              ) : null}
            </>
          ) : null}

          <section aria-labelledby="unit-trends-heading" className="unit-trends">
            <h2 id="unit-trends-heading">{t(lang, data.kind === "year" ? "unit.trends.headingYears" : "unit.trends.headingQuarters")}</h2>
            <p className="muted">{t(lang, "unit.trends.note")}</p>
            {restatedTrend && formed ? <p className="muted unit-restated-note">{t(lang, "unit.restated.trendNote", { period: periodInSentence(lang, formed) })}</p> : null}
            <UnitTrends unitName={unit.name} periods={data.periods} trend={data.trend} formed={formed} />
          </section>

          <section aria-labelledby="rank-history-heading" id="rank-history" className="unit-rank-history">
            <h2 id="rank-history-heading">{t(lang, "unit.history.heading")}</h2>
            {restatedRanks && formed ? <p className="muted unit-restated-note">{t(lang, "unit.restated.historyNote", { period: periodInSentence(lang, formed) })}</p> : null}
            <UnitRankHistory
              unitName={unit.name}
              period={period}
              periods={data.periods}
              indicator={data.indicator}
              indicatorUnit={valueKind(data.indicator)}
              formed={formed}
              ranks={data.ranks}
              history={data.history}
            />
          </section>

          <section aria-labelledby="unit-sources-heading" className="unit-sources-section">
            <h2 id="unit-sources-heading">{t(lang, "unit.source.heading")}</h2>
            <UnitSources sources={data.sources} periodText={periodText} />
          </section>
        </>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "parboard" }];
  const period = data.period ? ` · ${formatPeriod(data.lang, data.period)}` : "";
  return [{ title: `${data.unit.name}${period} · parboard` }];
};
