/**
 * Gap to the next rank (spec §4): the smallest change of a unit's own numerator, its denominator held
 * fixed, that puts it strictly ahead of the value just above it. Exact integer arithmetic (BigInt), so
 * that a rate compared with a fraction is never off by one from rounding.
 */
import type { Direction } from "./indicators";

export interface GapInput {
  unit: "rate" | "count";
  direction: Direction;
  numerator: number;
  /** The unit's denominator (rates only). */
  denominator: number | null;
  /** Numerator and denominator of the value to pass. */
  aboveNumerator: number;
  aboveDenominator: number | null;
}

export type GapResult =
  /** `change` more (direction higher) or fewer (direction lower) of the numerator would pass. */
  | { reachable: true; change: number; target: number }
  /** Even the whole denominator (or zero, for lower-is-better) would not be strictly ahead. */
  | { reachable: false };

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function computeGap(input: GapInput): GapResult {
  const num = BigInt(input.numerator);
  const a = BigInt(input.aboveNumerator);
  let target: bigint;
  let max: bigint | null = null;
  if (input.unit === "rate") {
    if (input.denominator === null || input.aboveDenominator === null || input.denominator <= 0 || input.aboveDenominator <= 0) {
      throw new Error("a rate gap needs positive denominators");
    }
    const den = BigInt(input.denominator);
    const b = BigInt(input.aboveDenominator);
    // n/den > a/b  ⇔  n·b > a·den  ⇔  n ≥ floor(a·den / b) + 1
    // n/den < a/b  ⇔  n·b < a·den  ⇔  n ≤ ceil(a·den / b) − 1
    target = input.direction === "higher" ? floorDiv(a * den, b) + 1n : -floorDiv(-a * den, b) - 1n;
    max = den;
  } else {
    target = input.direction === "higher" ? a + 1n : a - 1n;
  }
  if (target < 0n || (max !== null && target > max)) return { reachable: false };
  const change = input.direction === "higher" ? target - num : num - target;
  if (change <= 0n) throw new Error(`the value above is not better: numerator ${input.numerator}, above ${input.aboveNumerator}`);
  return { reachable: true, change: Number(change), target: Number(target) };
}
