/**
 * A year-end projection (shared spec targets-and-actions.md, "The path up"): if the year's remaining quarters
 * repeat its pace so far, where would each unit end? Each unit's counts for the quarters it reported are
 * scaled to four quarters (a rate keeps its value: numerator and denominator scale alike; a count grows),
 * then every unit is ranked on the same assumption, competition ranking in the indicator's direction, ties
 * sharing a rank. Exact (app/domain/exact.ts). Always shown as a projection, never as a result.
 */
import { compare, div, exact, fraction, mul, toNumber, type Fraction } from "./exact";
import type { Indicator } from "./indicators";

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
  const better = (a: Fraction, b: Fraction) => (indicator.direction === "higher" ? compare(a, b) > 0 : compare(a, b) < 0);
  return units.map((u, i) => {
    const value = values[i] ?? null;
    const scale = u.quarters >= 1 && u.quarters <= 4 ? fraction(4n, BigInt(u.quarters)) : null;
    const scaled = (n: number | null) => (n === null || scale === null ? null : toNumber(mul(exact(n), scale)));
    return {
      code: u.code,
      numerator: scaled(u.numerator),
      denominator: indicator.unit === "rate" ? scaled(u.denominator) : null,
      value: value === null ? null : toNumber(value),
      rank: value === null ? null : 1 + withValue.filter((other) => better(other, value)).length,
      ranked: withValue.length,
    };
  });
}
