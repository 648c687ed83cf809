import { describe, expect, it } from "vitest";
import { formatCount, formatPercent, formatPeriod } from "~/i18n/format";

describe("formatPercent", () => {
  it("writes Vietnamese with a decimal comma and a no-break space, English with a point", () => {
    expect(formatPercent("vi", 0.955)).toBe("95,5\u00A0%");
    expect(formatPercent("en", 0.955)).toBe("95.5%");
    expect(formatPercent("vi", null)).toBe("—");
  });
  it("shows 100 % only for a whole rate", () => {
    expect(formatPercent("vi", 1)).toBe("100,0\u00A0%");
    expect(formatPercent("vi", 9996 / 10000)).toBe("99,9\u00A0%");
    expect(formatPercent("en", 0.99949)).toBe("99.9%");
    expect(formatPercent("en", 0.9994)).toBe("99.9%");
    expect(formatPercent("en", 0)).toBe("0.0%");
  });
});

describe("formatCount and formatPeriod", () => {
  it("group thousands per language and name periods for reading", () => {
    expect(formatCount("vi", 6948)).toBe("6.948");
    expect(formatCount("en", 6948)).toBe("6,948");
    expect(formatPeriod("vi", "2023-Q4")).toBe("Quý 4/2023");
    expect(formatPeriod("en", "2023")).toBe("2023");
  });
});
