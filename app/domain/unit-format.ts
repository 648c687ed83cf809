/**
 * How the unit and compare pages write a figure: by what it is (a rate, a count, a score), in the reader's
 * language. Charts get the same functions, so a chart's tooltip and its table agree with the page.
 */
import { formatCount, formatNumber, formatPercent, formatPeriod, formatValue, NO_VALUE } from "~/i18n/format";
import type { Lang } from "~/i18n/translate";
import { COMPOSITE_ID, getIndicator } from "./indicators";

export type ValueUnit = "rate" | "count" | "score";

/** Rates and counts come from the registry; the composite is a 0–100 score. */
export function valueUnitOf(id: string): ValueUnit {
  return id === COMPOSITE_ID ? "score" : getIndicator(id).unit;
}

export function formatFigure(lang: Lang, unit: ValueUnit, value: number | null): string {
  return formatValue(lang, unit, value);
}

/** Axis ticks: whole percentages and whole numbers are enough to read a trend. */
export function formatTick(lang: Lang, unit: ValueUnit, value: number): string {
  if (unit === "rate") return formatPercent(lang, value, 0);
  return formatNumber(lang, value, 0);
}

/** "6.948 / 8.153" for a rate, "138" for a count, "—" without a figure. */
export function formatFraction(lang: Lang, numerator: number | null, denominator: number | null): string {
  if (numerator === null) return NO_VALUE;
  if (denominator === null) return formatCount(lang, numerator);
  return `${formatCount(lang, numerator)} / ${formatCount(lang, denominator)}`;
}

/** The rank as leaders write it, "4/20", or "—" when the unit is not ranked. */
export function formatRank(rank: number | null, ranked: number | null): string {
  if (rank === null) return NO_VALUE;
  return ranked === null ? String(rank) : `${rank}/${ranked}`;
}

/**
 * A period inside a sentence: Vietnamese writes "năm 2023", "quý 4/2023" in lower case there ("Năm 2023"
 * starts a label); English is the same either way.
 */
export function periodInText(lang: Lang, periodId: string): string {
  const label = formatPeriod(lang, periodId);
  return lang === "vi" ? label.charAt(0).toLocaleLowerCase("vi") + label.slice(1) : label;
}
