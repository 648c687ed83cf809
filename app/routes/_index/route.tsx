/**
 * The overview (`/`): one period (`?period=2024-Q4` or `2023`, default the latest quarter with data) and one
 * selected indicator (`?indicator=ID`, default the composite). Everything is in the URL, so a shared link
 * shows the same view; every chart comes with its table and the page prints as an A4 summary.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CoverageNotice, EmptyState } from "~/components/coverage-notices";
import { PublicationNotice } from "~/components/publication-notice";
import { Downloads, PrintTitle } from "~/components/meeting-pack";
import { PeriodPicker } from "~/components/period-picker";
import { useShellData } from "~/components/use-shell-data";
import { getScoring } from "~/config/scoring.server";
import { getTargets } from "~/config/targets.server";
import { getAppDb } from "~/db/setup.server";
import { COMPOSITE_ID } from "~/domain/indicators";
import { getEnv } from "~/env.server";
import { dataViewOf, pagePublication } from "~/http/data-view.server";
import { badRequest, orNotFound } from "~/http/page-errors.server";
import { parseParams } from "~/http/params.server";
import { indicatorLabel, periodInSentence } from "~/i18n/format";
import { getLang } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import overviewStyles from "~/styles/overview.css";
import { HEATMAP_COLUMNS, OverviewHeatmap } from "./heatmap";
import { ClusterPicker } from "./cluster-picker";
import { IndicatorPicker } from "./indicator-picker";
import { Leaderboard } from "./leaderboard";
import { ListNav } from "~/components/list-nav";
import { Movers } from "./movers";
import { NeedsAttention } from "./attention";
import { ScoringPanel } from "~/components/scoring-panel";
import { PrintRankTable, SourceLine } from "./print";
import { BodyTotals } from "./totals";
import { loadOverview } from "./view.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: overviewStyles }];

/** Complete as server-rendered HTML: no hydration, only public/enhance.js (docs/decisions/007). */
export const handle = { hydrate: false };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = getLang(request);
  const parsed = parseParams(new URL(request.url).searchParams, ["period", "indicator", "as_of", "q", "page", "cluster"]);
  if (!parsed.ok) throw badRequest(lang, parsed.problem);
  const view = dataViewOf(context, parsed.params.as_of);
  const db = await getAppDb();
  const { DATA_DIR } = getEnv();
  const page = await orNotFound(lang, loadOverview(db, parsed.params, getScoring(DATA_DIR), view, getTargets(DATA_DIR)));
  const publication = page.kind === "ok" ? await pagePublication(db, page.period, view, request) : null;
  return json({ lang, page, publication });
}

export default function Overview() {
  const { page, publication } = useLoaderData<typeof loader>();
  const lang = useLang();
  const district = useShellData()?.district;
  if (page.kind === "empty") {
    return (
      <>
        <h1>{t(lang, "overview.titleEmpty")}</h1>
        <EmptyState />
      </>
    );
  }
  const { period, indicator, rows, units, list } = page;
  const periodText = periodInSentence(lang, period);
  const incomplete = page.incomplete;
  const incompleteCodes = incomplete.map((u) => u.code);
  const shownCodes = new Set(units.map((u) => u.code));
  const selectedRows = rows.filter((r) => r.indicator === indicator && shownCodes.has(r.code));
  const compositeRows = rows.filter((r) => r.indicator === COMPOSITE_ID);
  const cardCodes = new Set(page.compositeCodes);
  const cardRows = compositeRows.filter((r) => cardCodes.has(r.code));
  const cluster = page.cluster ?? undefined;
  const keep = { period, indicator, cluster };
  const field = (list: typeof rows) => list.find((r) => r.rank !== null)?.ranked ?? 0;
  const config = `${page.scoring.name}@${page.scoring.hash}`;
  const isComposite = indicator === COMPOSITE_ID;
  const districtName = district ? (lang === "vi" ? district.name : district.nameEn) : "";
  const targetOf = (id: string) => page.totals.find((s) => s.indicator === id)?.target ?? null;
  const selectedTarget = targetOf(indicator);

  const compositeSection = (id: string, className: string) => (
    <section className={`ov-card ${className}`} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t(lang, "overview.composite.heading")}</h2>
      <p className="ov-config">{t(lang, "overview.composite.config", { config })}</p>
      <Leaderboard
        id={id}
        indicator={COMPOSITE_ID}
        period={period}
        previousPeriod={page.previousPeriod}
        rows={id === "ov-lb" ? selectedRows : cardRows}
        breakAfter={id === "ov-lb" ? list.breakAfter : page.compositeList.breakAfter}
        incomplete={incompleteCodes}
        title={t(lang, "overview.composite.title", { period: periodText, n: field(compositeRows) })}
      />
      <ScoringPanel scoring={page.scoring} />
    </section>
  );

  const movers = (
    <section className="ov-card ov-movers-card" aria-labelledby="ov-mv-h">
      <h2 id="ov-mv-h">{t(lang, "overview.movers.heading")}</h2>
      <Movers
        risers={page.movers.risers}
        fallers={page.movers.fallers}
        field={field(compositeRows)}
        period={period}
        previousPeriod={page.previousPeriod}
        hasPrevious={page.hasPrevious}
        fields={page.moversFields}
      />
    </section>
  );

  return (
    <div className="ov-page">
      {publication ? <PrintTitle publication={publication} /> : null}
      <h1>
        {t(lang, "overview.title", { district: districtName, period: periodText })}
        {page.cluster ? ` · ${page.cluster}` : ""}
      </h1>
      {publication ? <PublicationNotice {...publication} /> : null}
      {publication ? <Downloads publication={publication} /> : null}
      <div className="ov-toolbar" role="group" aria-label={t(lang, "overview.toolbar.label")}>
        <PeriodPicker key={`p-${period}`} value={period} keep={{ indicator, cluster, q: list.query ?? undefined }} />
        <IndicatorPicker key={`i-${indicator}`} value={indicator} keep={{ period, cluster, q: list.query ?? undefined }} />
        {page.clusters.length > 0 ? <ClusterPicker key={`c-${cluster ?? ""}`} value={page.cluster} clusters={page.clusters} keep={{ period, indicator }} /> : null}
      </div>
      {page.cluster ? <p className="ov-cluster-note">{t(lang, "overview.cluster.note", { cluster: page.cluster })}</p> : null}
      <CoverageNotice
        reported={page.reported}
        total={page.registryCount}
        missing={page.missing}
        incomplete={incomplete.map((u) => ({ code: u.code, name: u.name, quarters: u.quarters }))}
      />
      <ListNav id="ov-list" action="/" list={{ ...list, shown: units.length }} keep={keep} />

      {units.length === 0 ? null : (
        <div className="ov-grid ov-grid-main">
          {isComposite ? (
            compositeSection("ov-lb", "ov-main-card")
          ) : (
            <section className="ov-card ov-main-card" aria-labelledby="ov-lb-h">
              <h2 id="ov-lb-h">{t(lang, "overview.leaderboard.heading", { indicator: indicatorLabel(lang, indicator) })}</h2>
              <p className="ov-config">{t(lang, `indicator.${indicator}.description`)}</p>
              <Leaderboard
                id="ov-lb"
                indicator={indicator}
                period={period}
                previousPeriod={page.previousPeriod}
                rows={selectedRows}
                breakAfter={list.breakAfter}
                incomplete={incompleteCodes}
                target={selectedTarget && page.targets ? { ...selectedTarget, year: page.targets.year } : null}
                title={t(lang, "overview.leaderboard.title", { indicator: indicatorLabel(lang, indicator), period: periodText, n: field(selectedRows) })}
              />
            </section>
          )}
          <section className="ov-card ov-heatmap-card" aria-labelledby="ov-hm-h">
            <h2 id="ov-hm-h">{t(lang, "overview.heatmap.heading")}</h2>
            <OverviewHeatmap
              id="ov-heatmap"
              units={units}
              rows={rows.filter((r) => shownCodes.has(r.code))}
              sortBy={indicator}
              period={period}
              crowds={page.crowds}
              breakAfter={list.breakAfter}
              title={
                list.mode === "all"
                  ? t(lang, "overview.heatmap.title", { n: units.length, m: HEATMAP_COLUMNS.length, period: periodText })
                  : t(lang, "overview.heatmap.titlePart", { shown: units.length, n: list.total, m: HEATMAP_COLUMNS.length, period: periodText })
              }
            />
          </section>
        </div>
      )}

      <section className="ov-card ov-attention-card" aria-labelledby="ov-at-h">
        <h2 id="ov-at-h">{t(lang, "overview.attention.heading")}</h2>
        <NeedsAttention
          lines={page.attention}
          period={period}
          previousPeriod={page.previousPeriod}
          hasTargets={page.targets !== null}
          movement={page.attentionMovement}
          noMovement={page.cluster !== null ? "cluster" : page.hasPrevious ? "fields" : "previous"}
        />
      </section>

      {isComposite ? (
        <div className="ov-grid-second">{page.cluster === null ? movers : null}</div>
      ) : (
        <div className="ov-grid ov-grid-second">
          {compositeSection("ov-composite", "ov-composite-card")}
          {page.cluster === null ? movers : null}
        </div>
      )}

      <section className="ov-card ov-totals-card" aria-labelledby="ov-tt-h">
        <h2 id="ov-tt-h">{page.cluster ? t(lang, "overview.cluster.totals", { cluster: page.cluster }) : t(lang, "overview.totals.heading")}</h2>
        <p className="ov-config">{t(lang, "overview.totals.note")}</p>
        {page.targets ? <p className="ov-config">{t(lang, "overview.targets.source", { year: page.targets.year, source: page.targets.source })}</p> : null}
        <BodyTotals totals={page.totals} period={period} previousPeriod={page.previousPeriod} cluster={page.cluster} />
      </section>

      <section className="ov-print-only" aria-labelledby="ov-pr-h">
        <h2 id="ov-pr-h">{t(lang, "overview.print.title", { period: periodText })}</h2>
        <PrintRankTable
          rows={rows.filter((r) => shownCodes.has(r.code))}
          indicator={indicator}
          incomplete={incompleteCodes}
          target={selectedTarget?.value ?? null}
          caption={t(lang, "overview.print.title", { period: periodText })}
        />
      </section>

      {incomplete.length > 0 ? <p className="ov-footnote">{t(lang, "overview.incomplete.footnote")}</p> : null}
      <SourceLine lastUploadAt={page.lastUploadAt} scoring={page.scoring} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const lang = data?.lang ?? "vi";
  if (!data || data.page.kind === "empty") return [{ title: `${t(lang, "overview.titleEmpty")} · parboard` }];
  return [{ title: `${t(lang, "overview.metaTitle", { period: periodInSentence(lang, data.page.period) })} · parboard` }];
};
