/**
 * `getUnitRankingsFor` returns a few units' rows of the ranking, ranked over everyone: on a synthetic
 * province of 60 units over 8 quarters (fixed seed; initiatives 0–3 make crowds of ties), its rows equal
 * `getRankingsFor`'s rows of those units field by field and in the same order, and its tie counts, the
 * units to pass and the fields equal what everyone's rows say.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRankingsFor, type RankingRow } from "~/db/rankings.server";
import { getUnitRankingsFor } from "~/db/unit-rankings.server";
import { commitUpload } from "~/db/uploads.server";
import { countTiedWith } from "~/domain/ranks";
import { syntheticQuarters, syntheticResult, syntheticUnits } from "../../../scripts/bench/synthetic";
import { createTestDb, DRAFT, TEST_SCORING, type TestDb } from "../../helpers/test-db";

const units = syntheticUnits(60);
const quarters = syntheticQuarters([2023, 2024]);
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb(units);
  // One unit misses a quarter, so a field differs from the period before and the unit has no row there.
  const data = syntheticResult(units, quarters, 7);
  const rows = data.rows.filter((r) => !(r.communeCode === "10003" && r.period === "2024-Q2"));
  await commitUpload(t.db, { ...data, rows }, { fileName: "s.csv", sha256: "s", uploadedBy: "test", source: "cli" });
});
afterAll(async () => {
  await t.close();
});

describe("getUnitRankingsFor", () => {
  it.each([
    ["quarters", "quarter", quarters, ["10003", "10000", "10059"]],
    ["years", "year", ["2023", "2024"], ["10017"]],
  ] as const)("gives the asked units' rows of everyone's ranking (%s)", async (_, kind, periods, codes) => {
    const everyone = await getRankingsFor(t.db, kind, periods, TEST_SCORING, DRAFT);
    const few = await getUnitRankingsFor(t.db, kind, periods, codes, TEST_SCORING, DRAFT);
    const wanted = new Set<string>(codes);
    const theirs = everyone.filter((r) => wanted.has(r.commune_code));
    expect(theirs.length).toBeGreaterThan(0);
    expect(few.rows.map(({ tied_with: _t, next: _n, ...row }) => row)).toEqual(theirs);

    const group = (r: RankingRow) => everyone.filter((x) => x.period === r.period && x.indicator === r.indicator);
    let ties = 0;
    for (const row of few.rows) {
      const all = group(row);
      expect(row.tied_with, `${row.period} ${row.indicator} ${row.commune_code}`).toBe(countTiedWith(all, row.commune_code));
      ties += row.tied_with;
      // The next better value and its holders, found here the slow way.
      const better = all.filter((x) => x.rank !== null && row.rank !== null && x.rank < row.rank).map((x) => x.rank ?? 0);
      const nextRank = better.length === 0 ? null : Math.max(...better);
      const holders = all.filter((x) => x.rank === nextRank && nextRank !== null).sort((a, b) => a.commune_code.localeCompare(b.commune_code));
      expect(row.next).toEqual(
        holders[0] ? { code: holders[0].commune_code, name: holders[0].commune_name, tied: holders.length, value: holders[0].value } : null,
      );
      if (row.gap) expect(row.gap.pass_code).toBe(row.next?.code);
    }
    // The synthetic data ties many units on initiatives (0–3 a quarter), so the counts were put to the test.
    expect(ties).toBeGreaterThan(10);

    const fields = new Map(everyone.map((r) => [`${r.period}|${r.indicator}`, r.ranked]));
    expect(new Map(few.fields.map((f) => [`${f.period}|${f.indicator}`, f.ranked]))).toEqual(fields);
  });

  it("gives the fields of a period in which the asked unit did not report", async () => {
    const few = await getUnitRankingsFor(t.db, "quarter", ["2024-Q2"], ["10003"], TEST_SCORING, DRAFT);
    expect(few.rows).toEqual([]);
    expect(few.fields.find((f) => f.indicator === "digitization_rate")?.ranked).toBe(59);
  });
});
