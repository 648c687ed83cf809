/**
 * How the overview and contest pages word and format their figures: one formatter per indicator kind (rate,
 * count, composite score), short column labels, and periods inside a sentence. Pure; charts get these.
 */
import { COMPOSITE_ID, getIndicator, type RankedId } from "~/domain/indicators";
import { formatCount, formatNumber, formatPercent, formatPeriod } from "~/i18n/format";
import { t, type Lang } from "~/i18n/translate";

export type ValueKind = "rate" | "count" | "score";

export function valueKind(indicator: string): ValueKind {
  return indicator === COMPOSITE_ID ? "score" : getIndicator(indicator).unit;
}

export function formatIndicatorValue(lang: Lang, indicator: string, value: number | null): string {
  const kind = valueKind(indicator);
  if (kind === "rate") return formatPercent(lang, value);
  if (kind === "score") return formatNumber(lang, value, 1);
  return formatCount(lang, value);
}

/** Axis ticks: whole percentages and scores. */
export function formatIndicatorTick(lang: Lang, indicator: string, value: number): string {
  const kind = valueKind(indicator);
  if (kind === "rate") return formatPercent(lang, value, 0);
  if (kind === "score") return formatNumber(lang, value, 0);
  return formatCount(lang, value);
}

/** Full scale of a bar: rates 0–1, scores 0–100, counts from the data (null). */
export function valueDomainMax(indicator: string): number | null {
  const kind = valueKind(indicator);
  return kind === "rate" ? 1 : kind === "score" ? 100 : null;
}

/** "6.948/8.153" for a rate; null for a count or the composite, whose value is the whole story. */
export function formatCounts(lang: Lang, numerator: number | null, denominator: number | null): string | null {
  if (numerator === null || denominator === null) return null;
  return `${formatCount(lang, numerator)}/${formatCount(lang, denominator)}`;
}

export function indicatorLabel(lang: Lang, indicator: RankedId | string): string {
  return t(lang, `indicator.${indicator}`);
}

/** A short label for narrow column headers; an indicator without one falls back to its full label. */
export function shortLabel(lang: Lang, indicator: string): string {
  const key = `overview.short.${indicator}`;
  const short = t(lang, key);
  return short === key ? indicatorLabel(lang, indicator) : short;
}

/** A period inside a sentence: "so với quý 3/2024", "since Q3 2024". */
export function periodInSentence(lang: Lang, periodId: string): string {
  const text = formatPeriod(lang, periodId);
  return lang === "vi" ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Rank movement in words, for chart tables and tooltips. */
export function movementText(lang: Lang, delta: number): string {
  if (delta > 0) return t(lang, "overview.move.up", { n: delta });
  if (delta < 0) return t(lang, "overview.move.down", { n: -delta });
  return t(lang, "overview.move.same");
}

/** A unit's name as charts show it: an incomplete year carries "*" (explained in a footnote). */
export function markedName(name: string, incomplete: boolean): string {
  return incomplete ? `${name} *` : name;
}

/** Vietnamese lists use ", " too; a list of names reads the same in both languages. */
export function joinNames(names: readonly string[]): string {
  return names.join(", ");
}

/** The sentence for a 400 answer: which parameter was wrong, what it held, what is expected. */
export function paramProblemMessage(lang: Lang, problem: { param: "period" | "indicator" | "year"; value: string }, indicatorIds: readonly string[]): string {
  if (problem.param === "indicator") return t(lang, "overview.error.indicator", { value: problem.value, list: indicatorIds.join(", ") });
  return t(lang, problem.param === "year" ? "overview.error.year" : "overview.error.period", { value: problem.value });
}

/** The sentence for a 404 answer: no data for a well-formed period, and which periods do have some. */
export function noDataMessage(lang: Lang, period: string, loaded: readonly string[]): string {
  const sorted = [...loaded].sort();
  return t(lang, "overview.error.noData", {
    period: periodInSentence(lang, period),
    first: periodInSentence(lang, sorted[0] ?? period),
    last: periodInSentence(lang, sorted.at(-1) ?? period),
  });
}
