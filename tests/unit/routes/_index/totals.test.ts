import { describe, expect, it } from "vitest";
import { formatChange } from "~/routes/_index/totals";

describe("formatChange", () => {
  it("writes a change in percentage points for rates and in units for counts", () => {
    expect(formatChange("vi", "rate", 0.858, 0.835)).toBe("+2,3 điểm %");
    expect(formatChange("en", "rate", 0.8, 0.85)).toBe("−5.0 pp");
    expect(formatChange("vi", "count", 3, 7)).toBe("−4");
    expect(formatChange("vi", "count", 7, 7)).toBe("±0");
    expect(formatChange("vi", "rate", null, 0.5)).toBeNull();
  });
});
