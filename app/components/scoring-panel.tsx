/**
 * "How the composite score is computed", wherever a composite appears (shared spec targets-and-actions.md):
 * the formula, each weighted rate's weight, its share of 100 points and its full level, and the
 * configuration's version. A <details> element: closed on screen, open without JavaScript on a click,
 * printed open.
 */
import { ColumnHeads } from "~/components/column-heads";
import { formatNumber, formatTarget } from "~/i18n/format";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import type { ScoringSummary } from "~/domain/scoring";

export function ScoringPanel({ scoring }: { scoring: ScoringSummary }) {
  const lang = useLang();
  return (
    <details className="scoring-panel">
      <summary>{t(lang, "scoring.panel.summary")}</summary>
      <p>{t(lang, "scoring.panel.formula")}</p>
      <div className="table-wrap" role="region" aria-label={t(lang, "scoring.panel.caption", { name: scoring.name })} tabIndex={0}>
        <table>
          <caption>{t(lang, "scoring.panel.caption", { name: scoring.name })}</caption>
          <ColumnHeads
            columns={[
              { label: t(lang, "unit.col.indicator") },
              { label: t(lang, "scoring.panel.weight"), className: "num" },
              { label: t(lang, "scoring.panel.share"), className: "num" },
              { label: t(lang, "scoring.panel.fullAt"), className: "num" },
            ]}
          />
          <tbody>
            {scoring.weights.map((w) => (
              <tr key={w.indicator}>
                <th scope="row">{t(lang, `indicator.${w.indicator}`)}</th>
                <td className="num">{formatNumber(lang, w.weight, Number.isInteger(w.weight) ? 0 : 2)}</td>
                <td className="num">{formatNumber(lang, w.share, 1)}</td>
                <td className="num">{formatTarget(lang, w.indicator, w.fullAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t(lang, "scoring.panel.config", { name: scoring.name, hash: scoring.hash })}</p>
    </details>
  );
}
