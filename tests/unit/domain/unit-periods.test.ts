import { describe, expect, it } from "vitest";
import { livedPeriods, unitBasis, unitPeriods } from "~/domain/unit-periods";

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

describe("unitPeriods", () => {
  const resolved = (period: string) => ({ kind: "quarter" as const, period, periods: QUARTERS });
  const OLD_UNIT = { ...OLD, predecessors: [] };
  const MERGED = { ...NEW, predecessors: [{ code: "00001" }] };

  it("reads a merged unit that still exists on the current basis, any other unit as reported", () => {
    expect(unitBasis(MERGED)).toBe("current");
    expect(unitBasis(OLD_UNIT)).toBe("as_reported");
    expect(unitBasis({ ...MERGED, validTo: "2026-Q1" })).toBe("as_reported");
  });

  it("shows the period asked for, else the unit's latest: an old unit's last quarter before the merger", () => {
    expect(unitPeriods(OLD_UNIT, resolved("2026-Q1"), undefined)).toEqual({ basis: "as_reported", periods: ["2025-Q1", "2025-Q2"], period: "2025-Q2" });
    expect(unitPeriods(OLD_UNIT, resolved("2026-Q1"), "2026-Q1")?.period).toBe("2026-Q1");
    expect(unitPeriods(MERGED, resolved("2026-Q1"), undefined)).toEqual({ basis: "current", periods: QUARTERS, period: "2026-Q1" });
  });

  it("gives nothing to a unit without a period of the resolved kind", () => {
    expect(unitPeriods({ validFrom: "2027-Q1", validTo: null, predecessors: [] }, resolved("2026-Q1"), undefined)).toBeNull();
  });
});
