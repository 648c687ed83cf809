/**
 * The path up (shared spec targets-and-actions.md): per indicator the change that passes the next unit, that
 * reaches the top 3 and that meets the target, and the composite's cheapest plan past the next score, from
 * one period's rows of every unit; and the least change to reach a value, against a brute force.
 */
import { describe, expect, it } from "vitest";
import { changeToReach, exactScore, countsOf } from "~/domain/composite-change";
import { exact, fraction, compare, div } from "~/domain/exact";
import { computeGap } from "~/domain/gap";
import { pathUp, type CountRow, type OwnRow } from "~/domain/path-up";

type PathRow = OwnRow & CountRow & { value: number | null };
import { projectUnit } from "~/domain/projection";
import type { ScoringConfig } from "~/domain/scoring";

/** Digitisation (weight 1, full at 100 %) and satisfaction (weight 1, full at 100 %). */
const CONFIG: ScoringConfig = { name: "t", indicators: { digitization_rate: { weight: 1, fullAt: 1 }, satisfaction_rate: { weight: 1, fullAt: 1 } } };

type Unit = { code: string; dig: [number, number]; sat: [number, number]; overdue: number };

/** One period's rows of every unit, ranked as the SQL ranks them (competition ranks, the gap to the next value). */
function rowsOf(units: Unit[]): PathRow[] {
  const rows: PathRow[] = [];
  const rank = (values: (number | null)[], i: number, higher: boolean) =>
    values[i] === null ? null : 1 + values.filter((v) => v !== null && (higher ? v > (values[i] as number) : v < (values[i] as number))).length;
  const add = (indicator: PathRow["indicator"], get: (u: Unit) => [number, number | null], higher: boolean) => {
    const values = units.map((u) => {
      const [n, d] = get(u);
      return d === null ? n : d > 0 ? n / d : null;
    });
    units.forEach((u, i) => {
      const [n, d] = get(u);
      const r = rank(values, i, higher);
      // The next better value, lowest code first: the unit the gap passes.
      const own = values[i] ?? null;
      const better = own === null ? [] : units.map((o, j) => ({ o, v: values[j] ?? null })).filter((x): x is { o: Unit; v: number } => x.v !== null && (higher ? x.v > own : x.v < own));
      const closest = better.length === 0 ? null : better.reduce((a, b) => (higher ? Math.min(a, b.v) : Math.max(a, b.v)), higher ? Infinity : -Infinity);
      const best = better.filter((x) => x.v === closest).sort((a, b) => a.o.code.localeCompare(b.o.code))[0] ?? null;
      let gap: PathRow["gap"] = null;
      if (best && r !== null) {
        const [an, ad] = get(best.o);
        const g = computeGap({ unit: d === null ? "count" : "rate", direction: higher ? "higher" : "lower", numerator: n, denominator: d, aboveNumerator: an, aboveDenominator: ad });
        const tied = better.filter((x) => x.v === best.v).length;
        gap = g.reachable ? { reachable: true, change: g.change, pass_code: best.o.code, pass_name: `Xã ${best.o.code}`, pass_tied: tied } : { reachable: false, pass_code: best.o.code, pass_name: `Xã ${best.o.code}`, pass_tied: tied };
      }
      rows.push({ commune_code: u.code, commune_name: `Xã ${u.code}`, indicator, numerator: n, denominator: d, value: values[i] ?? null, rank: r, ranked: values.filter((v) => v !== null).length, gap });
    });
  };
  add("digitization_rate", (u) => u.dig, true);
  add("satisfaction_rate", (u) => u.sat, true);
  add("overdue_dossiers", (u) => [u.overdue, null], false);
  const scores = units.map((u) => exactScore(CONFIG, countsOf(CONFIG, rows.filter((r) => r.commune_code === u.code))));
  units.forEach((u, i) => {
    const s = scores[i];
    rows.push({
      commune_code: u.code,
      commune_name: `Xã ${u.code}`,
      indicator: "composite_score",
      numerator: null,
      denominator: null,
      value: s ? Number(s.n) / Number(s.d) : null,
      rank: s ? 1 + scores.filter((o) => o && compare(o, s) > 0).length : null,
      ranked: scores.filter(Boolean).length,
      gap: null,
    });
  });
  return rows;
}

const UNITS: Unit[] = [
  { code: "A", dig: [90, 100], sat: [19, 20], overdue: 0 }, // score 92.5
  { code: "B", dig: [80, 100], sat: [18, 20], overdue: 1 }, // 85
  { code: "C", dig: [80, 100], sat: [16, 20], overdue: 0 }, // 80
  { code: "D", dig: [70, 100], sat: [15, 20], overdue: 3 }, // 72.5
  { code: "E", dig: [0, 0], sat: [10, 20], overdue: 2 }, // nothing received: digitisation has no value; 50
];

/** The path of `code` as the page reads it: its own ranked rows, and everyone's counts (no composite rows). */
function pathOf(units: Unit[], code: string, targets: Map<string, number>) {
  const rows = rowsOf(units);
  return pathUp(CONFIG, rows.filter((r) => r.commune_code === code), rows.filter((r) => r.indicator !== "composite_score"), code, targets);
}

describe("the path up, hand-computed", () => {
  const path = pathOf(UNITS, "D", new Map([["digitization_rate", 0.75], ["overdue_dossiers", 0]]));
  const of = (id: string) => path.indicators.find((p) => p.indicator === id)!;

  it("per indicator: the next unit, the top 3 and the target, at this period's denominator", () => {
    // Digitisation 70/100, 4th of 4: 11 more pass B and C at 80 % (81 > 80); 10 more tie them at 80 %, which
    // is third place (competition ranks); 5 more meet 75 %.
    expect(of("digitization_rate")).toMatchObject({ rank: 4, ranked: 4, blocked: null, passNext: { reachable: true, change: 11, pass_code: "B", pass_tied: 2 }, top3: { kind: "change", change: 10 }, target: { value: 0.75, reach: { kind: "change", change: 5 } } });
    // Overdue, fewer is better: D has 3, E 2, B 1, A and C 0. Passing E takes 3 − x < 2, 2 fewer; the top 3
    // takes as few as B's 1 (third best of the others), 2 fewer; the target 0 takes 3 fewer.
    expect(of("overdue_dossiers")).toMatchObject({ rank: 5, passNext: { reachable: true, change: 2, pass_code: "E" }, top3: { kind: "change", change: 2 }, target: { value: 0, reach: { kind: "change", change: 3 } } });
    // No target for satisfaction this year.
    expect(of("satisfaction_rate").target).toBeNull();
  });

  it("says why nothing can be computed where there is no denominator or no report", () => {
    const e = pathOf(UNITS, "E", new Map([["digitization_rate", 0.75]]));
    expect(e.indicators.find((p) => p.indicator === "digitization_rate")).toMatchObject({ blocked: "noDenominator", passNext: null, top3: null, target: null });
    const gone = pathOf(UNITS, "Z", new Map());
    expect(gone.indicators.every((p) => p.blocked === "notReported")).toBe(true);
    expect(gone.composite.plan).toEqual({ kind: "noScore" });
  });

  it("the composite: the next score exactly, and the fewest dossiers past it", () => {
    // D at 72.5, C at 80: 7.5 points. A digitised dossier is worth 100·1/(2·1·100) = 0.5, a satisfied rating
    // 100·1/(2·1·20) = 2.5: the ratings first; 3 of them (+7.5) only tie, so 4 ratings (+10). No 3 dossiers
    // of any kind earn more than 7.5, so 4 is the fewest.
    expect(path.composite.next).toEqual({ code: "C", name: "Xã C", tied: 1, score: 80 });
    expect(path.composite.plan).toMatchObject({ kind: "plan", dossiers: 4, gained: fraction(10n), needed: exact(7.5) });
    const plan = path.composite.plan;
    expect(plan.kind === "plan" && plan.steps.map((s) => [s.indicator, s.dossiers])).toEqual([
      ["satisfaction_rate", 4],
    ]);
    // The first has no one to pass.
    expect(pathOf(UNITS, "A", new Map()).composite).toMatchObject({ rank: 1, next: null, plan: { kind: "above" } });
  });
});

describe("the least change that reaches a value", () => {
  it("is the least whole change, against a brute force over random counts, both directions, at least and strictly", () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 400; i++) {
      const unit = random(2) === 0 ? "rate" : "count";
      const direction = random(2) === 0 ? "higher" : "lower";
      const denominator = unit === "rate" ? random(30) : null;
      const numerator = unit === "rate" ? random((denominator ?? 0) + 1) : random(30);
      const goal = unit === "rate" ? fraction(BigInt(random(31)), 30n) : fraction(BigInt(random(40)));
      const strictly = random(2) === 0;
      const got = changeToReach({ unit, direction }, { numerator, denominator }, goal, strictly);
      const valueWith = (x: number) => {
        const n = direction === "higher" ? numerator + x : numerator - x;
        if (n < 0 || (denominator !== null && n > denominator)) return null;
        return unit === "rate" ? div(exact(n), exact(denominator as number)) : exact(n);
      };
      const good = (x: number) => {
        const v = valueWith(x);
        if (v === null) return false;
        const side = direction === "higher" ? compare(v, goal) : compare(goal, v);
        return strictly ? side > 0 : side >= 0;
      };
      let least: number | null = null;
      if (!(unit === "rate" && denominator === 0)) for (let x = 0; x <= 80; x++) if (good(x)) { least = x; break; }
      expect(got, JSON.stringify({ unit, direction, numerator, denominator, goal: `${goal.n}/${goal.d}`, strictly })).toBe(least);
    }
  });
});

describe("the unit's projection", () => {
  it("projects every indicator and the composite from the year so far, everyone on the same assumption", () => {
    const q = (period: string, code: string, indicator: string, numerator: number | null, denominator: number | null) => ({ period, commune_code: code, indicator, numerator, denominator });
    const rows = [
      // A: Q1 and Q2, digitisation 60/100 then 90/100 = 150/200 (75 %), satisfaction 40/40; 2 entries.
      q("2024-Q1", "A", "digitization_rate", 60, 100), q("2024-Q2", "A", "digitization_rate", 90, 100),
      q("2024-Q1", "A", "satisfaction_rate", 20, 20), q("2024-Q2", "A", "satisfaction_rate", 20, 20),
      q("2024-Q1", "A", "contest_entries", 1, null), q("2024-Q2", "A", "contest_entries", 1, null),
      // B: Q1 only, 80 %, satisfaction 9/10; 3 entries, projected to 12.
      q("2024-Q1", "B", "digitization_rate", 80, 100), q("2024-Q1", "B", "satisfaction_rate", 9, 10), q("2024-Q1", "B", "contest_entries", 3, null),
      // A later quarter than the page's is not read.
      q("2024-Q3", "A", "digitization_rate", 0, 100),
    ];
    const a = projectUnit(CONFIG, rows, "A", "2024-Q2");
    expect(a.year).toBe(2024);
    expect(a.indicators.find((p) => p.indicator === "digitization_rate")).toEqual({ indicator: "digitization_rate", value: 0.75, rank: 2, ranked: 2 });
    expect(a.indicators.find((p) => p.indicator === "contest_entries")).toEqual({ indicator: "contest_entries", value: 4, rank: 2, ranked: 2 });
    // A: 100·(0.75 + 1)/2 = 87.5; B: 100·(0.8 + 0.9)/2 = 85.
    expect(a.composite).toEqual({ value: 87.5, rank: 1, ranked: 2 });
  });
});
