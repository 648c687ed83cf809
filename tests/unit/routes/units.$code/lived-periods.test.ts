import { describe, expect, it } from "vitest";
import { livedPeriods } from "~/routes/units.$code/view.server";

const QUARTERS = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"];
const YEARS = ["2024", "2025", "2026"];
const OLD = { validFrom: null, validTo: "2025-Q2" };
const NEW = { validFrom: "2025-Q3", validTo: null };

describe("livedPeriods", () => {
  it("gives a unit merged away the quarters it existed in, and the years it existed at the end of", () => {
    expect(livedPeriods(OLD, "as_reported", "quarter", QUARTERS, null)).toEqual(["2025-Q1", "2025-Q2"]);
    // 2025 is ranked on the units of its end (rule 4), so the old unit has no 2025.
    expect(livedPeriods(OLD, "as_reported", "year", YEARS, null)).toEqual(["2024"]);
  });

  it("keeps the period asked for, which the page then explains", () => {
    expect(livedPeriods(OLD, "as_reported", "quarter", QUARTERS, "2026-Q1")).toEqual(["2025-Q1", "2025-Q2", "2026-Q1"]);
  });

  it("gives a merged unit on the current basis every period, restated from its predecessors", () => {
    expect(livedPeriods(NEW, "current", "quarter", QUARTERS, null)).toEqual(QUARTERS);
    expect(livedPeriods(NEW, "current", "year", YEARS, null)).toEqual(YEARS);
  });

  it("gives a new unit without predecessors only its own periods", () => {
    expect(livedPeriods(NEW, "as_reported", "quarter", QUARTERS, null)).toEqual(["2025-Q3", "2025-Q4", "2026-Q1"]);
    expect(livedPeriods(NEW, "as_reported", "year", YEARS, null)).toEqual(["2025", "2026"]);
  });
});
