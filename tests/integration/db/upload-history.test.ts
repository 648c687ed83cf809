/**
 * What a rollback or a restore would show the public (app/db/upload-history.server.ts), per period and unit,
 * checked against what the current view really shows once it is done.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getUploadImpact } from "~/db/upload-history.server";
import { commitUpload, getCurrentReports, restoreUpload, rollbackUpload, type UploadActor } from "~/db/uploads.server";
import type { UnitImpact } from "~/domain/upload-impact";
import { counts, createTestDb, resultOf, type TestDb } from "../../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const admin: UploadActor = { username: "root", role: "admin", address: null };
const NOW = new Date("2024-03-01T08:00:00Z");

async function upload(fileName: string, day: number, rows: { code: string; period: string }[]): Promise<number> {
  const uploadedAt = new Date(`2024-02-${String(day).padStart(2, "0")}T03:00:00Z`);
  const result = resultOf(rows.map((r) => ({ ...r, counts: counts({ dossiers_received: day }) })));
  return (await commitUpload(t.db, result, { fileName, sha256: "a".repeat(64), uploadedBy: "x", source: "cli", uploadedAt })).uploadId;
}

/** The impact as [period, unit, before, after], upload ids only. */
function brief(impact: UnitImpact[]): [string, string, number | null, number | null][] {
  return impact.map((i) => [i.period, i.unitCode, i.before?.id ?? null, i.after?.id ?? null]);
}

/** What the current view shows for the periods, as [period, unit, upload]. */
async function shown(periods: string[]): Promise<[string, string, number | null][]> {
  return (await getCurrentReports(t.db, periods)).map((r) => [r.period, r.communeCode, r.uploadId]);
}

/** The impact's "after", in the shape of `shown`: what the current view must show once the change is made. */
function expectedAfter(impact: UnitImpact[], current: [string, string, number | null][]): [string, string, number | null][] {
  const touched = new Set(impact.map((i) => `${i.period}|${i.unitCode}`));
  const untouched = current.filter(([p, c]) => !touched.has(`${p}|${c}`));
  const after = impact.filter((i) => i.after !== null).map((i): [string, string, number | null] => [i.period, i.unitCode, i.after?.id ?? null]);
  return [...untouched, ...after].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

describe("the impact of a rollback", () => {
  it("says per period and unit which upload becomes current again (with its date), which unit is left without data, and what a later upload keeps", async () => {
    const a = await upload("a.csv", 1, [{ code: "00001", period: "2023-Q1" }]);
    const b = await upload("b.csv", 2, [
      { code: "00001", period: "2023-Q1" },
      { code: "00002", period: "2023-Q1" },
      { code: "00003", period: "2023-Q2" },
    ]);
    const c = await upload("c.csv", 3, [{ code: "00003", period: "2023-Q2" }]);
    const impact = await getUploadImpact(t.db, b, "rollback");
    expect(impact).toEqual([
      { period: "2023-Q1", unitCode: "00001", unitName: "Xã Một", before: { id: b, uploadedAt: "2024-02-02T03:00:00Z" }, after: { id: a, uploadedAt: "2024-02-01T03:00:00Z" } },
      { period: "2023-Q1", unitCode: "00002", unitName: "Xã Hai", before: { id: b, uploadedAt: "2024-02-02T03:00:00Z" }, after: null },
      { period: "2023-Q2", unitCode: "00003", unitName: "Xã Ba", before: { id: c, uploadedAt: "2024-02-03T03:00:00Z" }, after: { id: c, uploadedAt: "2024-02-03T03:00:00Z" } },
    ]);
    const expected = expectedAfter(impact, await shown(["2023-Q1", "2023-Q2"]));
    await rollbackUpload(t.db, b, admin, NOW);
    expect(await shown(["2023-Q1", "2023-Q2"])).toEqual(expected);
  });

  it("falls back past a rolled-back upload to the latest committed one", async () => {
    const a = await upload("a.csv", 1, [{ code: "00001", period: "2023-Q1" }]);
    const b = await upload("b.csv", 2, [{ code: "00001", period: "2023-Q1" }]);
    const c = await upload("c.csv", 3, [{ code: "00001", period: "2023-Q1" }]);
    await rollbackUpload(t.db, b, admin, NOW);
    expect(brief(await getUploadImpact(t.db, c, "rollback"))).toEqual([["2023-Q1", "00001", c, a]]);
  });
});

describe("the impact of a restore", () => {
  it("says per period and unit whose figures the restored upload replaces, where it brings data back, and where a later upload keeps precedence", async () => {
    const a = await upload("a.csv", 1, [{ code: "00001", period: "2023-Q1" }]);
    const b = await upload("b.csv", 2, [
      { code: "00001", period: "2023-Q1" },
      { code: "00002", period: "2023-Q1" },
      { code: "00003", period: "2023-Q1" },
    ]);
    await rollbackUpload(t.db, b, admin, NOW);
    const c = await upload("c.csv", 3, [{ code: "00003", period: "2023-Q1" }]);
    const impact = await getUploadImpact(t.db, b, "restore");
    expect(brief(impact)).toEqual([
      ["2023-Q1", "00001", a, b],
      ["2023-Q1", "00002", null, b],
      ["2023-Q1", "00003", c, c],
    ]);
    expect(impact[0]?.after).toEqual({ id: b, uploadedAt: "2024-02-02T03:00:00Z" });
    const expected = expectedAfter(impact, await shown(["2023-Q1"]));
    await restoreUpload(t.db, b, admin, NOW);
    expect(await shown(["2023-Q1"])).toEqual(expected);
  });
});
