/**
 * The unit query on a registry with lineage and clusters (decision 013): on the merger of
 * tests/helpers/merger.ts (four into one reusing a code, a split 0.6/0.4, a year straddling the merger) plus
 * quarters with ties and empty denominators, `getUnitRankingsFor` gives exactly what the full ranking of
 * everyone gives for the asked units — `unitRankingsOf(getRankingsFor(…))`, rows with their ties, the unit
 * to pass and the clusters' ranks, and every field — on both bases, for quarters and years, in the draft and
 * in what was published.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishAll } from "~/db/publications.server";
import { getRankingsFor } from "~/db/rankings.server";
import { getUnitCounts } from "~/db/unit-counts.server";
import { getUnitRankingsFor, unitRankingsOf, type RankedField, type UnitRankings } from "~/db/unit-rankings.server";
import { commitUpload } from "~/db/uploads.server";
import type { DataView } from "~/domain/publication";
import { q, seedMerger } from "../../helpers/merger";
import { DRAFT, TEST_SCORING, counts, createTestDb, resultOf, type TestDb } from "../../helpers/test-db";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb([]);
  await seedMerger(t);
  await commitUpload(
    t.db,
    resultOf([
      // 2024-Q4: Một, Hai and Sáu tie at 0.5; Ba received nothing (no digitisation rate: unranked there).
      { code: "00001", period: "2024-Q4", counts: counts({ dossiers_received: 10, dossiers_digitized: 5, initiatives: 2 }) },
      { code: "00002", period: "2024-Q4", counts: counts({ dossiers_received: 20, dossiers_digitized: 10, initiatives: 2 }) },
      { code: "00003", period: "2024-Q4", counts: counts({ initiatives: 1, fee_dossiers: 4, fee_dossiers_paid_online: 3 }) },
      { code: "00004", period: "2024-Q4", counts: q(40, 10) },
      { code: "00006", period: "2024-Q4", counts: counts({ dossiers_received: 30, dossiers_digitized: 15, fee_dossiers: 8, fee_dossiers_paid_online: 6 }) },
      // 2025-Q1: Bốn's odd count makes 0.6 × 51 an estimate; Hai did not report.
      { code: "00001", period: "2025-Q1", counts: q(10, 10) },
      { code: "00003", period: "2025-Q1", counts: q(0, 0) },
      { code: "00004", period: "2025-Q1", counts: q(101, 51) },
      { code: "00006", period: "2025-Q1", counts: q(10, 9) },
      // 2025-Q4: Một Mới and Sáu tie at 0.5; Năm Mới received nothing.
      { code: "00001", period: "2025-Q4", counts: counts({ dossiers_received: 100, dossiers_digitized: 50, initiatives: 3 }) },
      { code: "00005", period: "2025-Q4", counts: counts({ initiatives: 3 }) },
      { code: "00006", period: "2025-Q4", counts: q(20, 10) },
    ]),
    { fileName: "t2.csv", sha256: "y", uploadedBy: "test", source: "cli" },
  );
  await publishAll(t.db, { note: null, allowMissing: true }, { actor: "test", address: null, now: new Date("2026-01-01T00:00:00Z") });
});
afterAll(async () => {
  await t.close();
});

const QUARTERS = ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"];
const YEARS = ["2024", "2025"];
const ASKED = [["00001"], ["00002"], ["00003"], ["00004"], ["00005"], ["00006"], ["00002", "00001", "00006"]];
/** The fields in one order (the pages read them by key); the rows keep theirs, which is the ranking's. */
function sameOrder(r: UnitRankings): UnitRankings {
  const key = (f: RankedField) => `${f.period}|${f.indicator}`;
  return { rows: r.rows, fields: [...r.fields].sort((a, b) => (key(a) < key(b) ? -1 : 1)) };
}

const PUBLISHED: DataView = { kind: "published", at: new Date("2026-02-01T00:00:00Z"), asOf: null };

describe("getUnitRankingsFor on a registry with lineage", () => {
  describe.each([
    ["as reported", "as_reported"],
    ["the current basis", "current"],
  ] as const)("%s", (_, basis) => {
    it.each([
      ["quarters", "quarter", QUARTERS],
      ["years", "year", YEARS],
    ] as const)("equals the full ranking of everyone for the asked units (%s)", async (__, kind, periods) => {
      const everyone = await getRankingsFor(t.db, kind, periods, TEST_SCORING, DRAFT, basis);
      let ties = 0;
      let unranked = 0;
      let restated = 0;
      for (const codes of ASKED) {
        const fast = await getUnitRankingsFor(t.db, kind, periods, codes, TEST_SCORING, DRAFT, basis);
        expect(sameOrder(fast), `${codes.join(",")}`).toEqual(sameOrder(unitRankingsOf(everyone, codes)));
        ties += fast.rows.filter((r) => r.tied_with > 0).length;
        unranked += fast.rows.filter((r) => r.rank === null).length;
        restated += fast.rows.filter((r) => r.restated).length;
      }
      // The cases the proof is about were met: ties, rows without a rank, and (where the basis restates) combined counts.
      expect(ties).toBeGreaterThan(0);
      expect(unranked).toBeGreaterThan(0);
      if (basis === "current" || kind === "year") expect(restated).toBeGreaterThan(0);
    });
  });

  it("reads what was published as the full ranking does", async () => {
    for (const basis of ["as_reported", "current"] as const) {
      const everyone = await getRankingsFor(t.db, "quarter", QUARTERS, TEST_SCORING, PUBLISHED, basis);
      expect(everyone.length).toBeGreaterThan(0);
      const fast = await getUnitRankingsFor(t.db, "quarter", QUARTERS, ["00001", "00006"], TEST_SCORING, PUBLISHED, basis);
      expect(sameOrder(fast)).toEqual(sameOrder(unitRankingsOf(everyone, ["00001", "00006"])));
    }
  });

  it("gives a merged unit its clusters' ranks and its predecessors, as the full ranking does", async () => {
    const fast = await getUnitRankingsFor(t.db, "quarter", ["2025-Q2"], ["00001"], TEST_SCORING, DRAFT, "current");
    const row = fast.rows.find((r) => r.indicator === "digitization_rate");
    // 2025-Q2 restated: Sáu 0.75, Một Mới 300/410, Năm Mới 0.5; Một Mới is 1st of Cụm A's one unit.
    expect(row).toMatchObject({ commune_name: "Xã Một Mới", rank: 2, ranked: 3, cluster: "Cụm A", cluster_rank: 1, cluster_ranked: 1, restated: true, estimated: true, predecessors: ["00001", "00002", "00003", "00004"] });
    expect(row?.next).toEqual({ code: "00006", name: "Xã Sáu", tied: 1, value: 0.75 });
  });

  it("getUnitCounts reads the counts the full ranking ranked, every unit and indicator, on both bases, in the draft and published", async () => {
    for (const view of [DRAFT, PUBLISHED]) {
      for (const basis of ["as_reported", "current"] as const) {
        for (const [kind, periods] of [["quarter", QUARTERS], ["year", YEARS]] as const) {
          const everyone = await getRankingsFor(t.db, kind, periods, TEST_SCORING, view, basis);
          const ranked = everyone
            .filter((r) => r.indicator !== "composite_score")
            .map((r) => ({ period: r.period, commune_code: r.commune_code, commune_name: r.commune_name, indicator: r.indicator, numerator: r.numerator, denominator: r.denominator }));
          const key = (r: { period: string; commune_code: string; indicator: string }) => `${r.period}|${r.commune_code}|${r.indicator}`;
          const sorted = <T extends { period: string; commune_code: string; indicator: string }>(rows: T[]) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
          const counts = await getUnitCounts(t.db, kind, periods, view, basis);
          expect(counts.length, `${basis} ${kind}`).toBeGreaterThan(0);
          expect(sorted(counts), `${view.kind} ${basis} ${kind}`).toEqual(sorted(ranked));
        }
      }
    }
  });
});
