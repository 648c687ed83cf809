/**
 * Reporting periods: quarters (`2023-Q4`) and years (`2023`). Pure functions, no I/O.
 */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export type PeriodKind = "quarter" | "year";

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Present for quarters only. */
  quarter?: 1 | 2 | 3 | 4;
}

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

function toQuarter(year: number, q: number): Quarter | null {
  if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX) return null;
  if (q !== 1 && q !== 2 && q !== 3 && q !== 4) return null;
  return { year, quarter: q };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * Reads a period cell as offices write it: `2023-Q4`, `Q4/2023`, `Quý 4/2023`, `2023 Q4`, the quarter in Roman
 * numerals (`Quý IV/2023`, `QIV-2023`) and in words (`Quý 4 năm 2023`, `quý 4-2023`), case-insensitive,
 * spaces ignored around separators. Returns null for anything else.
 */
export function parseQuarter(input: string): Quarter | null {
  const s = input.normalize("NFC").trim().replace(/\s+/g, " ");
  const q = "([1-4]|iv|iii|ii|i)";
  const number = (text: string | undefined) => ROMAN[(text ?? "").toLowerCase()] ?? Number(text);
  let m = new RegExp(`^(\\d{4})\\s?[-/ ]?\\s?q${q}$`, "i").exec(s);
  if (m) return toQuarter(Number(m[1]), number(m[2]));
  m = new RegExp(`^(?:q|quý|quy)\\s?${q}\\s?(?:[/\\- ]|\\s?năm\\s|\\s?nam\\s)\\s?(\\d{4})$`, "i").exec(s);
  if (m) return toQuarter(Number(m[2]), number(m[1]));
  return null;
}

export function formatQuarter(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

/** A period id as used in URLs and the API: `2023-Q4` or `2023`. */
export function parsePeriodId(input: string): Period | null {
  const y = /^(\d{4})$/.exec(input);
  if (y) {
    const year = Number(y[1]);
    return year >= YEAR_MIN && year <= YEAR_MAX ? { kind: "year", year } : null;
  }
  const m = /^(\d{4})-Q([1-4])$/.exec(input);
  if (!m) return null;
  const q = toQuarter(Number(m[1]), Number(m[2]));
  return q ? { kind: "quarter", year: q.year, quarter: q.quarter } : null;
}

export function formatPeriodId(p: Period): string {
  return p.kind === "year" ? String(p.year) : `${p.year}-Q${p.quarter}`;
}

/** The previous period of the same kind: Q1 → previous year's Q4, a year → the year before. */
export function previousPeriod(p: Period): Period {
  if (p.kind === "year") return { kind: "year", year: p.year - 1 };
  if (p.quarter === 1) return { kind: "quarter", year: p.year - 1, quarter: 4 };
  const q = ((p.quarter ?? 1) - 1) as 1 | 2 | 3;
  return { kind: "quarter", year: p.year, quarter: q };
}

/** The periods that have data, each kind oldest first (ids sort chronologically as strings). */
export interface LoadedPeriods {
  quarters: readonly string[];
  years: readonly string[];
}

export type ResolvedPeriod =
  | { status: "ok"; period: string; kind: PeriodKind; /** Periods of the same kind with data, oldest first. */ periods: string[] }
  /** Nothing is loaded yet. */
  | { status: "empty" }
  /** A period without data (or not a period at all), while others have data. */
  | { status: "unknown"; period: string; /** The loaded periods of the asked kind, for the sentence. */ loaded: string[] };

/**
 * Which period a page shows: the one asked for, or by default the latest period of `defaultKind` with data
 * (the latest quarter on most pages, the latest year on the contest page). Every page resolves its period
 * here, so "no data for that period" means the same everywhere.
 */
export function resolvePeriod(loaded: LoadedPeriods, requested: string | undefined, defaultKind: PeriodKind = "quarter"): ResolvedPeriod {
  // Before the first upload every page says so, whatever period its address names.
  if (loaded.quarters.length === 0 && loaded.years.length === 0) return { status: "empty" };
  if (requested === undefined) {
    const periods = [...(defaultKind === "year" ? loaded.years : loaded.quarters)];
    const latest = periods.at(-1);
    if (latest === undefined) return { status: "empty" };
    return { status: "ok", period: latest, kind: defaultKind, periods };
  }
  const parsed = parsePeriodId(requested);
  const kind = parsed?.kind ?? defaultKind;
  const periods = [...(kind === "year" ? loaded.years : loaded.quarters)];
  if (!parsed || !periods.includes(requested)) return { status: "unknown", period: requested, loaded: periods };
  return { status: "ok", period: requested, kind, periods };
}

/** The periods of one series up to and including `period` (the trend a reader of that period sees). */
export function periodsUpTo(ids: readonly string[], period: string): string[] {
  return [...ids].sort().filter((id) => id <= period);
}

/** The quarters of a quarter's year up to and including it: 2024-Q3 → 2024-Q1, 2024-Q2, 2024-Q3; none for a year. */
export function quartersOfYearTo(id: string): string[] {
  const parsed = parsePeriodId(id);
  if (parsed?.kind !== "quarter" || parsed.quarter === undefined) return [];
  const { year, quarter } = parsed;
  return Array.from({ length: quarter }, (_, i) => formatPeriodId({ kind: "quarter", year, quarter: (i + 1) as Quarter["quarter"] }));
}

/** The id of the period before `id`, of the same kind. */
export function previousPeriodId(id: string): string {
  const parsed = parsePeriodId(id);
  if (!parsed) throw new Error(`not a period id: ${id}`);
  return formatPeriodId(previousPeriod(parsed));
}

/** The id of the period after `id`, of the same kind. */
export function nextPeriodId(id: string): string {
  const parsed = parsePeriodId(id);
  if (!parsed) throw new Error(`not a period id: ${id}`);
  if (parsed.kind === "year") return String(parsed.year + 1);
  const q = parsed.quarter ?? 1;
  return formatPeriodId(q === 4 ? { kind: "quarter", year: parsed.year + 1, quarter: 1 } : { kind: "quarter", year: parsed.year, quarter: (q + 1) as 2 | 3 | 4 });
}
