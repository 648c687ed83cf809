/**
 * Why a composite score moved, and the cheapest way up (shared spec targets-and-actions.md). The score is
 * 100 · Σ wᵢ·min(1, rateᵢ/fullAtᵢ) / Σ wᵢ over the weighted rates with a value (domain/scoring.ts); here it is
 * computed exactly from the counts, so that a change splits into contributions that add up to it to the last
 * digit, and a plan's points are checked against the points it needs without rounding.
 */
import { ONE, ZERO, add, ceil, compare, div, exact, fraction, min, mul, sub, sum, type Fraction } from "./exact";
import type { ScoringConfig } from "./scoring";

/** One period's counts for a weighted rate; a rate has a value when its denominator is above 0. */
export interface RateCounts {
  numerator: number;
  denominator: number;
}
export type CountsById = Readonly<Record<string, RateCounts | null | undefined>>;

const HUNDRED = fraction(100n);

function hasValue(c: RateCounts | null | undefined): c is RateCounts {
  return c !== null && c !== undefined && c.denominator > 0;
}

/** The weighted rates that have a value, each with its weight, fullAt and min(1, rate/fullAt). */
function terms(config: ScoringConfig, counts: CountsById) {
  return Object.entries(config.indicators)
    .filter(([id]) => hasValue(counts[id]))
    .map(([id, { weight, fullAt }]) => {
      const c = counts[id] as RateCounts;
      const full = exact(fullAt);
      const rate = div(exact(c.numerator), exact(c.denominator));
      return { id, weight: exact(weight), full, counts: c, level: min(ONE, div(rate, full)) };
    });
}

/** The weighted rates' counts of one unit, as the composite reads them. */
export function countsOf(config: ScoringConfig, rows: readonly { indicator: string; numerator: number | null; denominator: number | null }[]): CountsById {
  const counts: Record<string, { numerator: number; denominator: number }> = {};
  for (const row of rows) {
    if (row.indicator in config.indicators && row.numerator !== null && row.denominator !== null) {
      counts[row.indicator] = { numerator: row.numerator, denominator: row.denominator };
    }
  }
  return counts;
}

/** The composite, exactly (null when no weighted rate has a value). Equal to computeScore up to float rounding. */
export function exactScore(config: ScoringConfig, counts: CountsById): Fraction | null {
  const ts = terms(config, counts);
  if (ts.length === 0) return null;
  const weights = sum(ts.map((t) => t.weight));
  return div(mul(HUNDRED, sum(ts.map((t) => mul(t.weight, t.level)))), weights);
}

export type CompositeChange =
  /** The change, and each indicator's part of it (in the configuration's order); they add up exactly. */
  | { kind: "split"; change: Fraction; contributions: { indicator: string; points: Fraction }[] }
  /** The two scores are over different indicators: the change cannot be split; these are the differences. */
  | { kind: "differentSets"; onlyBefore: string[]; onlyAfter: string[] }
  /** One of the periods has no score. */
  | { kind: "noScore" };

/**
 * The composite's change from `before` to `after` split per indicator: 100 · wᵢ/Σw · (levelᵢ after − levelᵢ
 * before), where levelᵢ = min(1, rateᵢ/fullAtᵢ). Exact when both periods score the same indicators.
 */
export function explainChange(config: ScoringConfig, before: CountsById, after: CountsById): CompositeChange {
  const [was, now] = [terms(config, before), terms(config, after)];
  if (was.length === 0 || now.length === 0) return { kind: "noScore" };
  const wasIds = new Set(was.map((t) => t.id));
  const nowIds = new Set(now.map((t) => t.id));
  const onlyBefore = [...wasIds].filter((id) => !nowIds.has(id));
  const onlyAfter = [...nowIds].filter((id) => !wasIds.has(id));
  if (onlyBefore.length > 0 || onlyAfter.length > 0) return { kind: "differentSets", onlyBefore, onlyAfter };
  const weights = sum(now.map((t) => t.weight));
  const contributions = now.map((t) => {
    const previous = was.find((w) => w.id === t.id)?.level ?? ZERO;
    return { indicator: t.id, points: div(mul(mul(HUNDRED, t.weight), sub(t.level, previous)), weights) };
  });
  return { kind: "split", change: sum(contributions.map((c) => c.points)), contributions };
}

export interface PlanStep {
  indicator: string;
  /** Extra dossiers counted in the numerator, at this period's denominator. */
  dossiers: number;
  points: Fraction;
}

export type CompositePlan =
  /** The fewest dossiers whose points take the score strictly above `above`, largest-value dossiers first. */
  | { kind: "plan"; steps: PlanStep[]; dossiers: number; gained: Fraction; needed: Fraction }
  /** The score is above already. */
  | { kind: "above" }
  /** Even every weighted rate at its full level would not pass: the most the unit can reach. */
  | { kind: "unreachable"; needed: Fraction; possible: Fraction }
  | { kind: "noScore" };

/**
 * The cheapest way, in dossiers, for next period at this period's volumes, to score strictly above `above`
 * (the next unit's score). One more dossier on indicator i is worth 100·wᵢ/(Σw·fullAtᵢ·denominatorᵢ) points
 * until its rate reaches fullAtᵢ (the last one may be worth less); every dossier costs one, so taking the
 * most valuable first gives the fewest (each indicator's values only fall as it fills).
 */
export function cheapestPath(config: ScoringConfig, counts: CountsById, above: Fraction): CompositePlan {
  const score = exactScore(config, counts);
  if (score === null) return { kind: "noScore" };
  if (compare(score, above) > 0) return { kind: "above" };
  const needed = sub(above, score);
  const ts = terms(config, counts);
  const weights = sum(ts.map((t) => t.weight));
  // Each indicator's dossiers as blocks of equal value: the whole ones before full, then the last partial one.
  const blocks: { indicator: string; value: Fraction; count: bigint }[] = [];
  for (const t of ts) {
    const denominator = exact(t.counts.denominator);
    const perDossier = div(mul(HUNDRED, t.weight), mul(mul(weights, t.full), denominator));
    const toFull = sub(mul(t.full, denominator), exact(t.counts.numerator)); // dossiers until the level is 1
    if (compare(toFull, ZERO) <= 0) continue;
    const dossiers = ceil(toFull);
    const whole = compare(fraction(dossiers), toFull) === 0 ? dossiers : dossiers - 1n;
    if (whole > 0n) blocks.push({ indicator: t.id, value: perDossier, count: whole });
    if (whole < dossiers) blocks.push({ indicator: t.id, value: mul(perDossier, sub(toFull, fraction(whole))), count: 1n });
  }
  const possible = sum(blocks.map((b) => mul(b.value, fraction(b.count))));
  if (compare(possible, needed) <= 0) return { kind: "unreachable", needed, possible };
  blocks.sort((a, b) => compare(b.value, a.value) || a.indicator.localeCompare(b.indicator));
  const taken = new Map<string, { dossiers: bigint; points: Fraction }>();
  let gained = ZERO;
  for (const block of blocks) {
    if (compare(gained, needed) > 0) break;
    // The fewest of this block that take the total strictly past the need: ⌊(need − gained)/value⌋ + 1.
    const rest = div(sub(needed, gained), block.value);
    const k = [rest.n / rest.d + 1n, block.count].reduce((a, b) => (a < b ? a : b));
    const points = mul(block.value, fraction(k));
    gained = add(gained, points);
    const so = taken.get(block.indicator) ?? { dossiers: 0n, points: ZERO };
    taken.set(block.indicator, { dossiers: so.dossiers + k, points: add(so.points, points) });
  }
  const steps = [...taken].map(([indicator, t]) => ({ indicator, dossiers: Number(t.dossiers), points: t.points }));
  return { kind: "plan", steps, dossiers: steps.reduce((n, s) => n + s.dossiers, 0), gained, needed };
}

/** What a change is counted on: a rate's counts (a denominator above 0) or a count alone (no denominator). */
export interface Reachable {
  unit: "rate" | "count";
  direction: "higher" | "lower";
}

/**
 * The least whole change of the numerator, at this period's denominator, that takes the value to `goal`
 * (at least as good as it, in the indicator's direction: to reach a place, ties sharing it, or to meet a
 * target) or strictly beyond it (to pass a unit): more for "higher", fewer for "lower". 0 when it is there
 * already; null when no count can (100 % or 0 is not enough) or a rate has no denominator. Exact, also on
 * restated counts that are fractions.
 */
export function changeToReach(indicator: Reachable, counts: { numerator: number; denominator: number | null }, goal: Fraction, strictly: boolean): number | null {
  const isRate = indicator.unit === "rate";
  if (isRate && (counts.denominator === null || counts.denominator <= 0)) return null;
  const scale = isRate ? exact(counts.denominator as number) : ONE;
  const numerator = exact(counts.numerator);
  // The room between the numerator and the goal's numerator, in the direction of better.
  const gap = indicator.direction === "higher" ? sub(mul(goal, scale), numerator) : sub(numerator, mul(goal, scale));
  // At least: ⌈gap⌉; strictly beyond: ⌊gap⌋ + 1 (both never below 0).
  const floorPlusOne = (f: Fraction) => (f.n >= 0n ? f.n / f.d + 1n : -((-f.n + f.d - 1n) / f.d) + 1n);
  const raw = strictly ? floorPlusOne(gap) : ceil(gap);
  const change = raw < 0n ? 0n : raw;
  // The numerator stays within 0 … denominator (a count has no ceiling).
  const room = indicator.direction === "higher" ? (isRate ? sub(scale, numerator) : null) : numerator;
  if (room !== null && compare(fraction(change), room) > 0) return null;
  return Number(change);
}

/**
 * The extra dossiers that take a rate strictly above another unit's (to pass it) or to at least a rate (to
 * reach a place, ties sharing it), at this period's denominator; null when no count can (100 % is not enough)
 * or there is no denominator.
 */
export function extraToRate(counts: RateCounts, rate: Fraction, strictly: boolean): number | null {
  return changeToReach({ unit: "rate", direction: "higher" }, counts, rate, strictly);
}
