/**
 * A year-end projection (shared spec targets-and-actions.md, "The path up"): if the year's remaining quarters
 * repeat its pace so far, where would each unit end? Each unit's counts for the quarters it reported are
 * scaled to four quarters (a rate keeps its value: numerator and denominator scale alike; a count grows),
 * then every unit is ranked on the same assumption, competition ranking in the indicator's direction, ties
 * sharing a rank. Exact (app/domain/exact.ts). Always shown as a projection, never as a result.
 */
import { countsOf, exactScore } from "./composite-change";
import { compare, div, exact, fraction, mul, toNumber, type Fraction } from "./exact";
import { COMPOSITE_ID, INDICATORS, type Indicator } from "./indicators";
import type { RankingRow } from "./ranking";
import type { ScoringConfig } from "./scoring";

export interface YearSoFar {
  code: string;
  /** Quarters of the year the unit reported (1–4). */
  quarters: number;
  /** Summed over those quarters. */
  numerator: number | null;
  denominator: number | null;
}

export interface Projected {
  code: string;
  /** The year's counts at this pace (fractions shown rounded; never stored). */
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** Among the units with a projected value; null without one. */
  rank: number | null;
  ranked: number;
}

export function projectYear(indicator: Pick<Indicator, "unit" | "direction">, units: readonly YearSoFar[]): Projected[] {
  const values = units.map((u): Fraction | null => {
    if (u.numerator === null || u.quarters < 1 || u.quarters > 4) return null;
    if (indicator.unit === "rate") return u.denominator === null || u.denominator === 0 ? null : div(exact(u.numerator), exact(u.denominator));
    return mul(exact(u.numerator), fraction(4n, BigInt(u.quarters)));
  });
  const withValue = values.filter((v): v is Fraction => v !== null);
  // Competition ranks from one sort, best first: a value's rank is 1 + the values strictly better (ties share).
  const order = (a: Fraction, b: Fraction) => (indicator.direction === "higher" ? compare(b, a) : compare(a, b));
  const sorted = [...withValue].sort(order);
  const rankOf = (value: Fraction) => {
    let [lo, hi] = [0, sorted.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(sorted[mid] as Fraction, value) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return units.map((u, i) => {
    const value = values[i] ?? null;
    const scale = u.quarters >= 1 && u.quarters <= 4 ? fraction(4n, BigInt(u.quarters)) : null;
    const scaled = (n: number | null) => (n === null || scale === null ? null : toNumber(mul(exact(n), scale)));
    return {
      code: u.code,
      numerator: scaled(u.numerator),
      denominator: indicator.unit === "rate" ? scaled(u.denominator) : null,
      value: value === null ? null : toNumber(value),
      rank: value === null ? null : rankOf(value),
      ranked: withValue.length,
    };
  });
}

/** One unit's projection on every indicator and the composite. */
export interface UnitProjection {
  /** The year projected, and the quarters of it the pace is taken from (the last one the page shows). */
  year: number;
  through: string;
  indicators: { indicator: string; value: number | null; rank: number | null; ranked: number }[];
  composite: { value: number | null; rank: number | null; ranked: number };
}

type QuarterRow = Pick<RankingRow, "period" | "commune_code" | "numerator" | "denominator"> & { indicator: string };

/**
 * Unit `code`'s projection from the quarters of one year so far (every unit's rows, up to and including
 * `through`): each indicator by projectYear, the composite from each unit's summed counts (a rate keeps its
 * value when scaled, so the composite of the sums is the projected composite), ranked among the units with
 * a score, higher first, ties sharing a rank.
 */
export function projectUnit(config: ScoringConfig, rows: readonly QuarterRow[], code: string, through: string): UnitProjection {
  const quarters = new Map<string, Set<string>>();
  const sums = new Map<string, Map<string, { numerator: number | null; denominator: number | null }>>();
  for (const row of rows) {
    if (row.indicator === COMPOSITE_ID || row.period > through) continue;
    let seen = quarters.get(row.commune_code);
    if (!seen) quarters.set(row.commune_code, (seen = new Set()));
    seen.add(row.period);
    let unit = sums.get(row.commune_code);
    if (!unit) sums.set(row.commune_code, (unit = new Map()));
    const sum = unit.get(row.indicator) ?? { numerator: null, denominator: null };
    const plus = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);
    unit.set(row.indicator, { numerator: plus(sum.numerator, row.numerator), denominator: plus(sum.denominator, row.denominator) });
  }
  const codes = [...sums.keys()];
  const indicators = INDICATORS.map((indicator) => {
    const soFar = codes.map((c): YearSoFar => ({ code: c, quarters: quarters.get(c)?.size ?? 0, ...(sums.get(c)?.get(indicator.id) ?? { numerator: null, denominator: null }) }));
    const own = projectYear(indicator, soFar).find((p) => p.code === code);
    return { indicator: indicator.id, value: own?.value ?? null, rank: own?.rank ?? null, ranked: own?.ranked ?? 0 };
  });
  const scores = codes.map((c) => {
    const counts = countsOf(config, [...(sums.get(c) ?? new Map<string, { numerator: number | null; denominator: number | null }>())].map(([indicator, s]) => ({ indicator, ...s })));
    return { code: c, score: exactScore(config, counts) };
  });
  const withScore = scores.filter((s): s is { code: string; score: Fraction } => s.score !== null);
  const own = withScore.find((s) => s.code === code);
  return {
    year: Number(through.slice(0, 4)),
    through,
    indicators,
    composite: {
      value: own ? toNumber(own.score) : null,
      rank: own ? 1 + withScore.filter((s) => compare(s.score, own.score) > 0).length : null,
      ranked: withScore.length,
    },
  };
}
