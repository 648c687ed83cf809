import { describe, expect, it } from "vitest";
import { COMPOSITE_ID, RANKED_IDS, formatsOf, valueKind } from "~/domain/indicators";
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatTime,
  formatCounts,
  formatIndicatorTick,
  formatIndicatorValue,
  formatPercent,
  formatPeriod,
  formatRank,
  formatTarget,
  movementText,
  periodInSentence,
  shortLabel,
} from "~/i18n/format";

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

describe("formatTarget", () => {
  it("writes a rate target with the decimals it has and no more, never rounded", () => {
    expect(formatTarget("vi", "digitization_rate", 0.8)).toBe("80\u00A0%");
    expect(formatTarget("vi", "digitization_rate", 0.955)).toBe("95,5\u00A0%");
    expect(formatTarget("en", "on_time_rate", 0.985)).toBe("98.5%");
    expect(formatTarget("en", "on_time_rate", 0.9995)).toBe("99.95%");
    expect(formatTarget("vi", "satisfaction_rate", 1)).toBe("100\u00A0%");
  });
  it("writes a count target as a count", () => {
    expect(formatTarget("vi", "overdue_dossiers", 0)).toBe("0");
    expect(formatTarget("vi", "contest_entries", 1200)).toBe("1.200");
  });
});

describe("formatCount and formatPeriod", () => {
  it("group thousands per language and name periods for reading", () => {
    expect(formatCount("vi", 6948)).toBe("6.948");
    expect(formatCount("en", 6948)).toBe("6,948");
    expect(formatPeriod("vi", "2023-Q4")).toBe("Quý 4/2023");
    expect(formatPeriod("vi", "2023")).toBe("Năm 2023");
    expect(formatPeriod("en", "2023")).toBe("2023");
  });
});

describe("the registry's formats", () => {
  it("give every ranked indicator a kind and named formats, the composite a 0–100 score", () => {
    for (const id of RANKED_IDS) expect(["rate", "count", "score"]).toContain(valueKind(id));
    expect(valueKind(COMPOSITE_ID)).toBe("score");
    expect(valueKind("overdue_dossiers")).toBe("count");
    expect(valueKind("online_rate")).toBe("rate");
    expect(formatsOf("online_rate").domainMax).toBe(1);
    expect(formatsOf(COMPOSITE_ID).domainMax).toBe(100);
    expect(formatsOf("contest_entries").domainMax).toBeNull();
    expect(() => formatsOf("speed")).toThrow("unknown indicator: speed");
  });

  it("format rates, counts and the composite score in each language, tables and axes alike", () => {
    expect(formatIndicatorValue("vi", "digitization_rate", 0.955)).toBe("95,5\u00A0%");
    expect(formatIndicatorValue("en", "digitization_rate", 0.955)).toBe("95.5%");
    expect(formatIndicatorValue("vi", "contest_entries", 1234)).toBe("1.234");
    expect(formatIndicatorValue("vi", COMPOSITE_ID, 87.654)).toBe("87,7");
    expect(formatIndicatorValue("vi", "online_rate", null)).toBe("—");
    expect(formatIndicatorTick("vi", "online_rate", 0.8)).toBe("80\u00A0%");
    expect(formatIndicatorTick("en", COMPOSITE_ID, 60)).toBe("60");
    expect(formatIndicatorTick("en", "contest_entries", 1200)).toBe("1,200");
  });

  it("write the counts behind a rate one way on every page, and a rank as leaders say it", () => {
    expect(formatCounts("vi", 6948, 8153)).toBe("6.948/8.153");
    expect(formatCounts("en", 6948, 8153)).toBe("6,948/8,153");
    expect(formatCounts("vi", 3, null)).toBeNull();
    expect(formatRank(4, 20)).toBe("4/20");
    expect(formatRank(null, 20)).toBe("—");
    expect(formatRank(3, null)).toBe("3");
  });
});

describe("words", () => {
  it("say a movement and a period inside a sentence", () => {
    expect(movementText("vi", 2)).toBe("tăng 2 bậc");
    expect(movementText("vi", -1)).toBe("giảm 1 bậc");
    expect(movementText("en", 0)).toBe("no change");
    expect(periodInSentence("vi", "2024-Q3")).toBe("quý 3/2024");
    expect(periodInSentence("vi", "2023")).toBe("năm 2023");
    expect(periodInSentence("en", "2024-Q3")).toBe("Q3 2024");
  });

  it("have a short column label for every ranked indicator", () => {
    for (const id of RANKED_IDS) expect(shortLabel("en", id)).not.toContain("overview.short");
  });
});

describe("dates and times as offices write them", () => {
  it("writes a date 01/12/2026 in Vietnamese and a time 06:53 on Vietnam's clock", () => {
    // 23:53 UTC on 30 November is 06:53 on 1 December in Vietnam.
    expect(formatDate("vi", "2026-11-30T23:53:00Z")).toBe("01/12/2026");
    expect(formatTime("vi", "2026-11-30T23:53:00Z")).toBe("06:53");
    expect(formatTime("en", "2026-11-30T23:53:00Z")).toBe("06:53");
    expect(formatDate("en", "2026-11-30T23:53:00Z")).toBe("1 Dec 2026");
    expect(formatDate("vi", "2026-12-01")).toBe("01/12/2026");
    expect(formatDateTime("vi", "2026-11-30T23:53:00Z")).toBe("06:53 ngày 01/12/2026");
    expect(formatDateTime("en", "2026-11-30T23:53:00Z")).toBe("1 Dec 2026, 06:53");
    expect(formatDateTime("vi", "not a date")).toBe("not a date");
  });
});
