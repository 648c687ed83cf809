/**
 * Exact fractions over bigint, for the sums that must hold exactly (shared spec targets-and-actions.md): a
 * composite's change split into contributions that add up to it, a target met or not at its boundary, the
 * points a plan earns against the points it needs. Every number here is the decimal it was written as or a
 * ratio of counts; floats appear only when a result is shown.
 */
export interface Fraction {
  n: bigint;
  /** Always positive. */
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function fraction(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) throw new RangeError("a fraction over zero");
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

/** A number as the decimal it is written as in JavaScript: 0.9 → 9/10, 322.2 → 1611/5, 1e-7 → 1/10⁷. */
export function exact(value: number): Fraction {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [mantissa = "0", exponent = "0"] = String(value).toLowerCase().split("e");
  const negative = mantissa.startsWith("-");
  const [whole = "0", decimals = ""] = (negative ? mantissa.slice(1) : mantissa).split(".");
  const shift = decimals.length - Number(exponent);
  const digits = BigInt(`${whole}${decimals}`) * (negative ? -1n : 1n);
  return shift >= 0 ? fraction(digits, 10n ** BigInt(shift)) : fraction(digits * 10n ** BigInt(-shift));
}

export const ZERO = fraction(0n);
export const ONE = fraction(1n);

export function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.d + b.n * a.d, a.d * b.d);
}
export function sub(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.d - b.n * a.d, a.d * b.d);
}
export function mul(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.n, a.d * b.d);
}
export function div(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.d, a.d * b.n);
}
/** −1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Fraction, b: Fraction): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}
export function min(a: Fraction, b: Fraction): Fraction {
  return compare(a, b) <= 0 ? a : b;
}
export function sum(values: readonly Fraction[]): Fraction {
  return values.reduce(add, ZERO);
}
/** The least whole number at or above the fraction. */
export function ceil(a: Fraction): bigint {
  const q = a.n / a.d;
  return a.n > q * a.d ? q + 1n : q;
}
/** For showing only. */
export function toNumber(a: Fraction): number {
  return Number(a.n) / Number(a.d);
}
