import { describe, expect, it } from "vitest";
import { INDICATORS } from "~/domain/indicators";
import { projectYear } from "~/domain/projection";

const indicator = (id: string) => {
  const found = INDICATORS.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("the year-end projection at the year's pace", () => {
  it("keeps a rate, scales the counts to four quarters, and ranks everyone on the same assumption (hand-computed)", () => {
    const projected = projectYear(indicator("digitization_rate"), [
      { code: "A", quarters: 3, numerator: 270, denominator: 300 }, // 90 %, 360 of 400 at year end
      { code: "B", quarters: 2, numerator: 190, denominator: 200 }, // 95 %
      { code: "C", quarters: 3, numerator: 90, denominator: 100 }, // 90 %: tied with A
      { code: "D", quarters: 3, numerator: 0, denominator: 0 }, // nothing received: no value
    ]);
    expect(projected).toEqual([
      { code: "A", numerator: 360, denominator: 400, value: 0.9, rank: 2, ranked: 3 },
      { code: "B", numerator: 380, denominator: 400, value: 0.95, rank: 1, ranked: 3 },
      { code: "C", numerator: 120, denominator: 400 / 3, value: 0.9, rank: 2, ranked: 3 },
      { code: "D", numerator: 0, denominator: 0, value: null, rank: null, ranked: 3 },
    ]);
  });

  it("grows a count by the quarters still to come, and ranks where fewer is better the other way", () => {
    const entries = projectYear(indicator("contest_entries"), [
      { code: "A", quarters: 3, numerator: 9, denominator: null }, // 12 at year end
      { code: "B", quarters: 1, numerator: 4, denominator: null }, // 16: first, though behind today
    ]);
    expect(entries.map((p) => [p.code, p.value, p.rank])).toEqual([
      ["A", 12, 2],
      ["B", 16, 1],
    ]);
    const overdue = projectYear(indicator("overdue_dossiers"), [
      { code: "A", quarters: 2, numerator: 1, denominator: null }, // 2
      { code: "B", quarters: 4, numerator: 3, denominator: null }, // 3
      { code: "C", quarters: 1, numerator: null, denominator: null },
    ]);
    expect(overdue.map((p) => [p.code, p.value, p.rank, p.ranked])).toEqual([
      ["A", 2, 1, 2],
      ["B", 3, 2, 2],
      ["C", null, null, 2],
    ]);
  });
});
