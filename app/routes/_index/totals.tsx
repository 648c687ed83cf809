/**
 * All units combined: each indicator's value in the period from the summed counts (never an average of unit
 * rates), the change since the previous period, and a sparkline of the periods up to this one; the
 * per-period figures are in the table under it. One cluster's totals are of its period only (decision 013),
 * so its table has no change, no trend and no table by period: columns that would say nothing. Where the
 * year sets targets, each figure says its target beside it ("83,2 % · mục tiêu 80 %, đạt") and a column how
 * many units meet it ("14/20 đạt"); without targets neither appears.
 */
import { ChartDataTable, type DataTableModel } from "~/charts/chart-data-table";
import { ChartFigure } from "~/components/chart-figure";
import { Sparkline } from "~/charts/sparkline";
import { getIndicator } from "~/domain/indicators";
import type { TotalSeries, TotalTarget } from "./view.server";
import { NO_VALUE, formatCount, formatNumber, formatPeriod } from "~/i18n/format";
import { t, type Lang } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { formatCounts, formatIndicatorValue, formatTarget, indicatorLabel, periodInSentence, shortLabel } from "~/i18n/format";
import { ScrollRegion } from "~/components/scroll-region";
import { ColumnHeads } from "~/components/column-heads";

/** "+2,3 điểm %" for a rate (percentage points), "−4" for a count; null without both values. */
export function formatChange(lang: Lang, unit: "rate" | "count", current: number | null, previous: number | null): string | null {
  if (current === null || previous === null) return null;
  const delta = unit === "rate" ? (current - previous) * 100 : current - previous;
  const rounded = unit === "rate" ? Math.round(delta * 10) / 10 : delta;
  const sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±";
  const magnitude = unit === "rate" ? t(lang, "overview.totals.points", { n: formatNumber(lang, Math.abs(rounded), 1) }) : formatCount(lang, Math.abs(rounded));
  return `${sign}${magnitude}`;
}

/** "mục tiêu 80 %, đạt" beside the body's figure; the verdict is left out without a figure. */
export function targetBeside(lang: Lang, indicator: string, target: TotalTarget): string {
  const text = formatTarget(lang, indicator, target.value);
  if (target.met === null) return t(lang, "overview.target.only", { target: text });
  return t(lang, "overview.target.beside", { target: text, verdict: t(lang, target.met ? "overview.target.met" : "overview.target.missed") });
}

/** After the figure: " · mục tiêu 80 %, đạt" on a wide screen, on a line of its own on a phone. */
function TargetNote({ indicator, target }: { indicator: string; target: TotalTarget }) {
  const lang = useLang();
  return (
    <span className={target.met === false ? "ov-target is-missed" : "ov-target"}>
      <span className="ov-target-sep"> · </span>
      {targetBeside(lang, indicator, target)}
    </span>
  );
}

/** "14/20 đạt"; "không có mục tiêu" for an indicator the year sets none for; "—" when no unit has a value. */
export function targetReachText(lang: Lang, target: TotalTarget | null): string {
  if (target === null) return t(lang, "overview.target.none");
  return target.units.of === 0 ? NO_VALUE : t(lang, "overview.target.reach", target.units);
}

export function seriesTableModel(lang: Lang, totals: readonly TotalSeries[]): DataTableModel {
  const periods = [...new Set(totals.flatMap((s) => s.points.map((p) => p.period)))].sort();
  return {
    caption: t(lang, "overview.totals.seriesTitle"),
    rowHeader: t(lang, "overview.totals.period"),
    columns: totals.map((s) => ({ key: s.indicator, header: shortLabel(lang, s.indicator), numeric: true })),
    rows: periods.map((p) => ({
      key: p,
      header: formatPeriod(lang, p),
      cells: totals.map((s) => {
        const point = s.points.find((x) => x.period === p);
        return point ? formatIndicatorValue(lang, s.indicator, point.value) : NO_VALUE;
      }),
    })),
  };
}

export function BodyTotals({
  totals,
  period,
  previousPeriod,
  cluster = null,
}: {
  totals: readonly TotalSeries[];
  period: string;
  previousPeriod: string;
  /** The cluster the totals are of, or null for every unit. */
  cluster?: string | null;
}) {
  const lang = useLang();
  const periodText = periodInSentence(lang, period);
  const caption = cluster === null ? t(lang, "overview.totals.caption", { period: periodText }) : t(lang, "overview.cluster.caption", { cluster, period: periodText });
  const overTime = cluster === null;
  const hasTargets = totals.some((s) => s.target !== null);
  const table = (
    <ScrollRegion label={caption}>
      <table className="ov-table ov-totals">
        <caption>{caption}</caption>
        <ColumnHeads
          columns={[
            { label: t(lang, "overview.totals.col.indicator") },
            { label: t(lang, "overview.totals.col.value"), className: "num" },
            hasTargets ? { label: t(lang, "overview.totals.col.reach"), className: "num" } : null,
            overTime ? { label: t(lang, "overview.totals.col.change"), className: "num" } : null,
            overTime ? { label: t(lang, "overview.totals.col.trend") } : null,
            { label: t(lang, "overview.col.counts"), className: "num" },
          ]}
        />
        <tbody>
          {totals.map((s) => {
            const indicator = getIndicator(s.indicator);
            const current = s.points.find((p) => p.period === period) ?? null;
            const previous = s.points.find((p) => p.period === previousPeriod) ?? null;
            const first = s.points[0];
            const label =
              first && current
                ? t(lang, "overview.totals.trend", {
                    indicator: indicatorLabel(lang, s.indicator),
                    first: formatIndicatorValue(lang, s.indicator, first.value),
                    from: formatPeriod(lang, first.period),
                    last: formatIndicatorValue(lang, s.indicator, current.value),
                    to: formatPeriod(lang, current.period),
                  })
                : indicatorLabel(lang, s.indicator);
            return (
              <tr key={s.indicator}>
                <th scope="row">{indicatorLabel(lang, s.indicator)}</th>
                <td className="num">
                  {formatIndicatorValue(lang, s.indicator, current?.value ?? null)}
                  {s.target ? <TargetNote indicator={s.indicator} target={s.target} /> : null}
                </td>
                {hasTargets ? <td className="num">{targetReachText(lang, s.target)}</td> : null}
                {overTime ? <td className="num">{formatChange(lang, indicator.unit, current?.value ?? null, previous?.value ?? null) ?? NO_VALUE}</td> : null}
                {overTime ? (
                  <td className="ov-spark">
                    <Sparkline values={s.points.map((p) => p.value)} label={label} width={104} height={24} options={{ valueType: indicator.unit }} />
                  </td>
                ) : null}
                <td className="num">{current ? (formatCounts(lang, current.numerator, current.denominator) ?? NO_VALUE) : NO_VALUE}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
  if (!overTime) return table;
  return (
    <ChartFigure
      className="ov-figure"
      isEmpty={totals.every((s) => s.points.length === 0)}
      chart={table}
      table={
        <ScrollRegion label={t(lang, "overview.totals.seriesTitle")}>
          <ChartDataTable model={seriesTableModel(lang, totals)} />
        </ScrollRegion>
      }
    />
  );
}
