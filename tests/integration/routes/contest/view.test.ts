/**
 * The contest page's query on a real DuckDB file: entries and initiatives per quarter, the year's
 * competition ranks with ties ("1 1 3 3 5"), incomplete years and units that sent nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "~/http/page-errors.server";
import { loadContest, type ContestData, type ContestPage } from "~/routes/contest/view.server";
import { commitUpload } from "~/db/uploads.server";
import type { VersionedScoring } from "~/domain/scoring";
import { counts, createTestDb, resultOf, type TestDb, DRAFT } from "../../../helpers/test-db";

const SCORING: VersionedScoring = {
  name: "test",
  hash: "0123456789ab",
  config: { name: "test", indicators: { digitization_rate: { weight: 1, fullAt: 1 } } },
};

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

/** [code, period, contest entries, initiatives] */
type Row = [string, string, number, number];

async function load(rows: Row[]) {
  await commitUpload(
    t.db,
    resultOf(rows.map(([code, period, e, i]) => ({ code, period, counts: counts({ contest_entries: e, initiatives: i }) }))),
    { fileName: "t.csv", sha256: "x", uploadedBy: "test", source: "cli" },
  );
}

const Q = ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"];
function year(code: string, entries: number[], initiatives: number[]): Row[] {
  return entries.map((e, k): Row => [code, Q[k] ?? "", e, initiatives[k] ?? 0]);
}

/*
 * 2023 entries: 00001 10+0+5+1 = 16, 00003 4×4 = 16 (tied first), 00002 3×4 = 12, 00005 5+5+2 = 12 in three
 * quarters (tied third, incomplete), 00004 0. Initiatives: 00004 2, 00001 1, the others 0.
 * 2022 (Q4 only): 00002 9 entries (1st), 00001 1 (2nd).
 */
async function loadSample() {
  await load([
    ...year("00001", [10, 0, 5, 1], [0, 0, 1, 0]),
    ...year("00002", [3, 3, 3, 3], [0, 0, 0, 0]),
    ...year("00003", [4, 4, 4, 4], [0, 0, 0, 0]),
    ...year("00004", [0, 0, 0, 0], [1, 0, 0, 1]),
    ...year("00005", [5, 5, 2], [0, 0, 0]),
    ["00002", "2022-Q4", 9, 0],
    ["00001", "2022-Q4", 1, 0],
  ]);
}

function ok(page: ContestPage): ContestData {
  if (page.kind !== "ok") throw new Error("expected data");
  return page;
}

describe("loadContest", () => {
  it("says there is nothing to show on an empty database", async () => {
    expect(await loadContest(t.db, {}, SCORING, DRAFT)).toEqual({ kind: "empty" });
  });

  it("ranks the year's entries with competition ranks, ties by code, and keeps each quarter", async () => {
    await loadSample();
    const page = ok(await loadContest(t.db, { year: "2023" }, SCORING, DRAFT));
    expect(page.registryCount).toBe(5);
    expect(page.missing).toEqual([]);
    expect(page.units.map((u) => [u.code, u.entries.total, u.entries.rank, u.entries.ranked])).toEqual([
      ["00001", 16, 1, 5],
      ["00003", 16, 1, 5],
      ["00002", 12, 3, 5],
      ["00005", 12, 3, 5],
      ["00004", 0, 5, 5],
    ]);
    const u5 = page.units.find((u) => u.code === "00005");
    expect(u5).toMatchObject({ quartersReported: 3, incomplete: true, name: "Phường Năm" });
    expect(u5?.entries.quarters).toEqual([5, 5, 2, null]);
    expect(page.units.find((u) => u.code === "00001")?.entries.quarters).toEqual([10, 0, 5, 1]);
    expect(page.units.filter((u) => u.incomplete).map((u) => u.code)).toEqual(["00005"]);
  });

  it("ranks initiatives separately and compares with the year before", async () => {
    await loadSample();
    const page = ok(await loadContest(t.db, { year: "2023" }, SCORING, DRAFT));
    const byCode = new Map(page.units.map((u) => [u.code, u]));
    expect(byCode.get("00004")?.initiatives).toMatchObject({ total: 2, rank: 1, ranked: 5 });
    expect(byCode.get("00001")?.initiatives).toMatchObject({ total: 1, rank: 2 });
    expect(byCode.get("00003")?.initiatives).toMatchObject({ total: 0, rank: 3 });
    // 2022: 00002 first, 00001 second; units without 2022 data have no previous rank.
    expect(byCode.get("00002")?.entries.previous?.rank).toBe(1);
    expect(byCode.get("00001")?.entries.previous?.rank).toBe(2);
    expect(byCode.get("00003")?.entries.previous).toBeNull();
  });

  it("defaults to the latest year and lists units that sent nothing that year", async () => {
    await loadSample();
    const page = ok(await loadContest(t.db, {}, SCORING, DRAFT));
    expect(page.year).toBe("2023");
    const y2022 = ok(await loadContest(t.db, { year: "2022" }, SCORING, DRAFT));
    expect(y2022.units.map((u) => u.code)).toEqual(["00002", "00001"]);
    expect(y2022.missing.map((u) => u.code)).toEqual(["00003", "00004", "00005"]);
    expect(y2022.units[0]?.entries.quarters).toEqual([null, null, null, 9]);
  });

  it("refuses a year without data, listing the years that have some", async () => {
    await loadSample();
    const error = await loadContest(t.db, { year: "2019" }, SCORING, DRAFT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ problem: { what: "period", period: "2019", loaded: ["2022", "2023"] } });
  });
});
