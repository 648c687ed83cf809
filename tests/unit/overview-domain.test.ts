import { describe, expect, it } from "vitest";
import {
  byRankThenCode,
  latestPeriod,
  missingUnits,
  periodsUpTo,
  pickMovers,
  sumReported,
  valuesByQuarter,
  type RankedUnit,
} from "~/domain/overview";
import { parseContestParams, parseOverviewParams } from "~/domain/overview-params.server";

function params(query: string) {
  return parseOverviewParams(new URLSearchParams(query));
}

describe("parseOverviewParams", () => {
  it("defaults to no period (the page picks the latest quarter) and the composite score", () => {
    expect(params("")).toEqual({ ok: true, params: { period: undefined, indicator: "composite_score" } });
  });

  it("reads a quarter, a year and any registry indicator, and ignores other parameters", () => {
    expect(params("period=2023-Q4&indicator=digitization_rate&lang=en")).toEqual({
      ok: true,
      params: { period: "2023-Q4", indicator: "digitization_rate" },
    });
    expect(params("period=2023&indicator=overdue_dossiers")).toEqual({ ok: true, params: { period: "2023", indicator: "overdue_dossiers" } });
  });

  it("treats an empty value as absent, as a GET form sends it", () => {
    expect(params("period=&indicator=")).toEqual({ ok: true, params: { period: undefined, indicator: "composite_score" } });
  });

  it("names the parameter and the value that are wrong", () => {
    expect(params("period=2023-Q5")).toEqual({ ok: false, problem: { param: "period", value: "2023-Q5" } });
    expect(params("period=Q4/2023")).toEqual({ ok: false, problem: { param: "period", value: "Q4/2023" } });
    expect(params("period=2023-Q1&indicator=foo")).toEqual({ ok: false, problem: { param: "indicator", value: "foo" } });
  });
});

describe("parseContestParams", () => {
  it("accepts a four-digit year or nothing", () => {
    expect(parseContestParams(new URLSearchParams("year=2023"))).toEqual({ ok: true, params: { year: "2023" } });
    expect(parseContestParams(new URLSearchParams(""))).toEqual({ ok: true, params: { year: undefined } });
  });

  it("refuses a quarter, a short year and words, naming the value", () => {
    for (const bad of ["2023-Q4", "23", "năm nay", "1999"]) {
      expect(parseContestParams(new URLSearchParams({ year: bad }))).toEqual({ ok: false, problem: { param: "year", value: bad } });
    }
  });
});

describe("latestPeriod and periodsUpTo", () => {
  it("picks the latest quarter whatever the order given, and null when nothing is loaded", () => {
    expect(latestPeriod(["2024-Q4", "2022-Q1", "2024-Q3"])).toBe("2024-Q4");
    expect(latestPeriod(["2022", "2024", "2023"])).toBe("2024");
    expect(latestPeriod([])).toBeNull();
  });

  it("keeps the periods up to and including the one read, oldest first", () => {
    expect(periodsUpTo(["2023-Q2", "2022-Q4", "2023-Q1", "2024-Q1"], "2023-Q2")).toEqual(["2022-Q4", "2023-Q1", "2023-Q2"]);
  });
});

describe("missingUnits", () => {
  it("lists registry units without data, in code order", () => {
    const registry = [
      { code: "11218", name: "Xã Văn Hội" },
      { code: "11155", name: "Thị trấn Ninh Giang" },
      { code: "11161", name: "Xã Ứng Hoè" },
    ];
    expect(missingUnits(registry, ["11161"])).toEqual([
      { code: "11155", name: "Thị trấn Ninh Giang" },
      { code: "11218", name: "Xã Văn Hội" },
    ]);
    expect(missingUnits(registry, ["11218", "11155", "11161"])).toEqual([]);
  });
});

describe("pickMovers", () => {
  const unit = (code: string, rank: number | null, previousRank: number | null): RankedUnit => ({ code, name: `Xã ${code}`, rank, previousRank });

  it("takes the three biggest gains and the three biggest losses, by places", () => {
    const rows = [
      unit("00001", 1, 5), // +4
      unit("00002", 2, 1), // −1
      unit("00003", 3, 10), // +7
      unit("00004", 4, 2), // −2
      unit("00005", 5, 6), // +1
      unit("00006", 6, 3), // −3
      unit("00007", 7, 9), // +2
      unit("00008", 8, 4), // −4
      unit("00009", 9, 7), // −2
      unit("00010", 10, 8), // −2
    ];
    const { risers, fallers } = pickMovers(rows);
    expect(risers.map((m) => [m.code, m.movement])).toEqual([
      ["00003", 7],
      ["00001", 4],
      ["00007", 2],
    ]);
    // −2 is shared by 00004, 00009 and 00010: the lowest code wins the third place.
    expect(fallers.map((m) => [m.code, m.movement])).toEqual([
      ["00008", -4],
      ["00006", -3],
      ["00004", -2],
    ]);
  });

  it("breaks equal movements by unit code whatever the input order", () => {
    const rows = [unit("00009", 1, 3), unit("00002", 2, 4), unit("00005", 3, 5), unit("00001", 4, 6)];
    const forward = pickMovers(rows).risers.map((m) => m.code);
    const backward = pickMovers([...rows].reverse()).risers.map((m) => m.code);
    expect(forward).toEqual(["00001", "00002", "00005"]);
    expect(backward).toEqual(forward);
  });

  it("leaves out units without a rank in either period and units that did not move", () => {
    const rows = [unit("00001", null, 2), unit("00002", 3, null), unit("00003", 4, 4), unit("00004", 1, 2)];
    expect(pickMovers(rows)).toEqual({
      risers: [{ code: "00004", name: "Xã 00004", rank: 1, previousRank: 2, movement: 1 }],
      fallers: [],
    });
  });

  it("returns fewer than three when fewer moved, and honours another count", () => {
    expect(pickMovers([unit("00001", 2, 1)]).fallers).toHaveLength(1);
    expect(pickMovers([unit("00001", 1, 3), unit("00002", 2, 5)], 1).risers.map((m) => m.code)).toEqual(["00002"]);
  });
});

describe("valuesByQuarter and sumReported", () => {
  it("places each quarter's value and leaves unreported quarters null", () => {
    const rows = [
      { commune_code: "11218", quarter: 1, n: 5 },
      { commune_code: "11218", quarter: 4, n: 2 },
      { commune_code: "11155", quarter: 2, n: 31 },
    ];
    const byUnit = valuesByQuarter(rows, (r) => r.n);
    expect(byUnit.get("11218")).toEqual([5, null, null, 2]);
    expect(byUnit.get("11155")).toEqual([null, 31, null, null]);
    expect(sumReported([5, null, null, 2])).toBe(7);
  });

  it("throws on a quarter outside 1–4 (a bug upstream, not a state to draw)", () => {
    expect(() => valuesByQuarter([{ commune_code: "1", quarter: 5 }], () => 1)).toThrow("bad quarter: 5");
  });
});

describe("byRankThenCode", () => {
  it("puts ranked units first, best first, ties and unranked by code", () => {
    const items = [
      { rank: null, code: "00002" },
      { rank: 2, code: "00005" },
      { rank: 1, code: "00009" },
      { rank: 2, code: "00001" },
      { rank: null, code: "00001" },
    ];
    expect([...items].sort(byRankThenCode)).toEqual([
      { rank: 1, code: "00009" },
      { rank: 2, code: "00001" },
      { rank: 2, code: "00005" },
      { rank: null, code: "00001" },
      { rank: null, code: "00002" },
    ]);
  });
});
