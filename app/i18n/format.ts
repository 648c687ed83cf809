/**
 * Numbers, percentages and dates in the reader's locale: `95,5 %` and `1.234` in Vietnamese, `95.5%` and
 * `1,234` in English. Times are shown in Vietnam's time zone, where the district works.
 */
import type { Lang } from "./translate";

const LOCALE: Record<Lang, string> = { vi: "vi-VN", en: "en-GB" };
export const TIME_ZONE = "Asia/Ho_Chi_Minh";
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

/**
 * A rate given as a fraction (0.955) as a percentage: `95,5 %` (vi, with a no-break space) or `95.5%` (en).
 * "100 %" only when the rate is whole: 9,996 satisfied of 10,000 shows as 99,9 %, not as a 100 % that
 * would sit ranked behind a real 100 %.
 */
export function formatPercent(lang: Lang, fraction: number | null, digits = 1): string {
  if (fraction === null) return NO_VALUE;
  const step = 10 ** -digits;
  const percent = fraction < 1 && Math.round(fraction * 100 * 10 ** digits) * step >= 100 ? 100 - step : fraction * 100;
  const n = numberFormat(lang, digits).format(percent);
  return lang === "vi" ? `${n}\u00A0%` : `${n}%`;
}

export function formatValue(lang: Lang, unit: "rate" | "count" | "score", value: number | null): string {
  if (unit === "rate") return formatPercent(lang, value);
  if (unit === "score") return formatNumber(lang, value, 1);
  return formatCount(lang, value);
}

export function formatDateTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }).format(date);
}

/** A period id for reading: `Quý 4/2023` or `Q4 2023`; a year stays as it is. */
export function formatPeriod(lang: Lang, periodId: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(periodId);
  if (!m) return lang === "vi" ? `Năm ${periodId}` : periodId;
  return lang === "vi" ? `Quý ${m[2]}/${m[1]}` : `Q${m[2]} ${m[1]}`;
}
