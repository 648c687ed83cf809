/**
 * The contest ranking for a year: competition ranks ("1/20", movement since the year before) on contest
 * entries and on initiatives, the totals, and the incomplete-year mark; unit names link to the unit page.
 */
import type { ContestUnit } from "./view.server";
import { formatCount } from "~/i18n/format";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { unitHref } from "~/components/unit-link";
import { RankBadge } from "~/components/rank-badge";
import { ColumnHeads, rankAndUnitColumns } from "~/components/column-heads";

export function ContestRanking({ units, year, caption, breakAfter = null }: { units: readonly ContestUnit[]; year: string; caption: string; breakAfter?: number | null }) {
  const lang = useLang();
  const hasNotes = units.some((u) => u.incomplete);
  return (
    <table className="ov-table">
      <caption>{caption}</caption>
      <ColumnHeads
        columns={[
          ...rankAndUnitColumns(lang, "contest.col.entriesRank"),
          { label: t(lang, "contest.col.entries"), className: "num" },
          { label: t(lang, "contest.col.initiativesRank") },
          { label: t(lang, "contest.col.initiatives"), className: "num" },
          hasNotes ? { label: t(lang, "overview.col.note") } : null,
        ]}
      />
      <tbody>
        {units.map((u, i) => [
          <tr key={u.code}>
            <td>
              <RankBadge rank={u.entries.rank} ranked={u.entries.ranked} previous={u.entries.previous} />
            </td>
            <th scope="row">
              <a href={unitHref(u.code, year)}>{u.name}</a>
            </th>
            <td className="num">{formatCount(lang, u.entries.total)}</td>
            <td>
              <RankBadge rank={u.initiatives.rank} ranked={u.initiatives.ranked} previous={u.initiatives.previous} />
            </td>
            <td className="num">{formatCount(lang, u.initiatives.total)}</td>
            {hasNotes ? (
              <td>{u.incomplete ? t(lang, "overview.incomplete.unit", { name: t(lang, "overview.incomplete.mark"), n: u.quartersReported }) : ""}</td>
            ) : null}
          </tr>,
          i === breakAfter ? (
            <tr key="gap" className="ov-gap-row">
              <td colSpan={hasNotes ? 6 : 5}>{t(lang, "list.gapRow")}</td>
            </tr>
          ) : null,
        ])}
      </tbody>
    </table>
  );
}
