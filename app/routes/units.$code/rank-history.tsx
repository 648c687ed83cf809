/**
 * The unit's rank over the periods of the chosen kind: the composite's and one indicator's (chosen with
 * `?indicator=`), each in its own bump chart, so that the two lines meeting at one rank is never drawn as a
 * tie between units. The table beneath gives every period's ranks and where its figures came from. A merged
 * unit's ranks before the merger are on its predecessors' counts combined: drawn dotted, marked in the table.
 */
import { Form } from "@remix-run/react";
import { BumpChart, BumpChartTable, isBumpChartEmpty, type BumpChartData } from "~/charts/bump-chart";
import { ChartFigure } from "~/components/chart-figure";
import { COMPOSITE_ID, INDICATORS, type IndicatorId, type ValueKind } from "~/domain/indicators";
import { formatPeriod, formatRank, formatValue } from "~/i18n/format";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { SourceList, type Source } from "./sources";
import { ColumnHeads } from "~/components/column-heads";
import { Approx } from "./rank-table";
import { restatedChartLabels } from "./trends";

export interface RankPointView {
  rank: number | null;
  ranked: number | null;
  tiedWith: number;
  value: number | null;
  restated: boolean;
  estimated: boolean;
}

export interface UnitRankHistoryProps {
  unitName: string;
  period: string;
  periods: readonly string[];
  indicator: IndicatorId;
  indicatorUnit: ValueKind;
  /** The first period of a merged unit (its valid_from); null for a unit that was never formed from others. */
  formed: string | null;
  ranks: { composite: readonly RankPointView[]; indicator: readonly RankPointView[] };
  history: readonly {
    period: string;
    reported: boolean;
    incomplete: boolean;
    composite: RankPointView;
    indicator: RankPointView;
    sources: readonly Source[];
  }[];
}

function bumpData(labels: readonly string[], key: string, name: string, points: readonly RankPointView[]): BumpChartData {
  const series = { key, label: name, ranks: points.map((p) => p.rank), fields: points.map((p) => p.ranked) };
  return { periods: labels, series: [{ ...series, restated: points.map((p) => p.restated), estimated: points.map((p) => p.estimated) }] };
}

function RankCell({ point, valueUnit }: { point: RankPointView; valueUnit: ValueKind }) {
  const lang = useLang();
  if (point.rank === null) return <>—</>;
  return (
    <>
      <span className="rank-value">{formatRank(point.rank, point.ranked)}</span>
      {point.tiedWith > 0 ? <span className="unit-tie"> {t(lang, "unit.tie")}</span> : null}
      <span className="unit-history-value">
        {" · "}
        {point.estimated && point.value !== null ? <Approx lang={lang} /> : null}
        {formatValue(lang, valueUnit, point.value)}
      </span>
      {point.restated ? <span className="unit-restated"> {t(lang, "unit.restatedShort")}</span> : null}
    </>
  );
}

export function UnitRankHistory(props: UnitRankHistoryProps) {
  const lang = useLang();
  const labels = props.periods.map((p) => formatPeriod(lang, p));
  const indicatorName = t(lang, `indicator.${props.indicator}`);
  const compositeName = t(lang, `indicator.${COMPOSITE_ID}`);
  const charts = [
    { id: "bump-composite", name: compositeName, data: bumpData(labels, COMPOSITE_ID, compositeName, props.ranks.composite) },
    { id: `bump-${props.indicator}`, name: indicatorName, data: bumpData(labels, props.indicator, indicatorName, props.ranks.indicator) },
  ];
  return (
    <>
      <Form method="get" className="unit-indicator-picker" data-autosubmit="">
        <input type="hidden" name="period" value={props.period} />
        <label htmlFor="rank-indicator">{t(lang, "unit.history.pick")}</label>
        <select id="rank-indicator" name="indicator" defaultValue={props.indicator} key={props.indicator}>
          {INDICATORS.map((i) => (
            <option key={i.id} value={i.id}>
              {t(lang, `indicator.${i.id}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t(lang, "picker.show")}</button>
      </Form>
      <div className="unit-bump-grid">
        {charts.map((c) => {
          const chartLabels = {
            title: t(lang, "unit.history.chartTitle", { indicator: c.name }),
            description: t(lang, "unit.history.chartDescription", { indicator: c.name, unit: props.unitName }),
            series: t(lang, "unit.history.series"),
            tie: t(lang, "unit.tie"),
            noData: t(lang, "chart.noData"),
            ...restatedChartLabels(lang, props.formed),
          };
          return (
            <div key={c.id} className="unit-bump">
              <h3>{chartLabels.title}</h3>
              <ChartFigure
                isEmpty={isBumpChartEmpty(c.data)}
                chart={<BumpChart id={c.id} data={c.data} labels={chartLabels} height={260} options={{ legend: false }} />}
                table={<BumpChartTable data={c.data} labels={chartLabels} />}
              />
            </div>
          );
        })}
      </div>
      <div className="table-wrap unit-history" role="region" aria-labelledby="unit-history-caption" tabIndex={0}>
        <table>
          <caption id="unit-history-caption">{t(lang, "unit.history.caption")}</caption>
          <ColumnHeads
            columns={[
              { label: t(lang, "unit.col.period") },
              { label: compositeName },
              { label: indicatorName },
              { label: t(lang, "unit.col.source") },
            ]}
          />
          <tbody>
            {props.history.map((h) => (
              <tr key={h.period} aria-current={h.period === props.period ? "true" : undefined}>
                <th scope="row">
                  {formatPeriod(lang, h.period)}
                  {h.incomplete ? (
                    <sup>
                      <span aria-hidden="true">*</span>
                      <span className="visually-hidden">{t(lang, "unit.incompleteShort")}</span>
                    </sup>
                  ) : null}
                </th>
                {h.reported ? (
                  <>
                    <td>
                      <RankCell point={h.composite} valueUnit="score" />
                    </td>
                    <td>
                      <RankCell point={h.indicator} valueUnit={props.indicatorUnit} />
                    </td>
                  </>
                ) : (
                  <td colSpan={2}>{t(lang, "unit.notReportedShort")}</td>
                )}
                <td>
                  <SourceList sources={h.sources} showPeriod={h.sources.length > 1 || h.sources[0]?.period !== h.period} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
