/**
 * Contest entries (or initiatives) per unit in a year, stacked by quarter, units in rank order; drawn twice
 * like the leaderboard (wide and narrow) so its text stays legible on a phone.
 */
import { ChartFigure } from "~/components/chart-figure";
import { StackedBar, StackedBarTable, isStackedBarEmpty, type StackedBarData } from "~/charts/stacked-bar";
import { byRankThenCode } from "~/domain/ranks";
import type { ContestUnit } from "./view.server";
import { NO_VALUE, formatCount } from "~/i18n/format";
import { unitHref } from "~/components/unit-link";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { ScrollRegion } from "~/components/scroll-region";

/** One bar per unit, in the order of its rank on what the chart shows (ties by code), stacked Q1–Q4. */
export function contestBarData(
  units: readonly ContestUnit[],
  which: "entries" | "initiatives",
  quarterLabel: (q: number) => string,
  year?: string,
): StackedBarData {
  const ordered = [...units].sort((a, b) => byRankThenCode({ rank: a[which].rank, code: a.code }, { rank: b[which].rank, code: b.code }));
  return {
    segments: [1, 2, 3, 4].map((q) => ({ key: `q${q}`, label: quarterLabel(q) })),
    categories: ordered.map((u) => ({
      key: u.code,
      label: u.name,
      values: u[which].quarters,
      ...(year === undefined
        ? {}
        : { href: unitHref(u.code, year), linkName: `${u.name}: ${u[which].rank === null ? NO_VALUE : `${u[which].rank}/${u[which].ranked}`}` }),
    })),
  };
}

export function ContestBars({ id, units, which, year, title }: { id: string; units: readonly ContestUnit[]; which: "entries" | "initiatives"; year: string; title: string }) {
  const lang = useLang();
  const data = contestBarData(units, which, (q) => t(lang, "contest.quarter", { q }), year);
  const labels = {
    title,
    description: t(lang, "contest.chart.desc"),
    category: t(lang, "overview.col.unit"),
    total: t(lang, "contest.total"),
    incomplete: t(lang, "overview.incomplete.mark"),
    noData: t(lang, "chart.noData"),
  };
  const formatValue = (n: number) => formatCount(lang, n);
  return (
    <ChartFigure
      className="ov-figure"
      isEmpty={isStackedBarEmpty(data)}
      chart={
        <>
          <div className="ov-wide">
            <StackedBar id={`${id}-wide`} data={data} labels={labels} formatValue={formatValue} width={520} options={{ labelWidth: 140 }} />
          </div>
          <div className="ov-narrow">
            <StackedBar id={`${id}-narrow`} data={data} labels={labels} formatValue={formatValue} width={340} options={{ labelWidth: 118, totalWidth: 44 }} />
          </div>
        </>
      }
      table={
        <ScrollRegion label={title}>
          <StackedBarTable data={data} labels={labels} formatValue={formatValue} />
        </ScrollRegion>
      }
    />
  );
}
