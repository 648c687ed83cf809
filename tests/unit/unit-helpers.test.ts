import { describe, expect, it } from "vitest";
import { rateDomain } from "~/domain/unit-charts";
import { MAX_COMPARE, MIN_COMPARE, selectionStatus } from "~/domain/unit-compare";
import { formatFraction, formatRank, formatTick, periodInText, valueUnitOf } from "~/domain/unit-format";
import { resolvePagePeriod } from "~/domain/unit-period";
import { bestCodes, countTiedWith, scoreGapFor } from "~/domain/unit-ranks";
import { allKeys, t } from "~/i18n/translate";
import { unitMessages } from "~/i18n/unit-messages";

const row = (code: string, rank: number | null, value: number | null) => ({ commune_code: code, commune_name: `Xã ${code}`, rank, value });

describe("which period a page shows", () => {
  const loaded = { quarters: ["2022-Q4", "2023-Q1", "2023-Q2"], years: ["2022", "2023"] };

  it("defaults to the latest quarter with data, with all quarters for the trend", () => {
    expect(resolvePagePeriod(loaded, undefined)).toEqual({ status: "ok", period: "2023-Q2", kind: "quarter", periods: loaded.quarters });
  });

  it("runs a year's trend over the years", () => {
    expect(resolvePagePeriod(loaded, "2022")).toEqual({ status: "ok", period: "2022", kind: "year", periods: ["2022", "2023"] });
  });

  it("reports a well-formed period without data, and an empty database", () => {
    expect(resolvePagePeriod(loaded, "2019-Q1")).toEqual({ status: "unknown", period: "2019-Q1" });
    expect(resolvePagePeriod(loaded, "2024")).toEqual({ status: "unknown", period: "2024" });
    expect(resolvePagePeriod({ quarters: [], years: [] }, undefined)).toEqual({ status: "empty" });
  });
});

describe("rank facts", () => {
  // 1224: two units share rank 2.
  const rows = [row("00001", 1, 90), row("00002", 2, 80), row("00003", 2, 80), row("00004", 4, 77.5), row("00005", null, null)];

  it("counts the other units holding the same rank", () => {
    expect(countTiedWith(rows, "00002")).toBe(1);
    expect(countTiedWith(rows, "00001")).toBe(0);
    expect(countTiedWith(rows, "00005")).toBe(0);
    expect(countTiedWith(rows, "99999")).toBe(0);
  });

  it("measures the composite gap to the next higher score, naming the first tied unit by code", () => {
    expect(scoreGapFor(rows, "00004")).toEqual({ points: 2.5, pass_code: "00002", pass_name: "Xã 00002", pass_tied: 2 });
    expect(scoreGapFor(rows, "00002")).toEqual({ points: 10, pass_code: "00001", pass_name: "Xã 00001", pass_tied: 1 });
    expect(scoreGapFor(rows, "00001")).toBeNull();
    expect(scoreGapFor(rows, "00005")).toBeNull();
  });

  it("marks every unit with the best rank as best, and none without ranks", () => {
    expect(bestCodes([{ code: "a", rank: 3 }, { code: "b", rank: 1 }, { code: "c", rank: 1 }, { code: "d", rank: null }])).toEqual(["b", "c"]);
    expect(bestCodes([{ code: "a", rank: null }])).toEqual([]);
  });
});

describe("compare selection", () => {
  it("asks for 2 to 5 units", () => {
    expect([MIN_COMPARE, MAX_COMPARE]).toEqual([2, 5]);
    expect([0, 1, 2, 5, 6].map(selectionStatus)).toEqual(["none", "tooFew", "ok", "ok", "tooMany"]);
  });
});

describe("figures in words", () => {
  it("writes ranks, fractions, ticks and periods as the pages need them", () => {
    expect(formatRank(4, 20)).toBe("4/20");
    expect(formatRank(null, 20)).toBe("—");
    expect(formatFraction("vi", 6948, 8153)).toBe("6.948 / 8.153");
    expect(formatFraction("en", 138, null)).toBe("138");
    expect(formatFraction("en", null, null)).toBe("—");
    expect(formatTick("vi", "rate", 0.8)).toBe("80\u00A0%");
    expect(formatTick("en", "score", 60)).toBe("60");
    expect(periodInText("vi", "2023")).toBe("năm 2023");
    expect(periodInText("vi", "2023-Q4")).toBe("quý 4/2023");
    expect(periodInText("en", "2023-Q4")).toBe("Q4 2023");
    expect(valueUnitOf("composite_score")).toBe("score");
    expect(valueUnitOf("overdue_dossiers")).toBe("count");
    expect(valueUnitOf("online_rate")).toBe("rate");
  });
});

describe("unit and compare messages", () => {
  it("have the same keys in Vietnamese and English, none empty", () => {
    expect(Object.keys(unitMessages.en).sort()).toEqual(Object.keys(unitMessages.vi).sort());
    for (const lang of ["vi", "en"] as const) {
      for (const [key, value] of Object.entries(unitMessages[lang])) expect(value.trim(), `${lang} ${key}`).not.toBe("");
    }
  });

  it("reach the joined dictionary unchanged (no other area's key of the same name overrides them)", () => {
    const keys = new Set(allKeys("vi"));
    for (const lang of ["vi", "en"] as const) {
      for (const [key, value] of Object.entries(unitMessages[lang])) {
        expect(keys.has(key), key).toBe(true);
        expect(t(lang, key), key).toBe(value);
      }
    }
  });
});

describe("rate chart range", () => {
  it("keeps 0–100 % unless every value sits high, then starts at the tenth below the smallest", () => {
    expect(rateDomain([0.2, 0.9, null])).toEqual([0, 1]);
    expect(rateDomain([null])).toEqual([0, 1]);
    expect(rateDomain([0.965, 1, 0.99])).toEqual([0.9, 1]);
    expect(rateDomain([0.9, 1])).toEqual([0.8, 1]);
    expect(rateDomain([1, 1])).toEqual([0.9, 1]);
    expect(rateDomain([0.62, 0.8])).toEqual([0.6, 1]);
  });
});
