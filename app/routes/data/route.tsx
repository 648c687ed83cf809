import { EmptyState } from "~/components/coverage-notices";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, useLoaderData } from "@remix-run/react";
import { getPeriodCoverage } from "~/db/provenance.server";
import { getAppDb } from "~/db/setup.server";
import { getUnitCoverage, getUnitSpans, type UnitSpan } from "~/db/units.server";
import { validIn } from "~/domain/unit-lineage";
import type { Lang } from "~/i18n/translate";
import { dataViewOf } from "~/http/data-view.server";
import { badRequest } from "~/http/page-errors.server";
import { parseParams } from "~/http/params.server";
import { getLang } from "~/i18n/lang.server";
import { formatDateTime, formatPeriod, periodInSentence } from "~/i18n/format";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { ColumnHeads } from "~/components/column-heads";

/** Complete as server-rendered HTML: no hydration, only public/enhance.js (docs/decisions/007). */
export const handle = { hydrate: false };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = getLang(request);
  const parsed = parseParams(new URL(request.url).searchParams, ["as_of"]);
  if (!parsed.ok) throw badRequest(lang, parsed.problem);
  const view = dataViewOf(context, parsed.params.as_of);
  const db = await getAppDb();
  const [units, periods, spans] = await Promise.all([getUnitCoverage(db, view), getPeriodCoverage(db, view), getUnitSpans(db)]);
  // Each quarter counts against the units that existed in it (docs/decisions/013-units-over-time.md).
  const valid = periods.map((p) => spans.filter((s) => validIn(s, p.period)).length);
  return json({ units, periods: periods.map((p, i) => ({ ...p, registry: valid[i] ?? 0 })), spans, lang });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t(data?.lang ?? "vi", "home.title")} · parboard` },
];

/** "từ quý 3/2025", "đến quý 2/2025", or nothing for a unit that always existed; one span per line of communes.csv. */
function validity(lang: Lang, spans: readonly UnitSpan[]): string {
  return spans
    .map(({ validFrom, validTo }) => {
      const from = validFrom === null ? null : periodInSentence(lang, validFrom);
      const to = validTo === null ? null : periodInSentence(lang, validTo);
      if (from !== null && to !== null) return t(lang, "home.validity.between", { from, to });
      if (from !== null) return t(lang, "home.validity.from", { period: from });
      return to === null ? "" : t(lang, "home.validity.to", { period: to });
    })
    .filter((text) => text !== "")
    .join("; ");
}

export default function Index() {
  const { units, periods, spans } = useLoaderData<typeof loader>();
  const lang = useLang();
  return (
    <>
      <h1>{t(lang, "home.title")}</h1>
      {periods.length === 0 ? <EmptyState /> : null}
      <h2>{t(lang, "home.periods", { count: periods.length })}</h2>
      <div className="table-wrap">
        <table>
          <ColumnHeads
            columns={[
              { label: t(lang, "home.col.period") },
              { label: t(lang, "home.col.unitsReported"), className: "num" },
              { label: t(lang, "home.col.source") },
            ]}
          />
          <tbody>
            {periods.map((p) => (
              <tr key={p.period}>
                <th scope="row">{formatPeriod(lang, p.period)}</th>
                <td className="num">{p.unit_count}/{p.registry}</td>
                <td>
                  {p.uploads.map((u) => (
                    <div key={u.id}>
                      {t(lang, "home.uploadBy", { id: u.id, file: u.file_name, user: u.uploaded_by, time: formatDateTime(lang, u.uploaded_at) })}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t(lang, "home.units", { count: units.length })}</h2>
      <div className="table-wrap">
        <table>
          <ColumnHeads
            columns={[
              { label: t(lang, "home.col.code") },
              { label: t(lang, "home.col.name") },
              { label: t(lang, "home.col.kind") },
              { label: t(lang, "home.col.validity") },
              { label: t(lang, "home.col.periodsReported"), className: "num" },
            ]}
          />
          <tbody>
            {units.map((u) => (
              <tr key={u.code}>
                <td>{u.code}</td>
                <th scope="row">{u.name}</th>
                <td>{t(lang, `kind.${u.kind}`)}</td>
                <td>{validity(lang, spans.filter((s) => s.code === u.code))}</td>
                <td className="num">{u.periods.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
