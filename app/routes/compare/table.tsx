/**
 * Units side by side: one row per indicator (and the composite), one column per unit, each cell the rank
 * ("4/20", with the movement) and the value. The best rank of each row is marked by a star, bold type and
 * words for screen readers, not by colour alone.
 */
import { RankBadge } from "~/components/rank-badge";
import type { PreviousStanding } from "~/domain/ranks";
import type { RankedId, ValueKind } from "~/domain/indicators";
import { NO_VALUE, formatValue } from "~/i18n/format";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { unitHref } from "~/components/unit-link";

export interface CompareTableProps {
  units: readonly { code: string; name: string }[];
  period: string;
  /** The period as written inside a sentence. */
  periodText: string;
  rows: readonly {
    indicator: RankedId;
    valueUnit: ValueKind;
    cells: readonly {
      code: string;
      rank: number | null;
      ranked: number | null;
      previous: PreviousStanding | null;
      value: number | null;
      incomplete: boolean;
      best: boolean;
    }[];
  }[];
}

export function CompareTable({ units, period, periodText, rows }: CompareTableProps) {
  const lang = useLang();
  const anyIncomplete = rows.some((r) => r.cells.some((c) => c.incomplete));
  return (
    <>
      <div className="table-wrap" role="region" aria-labelledby="compare-table-caption" tabIndex={0}>
        <table className="compare-table">
          <caption id="compare-table-caption">{t(lang, "compare.table.caption", { period: periodText })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, "unit.col.indicator")}</th>
              {units.map((u) => (
                <th key={u.code} scope="col">
                  <a href={unitHref(u.code, period)}>{u.name}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.indicator} data-indicator={row.indicator}>
                <th scope="row">{t(lang, `indicator.${row.indicator}`)}</th>
                {row.cells.map((c) => (
                  <td key={c.code} className={c.best ? "compare-best" : undefined} data-unit={c.code}>
                    <span className="compare-rank">
                      {c.best ? (
                        <span className="compare-star" aria-hidden="true">
                          ★{" "}
                        </span>
                      ) : null}
                      {c.rank === null || c.ranked === null ? NO_VALUE : <RankBadge rank={c.rank} ranked={c.ranked} previous={c.previous} />}
                      {c.incomplete && c.rank !== null ? (
                        <sup>
                          <span aria-hidden="true">*</span>
                          <span className="visually-hidden">{t(lang, "unit.incompleteShort")}</span>
                        </sup>
                      ) : null}
                      {c.best ? <span className="visually-hidden"> {t(lang, "compare.best")}</span> : null}
                    </span>
                    <span className="compare-value">{formatValue(lang, row.valueUnit, c.value)}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="unit-footnote">
        <span aria-hidden="true">★ </span>
        {t(lang, "compare.bestNote")}
        {anyIncomplete ? (
          <>
            <br />
            <span aria-hidden="true">* </span>
            {t(lang, "compare.incompleteNote")}
          </>
        ) : null}
      </p>
    </>
  );
}
