import { describe, expect, it } from "vitest";
import { ROLLBACK_WINDOW_MS, rollbackRefusal, type StandingRollback } from "~/domain/rollback-limit";

const T0 = new Date("2024-03-01T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const standing = (periods: string[], minutes: number, uploadId = 1): StandingRollback => ({ uploadId, periods, rolledBackAt: at(minutes) });

describe("the staff rollback bound", () => {
  it("lets staff roll back a first upload, and more uploads of the same period within the hour", () => {
    expect(rollbackRefusal("staff", ["2024-Q4"], [], at(0))).toBeNull();
    expect(rollbackRefusal("staff", ["2024-Q4"], [standing(["2024-Q4"], 0), standing(["2024-Q4"], 5, 2)], at(10))).toBeNull();
  });

  it("refuses staff a second period within the hour, and says when the first stops counting", () => {
    expect(rollbackRefusal("staff", ["2024-Q3"], [standing(["2024-Q4"], 0), standing(["2024-Q2"], 20, 2)], at(30))).toEqual({
      kind: "otherPeriod",
      held: ["2024-Q2", "2024-Q4"],
      retryAt: at(80),
    });
  });

  it("counts only the last hour", () => {
    expect(rollbackRefusal("staff", ["2024-Q3"], [standing(["2024-Q4"], 0)], new Date(T0.getTime() + ROLLBACK_WINDOW_MS))).toBeNull();
    expect(rollbackRefusal("staff", ["2024-Q3"], [standing(["2024-Q4"], 0)], new Date(T0.getTime() + ROLLBACK_WINDOW_MS - 1))).not.toBeNull();
  });

  it("refuses staff an upload that alone holds several periods", () => {
    expect(rollbackRefusal("staff", ["2024-Q2", "2024-Q1", "2024-Q1"], [], at(0))).toEqual({ kind: "manyPeriods", periods: ["2024-Q1", "2024-Q2"] });
  });

  it("does not bound an administrator", () => {
    expect(rollbackRefusal("admin", ["2024-Q1", "2024-Q2"], [standing(["2023-Q4"], 0)], at(1))).toBeNull();
  });
});
