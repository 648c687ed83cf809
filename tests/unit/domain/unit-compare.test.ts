import { describe, expect, it } from "vitest";
import { rateDomain } from "~/domain/unit-charts";
import { MAX_COMPARE, MIN_COMPARE, selectionStatus } from "~/domain/unit-compare";

describe("compare selection", () => {
  it("asks for 2 to 5 units", () => {
    expect([MIN_COMPARE, MAX_COMPARE]).toEqual([2, 5]);
    expect([0, 1, 2, 5, 6].map(selectionStatus)).toEqual(["none", "tooFew", "ok", "ok", "tooMany"]);
  });
});

describe("rate chart range", () => {
  it("keeps 0–100 % unless every value sits high, then starts at the tenth below the smallest", () => {
    expect(rateDomain([0.2, 0.9, null])).toEqual([0, 1]);
    expect(rateDomain([null])).toEqual([0, 1]);
    expect(rateDomain([0.965, 1, 0.99])).toEqual([0.9, 1]);
    expect(rateDomain([0.9, 1])).toEqual([0.8, 1]);
    expect(rateDomain([1, 1])).toEqual([0.9, 1]);
    expect(rateDomain([0.62, 0.8])).toEqual([0.6, 1]);
  });
});
