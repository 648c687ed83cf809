/**
 * The unit page's "what next", from actions.server.ts: why the composite moved (a sentence and a diverging
 * bar), the path up for next period in words a leader can hand to staff, and the year-end projection,
 * always labelled as one. Plain HTML and a server-drawn SVG: nothing here needs JavaScript.
 */
import { Fragment, type ReactNode } from "react";
import { DivergingBar, DivergingBarTable, isDivergingBarEmpty, type DivergingBarRow } from "~/charts/diverging-bar";
import { ChartFigure } from "~/components/chart-figure";
import { ColumnHeads } from "~/components/column-heads";
import { getIndicator } from "~/domain/indicators";
import type { IndicatorPath, Reach } from "~/domain/path-up";
import { formatCount, formatIndicatorValue, formatNumber, formatRank, formatTarget, formatSignedPoints, periodInSentence } from "~/i18n/format";
import { countNoun, fill, passTarget } from "~/i18n/gap-sentence";
import type { PassTarget } from "~/domain/gap";
import { SentenceParts } from "./gap";
import { t, type Lang } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import type { ChangeView, PlanView, UnitActions } from "./actions.server";

/** A message whose `{unit}` is the unit to pass (and those sharing its value), linked to its page for the period. */
function withUnit(lang: Lang, text: string, pass: PassTarget, period: string): ReactNode {
  return <SentenceParts parts={fill(text, passTarget(lang, pass))} period={period} />;
}

/** The split as the sentence says it: largest part first. */
function sortedParts(change: Extract<ChangeView, { kind: "split" }>) {
  return [...change.contributions].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
}

/** `bodyChange`: the body's own composite over the same two periods, so that a unit standing still while everyone rose reads as such. */
export function WhyMoved({ change, period, bodyChange }: { change: ChangeView; period: string; bodyChange: number | null }) {
  const lang = useLang();
  if (change.kind === "none") return <p className="muted">{t(lang, "actions.why.none")}</p>;
  const previous = periodInSentence(lang, change.previous);
  if (change.kind === "differentSets") {
    const missing = [...change.onlyBefore, ...change.onlyAfter].map((id) => t(lang, `indicator.${id}`)).join(", ");
    return <p>{t(lang, "actions.why.different", { previous, period: periodInSentence(lang, period), missing })}</p>;
  }
  const parts = sortedParts(change);
  if (parts.every((p) => p.points === 0)) return <p>{t(lang, "actions.why.unchanged", { previous })}</p>;
  const words = parts.map((p) => `${t(lang, `indicator.${p.indicator}`)} ${formatSignedPoints(lang, p.points)}`).join("; ");
  const rows: DivergingBarRow[] = parts.map((p) => ({ key: p.indicator, label: t(lang, `indicator.${p.indicator}`), value: p.points }));
  const labels = {
    title: t(lang, "actions.why.chartTitle", { previous: periodInSentence(lang, change.previous), period: periodInSentence(lang, period) }),
    description: t(lang, "actions.why.chartDescription"),
  };
  const fmt = (n: number) => formatSignedPoints(lang, n);
  return (
    <>
      <p className="actions-why-sentence">
        {t(lang, "actions.why.split", { change: formatSignedPoints(lang, change.change), previous, parts: words })}
        {bodyChange !== null ? ` ${t(lang, "actions.why.body", { change: formatSignedPoints(lang, bodyChange) })}` : null}
      </p>
      <ChartFigure
        isEmpty={isDivergingBarEmpty(rows)}
        className="actions-why-chart"
        chart={<DivergingBar id="why-moved" rows={rows} labels={labels} formatValue={fmt} width={480} options={{ labelWidth: 235, valueWidth: 46, fontSize: 14, rowHeight: 26 }} />}
        table={<DivergingBarTable rows={rows} labels={{ caption: labels.title, rowHeader: t(lang, "unit.col.indicator"), value: t(lang, "actions.why.points") }} format={{ value: fmt }} />}
      />
    </>
  );
}

function reachText(lang: Lang, kind: "top3" | "target", reach: Reach, indicator: string, params: Record<string, string>): string {
  const fewer = getIndicator(indicator).direction === "lower";
  if (reach.kind === "there") return t(lang, `actions.${kind}.there`, params);
  if (reach.kind === "unreachable") return t(lang, `actions.${kind}.unreachable`, params);
  return t(lang, `actions.${kind}.${fewer ? "fewer" : "more"}`, { ...params, count: formatCount(lang, reach.change), noun: countNoun(lang, indicator, reach.change) });
}

function IndicatorLine({ path, period }: { path: IndicatorPath; period: string }) {
  const lang = useLang();
  const label = t(lang, `indicator.${path.indicator}`);
  const rank = formatRank(path.rank, path.ranked);
  const head = (
    <>
      <strong>{label}</strong> ({rank}):{" "}
    </>
  );
  if (path.blocked) {
    return (
      <li data-indicator={path.indicator}>
        {head}
        <span className="muted">{t(lang, `actions.blocked.${path.blocked}`)}</span>
      </li>
    );
  }
  const items: ReactNode[] = [];
  const gap = path.passNext;
  if (path.rank === 1 || gap === null) items.push(t(lang, "actions.pass.first"));
  else if (!gap.reachable) items.push(withUnit(lang, t(lang, "actions.pass.unreachable"), gap, period));
  else {
    const fewer = getIndicator(path.indicator).direction === "lower";
    const text = t(lang, fewer ? "actions.pass.fewer" : "actions.pass.more", { count: formatCount(lang, gap.change), noun: countNoun(lang, path.indicator, gap.change) });
    items.push(withUnit(lang, text, gap, period));
  }
  if (path.top3) items.push(reachText(lang, "top3", path.top3, path.indicator, {}));
  if (path.target) items.push(reachText(lang, "target", path.target.reach, path.indicator, { target: formatTarget(lang, path.indicator, path.target.value) }));
  return (
    <li data-indicator={path.indicator}>
      {head}
      {items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 ? " · " : ""}
          <span className={i === 2 ? `actions-target actions-target-${path.target?.reach.kind ?? "none"}` : undefined}>{item}</span>
        </Fragment>
      ))}
    </li>
  );
}

/** A plan's points to two decimals: what it needs and what it earns are often within a tenth of each other. */
const hundredths = (lang: Lang, points: number) => formatNumber(lang, points, 2);

function planSentence(lang: Lang, plan: PlanView, rank: string, next: { code: string; name: string; tied: number } | null, period: string): ReactNode {
  const unitWithTies = (text: string) => (next ? withUnit(lang, text, { pass_code: next.code, pass_name: next.name, pass_tied: next.tied }, period) : text);
  switch (plan.kind) {
    case "plan": {
      const steps = plan.steps.map((s) => t(lang, "actions.plan.step", { count: formatCount(lang, s.dossiers), noun: countNoun(lang, s.indicator, s.dossiers) })).join(t(lang, "actions.plan.and"));
      return unitWithTies(t(lang, "actions.plan.plan", { rank, needed: hundredths(lang, plan.needed), steps, gained: hundredths(lang, plan.gained) }));
    }
    case "unreachable":
      return unitWithTies(t(lang, "actions.plan.unreachable", { rank, needed: hundredths(lang, plan.needed), possible: hundredths(lang, plan.possible) }));
    case "above":
      return t(lang, "actions.plan.above", { rank });
    default:
      return t(lang, "actions.plan.noScore");
  }
}

export function PathUp({ actions, period, kind }: { actions: UnitActions; period: string; kind: "quarter" | "year" }) {
  const lang = useLang();
  const path = actions.path;
  if (!path) return null;
  const year = period.slice(0, 4);
  const composite = path.composite;
  return (
    <>
      <p className="muted">{t(lang, kind === "quarter" ? "actions.path.assumption.quarter" : "actions.path.assumption.year", { period: periodInSentence(lang, period) })}</p>
      <p className="actions-plan">{planSentence(lang, composite.plan, formatRank(composite.rank, composite.ranked), composite.next, period)}</p>
      <h3>{t(lang, "actions.list.heading")}</h3>
      <ul className="actions-list">
        {path.indicators.map((p) => (
          <IndicatorLine key={p.indicator} path={p} period={period} />
        ))}
      </ul>
      <p className="muted actions-targets-source">
        {actions.targetsSource ? t(lang, "actions.targets.source", { year, source: actions.targetsSource }) : t(lang, "actions.targets.none", { year })}
      </p>
    </>
  );
}

export function Projection({ projection }: { projection: NonNullable<UnitActions["projection"]> }) {
  const lang = useLang();
  const through = periodInSentence(lang, projection.through);
  const rows = [...projection.indicators, { indicator: "composite_score", ...projection.composite }];
  return (
    <>
      <p className="muted">{t(lang, "actions.projection.note", { through })}</p>
      <div className="table-wrap" role="region" aria-labelledby="projection-caption" tabIndex={0}>
        <table className="actions-projection">
          <caption id="projection-caption">{t(lang, "actions.projection.caption", { year: projection.year, through })}</caption>
          <ColumnHeads
            columns={[
              { label: t(lang, "unit.col.indicator") },
              { label: t(lang, "actions.projection.value"), className: "num" },
              { label: t(lang, "actions.projection.rank"), className: "num" },
            ]}
          />
          <tbody>
            {rows.map((r) => (
              <tr key={r.indicator} data-indicator={r.indicator}>
                <th scope="row">{t(lang, `indicator.${r.indicator}`)}</th>
                <td className="num">{formatIndicatorValue(lang, r.indicator, r.value)}</td>
                <td className="num">{formatRank(r.rank, r.ranked)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
