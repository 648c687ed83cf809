import { describe, expect, it } from "vitest";
import { cheapestPath, exactScore, explainChange, extraToRate, type CountsById } from "~/domain/composite-change";
import { compare, exact, fraction, sub, toNumber, type Fraction } from "~/domain/exact";
import { computeScore, type ScoringConfig } from "~/domain/scoring";

/** Two weighted rates: A full at 100 %, B full at 50 %. */
const TWO: ScoringConfig = { name: "t", indicators: { digitization_rate: { weight: 1, fullAt: 1 }, online_rate: { weight: 1, fullAt: 0.5 } } };
const counts = (a: [number, number] | null, b: [number, number] | null): CountsById => ({
  digitization_rate: a && { numerator: a[0], denominator: a[1] },
  online_rate: b && { numerator: b[0], denominator: b[1] },
});

/** With extra dossiers added to the numerators, the denominators kept. */
function withExtra(c: CountsById, extra: Readonly<Record<string, number>>): CountsById {
  return Object.fromEntries(Object.entries(c).map(([id, v]) => [id, v && { numerator: v.numerator + (extra[id] ?? 0), denominator: v.denominator }]));
}

describe("the composite, exactly", () => {
  it("matches the float score (hand-computed: 35 points)", () => {
    const c = counts([50, 100], [10, 100]);
    // 100 · (1 · 0.5 + 1 · min(1, 0.1 / 0.5)) / 2 = 35
    expect(exactScore(TWO, c)).toEqual(fraction(35n));
    expect(computeScore(TWO, { digitization_rate: 0.5, online_rate: 0.1 })).toBeCloseTo(35, 12);
    expect(exactScore(TWO, counts(null, [0, 0]))).toBeNull();
  });
});

describe("why the composite moved", () => {
  it("splits a change into contributions that add up to it (hand-computed: +15 = −5 + 20)", () => {
    const change = explainChange(TWO, counts([50, 100], [10, 100]), counts([40, 100], [30, 100]));
    expect(change).toEqual({
      kind: "split",
      change: fraction(15n),
      contributions: [
        { indicator: "digitization_rate", points: fraction(-5n) },
        { indicator: "online_rate", points: fraction(20n) },
      ],
    });
  });

  it("does not split a change over different indicators, and says which differ", () => {
    expect(explainChange(TWO, counts([50, 100], [0, 0]), counts([40, 100], [30, 100]))).toEqual({ kind: "differentSets", onlyBefore: [], onlyAfter: ["online_rate"] });
    expect(explainChange(TWO, counts(null, null), counts([40, 100], [30, 100]))).toEqual({ kind: "noScore" });
  });
});

describe("the cheapest path up", () => {
  it("takes the most valuable dossiers first and passes strictly (hand-computed: 6 online dossiers past 40)", () => {
    // At 35 points; A's dossier is worth 100·1/(2·1·100) = 0.5, B's 100·1/(2·0.5·100) = 1 until B reaches 50 %.
    const c = counts([50, 100], [10, 100]);
    const plan = cheapestPath(TWO, c, fraction(40n));
    expect(plan).toMatchObject({ kind: "plan", dossiers: 6, needed: fraction(5n), gained: fraction(6n) });
    expect(plan.kind === "plan" && plan.steps).toEqual([{ indicator: "online_rate", dossiers: 6, points: fraction(6n) }]);
    // 5 dossiers would tie at 40, not pass.
    expect(exactScore(TWO, withExtra(c, { online_rate: 5 }))).toEqual(fraction(40n));
    expect(cheapestPath(TWO, c, fraction(34n))).toEqual({ kind: "above" });
    // A tie is not a pass: at 35 against 35, one dossier.
    expect(cheapestPath(TWO, c, fraction(35n))).toMatchObject({ kind: "plan", dossiers: 1 });
  });

  it("counts the last dossier before full at what it is worth, and says when nothing is enough", () => {
    // B: 1 of 3 against full at 50 %: 0.5 of a dossier to full, so one dossier is worth half its rate.
    const c = counts([3, 3], [1, 3]);
    const score = exactScore(TWO, c) as Fraction; // 100 · (1 + 2/3) / 2 = 250/3
    expect(score).toEqual(fraction(250n, 3n));
    expect(cheapestPath(TWO, c, fraction(99n))).toMatchObject({ kind: "plan", dossiers: 1, gained: fraction(50n, 3n) });
    expect(cheapestPath(TWO, c, fraction(100n))).toEqual({ kind: "unreachable", needed: fraction(50n, 3n), possible: fraction(50n, 3n) });
  });

  it("needs as many dossiers to pass another unit's rate as hand-computed, and none past 100 %", () => {
    // 537 of 626 against 90 % (563.4): 564 reach it; to pass a unit at 563/626, 27 more.
    expect(extraToRate({ numerator: 537, denominator: 626 }, exact(0.9), false)).toBe(27);
    expect(extraToRate({ numerator: 537, denominator: 626 }, fraction(563n, 626n), true)).toBe(27);
    expect(extraToRate({ numerator: 537, denominator: 626 }, fraction(563n, 626n), false)).toBe(26);
    expect(extraToRate({ numerator: 600, denominator: 626 }, fraction(1n, 2n), true)).toBe(0);
    expect(extraToRate({ numerator: 626, denominator: 626 }, fraction(1n), true)).toBeNull();
    expect(extraToRate({ numerator: 0, denominator: 0 }, fraction(1n, 2n), true)).toBeNull();
    // Restated counts are fractions: 322.2 of 375.6 needs 15.84, so 16, to reach 90 %; 100 % needs 53.4, which no whole number of dossiers is.
    expect(extraToRate({ numerator: 322.2, denominator: 375.6 }, exact(0.9), false)).toBe(16);
    expect(extraToRate({ numerator: 322.2, denominator: 375.6 }, fraction(1n), false)).toBeNull();
  });
});

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n;
  };
}
const IDS = ["digitization_rate", "online_rate", "online_payment_rate", "on_time_rate"];

function randomCase(seed: number) {
  const r = random(seed);
  const ids = IDS.slice(0, 2 + Math.floor(r(3)));
  const config: ScoringConfig = {
    name: "p",
    indicators: Object.fromEntries(ids.map((id) => [id, { weight: 1 + Math.floor(r(30)), fullAt: [1, 0.9, 0.8, 0.5][Math.floor(r(4))] ?? 1 }])),
  };
  const unit = (): CountsById =>
    Object.fromEntries(
      ids.map((id) => {
        const denominator = Math.floor(r(7)); // 0 now and then: no value
        return [id, { numerator: Math.floor(r(denominator + 1)), denominator }];
      }),
    );
  return { config, ids, self: unit(), other: unit() };
}

describe("properties over random units", () => {
  it("contributions always add up to the change exactly, and the exact score is the float one", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { config, self, other } = randomCase(seed);
      const change = explainChange(config, self, other);
      const [was, now] = [exactScore(config, self), exactScore(config, other)];
      if (change.kind === "split" && was && now) expect(change.change, `seed ${seed}`).toEqual(sub(now, was));
      if (now) {
        const rates = Object.fromEntries(Object.entries(other).map(([id, c]) => [id, c && c.denominator > 0 ? c.numerator / c.denominator : null]));
        expect(computeScore(config, rates), `seed ${seed}`).toBeCloseTo(toNumber(now), 9);
      }
    }
  });

  it("the plan passes the other unit, its points are the score's gain, and no fewer dossiers pass (brute force)", () => {
    let plans = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { config, ids, self, other } = randomCase(seed);
      const above = exactScore(config, other);
      if (above === null) continue;
      const plan = cheapestPath(config, self, above);
      const score = exactScore(config, self);
      // Every way of adding dossiers (each numerator up to its denominator): the fewest that pass.
      let fewest: number | null = null;
      const room = ids.map((id) => {
        const c = self[id];
        return c && c.denominator > 0 ? c.denominator - c.numerator : 0;
      });
      const extra = ids.map(() => 0);
      const visit = (i: number): void => {
        if (i === ids.length) {
          const total = extra.reduce((a, b) => a + b, 0);
          const after = exactScore(config, withExtra(self, Object.fromEntries(ids.map((id, j) => [id, extra[j] ?? 0]))));
          if (after && compare(after, above) > 0 && (fewest === null || total < fewest)) fewest = total;
          return;
        }
        for (let x = 0; x <= (room[i] ?? 0); x++) {
          extra[i] = x;
          visit(i + 1);
        }
        extra[i] = 0;
      };
      visit(0);
      if (score === null) expect(plan.kind, `seed ${seed}`).toBe("noScore");
      else if (compare(score, above) > 0) expect([plan.kind, fewest], `seed ${seed}`).toEqual(["above", 0]);
      else if (fewest === null) expect(plan.kind, `seed ${seed}`).toBe("unreachable");
      else {
        expect(plan.kind, `seed ${seed}`).toBe("plan");
        if (plan.kind !== "plan") continue;
        plans += 1;
        expect(plan.dossiers, `seed ${seed}`).toBe(fewest);
        const after = exactScore(config, withExtra(self, Object.fromEntries(plan.steps.map((s) => [s.indicator, s.dossiers])))) as Fraction;
        expect(compare(after, above), `seed ${seed}`).toBe(1);
        expect(sub(after, score), `seed ${seed}`).toEqual(plan.gained);
      }
    }
    // The random cases include real plans, not only the easy outcomes.
    expect(plans).toBeGreaterThan(50);
  });
});
