import { describe, expect, it } from "vitest";
import { sharedRanks, bestCodes, byRankThenCode, countTiedWith, missingUnits, pickMovers, previousStanding, rankChange, rankMovement } from "~/domain/ranks";

describe("rankMovement", () => {
  it("counts places gained as positive and lost as negative, and nothing without both ranks", () => {
    expect(rankMovement(3, 5)).toBe(2);
    expect(rankMovement(5, 3)).toBe(-2);
    expect(rankMovement(4, 4)).toBe(0);
    expect(rankMovement(null, 4)).toBeNull();
    expect(rankMovement(4, null)).toBeNull();
    expect(rankMovement(4, undefined)).toBeNull();
  });
});

describe("rankChange", () => {
  it("is an arrow of places only where both periods ranked the same units", () => {
    expect(rankChange(3, { rank: 5, ranked: 20, movement: 2 })).toEqual({ kind: "moved", places: 2 });
    expect(rankChange(4, { rank: 4, ranked: 20, movement: 0 })).toEqual({ kind: "moved", places: 0 });
  });

  it("states both ranks with their fields when the sets differ: 17/20 then 5/6 is not 12 places up", () => {
    expect(rankChange(5, { rank: 17, ranked: 20, movement: null })).toEqual({ kind: "fields", from: { rank: 17, ranked: 20 } });
  });

  it("says nothing without a rank in either period", () => {
    expect(rankChange(null, { rank: 17, ranked: 20, movement: null })).toBeNull();
    expect(rankChange(5, null)).toBeNull();
    expect(rankChange(5, undefined)).toBeNull();
  });
});

describe("previousStanding", () => {
  it("reads the previous rank, its field and the movement off a ranking row", () => {
    expect(previousStanding({ previous_rank: 17, previous_ranked: 20, movement: null })).toEqual({ rank: 17, ranked: 20, movement: null });
    expect(previousStanding({ previous_rank: 3, previous_ranked: 20, movement: -1 })).toEqual({ rank: 3, ranked: 20, movement: -1 });
    expect(previousStanding({ previous_rank: null, previous_ranked: null, movement: null })).toBeNull();
  });
});

describe("sharedRanks", () => {
  it("names the ranks held by a crowd (a quarter of the field, three at least), per indicator, best first", () => {
    const row = (indicator: string, rank: number | null, value: number | null, ranked = 6) => ({ indicator, rank, ranked, value });
    const rows = [
      row("initiatives", 1, 4),
      row("initiatives", 2, 1),
      row("initiatives", 3, 0),
      row("initiatives", 3, 0),
      row("initiatives", 3, 0),
      row("initiatives", 3, 0),
      row("overdue_dossiers", 1, 0),
      row("overdue_dossiers", 1, 0),
      row("overdue_dossiers", 3, 2),
      row("overdue_dossiers", null, null),
      // Three of twenty is not a crowd; five of twenty is.
      ...[1, 1, 1].map(() => row("online_rate", 4, 0.9, 20)),
      ...[1, 1, 1, 1, 1].map(() => row("on_time_rate", 1, 1, 20)),
    ];
    expect(sharedRanks(rows)).toEqual([
      { indicator: "initiatives", rank: 3, ranked: 6, value: 0, units: 4 },
      { indicator: "on_time_rate", rank: 1, ranked: 20, value: 1, units: 5 },
    ]);
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
  const unit = (code: string, rank: number | null, previousRank: number | null) => ({
    code,
    name: `Xã ${code}`,
    rank,
    previous: previousRank === null ? null : { rank: previousRank, ranked: 10, movement: rankMovement(rank, previousRank) },
  });

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
      risers: [{ code: "00004", name: "Xã 00004", rank: 1, previous: { rank: 2, ranked: 10, movement: 1 }, movement: 1 }],
      fallers: [],
    });
  });

  it("leaves out everyone when the previous period ranked other units", () => {
    const rows = [1, 2, 3].map((rank) => ({ code: `0000${rank}`, name: "x", rank, previous: { rank: 10 - rank, ranked: 20, movement: null } }));
    expect(pickMovers(rows)).toEqual({ risers: [], fallers: [] });
  });

  it("returns fewer than three when fewer moved, and honours another count", () => {
    expect(pickMovers([unit("00001", 2, 1)]).fallers).toHaveLength(1);
    expect(pickMovers([unit("00001", 1, 3), unit("00002", 2, 5)], 1).risers.map((m) => m.code)).toEqual(["00002"]);
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

describe("rank facts", () => {
  const row = (code: string, rank: number | null, value: number | null) => ({ commune_code: code, commune_name: `Xã ${code}`, rank, value });
  // 1224: two units share rank 2.
  const rows = [row("00001", 1, 90), row("00002", 2, 80), row("00003", 2, 80), row("00004", 4, 77.5), row("00005", null, null)];

  it("counts the other units holding the same rank", () => {
    expect(countTiedWith(rows, "00002")).toBe(1);
    expect(countTiedWith(rows, "00001")).toBe(0);
    expect(countTiedWith(rows, "00005")).toBe(0);
    expect(countTiedWith(rows, "99999")).toBe(0);
  });

  it("marks every unit with the best rank as best, and none without ranks", () => {
    expect(bestCodes([{ code: "a", rank: 3 }, { code: "b", rank: 1 }, { code: "c", rank: 1 }, { code: "d", rank: null }])).toEqual(["b", "c"]);
    expect(bestCodes([{ code: "a", rank: null }])).toEqual([]);
  });
});
