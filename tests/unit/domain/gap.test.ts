import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeGap, scoreGapFor, type GapInput } from "~/domain/gap";

describe("computeGap: hand-computed cases", () => {
  it("a rate, higher is better: the fewest more dossiers that put the unit strictly ahead", () => {
    // 6948/8153 = 85.22 % behind 900/1000 = 90 %: need n/8153 > 0.9 ⇔ n ≥ 7338 (7337.7 → 7338): 390 more.
    expect(computeGap({ unit: "rate", direction: "higher", numerator: 6948, denominator: 8153, aboveNumerator: 900, aboveDenominator: 1000 })).toEqual({
      reachable: true,
      change: 390,
      target: 7338,
    });
    // Equality is not passing: 50/100 behind 1/2 needs 51.
    expect(computeGap({ unit: "rate", direction: "higher", numerator: 49, denominator: 100, aboveNumerator: 1, aboveDenominator: 2 })).toEqual({
      reachable: true,
      change: 2,
      target: 51,
    });
  });

  it("a rate that cannot be passed this period: the value above is 100 %", () => {
    expect(computeGap({ unit: "rate", direction: "higher", numerator: 99, denominator: 100, aboveNumerator: 40, aboveDenominator: 40 })).toEqual({ reachable: false });
  });

  it("a count, lower is better (overdue dossiers): one fewer than the unit above", () => {
    expect(computeGap({ unit: "count", direction: "lower", numerator: 7, denominator: null, aboveNumerator: 3, aboveDenominator: null })).toEqual({
      reachable: true,
      change: 5,
      target: 2,
    });
    // Above holds 0: nobody can have fewer than none.
    expect(computeGap({ unit: "count", direction: "lower", numerator: 1, denominator: null, aboveNumerator: 0, aboveDenominator: null })).toEqual({ reachable: false });
  });

  it("a count, higher is better: one more than the unit above", () => {
    expect(computeGap({ unit: "count", direction: "higher", numerator: 120, denominator: null, aboveNumerator: 138, aboveDenominator: null })).toEqual({
      reachable: true,
      change: 19,
      target: 139,
    });
  });

  it("refuses inputs that are bugs upstream", () => {
    expect(() => computeGap({ unit: "rate", direction: "higher", numerator: 1, denominator: 0, aboveNumerator: 1, aboveDenominator: 2 })).toThrow("positive denominators");
    expect(() => computeGap({ unit: "count", direction: "higher", numerator: 9, denominator: null, aboveNumerator: 3, aboveDenominator: null })).toThrow("not better");
  });
});

/** a/b compared with c/d exactly: −1, 0 or 1. */
function compare(a: bigint, b: bigint, c: bigint, d: bigint): number {
  const l = a * d;
  const r = c * b;
  return l < r ? -1 : l > r ? 1 : 0;
}

describe("computeGap: properties", () => {
  const rateCase = fc
    .record({
      den: fc.integer({ min: 1, max: 50_000 }),
      aboveDen: fc.integer({ min: 1, max: 50_000 }),
      own: fc.double({ min: 0, max: 1, noNaN: true }),
      above: fc.double({ min: 0, max: 1, noNaN: true }),
      direction: fc.constantFrom("higher" as const, "lower" as const),
    })
    .map(({ den, aboveDen, own, above, direction }) => ({
      unit: "rate" as const,
      direction,
      numerator: Math.round(own * den),
      denominator: den,
      aboveNumerator: Math.round(above * aboveDen),
      aboveDenominator: aboveDen,
    }))
    // The value above must be strictly better, as the ranking guarantees.
    .filter((g) => {
      const c = compare(BigInt(g.aboveNumerator), BigInt(g.aboveDenominator), BigInt(g.numerator), BigInt(g.denominator));
      return g.direction === "higher" ? c > 0 : c < 0;
    });

  it("the change passes strictly, one less does not, and unreachable means not even the whole denominator (or zero) would", () => {
    fc.assert(
      fc.property(rateCase, (g: GapInput) => {
        const den = BigInt(g.denominator ?? 1);
        const a = BigInt(g.aboveNumerator);
        const b = BigInt(g.aboveDenominator ?? 1);
        const ahead = (n: bigint) => (g.direction === "higher" ? compare(n, den, a, b) > 0 : compare(n, den, a, b) < 0);
        const result = computeGap(g);
        if (!result.reachable) {
          expect(ahead(g.direction === "higher" ? den : 0n)).toBe(false);
          return;
        }
        const step = g.direction === "higher" ? 1n : -1n;
        const target = BigInt(g.numerator) + step * BigInt(result.change);
        expect(result.change).toBeGreaterThan(0);
        expect(target).toBe(BigInt(result.target));
        expect(ahead(target)).toBe(true);
        expect(ahead(target - step)).toBe(false);
        expect(target >= 0n && target <= den).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("scoreGapFor", () => {
  const row = (code: string, value: number | null) => ({ commune_code: code, commune_name: `Xã ${code}`, value });
  const rows = [row("00001", 90), row("00002", 80), row("00003", 80), row("00004", 77.5), row("00005", null)];

  it("measures the composite gap to the next higher score, naming the first tied unit by code", () => {
    expect(scoreGapFor(rows, "00004")).toEqual({ points: 2.5, pass_code: "00002", pass_name: "Xã 00002", pass_tied: 2 });
    expect(scoreGapFor(rows, "00002")).toEqual({ points: 10, pass_code: "00001", pass_name: "Xã 00001", pass_tied: 1 });
  });

  it("has no gap for the leader, a unit without a score, or a unit not in the rows", () => {
    expect(scoreGapFor(rows, "00001")).toBeNull();
    expect(scoreGapFor(rows, "00005")).toBeNull();
    expect(scoreGapFor(rows, "99999")).toBeNull();
  });
});
