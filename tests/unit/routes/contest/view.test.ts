import { describe, expect, it } from "vitest";
import { contestView, sumReported, valuesByQuarter } from "~/routes/contest/view.server";
import type { RankingRow } from "~/db/rankings.server";

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

describe("contestView", () => {
  const quarter = (code: string, q: number, entries: number, initiatives: number) => ({
    commune_code: code,
    commune_name: `Xã ${code}`,
    year: 2023,
    quarter: q,
    contest_entries: entries,
    initiatives,
  });
  const rank = (code: string, indicator: "contest_entries" | "initiatives", r: number | null, ranked: number, previous: number | null): RankingRow => ({
    period: "2023",
    commune_code: code,
    commune_name: `Xã ${code}`,
    indicator,
    numerator: null,
    denominator: null,
    value: null,
    rank: r,
    ranked,
    previous_rank: previous,
    previous_ranked: previous === null ? null : ranked,
    movement: previous === null || r === null ? null : previous - r,
    previous_value: null,
    quarters: 4,
    incomplete: false,
    gap: null,
    cluster: null,
    cluster_rank: null,
    cluster_ranked: null,
    basis: "as_reported",
    restated: false,
    estimated: false,
  });

  it("totals each unit's quarters, orders by entries rank then code, and lists who sent nothing", () => {
    const view = contestView({
      year: "2023",
      quarters: [quarter("00002", 1, 5, 0), quarter("00002", 2, 5, 1), quarter("00001", 1, 30, 2), quarter("00001", 2, 1, 0), quarter("00001", 3, 0, 0), quarter("00001", 4, 0, 0)],
      rankings: [rank("00001", "contest_entries", 1, 2, 2), rank("00002", "contest_entries", 2, 2, 1), rank("00001", "initiatives", 1, 2, null), rank("00002", "initiatives", 2, 2, null)],
      registry: [
        { code: "00001", name: "Xã 00001" },
        { code: "00002", name: "Xã 00002" },
        { code: "00003", name: "Xã 00003" },
      ],
    });
    expect(view.units.map((u) => [u.code, u.entries.total, u.entries.rank, u.initiatives.total, u.quartersReported, u.incomplete])).toEqual([
      ["00001", 31, 1, 2, 4, false],
      ["00002", 10, 2, 1, 2, true],
    ]);
    expect(view.units[1]?.entries.quarters).toEqual([5, 5, null, null]);
    expect(view.units[0]?.entries.previous?.rank).toBe(2);
    expect(view.missing).toEqual([{ code: "00003", name: "Xã 00003" }]);
    expect(view.registryCount).toBe(3);
  });
});
