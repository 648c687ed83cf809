/**
 * `/units/:code/card?period=2024-Q4` — the card for the notice board of the one-stop office: the unit's rank
 * on the composite and on every indicator this period with the movement since the previous one, its composite
 * rank over the last periods, and a QR code leading to its public page (`PUBLIC_URL/units/CODE`). One A4
 * page, printed in either language. Its own page, not a child of the unit page (the `_` in the folder name).
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, useLoaderData } from "@remix-run/react";
import { BumpChart, BumpChartTable, isBumpChartEmpty, type BumpChartData } from "~/charts/bump-chart";
import { ChartFigure } from "~/components/chart-figure";
import { ColumnHeads } from "~/components/column-heads";
import { MadeOn, publishedLine } from "~/components/meeting-pack";
import { PeriodPicker } from "~/components/period-picker";
import { PublicationNotice } from "~/components/publication-notice";
import { RankBadge } from "~/components/rank-badge";
import { unitHref } from "~/components/unit-link";
import { useShellData } from "~/components/use-shell-data";
import { getScoring } from "~/config/scoring.server";
import { getAppDb } from "~/db/setup.server";
import { COMPOSITE_ID } from "~/domain/indicators";
import { getEnv } from "~/env.server";
import { dataViewOf, pagePublication } from "~/http/data-view.server";
import { badRequest, notFound, orNotFound } from "~/http/page-errors.server";
import { isUnitCode, parseParams } from "~/http/params.server";
import { formatPeriod, formatValue, periodInSentence } from "~/i18n/format";
import { getLang } from "~/i18n/lang.server";
import { t, type Lang } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import cardStyles from "~/styles/card.css";
import { QrCodeImage, type QrCode } from "./qr-code";
import { qrCodeOf } from "./qr-code.server";
import { loadCard, type CardRank, type CardTrendPoint } from "./view.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cardStyles }];

/** Complete as server-rendered HTML: no hydration, only public/enhance.js (docs/decisions/007). */
export const handle = { hydrate: false };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = getLang(request);
  const parsed = parseParams(new URL(request.url).searchParams, ["period", "as_of"]);
  if (!parsed.ok) throw badRequest(lang, parsed.problem);
  const code = params.code ?? "";
  if (!isUnitCode(code)) throw notFound(lang, { what: "units", codes: [code] });
  const env = getEnv();
  const view = dataViewOf(context, parsed.params.as_of);
  const db = await getAppDb();
  const card = await orNotFound(lang, loadCard(db, { code, period: parsed.params.period }, getScoring(env.DATA_DIR), view));
  const publication = card.period === null ? null : await pagePublication(db, card.period, view, request);
  // The unit's page without a period: the code keeps leading to the latest figures after this card is printed.
  const qr: QrCode | null = env.PUBLIC_URL === null ? null : qrCodeOf(`${env.PUBLIC_URL}${unitHref(code, null)}`);
  return json({ ...card, publication, qr, lang });
}

/** "≈ " before an estimate (a share below 1 of a split unit's counts), with its word for screen readers. */
function Approx({ lang }: { lang: Lang }) {
  return (
    <span className="card-approx">
      <span aria-hidden="true">≈ </span>
      <span className="visually-hidden">{t(lang, "unit.estimated")} </span>
    </span>
  );
}

function Rank({ row }: { row: CardRank }) {
  const lang = useLang();
  return (
    <>
      <RankBadge rank={row.rank} ranked={row.ranked} previous={row.previous} correction={row.correction} />
      {row.rank !== null && row.tiedWith > 0 ? <span className="card-tie"> {t(lang, "unit.tie")}</span> : null}
    </>
  );
}

function Value({ row }: { row: CardRank }) {
  const lang = useLang();
  return (
    <>
      {row.estimated && row.value !== null ? <Approx lang={lang} /> : null}
      {formatValue(lang, row.valueUnit, row.value)}
      {row.restated ? <span className="card-restated"> {t(lang, "unit.restatedShort")}</span> : null}
    </>
  );
}

function RankTable({ rows, periodText }: { rows: readonly CardRank[]; periodText: string }) {
  const lang = useLang();
  return (
    <table className="card-rank-table">
      <caption className="visually-hidden">{t(lang, "card.ranks.caption", { period: periodText })}</caption>
      <ColumnHeads columns={[{ label: t(lang, "card.col.indicator") }, { label: t(lang, "card.col.rank") }, { label: t(lang, "card.col.value"), className: "num" }]} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.indicator} data-indicator={row.indicator}>
            <th scope="row">{t(lang, `indicator.${row.indicator}`)}</th>
            <td className="card-rank-cell">
              <Rank row={row} />
            </td>
            <td className="num">
              <Value row={row} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Trend({ unitName, trend, formed }: { unitName: string; trend: readonly CardTrendPoint[]; formed: string | null }) {
  const lang = useLang();
  const title = t(lang, "card.trend.heading");
  const composite = t(lang, `indicator.${COMPOSITE_ID}`);
  const data: BumpChartData = {
    periods: trend.map((p) => formatPeriod(lang, p.period)),
    series: [
      {
        key: COMPOSITE_ID,
        label: composite,
        ranks: trend.map((p) => p.rank),
        fields: trend.map((p) => p.ranked),
        restated: trend.map((p) => p.restated),
        estimated: trend.map((p) => p.estimated),
      },
    ],
  };
  const labels = {
    title,
    description: t(lang, "card.trend.description", { unit: unitName, count: trend.length }),
    series: t(lang, "card.trend.series"),
    tie: t(lang, "unit.tie"),
    noData: t(lang, "chart.noData"),
    restated: t(lang, "unit.restated.legend"),
    restatedShort: t(lang, "unit.restated.word"),
    ...(formed ? { merger: t(lang, "unit.restated.merger", { period: periodInSentence(lang, formed) }) } : {}),
  };
  const restated = formed !== null && trend.some((p) => p.restated);
  return (
    <section className="card-trend" aria-labelledby="card-trend-heading">
      <h2 id="card-trend-heading">{title}</h2>
      <ChartFigure
        isEmpty={isBumpChartEmpty(data)}
        chart={<BumpChart id="card-trend-chart" data={data} labels={labels} width={440} height={190} options={{ legend: restated, focusable: false }} />}
        table={<BumpChartTable data={data} labels={labels} />}
      />
      {restated && formed ? <p className="card-note">{t(lang, "unit.restated.historyNote", { period: periodInSentence(lang, formed) })}</p> : null}
    </section>
  );
}

/** An address that may wrap only before a "/" (never inside "units" or the code). */
function BreakableUrl({ url }: { url: string }) {
  const parts = url.split(/(?<=[^/])(?=\/[^/])/);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </span>
      ))}
    </>
  );
}

function Qr({ qr }: { qr: QrCode | null }) {
  const lang = useLang();
  return (
    <section className="card-qr" aria-labelledby="card-qr-heading">
      <h2 id="card-qr-heading">{t(lang, "card.qr.heading")}</h2>
      {qr ? (
        <>
          <QrCodeImage code={qr} label={t(lang, "card.qr.label", { url: qr.text })} />
          <p className="card-qr-scan">{t(lang, "card.qr.scan")}</p>
          <p className="card-qr-url">
            <BreakableUrl url={qr.text} />
          </p>
        </>
      ) : (
        <p className="card-qr-missing" role="note">
          {t(lang, "card.qr.missing")}
        </p>
      )}
    </section>
  );
}

export default function UnitCard() {
  const data = useLoaderData<typeof loader>();
  const lang = useLang();
  const district = useShellData()?.district;
  const body = district ? (lang === "vi" ? district.name : district.nameEn) : "";
  const { unit, period, composite } = data;
  const periodText = period ? periodInSentence(lang, period) : "";
  const published = data.publication ? publishedLine(lang, data.publication.status) : null;
  return (
    <>
      <div className="card-tools">
        {period ? <PeriodPicker value={period} /> : null}
        <p>
          {t(lang, "card.screenNote")} <a href={unitHref(unit.code, period)}>{t(lang, "card.unitPage")}</a>
        </p>
      </div>
      <article className="card" aria-labelledby="card-unit-name">
        <header className="card-head">
          <p className="card-body">{body}</p>
          <p className="card-kicker">{t(lang, "card.kicker")}</p>
          <h1 id="card-unit-name">{unit.name}</h1>
          <p className="card-subtitle">
            {t(lang, `kind.${unit.kind}`)} · {t(lang, "unit.code", { code: unit.code })}
            {period ? ` · ${formatPeriod(lang, period)}` : ""}
          </p>
        </header>
        {/* Inside the card: on paper the card is its own named page, and anything beside it would start another. */}
        {data.publication ? <PublicationNotice {...data.publication} /> : null}
        {period === null ? <p className="card-note">{t(lang, "unit.empty")}</p> : null}
        {period !== null && !data.reported ? <p className="card-note">{t(lang, "unit.notReported", { period: periodText })}</p> : null}
        {period !== null && composite ? (
          <>
            <section className="card-composite" aria-labelledby="card-composite-heading">
              <h2 id="card-composite-heading">{t(lang, "card.composite")}</h2>
              <p className="card-composite-rank">
                <Rank row={composite} />
              </p>
              {composite.value !== null ? (
                <p className="card-composite-score">{t(lang, "card.compositeScore", { score: formatValue(lang, "score", composite.value) })}</p>
              ) : null}
            </section>
            <section className="card-ranks" aria-labelledby="card-ranks-heading">
              <h2 id="card-ranks-heading">{t(lang, "card.ranks.heading", { period: periodText })}</h2>
              <RankTable rows={data.indicators} periodText={periodText} />
              {data.incomplete ? <p className="card-note">{t(lang, "unit.incompleteNote", { quarters: data.quarters })}</p> : null}
            </section>
          </>
        ) : null}
        <div className="card-lower">
          {period !== null ? <Trend unitName={unit.name} trend={data.trend} formed={data.formed} /> : null}
          <Qr qr={data.qr} />
        </div>
        <footer className="card-foot">
          <p>{t(lang, "card.compositeNote", { config: data.scoring.name })}</p>
          <p>
            {t(lang, "card.footer.source", { district: body })}
            {published ? ` · ${published}` : ""}
          </p>
          {data.publication ? <MadeOn printedAt={data.publication.printedAt} /> : null}
        </footer>
      </article>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "parboard" }];
  const title = data.period ? t(data.lang, "card.meta", { unit: data.unit.name, period: formatPeriod(data.lang, data.period) }) : data.unit.name;
  return [{ title: `${title} · parboard` }];
};
