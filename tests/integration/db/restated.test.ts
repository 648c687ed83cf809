/**
 * The two bases of units-over-time.md on a real DuckDB file, by hand-computed cases: a merger of four into
 * a unit that reuses one predecessor's code, a split 0.6/0.4, a year straddling the merger, and movement
 * across it suppressed as reported but shown on the restated basis.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getRankingsFor, type RankingRow } from "~/db/rankings.server";
import { commitUpload } from "~/db/uploads.server";
import { q, seedMerger } from "../../helpers/merger";
import { DRAFT, TEST_SCORING, createTestDb, resultOf, type TestDb } from "../../helpers/test-db";

let t: TestDb;

beforeEach(async () => {
  t = await createTestDb([]);
  await seedMerger(t);
});
afterEach(async () => {
  await t.close();
});

function pick(rows: RankingRow[], code: string, indicator = "digitization_rate"): RankingRow {
  const row = rows.find((r) => r.commune_code === code && r.indicator === indicator);
  if (!row) throw new Error(`no row for ${code}`);
  return row;
}

describe("the current basis", () => {
  it("restates 2025-Q2 on today's units: Σ share × count over the four predecessors and the split", async () => {
    const rows = await getRankingsFor(t.db, "quarter", ["2025-Q2"], TEST_SCORING, DRAFT, "current");
    expect([...new Set(rows.map((r) => r.commune_code))].sort()).toEqual(["00001", "00005", "00006"]);
    // Một Mới: received 100 + 200 + 50 + 0.6 × 100 = 410, digitised 90 + 150 + 30 + 0.6 × 50 = 300.
    const merged = pick(rows, "00001");
    expect(merged.numerator).toBeCloseTo(300, 9);
    expect(merged.denominator).toBeCloseTo(410, 9);
    expect(merged.value).toBeCloseTo(300 / 410, 12);
    expect(merged).toMatchObject({ commune_name: "Xã Một Mới", basis: "current", restated: true, estimated: true, predecessors: ["00001", "00002", "00003", "00004"], rank: 2, ranked: 3 });
    // Năm Mới: 0.4 of Bốn, 40 received and 20 digitised.
    const split = pick(rows, "00005");
    expect(split.denominator).toBeCloseTo(40, 9);
    expect(split.numerator).toBeCloseTo(20, 9);
    expect(split).toMatchObject({ restated: true, estimated: true, predecessors: ["00004"], rank: 3 });
    // Sáu never changed: its own counts, neither restated nor estimated, and no predecessors field.
    const same = pick(rows, "00006");
    expect(same).toMatchObject({ numerator: 300, denominator: 400, value: 0.75, restated: false, estimated: false, rank: 1 });
    expect(same.predecessors).toBeUndefined();
  });

  it("moves ranks across the merger like with like on the current basis, and not as reported", async () => {
    const current = await getRankingsFor(t.db, "quarter", ["2025-Q3"], TEST_SCORING, DRAFT, "current");
    // Q3: Một Mới 400/500 = 0.8 (1st, was 2nd), Sáu 0.75 (2nd, was 1st), Năm Mới 0.5 (3rd, was 3rd).
    expect(pick(current, "00001")).toMatchObject({ rank: 1, previous_rank: 2, previous_ranked: 3, movement: 1, restated: false });
    expect(pick(current, "00006")).toMatchObject({ rank: 2, previous_rank: 1, movement: -1 });
    expect(pick(current, "00005")).toMatchObject({ rank: 3, previous_rank: 3, movement: 0 });
    const reported = await getRankingsFor(t.db, "quarter", ["2025-Q3"], TEST_SCORING, DRAFT);
    // As reported, 2025-Q2 ranked five other units: both ranks are given, no movement.
    expect(pick(reported, "00001")).toMatchObject({ commune_name: "Xã Một Mới", rank: 1, ranked: 3, previous_ranked: 5, movement: null, basis: "as_reported", restated: false });
    // Sáu tied 2nd with Hai (0.75) among the five of 2025-Q2.
    expect(pick(reported, "00006")).toMatchObject({ rank: 2, previous_rank: 2, previous_ranked: 5, movement: null });
  });

  it("ranks 2025-Q2 as reported on the units of then, the reused code under its old name", async () => {
    const rows = await getRankingsFor(t.db, "quarter", ["2025-Q2"], TEST_SCORING, DRAFT);
    // Một 0.9; Hai and Sáu 0.75 (tied); Ba 0.6; Bốn 0.5.
    expect(rows.filter((r) => r.indicator === "digitization_rate").map((r) => [r.commune_code, r.commune_name, r.rank])).toEqual([
      ["00001", "Xã Một", 1],
      ["00002", "Xã Hai", 2],
      ["00006", "Xã Sáu", 2],
      ["00003", "Xã Ba", 4],
      ["00004", "Xã Bốn", 5],
    ]);
  });
});

describe("a year that straddles the merger (rule 4)", () => {
  it("is ranked on the units at its end, its earlier quarter restated and marked, on either basis", async () => {
    for (const basis of ["as_reported", "current"] as const) {
      const rows = await getRankingsFor(t.db, "year", ["2025"], TEST_SCORING, DRAFT, basis);
      expect([...new Set(rows.map((r) => r.commune_code))].sort(), basis).toEqual(["00001", "00005", "00006"]);
      // Một Mới: Q2 restated 300/410 plus Q3 400/500: 700/910 ≈ 0.769, ahead of Sáu's 600/800 = 0.75.
      const merged = pick(rows, "00001");
      expect(merged.numerator).toBeCloseTo(700, 9);
      expect(merged.denominator).toBeCloseTo(910, 9);
      expect(merged).toMatchObject({ commune_name: "Xã Một Mới", quarters: 2, incomplete: true, restated: true, estimated: true, rank: 1 });
      expect(pick(rows, "00006")).toMatchObject({ numerator: 600, denominator: 800, restated: false, rank: 2 });
    }
  });
});

describe("estimates", () => {
  it("gives no gap in dossiers where a share made the counts fractions, and never fails on them", async () => {
    // One more quarter in which Bốn's digitised dossiers are odd: 0.6 × 51 = 30.6 is an estimate.
    await commitUpload(t.db, resultOf([{ code: "00004", period: "2025-Q1", counts: q(101, 51) }, { code: "00006", period: "2025-Q1", counts: q(10, 9) }]), {
      fileName: "t2.csv",
      sha256: "y",
      uploadedBy: "test",
      source: "cli",
    });
    const rows = await getRankingsFor(t.db, "quarter", ["2025-Q1"], TEST_SCORING, DRAFT, "current");
    const merged = pick(rows, "00001");
    expect(merged.numerator).toBeCloseTo(30.6, 9);
    expect(merged).toMatchObject({ estimated: true, gap: null });
    expect(pick(rows, "00005").numerator).toBeCloseTo(20.4, 9);
  });
});

describe("clusters", () => {
  it("ranks each unit within its cluster beside its overall rank", async () => {
    const rows = await getRankingsFor(t.db, "quarter", ["2025-Q2"], TEST_SCORING, DRAFT);
    // Cụm A: Một 0.9 (1), Hai 0.75 (2). Cụm B: Sáu 0.75 (1), Ba 0.6 and Bốn 0.5 → Ba 2, Bốn 3.
    expect(["00001", "00002", "00003", "00004", "00006"].map((c) => [c, pick(rows, c).cluster, pick(rows, c).cluster_rank, pick(rows, c).cluster_ranked])).toEqual([
      ["00001", "Cụm A", 1, 2],
      ["00002", "Cụm A", 2, 2],
      ["00003", "Cụm B", 2, 3],
      ["00004", "Cụm B", 3, 3],
      ["00006", "Cụm B", 1, 3],
    ]);
  });
});
