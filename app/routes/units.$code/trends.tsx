/**
 * One trend line per indicator (and the composite): the unit against the district over the periods of
 * the chosen kind. For counts the reference is the district's average per unit, so that one unit's count
 * is compared with something of its own size. A merged unit's figures before the merger are its predecessors'
 * counts combined: that part of its line is drawn dotted and keyed "gộp số liệu các đơn vị cũ" (units-over-time.md
 * rule 3), with a rule at the period the unit was formed.
 */
import { ChartFigure } from "~/components/chart-figure";
import { TrendLine, TrendLineTable, isTrendLineEmpty, type TrendLineData } from "~/charts/trend-line";
import type { RankedId, ValueKind } from "~/domain/indicators";
import { rateDomain } from "~/domain/unit-charts";
import { formatIndicatorTick, formatPeriod, formatValue, periodInSentence } from "~/i18n/format";
import { t, type Lang } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";

export interface UnitTrendsProps {
  unitName: string;
  periods: readonly string[];
  trend: readonly {
    indicator: RankedId;
    valueUnit: ValueKind;
    unit: (number | null)[];
    reference: (number | null)[];
    restated: boolean[];
    estimated: boolean[];
    target: (number | null)[];
  }[];
  /** The first period of a merged unit (its valid_from); null for a unit that was never formed from others. */
  formed: string | null;
}

export function UnitTrends({ unitName, periods, trend, formed }: UnitTrendsProps) {
  const lang = useLang();
  const labels = periods.map((p) => formatPeriod(lang, p));
  const restatedLabels = restatedChartLabels(lang, formed);
  return (
    <div className="unit-trend-grid">
      {trend.map((s) => {
        const title = t(lang, `indicator.${s.indicator}`);
        const data: TrendLineData = {
          periods: labels,
          series: [
            {
              key: "district",
              label: t(lang, s.valueUnit === "count" ? "unit.trend.districtPerUnit" : "unit.trend.district"),
              values: s.reference,
              reference: true,
            },
            { key: "unit", label: unitName, values: s.unit, restated: s.restated, estimated: s.estimated },
          ],
          target: s.target.some((v) => v !== null) ? { label: t(lang, "unit.trend.target"), values: s.target } : undefined,
        };
        const chartLabels = {
          title,
          description: t(lang, "unit.trend.description", { indicator: title, unit: unitName }),
          series: t(lang, "unit.trend.series"),
          noData: t(lang, "chart.noData"),
          ...restatedLabels,
        };
        const fmt = (n: number) => formatValue(lang, s.valueUnit, n);
        return (
          <section key={s.indicator} className="unit-trend" aria-labelledby={`trend-${s.indicator}-heading`}>
            <h3 id={`trend-${s.indicator}-heading`}>{title}</h3>
            <ChartFigure
              isEmpty={isTrendLineEmpty(data)}
              chart={
                <TrendLine
                  id={`trend-${s.indicator}`}
                  data={data}
                  labels={chartLabels}
                  formatValue={fmt}
                  formatTick={(n) => formatIndicatorTick(lang, s.indicator, n)}
                  height={220}
                  options={{
                    valueType: s.valueUnit === "rate" ? "rate" : "count",
                    yDomain: s.valueUnit === "score" ? [0, 100] : s.valueUnit === "rate" ? rateDomain([...s.unit, ...s.reference, ...s.target]) : null,
                  }}
                />
              }
              table={<TrendLineTable data={data} labels={chartLabels} formatValue={fmt} />}
            />
          </section>
        );
      })}
    </div>
  );
}

/** The words of a restated part (chart-restated.tsx): its legend key, the rule's label, the tables' short mark. */
export function restatedChartLabels(lang: Lang, formed: string | null): { restated: string; restatedShort: string; merger?: string } {
  return {
    restated: t(lang, "unit.restated.legend"),
    restatedShort: t(lang, "unit.restated.word"),
    ...(formed ? { merger: t(lang, "unit.restated.merger", { period: periodInSentence(lang, formed) }) } : {}),
  };
}
