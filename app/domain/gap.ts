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

/** The unit to pass: the first by code among those holding the next better value. */
export interface PassTarget {
  pass_code: string;
  pass_name: string;
  /** How many units share the value to pass (the one named is the first by code). */
  pass_tied: number;
}

/**
 * An indicator's gap as the API, the export and the pages carry it (spec §6): `change` more (higher is
 * better) or fewer (lower is better) of the numerator would pass, or it cannot be done this period.
 */
export type Gap = (PassTarget & { reachable: true; change: number }) | (PassTarget & { reachable: false });

/** The composite has no numerator of its own, so its gap is told in score points. */
export interface ScoreGap extends PassTarget {
  /** Score points between the unit and the next higher score. */
  points: number;
}

/**
 * The distance to the next higher composite score among the rows of one period (all units, higher is
 * better). Null for the leader or without a score.
 */
export function scoreGapFor(rows: readonly { commune_code: string; commune_name: string; value: number | null }[], code: string): ScoreGap | null {
  const own = rows.find((r) => r.commune_code === code);
  if (!own || own.value === null) return null;
  const ownValue = own.value;
  let next: number | null = null;
  for (const r of rows) {
    if (r.value !== null && r.value > ownValue && (next === null || r.value < next)) next = r.value;
  }
  if (next === null) return null;
  const nextValue = next;
  const above = rows.filter((r) => r.value === nextValue).sort((a, b) => a.commune_code.localeCompare(b.commune_code));
  const first = above[0];
  if (!first) return null;
  return { points: nextValue - ownValue, pass_code: first.commune_code, pass_name: first.commune_name, pass_tied: above.length };
}
