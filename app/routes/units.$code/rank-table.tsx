/**
 * The unit's standing in one period: rank on every indicator and the composite (with the movement since
 * the previous period), value, counts, the district's figure, and what it would take to move up.
 */
import { RankBadge } from "~/components/rank-badge";
import { NO_VALUE, formatCount, formatCounts, formatNumber, formatRank, formatValue } from "~/i18n/format";
import { gapSentence } from "~/i18n/gap-sentence";
import { t, type Lang } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { GapSentenceText } from "./gap";
import type { UnitIndicatorRow } from "./view.server";
import { ColumnHeads } from "~/components/column-heads";


export interface UnitRankTableProps {
  rows: readonly UnitIndicatorRow[];
  period: string;
  /** The period as written inside a sentence. */
  periodText: string;
  /** The unit reported fewer than four quarters of this year. */
  incomplete: boolean;
  quarters: number;
}

export function UnitRankTable({ rows, period, periodText, incomplete, quarters }: UnitRankTableProps) {
  const lang = useLang();
  const captionId = "unit-ranks-caption";
  const sentences = rows.map((row) =>
    gapSentence(lang, { indicator: row.indicator, rank: row.rank, tiedWith: row.tiedWith, gap: row.gap, scoreGap: row.scoreGap }),
  );
  return (
    <>
      <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="unit-rank-table">
          <caption id={captionId}>{t(lang, "unit.ranks.caption", { period: periodText })}</caption>
          <ColumnHeads
            columns={[
              { label: t(lang, "unit.col.indicator") },
              { label: t(lang, "unit.col.rank") },
              { label: t(lang, "unit.col.value"), className: "num" },
              { label: t(lang, "unit.col.counts"), className: "num" },
              { label: t(lang, "unit.col.district"), className: "num" },
              { label: t(lang, "unit.col.gap"), className: "unit-gap-col" },
            ]}
          />
          <tbody>
            {rows.map((row, i) => {
              const sentence = sentences[i];
              return (
                <tr key={row.indicator} data-indicator={row.indicator}>
                  <th scope="row">{t(lang, `indicator.${row.indicator}`)}</th>
                  <td className="unit-rank-cell">
                    <RankBadge rank={row.rank} ranked={row.ranked} previous={row.previous} correction={row.correction} />
                    {row.rank !== null && row.tiedWith > 0 ? <span className="unit-tie"> {t(lang, "unit.tie")}</span> : null}
                    {incomplete && row.rank !== null ? (
                      <sup className="unit-incomplete-mark">
                        <span aria-hidden="true">*</span>
                        <span className="visually-hidden">{t(lang, "unit.incompleteShort")}</span>
                      </sup>
                    ) : null}
                  </td>
                  <td className="num">
                    {row.estimated && row.value !== null ? <Approx lang={lang} /> : null}
                    {formatValue(lang, row.valueUnit, row.value)}
                  </td>
                  <td className="num">
                    {row.estimated && row.numerator !== null ? <Approx lang={lang} /> : null}
                    {row.valueUnit === "score" ? NO_VALUE : (formatCounts(lang, wholeIf(row.estimated, row.numerator), wholeIf(row.estimated, row.denominator)) ?? formatCount(lang, wholeIf(row.estimated, row.numerator)))}
                    {row.restated ? <span className="unit-restated"> {t(lang, "unit.restatedShort")}</span> : null}
                  </td>
                  <td className="num">
                    {formatValue(lang, row.valueUnit, row.district.value)}
                    {row.district.perUnit !== null ? (
                      <span className="unit-per-unit">{t(lang, "unit.perUnit", { value: formatNumber(lang, row.district.perUnit, 1) })}</span>
                    ) : null}
                  </td>
                  <td className="unit-gap-col unit-gap-cell">
                    {sentence ? <GapSentenceText sentence={sentence} period={period} /> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {/* On a phone the gap column is off screen; the same sentences follow the table instead. */}
      <div className="unit-gap-mobile">
        <h3>{t(lang, "unit.gapList.heading")}</h3>
        <ul>
          {rows.map((row, i) => {
            const sentence = sentences[i];
            return (
              <li key={row.indicator} data-indicator={row.indicator}>
                <strong>{t(lang, `indicator.${row.indicator}`)}</strong> ({formatRank(row.rank, row.ranked)}):{" "}
                {sentence ? <GapSentenceText sentence={sentence} period={period} /> : null}
              </li>
            );
          })}
        </ul>
      </div>
      {incomplete ? (
        <p className="unit-footnote">
          <span aria-hidden="true">* </span>
          {t(lang, "unit.incompleteFootnote", { quarters })}
        </p>
      ) : null}
    </>
  );
}

/** "≈" before an estimate (a share below 1 of a split unit's counts), with its words for screen readers. */
export function Approx({ lang }: { lang: Lang }) {
  return (
    <span className="unit-approx" title={t(lang, "unit.estimated")}>
      <span aria-hidden="true">≈ </span>
      <span className="visually-hidden">{t(lang, "unit.estimated")} </span>
    </span>
  );
}

/** An estimated count is shown to the whole dossier (the stored figure keeps its fraction). */
function wholeIf(estimated: boolean, n: number | null): number | null {
  return estimated && n !== null ? Math.round(n) : n;
}
