import { describe, expect, it } from "vitest";
import { RegistryError, checkLineage, checkUnits, predecessorsOf, quarterBefore, successorsOf, unitAt, validIn, type LineageLine, type RegistryUnit } from "~/domain/unit-lineage";

const unit = (code: string, name: string, validFrom: string | null, validTo: string | null, line: number): RegistryUnit => ({
  code,
  name,
  kind: "commune",
  cluster: null,
  validFrom,
  validTo,
  line,
});

// Four old units merged into the new Xã Ninh Giang from 2025-Q3 (the town's code reused), and one old unit
// split 0.6/0.4 between the new Xã Ninh Giang and Xã Tân Phong.
const UNITS = [
  unit("11155", "Thị trấn Ninh Giang", null, "2025-Q2", 2),
  unit("11197", "Xã Vĩnh Hòa", null, "2025-Q2", 3),
  unit("11200", "Xã Hồng Dụ", null, "2025-Q2", 4),
  unit("11203", "Xã Hiệp Lực", null, "2025-Q2", 5),
  unit("11155", "Xã Ninh Giang", "2025-Q3", null, 6),
  unit("11206", "Xã Tân Phong", "2025-Q3", null, 7),
];
const line = (predecessor: string, successor: string, share: number, n: number): LineageLine => ({ predecessor, successor, effective: "2025-Q3", share, line: n });
const LINEAGE = [line("11155", "11155", 1, 2), line("11197", "11155", 1, 3), line("11200", "11155", 1, 4), line("11203", "11155", 0.6, 5), line("11203", "11206", 0.4, 6)];

function problemOf(f: () => void): RegistryError["problem"] | null {
  try {
    f();
    return null;
  } catch (error) {
    if (error instanceof RegistryError) return error.problem;
    throw error;
  }
}

describe("spans", () => {
  it("finds the unit a code names in a quarter, the reused code included", () => {
    expect(unitAt(UNITS, "11155", "2025-Q2")?.name).toBe("Thị trấn Ninh Giang");
    expect(unitAt(UNITS, "11155", "2025-Q3")?.name).toBe("Xã Ninh Giang");
    expect(unitAt(UNITS, "11206", "2025-Q2")).toBeUndefined();
    expect(validIn(UNITS[1]!, "2022-Q1")).toBe(true);
    expect(validIn(UNITS[1]!, "2025-Q3")).toBe(false);
    expect(quarterBefore("2025-Q1")).toBe("2024-Q4");
  });

  it("accepts the merger and the split", () => {
    expect(problemOf(() => checkUnits(UNITS, "communes.csv"))).toBeNull();
    expect(problemOf(() => checkLineage(LINEAGE, UNITS, "lineage.csv"))).toBeNull();
  });

  it("refuses a unit valid in no period, and one code for two units at once", () => {
    expect(problemOf(() => checkUnits([unit("11155", "A", "2025-Q3", "2025-Q2", 2)], "communes.csv"))).toEqual({
      key: "registry.error.noPeriod",
      params: { file: "communes.csv", line: 2, code: "11155", from: "2025-Q3", to: "2025-Q2" },
    });
    expect(problemOf(() => checkUnits([unit("11155", "A", null, "2025-Q3", 2), unit("11155", "B", "2025-Q3", null, 3)], "communes.csv"))).toEqual({
      key: "registry.error.overlap",
      params: { file: "communes.csv", line: 3, code: "11155", otherLine: 2 },
    });
  });
});

describe("lineage", () => {
  it("refuses shares of one predecessor that do not add up to 1, naming the line", () => {
    const bad = [...LINEAGE.slice(0, 4), line("11203", "11206", 0.3, 6)];
    expect(problemOf(() => checkLineage(bad, UNITS, "lineage.csv"))).toEqual({
      key: "registry.error.shares",
      params: { file: "lineage.csv", line: 6, predecessor: "11203", effective: "2025-Q3", sum: 0.9 },
    });
  });

  it("refuses a successor that does not start at the effective quarter, or does not exist", () => {
    expect(problemOf(() => checkLineage([line("11197", "99999", 1, 2)], UNITS, "lineage.csv"))?.key).toBe("registry.error.noSuccessor");
    expect(problemOf(() => checkLineage([{ ...line("11197", "11155", 1, 2), effective: "2025-Q4" }], UNITS, "lineage.csv"))?.key).toBe("registry.error.noSuccessor");
  });

  it("refuses a predecessor still existing after the change, and so any cycle", () => {
    // 11206 → 11206 would make the new unit its own predecessor: it did not end in 2025-Q2.
    expect(problemOf(() => checkLineage([line("11206", "11206", 1, 2)], UNITS, "lineage.csv"))).toEqual({
      key: "registry.error.noPredecessor",
      params: { file: "lineage.csv", line: 2, predecessor: "11206", successor: "11206", effective: "2025-Q3", before: "2025-Q2" },
    });
  });

  it("refuses the same pair twice", () => {
    expect(problemOf(() => checkLineage([...LINEAGE, line("11197", "11155", 1, 7)], UNITS, "lineage.csv"))?.key).toBe("registry.error.lineageTwice");
  });

  it("says where a unit went and where one came from", () => {
    const hiepLuc = UNITS[3]!;
    expect(successorsOf(LINEAGE, UNITS, hiepLuc)).toEqual([
      { code: "11155", name: "Xã Ninh Giang", share: 0.6, effective: "2025-Q3" },
      { code: "11206", name: "Xã Tân Phong", share: 0.4, effective: "2025-Q3" },
    ]);
    expect(predecessorsOf(LINEAGE, UNITS, UNITS[4]!).map((p) => [p.name, p.share])).toEqual([
      ["Thị trấn Ninh Giang", 1],
      ["Xã Vĩnh Hòa", 1],
      ["Xã Hồng Dụ", 1],
      ["Xã Hiệp Lực", 0.6],
    ]);
    expect(successorsOf(LINEAGE, UNITS, UNITS[5]!)).toEqual([]);
  });
});
