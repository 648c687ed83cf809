/**
 * What only the printed A4 summary needs: one compact ranks table (the selected indicator beside the
 * composite) and the source line. Screens have the charts' own tables instead (in their <details>, which
 * a browser does not print when closed).
 */
import { COMPOSITE_ID, valueKind } from "~/domain/indicators";
import type { OverviewRow } from "./view.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { sortLeaderboardRows } from "~/charts/rank-leaderboard";
import { NO_VALUE, formatCounts, formatDateTime, formatIndicatorValue, formatTarget, indicatorLabel, markedName } from "~/i18n/format";
import { RankBadge } from "~/components/rank-badge";
import { ColumnHeads, rankAndUnitColumns } from "~/components/column-heads";
import { targetVerdict } from "./leaderboard";

export function PrintRankTable({
  rows,
  indicator,
  incomplete,
  caption,
  target = null,
}: {
  rows: readonly OverviewRow[];
  indicator: string;
  incomplete: readonly string[];
  caption: string;
  /** The selected indicator's target in the period's year: a column says whether each unit meets it. */
  target?: number | null;
}) {
  const lang = useLang();
  const marked = new Set(incomplete);
  const selected = rows.filter((r) => r.indicator === indicator);
  const composite = new Map(rows.filter((r) => r.indicator === COMPOSITE_ID).map((r) => [r.code, r]));
  const withComposite = indicator !== COMPOSITE_ID;
  const isRate = valueKind(indicator) === "rate";
  const order = sortLeaderboardRows(selected.map((r) => ({ code: r.code, name: r.name, value: r.value, rank: r.rank })));
  const byCode = new Map(selected.map((r) => [r.code, r]));
  return (
    <table className="ov-table ov-print-table">
      <caption>{caption}</caption>
      <ColumnHeads
        columns={[
          ...rankAndUnitColumns(lang),
          { label: indicatorLabel(lang, indicator), className: "num" },
          isRate ? { label: t(lang, "overview.col.counts"), className: "num" } : null,
          target !== null ? { label: t(lang, "overview.col.target", { target: formatTarget(lang, indicator, target) }) } : null,
          withComposite ? { label: t(lang, "overview.short.composite_score") } : null,
          withComposite ? { label: t(lang, "overview.col.score"), className: "num" } : null,
        ]}
      />
      <tbody>
        {order.map((o) => {
          const r = byCode.get(o.code);
          if (!r) return null;
          const c = composite.get(r.code);
          return (
            <tr key={r.code}>
              <td>
                <RankBadge rank={r.rank} ranked={r.ranked} previous={r.previous} />
              </td>
              <th scope="row">{markedName(r.name, marked.has(r.code))}</th>
              <td className="num">{formatIndicatorValue(lang, indicator, r.value)}</td>
              {isRate ? <td className="num">{formatCounts(lang, r.numerator, r.denominator) ?? NO_VALUE}</td> : null}
              {target !== null ? <td>{targetVerdict(lang, r.target_met)}</td> : null}
              {withComposite ? (
                <>
                  <td>{c ? <RankBadge rank={c.rank} ranked={c.ranked} previous={c.previous} /> : NO_VALUE}</td>
                  <td className="num">{formatIndicatorValue(lang, COMPOSITE_ID, c?.value ?? null)}</td>
                </>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "Nguồn: parboard, dữ liệu tải lên đến …; cấu hình điểm …", with a link to the uploads on screen. */
export function SourceLine({ lastUploadAt, scoring }: { lastUploadAt: string | null; scoring: { name: string; hash: string } }) {
  const lang = useLang();
  return (
    <p className="ov-source">
      {t(lang, "overview.source", {
        time: lastUploadAt ? formatDateTime(lang, lastUploadAt) : NO_VALUE,
        config: `${scoring.name}@${scoring.hash}`,
      })}{" "}
      <a className="ov-screen-only" href="/data">
        {t(lang, "overview.sourceLink")}
      </a>
    </p>
  );
}
