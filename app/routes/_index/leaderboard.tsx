/**
 * One indicator's leaderboard for a period: the RankLeaderboard chart (drawn twice, for wide and narrow
 * screens, so its text stays legible on a phone; CSS shows one) and its table, with links to each unit,
 * the counts behind each rate and the incomplete-year mark. With the year's target, the chart draws it as a
 * line, its description says it and how many units meet it, and the table says per unit "đạt" or "chưa đạt".
 */
import { ChartFigure } from "~/components/chart-figure";
import { RankLeaderboard, isRankLeaderboardEmpty, sortLeaderboardRows, type LeaderboardRow, type RankLeaderboardOptions } from "~/charts/rank-leaderboard";
import type { OverviewRow, TotalTarget } from "./view.server";
import { formatsOf, getIndicator, valueKind } from "~/domain/indicators";
import { t, type Lang } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import {
  formatCounts,
  formatIndicatorTick,
  formatIndicatorValue,
  formatTarget,
  markedName,
  movementText,
  periodInSentence,
  NO_VALUE,
} from "~/i18n/format";
import { ScrollRegion } from "~/components/scroll-region";
import { RankBadge } from "~/components/rank-badge";
import { unitHref } from "~/components/unit-link";
import { ColumnHeads, rankAndUnitColumns } from "~/components/column-heads";

/** Layout widths of the two drawings; the narrow one fits a 360 px phone at about 1:1. */
export const WIDE = { width: 520, options: { labelWidth: 150 } } as const;
export const NARROW = { width: 340, options: { labelWidth: 118, rankWidth: 40, movementWidth: 28, valueWidth: 58 } } as const;

export interface LeaderboardProps {
  /** Chart id; the two drawings are `${id}-wide` and `${id}-narrow`. */
  id: string;
  indicator: string;
  period: string;
  previousPeriod: string;
  /** This indicator's rows, one per unit with data. */
  rows: readonly OverviewRow[];
  /** Codes of units with an incomplete year. */
  incomplete: readonly string[];
  /** Index (in rank order) of the last unit of the top part when the middle of a long ranking is left out. */
  breakAfter?: number | null;
  /** Title of the chart and caption of its table. */
  title: string;
  /** The indicator's target in the period's year, with the units meeting it; none: no target drawn or said. */
  target?: (TotalTarget & { year: number }) | null;
}

function description(lang: Lang, indicator: string, previousPeriod: string): string {
  const previous = periodInSentence(lang, previousPeriod);
  if (valueKind(indicator) === "score") return t(lang, "overview.composite.desc", { previous });
  const lower = getIndicator(indicator).direction === "lower";
  return t(lang, lower ? "overview.leaderboard.lower" : "overview.leaderboard.higher", { previous });
}

export function Leaderboard({ id, indicator, period, previousPeriod, rows, incomplete, breakAfter = null, title, target = null }: LeaderboardProps) {
  const lang = useLang();
  const marked = new Set(incomplete);
  const chartRows: LeaderboardRow[] = rows.map((r) => ({
    code: r.code,
    name: markedName(r.name, marked.has(r.code)),
    value: r.value,
    rank: r.rank,
    previous: r.previous,
    href: unitHref(r.code, period),
  }));
  const field = rows.find((r) => r.rank !== null)?.ranked ?? 0;
  const targetText = target ? formatTarget(lang, indicator, target.value) : null;
  const targetDesc = target && targetText ? t(lang, "overview.target.desc", { year: target.year, target: targetText, ...target.units }) : null;
  const labels = {
    title,
    description: [description(lang, indicator, previousPeriod), targetDesc].filter((d) => d !== null).join(" "),
    ...(targetText ? { target: t(lang, "overview.target.line", { target: targetText }) } : {}),
    unit: t(lang, "overview.col.unit"),
    rank: t(lang, "overview.col.rank"),
    value: t(lang, "overview.col.value"),
    movement: t(lang, "overview.col.movement"),
    movementText: (d: number) => movementText(lang, d),
    noData: t(lang, "chart.noData"),
  };
  const formatValue = (n: number) => formatIndicatorValue(lang, indicator, n);
  const formatTick = (n: number) => formatIndicatorTick(lang, indicator, n);
  const common = (size: { width: number; options: Partial<RankLeaderboardOptions> }, suffix: string) => (
    <RankLeaderboard
      id={`${id}-${suffix}`}
      rows={chartRows}
      labels={labels}
      formatValue={formatValue}
      formatTick={formatTick}
      width={size.width}
      options={{ ...size.options, domainMax: formatsOf(indicator).domainMax, rankedCount: field, breakAfter, target: target?.value ?? null }}
    />
  );
  return (
    <ChartFigure
      className="ov-figure"
      isEmpty={isRankLeaderboardEmpty(chartRows)}
      chart={
        <>
          <div className="ov-wide">{common(WIDE, "wide")}</div>
          <div className="ov-narrow">{common(NARROW, "narrow")}</div>
        </>
      }
      table={
        <ScrollRegion label={title}>
          <RankTable indicator={indicator} period={period} rows={rows} incomplete={marked} caption={title} breakAfter={breakAfter} target={target?.value ?? null} />
        </ScrollRegion>
      }
    />
  );
}

/** "đạt", "chưa đạt", or the no-value mark where the unit has no value. */
export function targetVerdict(lang: Lang, met: boolean | null): string {
  return met === null ? NO_VALUE : t(lang, met ? "overview.target.met" : "overview.target.missed");
}

/** The leaderboard's numbers: rank with movement, unit (a link), value, the counts behind a rate, notes. */
export function RankTable({
  indicator,
  period,
  rows,
  incomplete,
  caption,
  breakAfter = null,
  target = null,
}: {
  indicator: string;
  period: string;
  rows: readonly OverviewRow[];
  incomplete: ReadonlySet<string>;
  caption: string;
  /** Index of the last row of the top part; a row saying that the middle is left out follows it. */
  breakAfter?: number | null;
  /** The year's target: a column says per unit whether it is met. */
  target?: number | null;
}) {
  const lang = useLang();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const sorted = sortLeaderboardRows(rows.map((r) => ({ code: r.code, name: r.name, value: r.value, rank: r.rank })));
  const isRate = valueKind(indicator) === "rate";
  const notesOf = (r: OverviewRow) =>
    [r.rank === null ? t(lang, "overview.notRanked") : null, incomplete.has(r.code) ? t(lang, "overview.incomplete.mark") : null].filter((n) => n !== null);
  const hasNotes = rows.some((r) => notesOf(r).length > 0);
  // One cluster's page: the rank within the cluster first, the rank among every unit beside it.
  const inCluster = rows.some((r) => r.overall !== null);
  return (
    <table className="ov-table">
      <caption>{caption}</caption>
      <ColumnHeads
        columns={[
          ...rankAndUnitColumns(lang, inCluster ? "overview.col.clusterRank" : "overview.col.rank"),
          inCluster ? { label: t(lang, "overview.col.overallRank"), className: "num" } : null,
          { label: t(lang, valueKind(indicator) === "score" ? "overview.col.score" : "overview.col.value"), className: "num" },
          isRate ? { label: t(lang, "overview.col.counts"), className: "num" } : null,
          target !== null ? { label: t(lang, "overview.col.target", { target: formatTarget(lang, indicator, target) }) } : null,
          hasNotes ? { label: t(lang, "overview.col.note") } : null,
        ]}
      />
      <tbody>
        {sorted.map((s, i) => {
          const r = byCode.get(s.code);
          if (!r) return null;
          const row = (
            <tr key={r.code}>
              <td>
                <RankBadge rank={r.rank} ranked={r.ranked} previous={r.previous} correction={r.correction} />
              </td>
              <th scope="row">
                <a href={unitHref(r.code, period)}>{r.name}</a>
              </th>
              {inCluster ? <td className="num">{r.overall?.rank == null ? NO_VALUE : `${r.overall.rank}/${r.overall.ranked}`}</td> : null}
              <td className="num">{formatIndicatorValue(lang, indicator, r.value)}</td>
              {isRate ? <td className="num">{formatCounts(lang, r.numerator, r.denominator) ?? NO_VALUE}</td> : null}
              {target !== null ? <td>{targetVerdict(lang, r.target_met)}</td> : null}
              {hasNotes ? <td>{notesOf(r).join("; ")}</td> : null}
            </tr>
          );
          if (i !== breakAfter) return row;
          return [
            row,
            <tr key="gap" className="ov-gap-row">
              <td colSpan={3 + (inCluster ? 1 : 0) + (isRate ? 1 : 0) + (target !== null ? 1 : 0) + (hasNotes ? 1 : 0)}>{t(lang, "list.gapRow")}</td>
            </tr>,
          ];
        })}
      </tbody>
    </table>
  );
}
