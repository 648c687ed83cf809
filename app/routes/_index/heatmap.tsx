/**
 * Units × indicators (the composite first), each cell coloured by rank, rows in the order of the selected
 * indicator. Too wide for a phone at a legible size, so it scrolls sideways inside its own region there.
 */
import { ChartFigure } from "~/components/chart-figure";
import { RankHeatmap, RankHeatmapTable, isRankHeatmapEmpty, type RankHeatmapData } from "~/charts/rank-heatmap";
import { COMPOSITE_ID, INDICATOR_IDS } from "~/domain/indicators";
import type { SharedRank } from "~/domain/ranks";
import { unitHref } from "~/components/unit-link";
import type { OverviewRow, OverviewUnit } from "./view.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { formatIndicatorValue, indicatorLabel, markedName, shortLabel } from "~/i18n/format";
import { ScrollRegion } from "~/components/scroll-region";

export const HEATMAP_COLUMNS = [COMPOSITE_ID, ...INDICATOR_IDS] as const;

export interface OverviewHeatmapProps {
  id: string;
  units: readonly OverviewUnit[];
  rows: readonly OverviewRow[];
  sortBy: string;
  /** The period shown: cells link to the unit's page for it. */
  period: string;
  /** Ranks held by a crowd, over every unit (not only those drawn). */
  crowds: readonly SharedRank[];
  /** Index of the last unit of the top part when the middle of a long ranking is left out. */
  breakAfter: number | null;
  title: string;
}

export function OverviewHeatmap({ id, units, rows, sortBy, period, crowds, breakAfter, title }: OverviewHeatmapProps) {
  const lang = useLang();
  const data: RankHeatmapData = {
    units: units.map((u) => ({ code: u.code, name: markedName(u.name, u.incomplete), href: unitHref(u.code, period) })),
    indicators: HEATMAP_COLUMNS.map((ind) => ({ id: ind, label: indicatorLabel(lang, ind), shortLabel: shortLabel(lang, ind) })),
    cells: rows.map((r) => ({
      unit: r.code,
      indicator: r.indicator,
      rank: r.rank,
      field: r.rank === null ? null : r.ranked,
      value: r.value,
      holders: r.holders,
      valueClass: r.valueClass ?? undefined,
    })),
  };
  const labels = {
    title,
    description: t(lang, "overview.heatmap.desc", { indicator: indicatorLabel(lang, sortBy) }),
    unit: t(lang, "overview.col.unit"),
    noData: t(lang, "chart.noData"),
    tiedWith: (n: number) => t(lang, "rank.tiedWith", { n }),
  };
  const formatValue = (n: number, indicator: string) => formatIndicatorValue(lang, indicator, n);
  return (
    <ChartFigure
      className="ov-figure"
      isEmpty={isRankHeatmapEmpty(data)}
      chart={
        <ScrollRegion label={t(lang, "overview.heatmap.scroll")} className="ov-heatmap-scroll">
          <RankHeatmap id={id} data={data} labels={labels} formatValue={formatValue} width={560} options={{ sortBy, headerHeight: 84, breakAfter }} />
        </ScrollRegion>
      }
      note={
        crowds.length === 0 ? undefined : (
          <ul>
            {crowds.map((c) => (
              <li key={`${c.indicator}|${c.rank}`}>
                {t(lang, "overview.heatmap.tie", {
                  indicator: indicatorLabel(lang, c.indicator),
                  n: c.units,
                  value: c.value === null ? "" : formatIndicatorValue(lang, c.indicator, c.value),
                  rank: `${c.rank}/${c.ranked}`,
                })}
              </li>
            ))}
          </ul>
        )
      }
      table={
        <ScrollRegion label={title}>
          <RankHeatmapTable data={data} labels={labels} formatValue={formatValue} sortBy={sortBy} />
        </ScrollRegion>
      }
    />
  );
}
