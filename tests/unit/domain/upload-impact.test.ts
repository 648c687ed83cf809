import { describe, expect, it } from "vitest";
import { countOutcomes, groupImpact, impactOutcome, type UnitImpact } from "~/domain/upload-impact";

const u = (id: number) => ({ id, uploadedAt: `2024-0${id}-01T00:00:00Z` });
const row = (period: string, unitCode: string, before: number | null, after: number | null): UnitImpact => ({
  period,
  unitCode,
  unitName: `Xã ${unitCode}`,
  before: before === null ? null : u(before),
  after: after === null ? null : u(after),
});

describe("the impact of a rollback or a restore", () => {
  it("names the outcome from the upload current now and the one current afterwards", () => {
    expect(impactOutcome(u(3), u(1))).toBe("replaced");
    expect(impactOutcome(u(3), null)).toBe("noData");
    expect(impactOutcome(null, u(3))).toBe("newData");
    expect(impactOutcome(u(4), u(4))).toBe("unchanged");
  });

  it("groups units by period, outcome and uploads, losses first", () => {
    const groups = groupImpact([
      row("2024-Q1", "1", 3, 1),
      row("2024-Q1", "2", 4, 4),
      row("2024-Q1", "3", 3, null),
      row("2024-Q1", "4", 3, 1),
      row("2023-Q4", "1", 3, 2),
    ]);
    expect(groups.map((g) => [g.period, g.outcome, g.before?.id ?? null, g.after?.id ?? null, g.units.map((x) => x.code)])).toEqual([
      ["2023-Q4", "replaced", 3, 2, ["1"]],
      ["2024-Q1", "noData", 3, null, ["3"]],
      ["2024-Q1", "replaced", 3, 1, ["1", "4"]],
      ["2024-Q1", "unchanged", 4, 4, ["2"]],
    ]);
    expect(countOutcomes(groups)).toEqual({ noData: 1, replaced: 3, newData: 0, unchanged: 1 });
  });
});
