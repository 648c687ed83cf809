import { describe, expect, it } from "vitest";
import { correctionKey, correctionsBetween, dataViewFor, endOfDate, isIsoDate, sameFrozenSet } from "~/domain/publication";

describe("as_of dates", () => {
  it("accepts real calendar dates written YYYY-MM-DD only", () => {
    expect(isIsoDate("2026-12-01")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    for (const bad of ["2023-02-29", "2026-13-01", "01-12-2026", "2026-1-1", "2026-12-01T00:00", "1999-12-31", ""]) expect(isIsoDate(bad)).toBe(false);
  });

  it("ends a date at midnight in Vietnam (UTC+7), the last millisecond included", () => {
    expect(endOfDate("2026-12-01").toISOString()).toBe("2026-12-01T16:59:59.999Z");
    expect(() => endOfDate("2026-12-32")).toThrow();
  });

  it("shows staff the draft unless they ask for a date; everyone else what is published now", () => {
    const now = new Date("2026-12-01T05:00:00Z");
    expect(dataViewFor({ seesDrafts: true }, undefined, now)).toEqual({ kind: "draft" });
    expect(dataViewFor({ seesDrafts: false }, undefined, now)).toEqual({ kind: "published", at: now, asOf: null });
    expect(dataViewFor({ seesDrafts: true }, "2026-11-30", now)).toEqual({ kind: "published", at: endOfDate("2026-11-30"), asOf: "2026-11-30" });
  });
});

describe("sameFrozenSet", () => {
  it("is the same only with the same units on the same uploads", () => {
    const a = new Map([["1", 10], ["2", 11]]);
    expect(sameFrozenSet(a, new Map([["2", 11], ["1", 10]]))).toBe(true);
    expect(sameFrozenSet(a, new Map([["1", 10], ["2", 12]]))).toBe(false);
    expect(sameFrozenSet(a, new Map([["1", 10]]))).toBe(false);
    expect(sameFrozenSet(a, new Map([["1", 10], ["3", 11]]))).toBe(false);
  });
});

describe("correctionsBetween", () => {
  const row = (code: string, indicator: string, rank: number | null, ranked = 20) => ({ commune_code: code, indicator, rank, ranked });
  it("marks the ranks that changed, with what they were and when", () => {
    const before = [row("1", "a", 4), row("2", "a", 5), row("3", "a", 6), row("4", "a", null), row("5", "a", 1, 19)];
    const now = [row("1", "a", 5), row("2", "a", 4), row("3", "a", 6), row("4", "a", 3), row("5", "a", 1), row("6", "a", 2)];
    const corrections = correctionsBetween(before, now, "2026-12-01T03:00:00Z");
    expect([...corrections.entries()]).toEqual([
      ["1|a", { on: "2026-12-01T03:00:00Z", was: { rank: 4, ranked: 20 } }],
      ["2|a", { on: "2026-12-01T03:00:00Z", was: { rank: 5, ranked: 20 } }],
      // Same place in a larger field is a changed rank too: 1/19 became 1/20.
      ["5|a", { on: "2026-12-01T03:00:00Z", was: { rank: 1, ranked: 19 } }],
    ]);
    expect(corrections.has(correctionKey("3", "a"))).toBe(false);
  });
});
