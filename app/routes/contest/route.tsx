/**
 * The contest page (`/contest?year=2023`, default the latest year with data): each unit's contest entries
 * and reform initiatives in the year, stacked by quarter, and the year's competition ranking.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CoverageNotice, EmptyState } from "~/components/coverage-notices";
import { PublicationNotice } from "~/components/publication-notice";
import { Downloads, PrintTitle } from "~/components/meeting-pack";
import { PeriodPicker } from "~/components/period-picker";
import { ScrollRegion } from "~/components/scroll-region";
import { useShellData } from "~/components/use-shell-data";
import { getScoring } from "~/config/scoring.server";
import { getAppDb } from "~/db/setup.server";
import { getEnv } from "~/env.server";
import { dataViewOf, pagePublication } from "~/http/data-view.server";
import { badRequest, orNotFound } from "~/http/page-errors.server";
import { parseParams } from "~/http/params.server";
import { getLang } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import overviewStyles from "~/styles/overview.css";
import { ContestBars } from "./bars";
import { ListNav } from "~/components/list-nav";
import { ContestRanking } from "./ranking";
import { loadContest } from "./view.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: overviewStyles }];

/** Complete as server-rendered HTML: no hydration, only public/enhance.js (docs/decisions/007). */
export const handle = { hydrate: false };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = getLang(request);
  const parsed = parseParams(new URL(request.url).searchParams, ["year", "as_of", "q", "page"]);
  if (!parsed.ok) throw badRequest(lang, parsed.problem);
  const view = dataViewOf(context, parsed.params.as_of);
  const db = await getAppDb();
  const page = await orNotFound(lang, loadContest(db, parsed.params, getScoring(getEnv().DATA_DIR), view));
  const publication = page.kind === "ok" ? await pagePublication(db, page.year, view, request) : null;
  return json({ lang, page, publication });
}

export default function Contest() {
  const { page, publication } = useLoaderData<typeof loader>();
  const lang = useLang();
  const district = useShellData()?.district;
  if (page.kind === "empty") {
    return (
      <>
        <h1>{t(lang, "contest.titleEmpty")}</h1>
        <EmptyState />
      </>
    );
  }
  const { year, units, list } = page;
  const districtName = district ? (lang === "vi" ? district.name : district.nameEn) : "";
  const incomplete = page.incomplete;
  const titleOf = (key: "entries" | "initiatives") =>
    list.mode === "all"
      ? t(lang, `contest.${key}.title`, { year, n: units.length })
      : t(lang, `contest.${key}.titlePart`, { year, shown: units.length, n: list.total });
  const rankingCaption = t(lang, "contest.ranking.caption", { year });
  return (
    <div className="ov-page">
      {publication ? <PrintTitle publication={publication} /> : null}
      <h1>{t(lang, "contest.title", { year, district: districtName })}</h1>
      {publication ? <PublicationNotice {...publication} /> : null}
      {publication ? <Downloads publication={publication} /> : null}
      <p className="ov-config">{t(lang, "contest.intro")}</p>
      <div className="ov-toolbar">
        <PeriodPicker key={year} value={year} only="year" id="contest-year" keep={{ q: list.query ?? undefined }} />
      </div>
      <CoverageNotice
        reported={page.reported}
        total={page.registryCount}
        missing={page.missing}
        incomplete={incomplete.map((u) => ({ code: u.code, name: u.name, quarters: u.quartersReported }))}
      />
      <ListNav id="ct-list" action="/contest" list={{ ...list, shown: units.length }} keep={{ year }} />
      {units.length === 0 ? null : (
        <>
          <div className="ov-grid">
            <section className="ov-card" aria-labelledby="ct-en-h">
              <h2 id="ct-en-h">{t(lang, "contest.entries.heading")}</h2>
              <ContestBars id="ct-entries" units={units} which="entries" year={year} title={titleOf("entries")} />
            </section>
            <section className="ov-card" aria-labelledby="ct-in-h">
              <h2 id="ct-in-h">{t(lang, "contest.initiatives.heading")}</h2>
              <ContestBars id="ct-initiatives" units={units} which="initiatives" year={year} title={titleOf("initiatives")} />
            </section>
          </div>
          <section className="ov-card" aria-labelledby="ct-rk-h">
            <h2 id="ct-rk-h">{t(lang, "contest.ranking.heading", { year })}</h2>
            <ScrollRegion label={rankingCaption}>
              <ContestRanking units={units} year={year} caption={rankingCaption} breakAfter={list.breakAfter} />
            </ScrollRegion>
          </section>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const lang = data?.lang ?? "vi";
  if (!data || data.page.kind === "empty") return [{ title: `${t(lang, "contest.titleEmpty")} · parboard` }];
  return [{ title: `${t(lang, "contest.metaTitle", { year: data.page.year })} · parboard` }];
};
