/**
 * Numbers, figures, ranks, periods and dates in the reader's locale: `95,5 %` and `1.234` in Vietnamese,
 * `95.5%` and `1,234` in English. The indicator registry names the format of each value
 * (app/domain/indicators.ts `formatsOf`); this module renders the names, so a figure reads the same on every
 * page. Times are shown in Vietnam's time zone, where the district works.
 */
import { formatsOf, type FormatName, type ValueKind } from "~/domain/indicators";
import { t, type Lang } from "./translate";

const LOCALE: Record<Lang, string> = { vi: "vi-VN", en: "en-GB" };
export const TIME_ZONE = "Asia/Ho_Chi_Minh";
/** The one mark for "no value", in every table, chart and sentence. */
export const NO_VALUE = "—";

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f;
}

export function formatCount(lang: Lang, value: number | null): string {
  return value === null ? NO_VALUE : numberFormat(lang, 0).format(value);
}

export function formatNumber(lang: Lang, value: number | null, digits = 1): string {
  return value === null ? NO_VALUE : numberFormat(lang, digits).format(value);
}

/** Score points to one decimal, or two when below a tenth (a distance never reads "0,0"). */
export function formatPoints(lang: Lang, points: number): string {
  if (points >= 0.05) return formatNumber(lang, points, 1);
  return formatNumber(lang, Math.max(points, 0.01), 2);
}

/**
 * A change of score points with its sign ("+0,4", "−0,7", with a true minus), one decimal, or two where one
 * would round a change that is not zero to "0,0".
 */
export function formatSignedPoints(lang: Lang, points: number): string {
  const digits = points !== 0 && Math.abs(points) < 0.05 ? 2 : 1;
  const text = formatNumber(lang, Math.abs(points), digits);
  // Below what two decimals show (0,004): no sign on what reads as zero.
  if (Math.round(Math.abs(points) * 10 ** digits) === 0) return text;
  return `${points < 0 ? "\u2212" : "+"}${text}`;
}

/**
 * A rate given as a fraction (0.955) as a percentage: `95,5 %` (vi, with a no-break space) or `95.5%` (en).
 * "100 %" only when the rate is whole: 9,996 satisfied of 10,000 shows as 99,9 %, not as a 100 % that
 * would sit ranked behind a real 100 %.
 */
export function formatPercent(lang: Lang, fraction: number | null, digits = 1): string {
  if (fraction === null) return NO_VALUE;
  const n = numberFormat(lang, digits).format(percentShown(fraction, digits));
  return lang === "vi" ? `${n}\u00A0%` : `${n}%`;
}

/**
 * The percentage a fraction is shown as with `digits` decimals, before rounding: the fraction × 100, except
 * that a rate short of 1 that would round to 100 is held one step below (the rule of `formatPercent`, which
 * the wide CSV export follows too).
 */
export function percentShown(fraction: number, digits: number): number {
  const step = 10 ** -digits;
  return fraction < 1 && Math.round(fraction * 100 * 10 ** digits) * step >= 100 ? 100 - step : fraction * 100;
}

/** Renders one of the registry's named formats. */
export function formatNamed(lang: Lang, name: FormatName, value: number | null): string {
  switch (name) {
    case "percent1":
      return formatPercent(lang, value, 1);
    case "percent0":
      return formatPercent(lang, value, 0);
    case "integer":
      return formatCount(lang, value);
    case "decimal1":
      return formatNumber(lang, value, 1);
    case "decimal0":
      return formatNumber(lang, value, 0);
    case "raw":
      return value === null ? "" : String(value);
  }
}

/** An indicator's (or the composite's) value as tables, tooltips and sentences show it. */
export function formatIndicatorValue(lang: Lang, indicator: string, value: number | null): string {
  return formatNamed(lang, formatsOf(indicator).table, value);
}

/**
 * A target as its plan writes it: a rate with as many decimals as it has and no more ("80 %", "95,5 %", never
 * a rounded "96 %" for 95,5 %), a count as a count.
 */
export function formatTarget(lang: Lang, indicator: string, value: number): string {
  if (formatsOf(indicator).kind !== "rate") return formatIndicatorValue(lang, indicator, value);
  const percent = value * 100;
  const digits = [0, 1, 2, 3].find((d) => Math.abs(percent * 10 ** d - Math.round(percent * 10 ** d)) < 1e-6) ?? 3;
  const n = numberFormat(lang, digits).format(percent);
  return lang === "vi" ? `${n}\u00A0%` : `${n}%`;
}

/** An axis tick of an indicator's chart: whole percentages and scores. */
export function formatIndicatorTick(lang: Lang, indicator: string, value: number): string {
  return formatNamed(lang, formatsOf(indicator).axis, value);
}

/** A value of a known kind, where a chart or table holds values of one kind but no indicator id. */
export function formatValue(lang: Lang, kind: ValueKind, value: number | null): string {
  return formatNamed(lang, kind === "rate" ? "percent1" : kind === "score" ? "decimal1" : "integer", value);
}

/** "6.948/8.153" for a rate; null for a count or the composite, whose value is the whole story. */
export function formatCounts(lang: Lang, numerator: number | null, denominator: number | null): string | null {
  if (numerator === null || denominator === null) return null;
  return `${formatCount(lang, numerator)}/${formatCount(lang, denominator)}`;
}

/** The rank as leaders write it, "4/20", or the no-value mark when the unit is not ranked. */
export function formatRank(rank: number | null, ranked: number | null): string {
  if (rank === null) return NO_VALUE;
  return ranked === null ? String(rank) : `${rank}/${ranked}`;
}

export function formatDateTime(lang: Lang, iso: string): string {
  if (Number.isNaN(new Date(iso).getTime())) return iso;
  // As offices write it: "06:59 ngày 01/12/2026"; in English "1 Dec 2026, 06:59".
  return lang === "vi" ? `${formatTime(lang, iso)} ngày ${formatDate(lang, iso)}` : `${formatDate(lang, iso)}, ${formatTime(lang, iso)}`;
}

/** The time of day in Vietnam, 24-hour: 06:53. */
export function formatTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }).format(date);
}

/** A date as offices write it: 01/12/2026 (vi), 1 Dec 2026 (en); an ISO date or instant, in Vietnam's time. */
export function formatDate(lang: Lang, iso: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00+07:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    lang === "vi" ? { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TIME_ZONE } : { dateStyle: "medium", timeZone: TIME_ZONE };
  return new Intl.DateTimeFormat(LOCALE[lang], options).format(date);
}

/** A period id as a label: `Quý 4/2023` or `Q4 2023`; a year: `Năm 2023` or `2023`. */
export function formatPeriod(lang: Lang, periodId: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(periodId);
  if (!m) return lang === "vi" ? `Năm ${periodId}` : periodId;
  return lang === "vi" ? `Quý ${m[2]}/${m[1]}` : `Q${m[2]} ${m[1]}`;
}

/**
 * A period inside a sentence: Vietnamese writes "năm 2023", "quý 4/2023" in lower case there ("Năm 2023"
 * starts a label); English is the same either way.
 */
export function periodInSentence(lang: Lang, periodId: string): string {
  const label = formatPeriod(lang, periodId);
  return lang === "vi" ? label.charAt(0).toLocaleLowerCase("vi") + label.slice(1) : label;
}

/** Rank movement in words, for chart tables and tooltips. */
export function movementText(lang: Lang, delta: number): string {
  if (delta > 0) return t(lang, "overview.move.up", { n: delta });
  if (delta < 0) return t(lang, "overview.move.down", { n: -delta });
  return t(lang, "overview.move.same");
}

export function indicatorLabel(lang: Lang, indicator: string): string {
  return t(lang, `indicator.${indicator}`);
}

/** A short label for narrow column headers; an indicator without one falls back to its full label. */
export function shortLabel(lang: Lang, indicator: string): string {
  const key = `overview.short.${indicator}`;
  const short = t(lang, key);
  return short === key ? indicatorLabel(lang, indicator) : short;
}

/** A unit's name as charts show it: an incomplete year carries "*" (explained in a footnote). */
export function markedName(name: string, incomplete: boolean): string {
  return incomplete ? `${name} *` : name;
}

/** Vietnamese lists use ", " too; a list of names reads the same in both languages. */
export function joinNames(names: readonly string[]): string {
  return names.join(", ");
}
