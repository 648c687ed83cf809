import { describe, expect, it } from "vitest";
import { formatChange, targetBeside, targetReachText } from "~/routes/_index/totals";

describe("formatChange", () => {
  it("writes a change in percentage points for rates and in units for counts", () => {
    expect(formatChange("vi", "rate", 0.858, 0.835)).toBe("+2,3 điểm %");
    expect(formatChange("en", "rate", 0.8, 0.85)).toBe("−5.0 pp");
    expect(formatChange("vi", "count", 3, 7)).toBe("−4");
    expect(formatChange("vi", "count", 7, 7)).toBe("±0");
    expect(formatChange("vi", "rate", null, 0.5)).toBeNull();
  });
});

describe("the body's figure against its target", () => {
  it("says the target beside the figure and whether the body meets it", () => {
    expect(targetBeside("vi", "digitization_rate", { value: 0.8, met: true, units: { met: 20, of: 20 } })).toBe("mục tiêu 80\u00A0%, đạt");
    expect(targetBeside("en", "overdue_dossiers", { value: 0, met: false, units: { met: 14, of: 20 } })).toBe("target 0, not met");
    // No figure for the body: the target alone.
    expect(targetBeside("vi", "satisfaction_rate", { value: 0.95, met: null, units: { met: 0, of: 0 } })).toBe("mục tiêu 95\u00A0%");
  });
  it("counts the units meeting it, and says when there is no target", () => {
    expect(targetReachText("vi", { value: 0.65, met: true, units: { met: 18, of: 20 } })).toBe("18/20 đạt");
    expect(targetReachText("en", { value: 0.65, met: true, units: { met: 18, of: 20 } })).toBe("18 of 20 meet the target");
    expect(targetReachText("vi", null)).toBe("không có mục tiêu");
    expect(targetReachText("vi", { value: 0.95, met: null, units: { met: 0, of: 0 } })).toBe("—");
  });
});
