/**
 * The path up for one unit (shared spec targets-and-actions.md, "The path up"): for the next period at this
 * period's volumes (its denominators), per indicator the change that passes the next unit, the change that
 * reaches the top 3 and the change that meets the target; for the composite, the points to pass the next
 * unit and the fewest dossiers that earn them. Read from one period's rows of every unit (the rankings, on
 * the page's basis), exactly: the comparisons are on the counts, never on rounded rates.
 */
import { cheapestPath, changeToReach, countsOf, exactScore, type CompositePlan } from "./composite-change";
import { compare, div, exact, toNumber, type Fraction } from "./exact";
import type { Gap } from "./gap";
import { COMPOSITE_ID, INDICATORS, type IndicatorId } from "./indicators";
import type { RankingRow } from "./ranking";
import type { ScoringConfig } from "./scoring";

/** What the path reads of the unit's own ranking rows (the composite's among them). */
export type OwnRow = Pick<RankingRow, "indicator" | "numerator" | "denominator" | "rank" | "ranked" | "gap">;

/** One unit's counts on one indicator in the period. */
export interface CountRow {
  commune_code: string;
  commune_name: string;
  indicator: string;
  numerator: number | null;
  denominator: number | null;
}

/** A change of the numerator in the indicator's direction: more where higher is better, fewer where lower is. */
export type Reach =
  /** There already (in the top 3, or the target met). */
  | { kind: "there" }
  | { kind: "change"; change: number }
  /** No count at this period's volume gets there (100 % or none is not enough). */
  | { kind: "unreachable" };

export interface IndicatorPath {
  indicator: IndicatorId;
  rank: number | null;
  ranked: number;
  /**
   * Why nothing can be computed: the unit did not report, or the indicator had no denominator this period
   * (a rate over zero dossiers); null when the rest is filled.
   */
  blocked: "notReported" | "noDenominator" | null;
  /** To pass the next unit: the ranking's gap (null for a unit ranked first). */
  passNext: Gap | null;
  top3: Reach | null;
  /** The year's target and what it takes; null without a target. */
  target: { value: number; reach: Reach } | null;
}

export interface CompositePath {
  rank: number | null;
  ranked: number;
  /** The unit with the next higher score (the lowest code where several share it), exact. */
  next: { code: string; name: string; tied: number; score: number } | null;
  plan: CompositePlan;
}

export interface PathUp {
  indicators: IndicatorPath[];
  composite: CompositePath;
}

function exactValue(row: Pick<CountRow, "numerator" | "denominator">, unit: "rate" | "count"): Fraction | null {
  if (row.numerator === null) return null;
  if (unit === "count") return exact(row.numerator);
  return row.denominator === null || row.denominator <= 0 ? null : div(exact(row.numerator), exact(row.denominator));
}

function reach(change: number | null): Reach {
  if (change === null) return { kind: "unreachable" };
  return change === 0 ? { kind: "there" } : { kind: "change", change };
}

function indicatorPath(own: OwnRow | undefined, everyone: readonly CountRow[], code: string, indicator: (typeof INDICATORS)[number], target: number | null): IndicatorPath {
  const base = { indicator: indicator.id, rank: own?.rank ?? null, ranked: own?.ranked ?? 0, passNext: null, top3: null, target: null };
  if (!own || own.numerator === null) return { ...base, blocked: "notReported" };
  const ownValue = exactValue(own, indicator.unit);
  if (ownValue === null) return { ...base, blocked: "noDenominator" };
  const counts = { numerator: own.numerator, denominator: own.denominator };
  const better = (a: Fraction, b: Fraction) => (indicator.direction === "higher" ? compare(b, a) : compare(a, b));
  // The top 3: as good as the third best of the others (competition ranks: a tie shares the place).
  const others = everyone
    .filter((r) => r.indicator === indicator.id && r.commune_code !== code)
    .map((r) => exactValue(r, indicator.unit))
    .filter((v): v is Fraction => v !== null)
    .sort(better);
  const third = others[2];
  const top3 = third === undefined || (own.rank !== null && own.rank <= 3) ? ({ kind: "there" } as const) : reach(changeToReach(indicator, counts, third, false));
  return {
    ...base,
    blocked: null,
    passNext: own.rank === 1 ? null : own.gap,
    top3,
    target: target === null ? null : { value: target, reach: reach(changeToReach(indicator, counts, exact(target), false)) },
  };
}

function compositePath(config: ScoringConfig, own: OwnRow | undefined, everyone: readonly CountRow[], code: string): CompositePath {
  const ranked = own?.ranked ?? 0;
  const byUnit = new Map<string, CountRow[]>();
  for (const row of everyone) {
    let list = byUnit.get(row.commune_code);
    if (!list) byUnit.set(row.commune_code, (list = []));
    list.push(row);
  }
  const score = exactScore(config, countsOf(config, byUnit.get(code) ?? []));
  if (!own || score === null) return { rank: own?.rank ?? null, ranked, next: null, plan: { kind: "noScore" } };
  // The next higher score, exactly, among everyone's scores from their counts.
  let next: { score: Fraction; units: CountRow[] } | null = null;
  for (const [other, rows] of byUnit) {
    if (other === code) continue;
    const theirs = exactScore(config, countsOf(config, rows));
    if (theirs === null || compare(theirs, score) <= 0) continue;
    const side = next === null ? -1 : compare(theirs, next.score);
    if (next === null || side < 0) next = { score: theirs, units: [rows[0] as CountRow] };
    else if (side === 0) next.units.push(rows[0] as CountRow);
  }
  if (next === null) return { rank: own.rank, ranked, next: null, plan: { kind: "above" } };
  const [first] = [...next.units].sort((a, b) => a.commune_code.localeCompare(b.commune_code));
  return {
    rank: own.rank,
    ranked,
    next: first ? { code: first.commune_code, name: first.commune_name, tied: next.units.length, score: toNumber(next.score) } : null,
    plan: cheapestPath(config, countsOf(config, byUnit.get(code) ?? []), next.score),
  };
}

/**
 * The path up of unit `code`: its own ranked rows of the period (indicators and the composite), every unit's
 * counts of the period on the same basis, and the targets of the period's year (indicator → target).
 */
export function pathUp(config: ScoringConfig, own: readonly OwnRow[], everyone: readonly CountRow[], code: string, targets: ReadonlyMap<string, number>): PathUp {
  const ownOf = (id: string) => own.find((r) => r.indicator === id);
  return {
    indicators: INDICATORS.map((indicator) => indicatorPath(ownOf(indicator.id), everyone, code, indicator, targets.get(indicator.id) ?? null)),
    composite: compositePath(config, ownOf(COMPOSITE_ID), everyone, code),
  };
}
