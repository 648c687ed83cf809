import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitUpload } from "~/db/uploads.server";
import { getRankingsFor, type RankingRow } from "~/db/rankings.server";
import { computeScore } from "~/domain/scoring";
import { counts, createTestDb, resultOf, type TestDb, TEST_SCORING, DRAFT } from "../../helpers/test-db";

const SCORING = TEST_SCORING;

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

async function load(rows: Parameters<typeof resultOf>[0]): Promise<void> {
  await commitUpload(t.db, resultOf(rows), { fileName: "t.csv", sha256: "x", uploadedBy: "test", source: "cli" });
}

function pick(rows: RankingRow[], indicator: string, code: string, period?: string): RankingRow {
  const row = rows.find((r) => r.indicator === indicator && r.commune_code === code && (!period || r.period === period));
  if (!row) throw new Error(`no row for ${indicator} ${code}`);
  return row;
}

describe("competition ranking", () => {
  it("gives exact ties (50/100 and 25/50) the same rank, skips the next, and leaves zero denominators unranked", async () => {
    await load([
      { code: "00001", period: "2023-Q1", counts: counts({ dossiers_received: 100, dossiers_digitized: 50 }) },
      { code: "00002", period: "2023-Q1", counts: counts({ dossiers_received: 50, dossiers_digitized: 25 }) },
      { code: "00003", period: "2023-Q1", counts: counts({ dossiers_received: 100, dossiers_digitized: 30 }) },
      { code: "00004", period: "2023-Q1", counts: counts({ dossiers_received: 100, dossiers_digitized: 60 }) },
      { code: "00005", period: "2023-Q1", counts: counts({ dossiers_received: 0, dossiers_digitized: 0 }) },
    ]);
    const rows = await getRankingsFor(t.db, "quarter", ["2023-Q1"], SCORING, DRAFT);
    const ranks = ["00001", "00002", "00003", "00004", "00005"].map((c) => pick(rows, "digitization_rate", c).rank);
    expect(ranks).toEqual([2, 2, 4, 1, null]);
    expect(pick(rows, "digitization_rate", "00001").value).toBe(0.5);
    expect(pick(rows, "digitization_rate", "00002").value).toBe(0.5);
    // "of N" counts only the units with a value.
    expect(pick(rows, "digitization_rate", "00001").ranked).toBe(4);
    const empty = pick(rows, "digitization_rate", "00005");
    expect(empty.value).toBeNull();
    expect(empty.numerator).toBe(0);
    expect(empty.denominator).toBe(0);
    expect(empty.gap).toBeNull();
  });

  it("ranks lower-is-better indicators smallest first", async () => {
    await load([
      { code: "00001", period: "2023-Q1", counts: counts({ dossiers_overdue: 0 }) },
      { code: "00002", period: "2023-Q1", counts: counts({ dossiers_overdue: 0 }) },
      { code: "00003", period: "2023-Q1", counts: counts({ dossiers_overdue: 3 }) },
      { code: "00004", period: "2023-Q1", counts: counts({ dossiers_overdue: 1 }) },
    ]);
    const rows = await getRankingsFor(t.db, "quarter", ["2023-Q1"], SCORING, DRAFT);
    expect(["00001", "00002", "00003", "00004"].map((c) => pick(rows, "overdue_dossiers", c).rank)).toEqual([1, 1, 4, 3]);
    // 3 overdue: the value just above is 1 (unit 4); strictly ahead of it means 0 overdue, 3 fewer.
    expect(pick(rows, "overdue_dossiers", "00003").gap).toEqual({ reachable: true, change: 3, pass_code: "00004", pass_name: "Xã Bốn", pass_tied: 1 });
    // 1 overdue, the value above is 0: nothing below zero, so it cannot be strictly ahead.
    expect(pick(rows, "overdue_dossiers", "00004").gap).toEqual({ reachable: false, pass_code: "00001", pass_name: "Xã Một", pass_tied: 2 });
  });

  it("ranks a year on summed counts, not on averaged quarterly rates", async () => {
    // Unit 1: Q1 1/1 (100 %), Q2 0/99 (0 %): averaged 50 %, summed 1/100 = 1 %.
    // Unit 2: Q1 40/100, Q2 40/100: averaged 40 %, summed 80/200 = 40 %.
    await load([
      { code: "00001", period: "2023-Q1", counts: counts({ dossiers_received: 1, dossiers_online: 1 }) },
      { code: "00001", period: "2023-Q2", counts: counts({ dossiers_received: 99, dossiers_online: 0 }) },
      { code: "00002", period: "2023-Q1", counts: counts({ dossiers_received: 100, dossiers_online: 40 }) },
      { code: "00002", period: "2023-Q2", counts: counts({ dossiers_received: 100, dossiers_online: 40 }) },
    ]);
    const averaged = { "00001": (1 / 1 + 0 / 99) / 2, "00002": (40 / 100 + 40 / 100) / 2 };
    expect(averaged["00001"]).toBeGreaterThan(averaged["00002"]); // averaging would put unit 1 first
    const rows = await getRankingsFor(t.db, "year", ["2023"], SCORING, DRAFT);
    const one = pick(rows, "online_rate", "00001");
    const two = pick(rows, "online_rate", "00002");
    expect(one.numerator).toBe(1);
    expect(one.denominator).toBe(100);
    expect(one.value).toBe(0.01);
    expect(two.value).toBe(0.4);
    expect(two.rank).toBe(1);
    expect(one.rank).toBe(2);
    // Both reported two of four quarters.
    expect(one.incomplete).toBe(true);
    expect(one.quarters).toBe(2);
  });

  it("marks an incomplete year and still ranks the unit on what it reported", async () => {
    const q = (n: number) => counts({ dossiers_received: 10, dossiers_digitized: n });
    await load([
      ...["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"].map((period) => ({ code: "00001", period, counts: q(5) })),
      ...["2023-Q1", "2023-Q2", "2023-Q3"].map((period) => ({ code: "00002", period, counts: q(9) })),
    ]);
    const rows = await getRankingsFor(t.db, "year", ["2023"], SCORING, DRAFT);
    expect(pick(rows, "digitization_rate", "00001")).toMatchObject({ incomplete: false, quarters: 4, rank: 2, numerator: 20, denominator: 40 });
    expect(pick(rows, "digitization_rate", "00002")).toMatchObject({ incomplete: true, quarters: 3, rank: 1, numerator: 27, denominator: 30 });
  });

  it("compares Q1 with the previous year's Q4, and a year with the year before", async () => {
    await load([
      { code: "00001", period: "2023-Q4", counts: counts({ contest_entries: 5 }) },
      { code: "00002", period: "2023-Q4", counts: counts({ contest_entries: 9 }) },
      { code: "00001", period: "2024-Q1", counts: counts({ contest_entries: 7 }) },
      { code: "00002", period: "2024-Q1", counts: counts({ contest_entries: 2 }) },
      { code: "00001", period: "2023-Q3", counts: counts({ contest_entries: 1 }) },
    ]);
    const q = await getRankingsFor(t.db, "quarter", ["2024-Q1"], SCORING, DRAFT);
    expect(pick(q, "contest_entries", "00001")).toMatchObject({ rank: 1, previous_rank: 2, previous_value: 5 });
    expect(pick(q, "contest_entries", "00002")).toMatchObject({ rank: 2, previous_rank: 1, previous_value: 9 });
    const y = await getRankingsFor(t.db, "year", ["2024"], SCORING, DRAFT);
    // 2023: unit 1 has 6, unit 2 has 9.
    expect(pick(y, "contest_entries", "00001")).toMatchObject({ rank: 1, previous_rank: 2, previous_value: 6 });
    expect(pick(y, "contest_entries", "00002")).toMatchObject({ rank: 2, previous_rank: 1, previous_value: 9 });
  });

  it("moves ranks only between periods that ranked the same units, and states both fields otherwise", async () => {
    const entries = (n: number) => counts({ contest_entries: n, dossiers_received: 10, dossiers_digitized: n });
    await load([
      // 2024-Q1: three units. 2024-Q2: unit 3 did not report. Digitisation in Q2: unit 2 received nothing.
      { code: "00001", period: "2024-Q1", counts: entries(1) },
      { code: "00002", period: "2024-Q1", counts: entries(5) },
      { code: "00003", period: "2024-Q1", counts: entries(9) },
      { code: "00001", period: "2024-Q2", counts: entries(7) },
      { code: "00002", period: "2024-Q2", counts: counts({ contest_entries: 2 }) },
      { code: "00001", period: "2024-Q3", counts: entries(3) },
      { code: "00002", period: "2024-Q3", counts: entries(4) },
    ]);
    const q2 = await getRankingsFor(t.db, "quarter", ["2024-Q2"], SCORING, DRAFT);
    // Unit 1 was 3/3 and is 1/2: two ranks side by side, not "up 2".
    expect(pick(q2, "contest_entries", "00001")).toMatchObject({ rank: 1, ranked: 2, previous_rank: 3, previous_ranked: 3, movement: null });
    expect(pick(q2, "contest_entries", "00002")).toMatchObject({ rank: 2, ranked: 2, previous_rank: 2, previous_ranked: 3, movement: null });
    const q3 = await getRankingsFor(t.db, "quarter", ["2024-Q3"], SCORING, DRAFT);
    // Entries: the same two units both quarters, so the swap is a movement.
    expect(pick(q3, "contest_entries", "00002")).toMatchObject({ rank: 1, previous_rank: 2, previous_ranked: 2, movement: 1 });
    expect(pick(q3, "contest_entries", "00001")).toMatchObject({ rank: 2, previous_rank: 1, movement: -1 });
    // Digitisation: unit 2 had no denominator in Q2, so Q2 ranked {1} and Q3 ranks {1, 2}: no movement.
    expect(pick(q3, "digitization_rate", "00001")).toMatchObject({ rank: 2, ranked: 2, previous_rank: 1, previous_ranked: 1, movement: null });
    expect(pick(q3, "digitization_rate", "00002")).toMatchObject({ rank: 1, previous_rank: null, previous_ranked: null, movement: null });
  });

  it("says how many more dossiers would pass the next unit, or that the volume is not enough", async () => {
    await load([
      // 2/3 ≈ 66.7 % leads; 10/20 needs 14/20 (70 %) to be strictly ahead: 4 more.
      { code: "00001", period: "2023-Q1", counts: counts({ dossiers_received: 3, dossiers_digitized: 2 }) },
      { code: "00002", period: "2023-Q1", counts: counts({ dossiers_received: 20, dossiers_digitized: 10 }) },
      // 5/10 ties unit 2 (both 50 %): the value above is 2/3 → n/10 > 2/3 → 7: 2 more.
      { code: "00003", period: "2023-Q1", counts: counts({ dossiers_received: 10, dossiers_digitized: 5 }) },
      // 100 % leads the online rate; 5/10 cannot pass it even with all 10.
      { code: "00004", period: "2023-Q1", counts: counts({ dossiers_received: 10, dossiers_online: 10, dossiers_digitized: 1 }) },
    ]);
    const rows = await getRankingsFor(t.db, "quarter", ["2023-Q1"], SCORING, DRAFT);
    expect(pick(rows, "digitization_rate", "00001").gap).toBeNull();
    expect(pick(rows, "digitization_rate", "00002").gap).toEqual({ reachable: true, change: 4, pass_code: "00001", pass_name: "Xã Một", pass_tied: 1 });
    expect(pick(rows, "digitization_rate", "00003").gap).toEqual({ reachable: true, change: 2, pass_code: "00001", pass_name: "Xã Một", pass_tied: 1 });
    // 1/10 is last; the value just above is 50 % (two units tie, the first by code is named): 6/10 → 5 more.
    expect(pick(rows, "digitization_rate", "00004").gap).toEqual({ reachable: true, change: 5, pass_code: "00002", pass_name: "Xã Hai", pass_tied: 2 });
    const online = pick(rows, "online_rate", "00002");
    expect(online.rank).toBe(2);
    expect(online.gap).toEqual({ reachable: false, pass_code: "00004", pass_name: "Xã Bốn", pass_tied: 1 });
  });

  it("computes the composite over the rates that have a value, with one indicator missing", async () => {
    const full = counts({
      dossiers_received: 100,
      dossiers_digitized: 80,
      dossiers_online: 50,
      dossiers_resolved: 90,
      dossiers_resolved_on_time: 81,
      fee_dossiers: 40,
      fee_dossiers_paid_online: 10,
      survey_responses: 20,
      survey_satisfied: 20,
    });
    await load([
      { code: "00001", period: "2023-Q1", counts: full },
      // No fee dossiers: the online payment rate has no value and leaves the score's denominator.
      { code: "00002", period: "2023-Q1", counts: { ...full, fee_dossiers: 0, fee_dossiers_paid_online: 0 } },
    ]);
    const rows = await getRankingsFor(t.db, "quarter", ["2023-Q1"], SCORING, DRAFT);
    // Unit 1: 100 × (22·0.8 + 12·0.5 + 10·0.25 + 20·0.9 + 18·1) / 82 = 100 × 62.1 / 82
    const one = pick(rows, "composite_score", "00001");
    expect(one.value).toBeCloseTo((100 * 62.1) / 82, 9);
    // Unit 2: 100 × (22·0.8 + 12·0.5 + 20·0.9 + 18·1) / 72 = 100 × 59.6 / 72
    const two = pick(rows, "composite_score", "00002");
    expect(two.value).toBeCloseTo((100 * 59.6) / 72, 9);
    expect(two.value).toBeCloseTo(computeScore(SCORING.config, { digitization_rate: 0.8, online_rate: 0.5, on_time_rate: 0.9, satisfaction_rate: 1, online_payment_rate: null }) ?? -1, 9);
    expect(two.rank).toBe(1);
    expect(one.rank).toBe(2);
    expect(one.gap).toBeNull();
  });
});
