import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPeriodId, formatQuarter, parsePeriodId, parseQuarter, periodsUpTo, previousPeriod, previousPeriodId, quartersOfYearTo, resolvePeriod } from "~/domain/period";

const quarterArb = fc.record({ year: fc.integer({ min: 2000, max: 2100 }), quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const) });
const periodIdArb = fc.oneof(
  quarterArb.map((q) => `${q.year}-Q${q.quarter}`),
  fc.integer({ min: 2000, max: 2100 }).map(String),
);

describe("period ids", () => {
  it("parse and format back to the same id, for every quarter and year in range", () => {
    fc.assert(
      fc.property(periodIdArb, (id) => {
        const parsed = parsePeriodId(id);
        expect(parsed).not.toBeNull();
        if (parsed) expect(formatPeriodId(parsed)).toBe(id);
      }),
    );
  });

  it("refuses what is not a period id", () => {
    for (const bad of ["", "2023-Q5", "2023-Q0", "Q4/2023", "1999", "2101", "2023-q4", " 2023", "20234"]) expect(parsePeriodId(bad), bad).toBeNull();
  });

  it("lists a quarter's year up to it, and nothing for a year", () => {
    expect(quartersOfYearTo("2024-Q3")).toEqual(["2024-Q1", "2024-Q2", "2024-Q3"]);
    expect(quartersOfYearTo("2024-Q1")).toEqual(["2024-Q1"]);
    expect(quartersOfYearTo("2024")).toEqual([]);
  });

  it("read a report's period cell as offices write it", () => {
    for (const cell of ["2023-Q4", "Q4/2023", "Quý 4/2023", "quý 4/2023", "2023 Q4", " q4-2023 ", "Quy 4 2023", "Quý IV/2023", "quý iv-2023", "QIV/2023", "Quý 4 năm 2023", "quý 4-2023", "Quý IV năm 2023", "Quy 4 nam 2023"]) {
      expect(parseQuarter(cell), cell).toEqual({ year: 2023, quarter: 4 });
    }
    for (const bad of ["Quý 5/2023", "2023", "4/2023", "Q4/1999", "Quý V/2023", "Quý IIII/2023", "Quý 4 năm", "năm 2023"]) expect(parseQuarter(bad), bad).toBeNull();
    expect(parseQuarter("Quý I/2024")).toEqual({ year: 2024, quarter: 1 });
    expect(parseQuarter("Quý III năm 2025")).toEqual({ year: 2025, quarter: 3 });
    fc.assert(
      fc.property(quarterArb, (q) => {
        expect(parseQuarter(formatQuarter(q))).toEqual(q);
      }),
    );
  });
});

describe("previousPeriod", () => {
  it("steps back one quarter within a year, from Q1 to the year before's Q4, and a year to the year before", () => {
    expect(previousPeriodId("2024-Q3")).toBe("2024-Q2");
    expect(previousPeriodId("2024-Q1")).toBe("2023-Q4");
    expect(previousPeriodId("2024")).toBe("2023");
    expect(() => previousPeriodId("nope")).toThrow("not a period id: nope");
  });

  it("always gives an earlier id of the same kind, and four quarters back is the same quarter a year earlier", () => {
    fc.assert(
      fc.property(quarterArb.filter((q) => q.year > 2001), (q) => {
        const id = formatQuarter(q);
        const prev = previousPeriodId(id);
        expect(prev < id).toBe(true);
        expect(parsePeriodId(prev)?.kind).toBe("quarter");
        const back4 = [1, 2, 3, 4].reduce((p) => previousPeriodId(p), id);
        expect(back4).toBe(`${q.year - 1}-Q${q.quarter}`);
        expect(formatPeriodId(previousPeriod({ kind: "year", year: q.year }))).toBe(String(q.year - 1));
      }),
    );
  });
});

describe("resolvePeriod", () => {
  const loaded = { quarters: ["2022-Q4", "2023-Q1", "2023-Q2"], years: ["2022", "2023"] };

  it("defaults to the latest quarter with data, with all quarters for the trend", () => {
    expect(resolvePeriod(loaded, undefined)).toEqual({ status: "ok", period: "2023-Q2", kind: "quarter", periods: loaded.quarters });
  });

  it("defaults to the latest year on a page of years", () => {
    expect(resolvePeriod(loaded, undefined, "year")).toEqual({ status: "ok", period: "2023", kind: "year", periods: loaded.years });
  });

  it("runs a year's trend over the years", () => {
    expect(resolvePeriod(loaded, "2022")).toEqual({ status: "ok", period: "2022", kind: "year", periods: ["2022", "2023"] });
  });

  it("reports a period without data with the loaded periods of its kind, and an empty database", () => {
    expect(resolvePeriod(loaded, "2019-Q1")).toEqual({ status: "unknown", period: "2019-Q1", loaded: loaded.quarters });
    expect(resolvePeriod(loaded, "2024")).toEqual({ status: "unknown", period: "2024", loaded: loaded.years });
    expect(resolvePeriod({ quarters: [], years: [] }, undefined)).toEqual({ status: "empty" });
    expect(resolvePeriod({ quarters: [], years: [] }, "2023-Q1")).toEqual({ status: "empty" });
  });

  it("shows exactly the periods that have data, whatever is loaded and asked", () => {
    fc.assert(
      fc.property(fc.uniqueArray(quarterArb.map(formatQuarter), { maxLength: 12 }), fc.option(periodIdArb, { nil: undefined }), (quarters, asked) => {
        const sorted = [...quarters].sort();
        const years = [...new Set(sorted.map((q) => q.slice(0, 4)))];
        const result = resolvePeriod({ quarters: sorted, years }, asked);
        if (sorted.length === 0) {
          expect(result).toEqual({ status: "empty" });
        } else if (asked === undefined) {
          expect(result).toEqual({ status: "ok", period: sorted.at(-1), kind: "quarter", periods: sorted });
        } else if ([...sorted, ...years].includes(asked)) {
          expect(result).toMatchObject({ status: "ok", period: asked });
        } else {
          expect(result).toMatchObject({ status: "unknown", period: asked });
        }
      }),
    );
  });
});

describe("periodsUpTo", () => {
  it("keeps the periods up to and including the one read, oldest first", () => {
    expect(periodsUpTo(["2023-Q2", "2022-Q4", "2023-Q1", "2024-Q1"], "2023-Q2")).toEqual(["2022-Q4", "2023-Q1", "2023-Q2"]);
  });
});
