/**
 * The compare page's query on a real DuckDB file. Figures (2023-Q1 and 2023-Q2, digitised / received):
 * 00001 90/100 both quarters; 00002 150/200 both; 00003 45/50 then 30/50; 00004 24/40 both; 00005 2/10 both.
 * Q2 ranks: 00001 1, 00002 2, 00003 and 00004 3 (tied), 00005 5. Overdue (fewer is better) in Q2:
 * 0, 2, 5, 5, 1 → 1, 3, 4, 4, 2. 2023-Q3 has 00001 and 00002 only. 00006 is registered but never reported.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "~/http/page-errors.server";
import { loadCompare } from "~/routes/compare/view.server";
import { commitUpload } from "~/db/uploads.server";
import type { Counts } from "~/domain/report-fields";
import type { VersionedScoring } from "~/domain/scoring";
import { counts, createTestDb, resultOf, TEST_UNITS, type TestDb, DRAFT } from "../../../helpers/test-db";

const SCORING: VersionedScoring = {
  name: "test",
  hash: "000000000000",
  config: { name: "test", indicators: { digitization_rate: { weight: 1, fullAt: 1 } } },
};

function quarter(received: number, digitized: number, overdue: number): Counts {
  return counts({ dossiers_received: received, dossiers_digitized: digitized, dossiers_overdue: overdue });
}

let t: TestDb;

beforeEach(async () => {
  t = await createTestDb([...TEST_UNITS, { code: "00006", name: "Xã Sáu", kind: "commune" }]);
  const q2 = { "00001": quarter(100, 90, 0), "00002": quarter(200, 150, 2), "00003": quarter(50, 30, 5), "00004": quarter(40, 24, 5), "00005": quarter(10, 2, 1) };
  const rows = Object.entries(q2).flatMap(([code, c]) => [
    { code, period: "2023-Q1", counts: code === "00003" ? quarter(50, 45, 5) : c },
    { code, period: "2023-Q2", counts: c },
  ]);
  rows.push({ code: "00001", period: "2023-Q3", counts: quarter(10, 5, 0) }, { code: "00002", period: "2023-Q3", counts: quarter(10, 5, 0) });
  await commitUpload(t.db, resultOf(rows), { fileName: "all.csv", sha256: "x", uploadedBy: "test", source: "cli" });
});

afterEach(async () => {
  await t.close();
});

describe("compare page", () => {
  it("puts 2 to 5 units side by side in the order asked, marking the best rank of each row", async () => {
    const page = await loadCompare(t.db, { codes: ["00003", "00001", "00005"], period: "2023-Q2" }, SCORING, DRAFT);
    expect(page).toMatchObject({ status: "ok", period: "2023-Q2", kind: "quarter", periods: ["2023-Q1", "2023-Q2", "2023-Q3"] });
    expect(page.units.map((u) => u.name)).toEqual(["Xã Ba", "Xã Một", "Phường Năm"]);
    // The choice is made by search (decision 012): no list of every unit; nothing searched, nothing found.
    expect(page.search).toEqual({ query: null, matches: [], count: 0 });
    const digit = page.rows.find((r) => r.indicator === "digitization_rate");
    expect(digit?.cells.map((c) => [c.code, c.rank, c.ranked, c.previous?.rank, c.value, c.best])).toEqual([
      ["00003", 3, 5, 1, 0.6, false],
      ["00001", 1, 5, 1, 0.9, true],
      ["00005", 5, 5, 5, 0.2, false],
    ]);
    const overdue = page.rows.find((r) => r.indicator === "overdue_dossiers");
    expect(overdue?.cells.map((c) => [c.rank, c.best])).toEqual([
      [4, false],
      [1, true],
      [2, false],
    ]);
    const digitSeries = page.series.find((s) => s.indicator === "digitization_rate");
    expect(digitSeries?.values).toEqual({ "00003": [0.9, 0.6, null], "00001": [0.9, 0.9, 0.5], "00005": [0.2, 0.2, null] });
  });

  it("marks every tied unit as best, and a unit without a report as unranked", async () => {
    const page = await loadCompare(t.db, { codes: ["00003", "00004", "00006"], period: "2023-Q2" }, SCORING, DRAFT);
    const digit = page.rows.find((r) => r.indicator === "digitization_rate");
    expect(digit?.cells.map((c) => [c.code, c.rank, c.best])).toEqual([
      ["00003", 3, true],
      ["00004", 3, true],
      ["00006", null, false],
    ]);
    expect(digit?.cells[2]?.ranked).toBe(5);
  });

  it("compares years on summed quarters and marks an incomplete year", async () => {
    const page = await loadCompare(t.db, { codes: ["00001", "00003"], period: "2023" }, SCORING, DRAFT);
    expect(page).toMatchObject({ kind: "year", periods: ["2023"] });
    const digit = page.rows.find((r) => r.indicator === "digitization_rate");
    // 00001: 185/210 over three quarters; 00003: 75/100 over two. Both miss at least one quarter.
    expect(digit?.cells.map((c) => [c.value, c.incomplete])).toEqual([
      [185 / 210, true],
      [0.75, true],
    ]);
  });

  it("keeps the choice but compares nothing with fewer than 2 or more than 5 units", async () => {
    const none = await loadCompare(t.db, { codes: [] }, SCORING, DRAFT);
    expect(none).toMatchObject({ status: "none", period: "2023-Q3", rows: [], units: [] });
    const one = await loadCompare(t.db, { codes: ["00002"], period: "2023-Q1" }, SCORING, DRAFT);
    expect(one).toMatchObject({ status: "tooFew", selected: ["00002"], rows: [] });
    const six = await loadCompare(t.db, { codes: ["00001", "00002", "00003", "00004", "00005", "00006"] }, SCORING, DRAFT);
    expect(six).toMatchObject({ status: "tooMany", rows: [], series: [] });
    expect(six.selected).toHaveLength(6);
  });

  it("finds units to add by name without accents or by the start of the code", async () => {
    const byName = await loadCompare(t.db, { codes: ["00001"], q: "xa BON" }, SCORING, DRAFT);
    expect(byName.search).toEqual({ query: "xa BON", matches: [{ code: "00004", name: "Xã Bốn", kind: "commune", cluster: null }], count: 1 });
    const byCode = await loadCompare(t.db, { codes: [], q: "0000" }, SCORING, DRAFT);
    expect(byCode.search.count).toBe(6);
    const none = await loadCompare(t.db, { codes: [], q: "Hà Nội" }, SCORING, DRAFT);
    expect(none.search).toEqual({ query: "Hà Nội", matches: [], count: 0 });
  });

  it("refuses unknown unit codes, naming them, and a period without data", async () => {
    const error = await loadCompare(t.db, { codes: ["00001", "99998", "99999"] }, SCORING, DRAFT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error instanceof NotFoundError ? error.problem : null).toEqual({ what: "units", codes: ["99998", "99999"] });
    await expect(loadCompare(t.db, { codes: ["00001", "00002"], period: "2024-Q1" }, SCORING, DRAFT)).rejects.toBeInstanceOf(NotFoundError);
  });
});
