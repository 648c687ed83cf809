/**
 * Rollback and restore on a real DuckDB file (app/db/uploads.server.ts): a restore gives back exactly what a
 * rollback took away, a later upload keeps precedence over a restored one, each writes its audit entry in
 * its own transaction, and a staff account's rollbacks are bounded (app/domain/rollback-limit.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getAuditLog } from "~/db/audit.server";
import type { Db } from "~/db/instance.server";
import { getRankingsFor } from "~/db/rankings.server";
import { commitUpload, getCurrentReports, getUploads, restoreUpload, rollbackUpload, RollbackLimitError, UploadStateError, type UploadActor } from "~/db/uploads.server";
import { counts, createTestDb, resultOf, TEST_SCORING, type TestDb, DRAFT } from "../../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const T0 = new Date("2024-03-01T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const staff: UploadActor = { username: "an", role: "staff", address: "10.0.0.1" };
const otherStaff: UploadActor = { username: "binh", role: "staff", address: "10.0.0.2" };
const admin: UploadActor = { username: "root", role: "admin", address: "10.0.0.3" };
const UNITS = ["00001", "00002", "00003", "00004", "00005"];

/** One upload of the given period: every unit, figures that differ by unit and by `seed`. */
async function upload(period: string | string[], seed: number, units: readonly string[] = UNITS): Promise<number> {
  const periods = Array.isArray(period) ? period : [period];
  const rows = periods.flatMap((p) =>
    units.map((code, i) => ({ code, period: p, counts: counts({ dossiers_received: 100, dossiers_digitized: (seed * 7 + i * 13) % 100, dossiers_online: (seed * 11 + i * 5) % 100 }) })),
  );
  const summary = await commitUpload(t.db, resultOf(rows), { fileName: `${periods.join("+")}-${seed}.csv`, sha256: "a".repeat(64), uploadedBy: "an", source: "web", uploadedAt: T0 });
  return summary.uploadId;
}

async function rankings() {
  return getRankingsFor(t.db, "quarter", ["2023-Q1", "2023-Q2"], TEST_SCORING, DRAFT);
}

async function statuses(): Promise<[number, string][]> {
  return (await getUploads(t.db)).map((u) => [u.id, u.status]);
}

async function auditActions(): Promise<string[]> {
  return (await getAuditLog(t.db, { limit: 100 })).map((e) => `${e.action} ${e.target ?? ""} ${e.actor ?? ""}`.trim());
}

describe("a rollback and a restore", () => {
  it("gives back exactly the rankings of before, and records who restored it when", async () => {
    await upload("2023-Q1", 1);
    const fix = await upload("2023-Q1", 2, ["00001", "00002"]);
    await upload("2023-Q2", 3);
    const before = await rankings();

    await rollbackUpload(t.db, fix, staff, at(0));
    expect(await rankings()).not.toEqual(before);
    await restoreUpload(t.db, fix, otherStaff, at(5));

    expect(await rankings()).toEqual(before);
    expect((await getUploads(t.db)).find((u) => u.id === fix)).toMatchObject({
      status: "committed",
      restored_by: "binh",
      restored_at: "2024-03-01T08:05:00Z",
      rolled_back_by: "an",
      rolled_back_at: "2024-03-01T08:00:00Z",
    });
    expect(await auditActions()).toEqual([`upload.restore ${fix} binh`, `upload.rollback ${fix} an`]);
    const [entry] = await getAuditLog(t.db, { limit: 1 });
    expect(entry).toMatchObject({ address: "10.0.0.2", logged_at: "2024-03-01T08:05:00Z" });
    expect(JSON.parse(entry?.detail ?? "{}")).toEqual({ file: "2023-Q1-2.csv", periods: ["2023-Q1"] });
  });

  it("leaves a later upload in precedence over the restored one", async () => {
    await upload("2023-Q1", 1);
    const fix = await upload("2023-Q1", 2, ["00001", "00002"]);
    const before = await rankings();
    await rollbackUpload(t.db, fix, staff, at(0));
    const later = await upload("2023-Q1", 3, ["00002"]);

    await restoreUpload(t.db, fix, staff, at(1));
    const current = await getCurrentReports(t.db, ["2023-Q1"]);
    expect(current.map((r) => [r.communeCode, r.uploadId])).toEqual([
      ["00001", fix],
      ["00002", later],
      ["00003", 1],
      ["00004", 1],
      ["00005", 1],
    ]);
    // Under the later upload lies exactly the restored one: rolling the later one back shows what was before.
    await rollbackUpload(t.db, later, staff, at(2));
    expect(await rankings()).toEqual(before);
  });

  it("restores only a rolled-back upload, and a rollback again clears the restore", async () => {
    const id = await upload("2023-Q1", 1);
    await expect(restoreUpload(t.db, id, staff, at(0))).rejects.toMatchObject({ code: "notRolledBack" });
    await expect(restoreUpload(t.db, 999, staff, at(0))).rejects.toBeInstanceOf(UploadStateError);
    await rollbackUpload(t.db, id, staff, at(1));
    await restoreUpload(t.db, id, staff, at(2));
    await rollbackUpload(t.db, id, staff, at(3));
    expect((await getUploads(t.db))[0]).toMatchObject({ status: "rolled_back", rolled_back_at: "2024-03-01T08:03:00Z", restored_at: null, restored_by: null });
  });

  it("undoes a restore and its audit entry together when the transaction fails before COMMIT", async () => {
    const id = await upload("2023-Q1", 1);
    await rollbackUpload(t.db, id, staff, at(0));
    const failing: Db = {
      ...t.db,
      transaction: (fn) =>
        t.db.transaction(async (conn) => {
          await fn(conn);
          throw new Error("injected: after the last statement, before COMMIT");
        }),
    };
    await expect(restoreUpload(failing, id, staff, at(1))).rejects.toThrow("injected");
    expect(await statuses()).toEqual([[id, "rolled_back"]]);
    expect(await auditActions()).toEqual([`upload.rollback ${id} an`]);
  });
});

describe("the staff rollback bound", () => {
  it("refuses a staff account a second period within the hour and changes nothing; an admin may", async () => {
    const q1 = await upload("2023-Q1", 1);
    const q2 = await upload("2023-Q2", 2);
    await rollbackUpload(t.db, q1, staff, at(0));
    const before = { statuses: await statuses(), rankings: await rankings(), audit: await auditActions() };

    const refused = await rollbackUpload(t.db, q2, staff, at(30)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RollbackLimitError);
    expect(refused).toMatchObject({ refusal: { kind: "otherPeriod", held: ["2023-Q1"], retryAt: at(60) } });
    expect({ statuses: await statuses(), rankings: await rankings(), audit: await auditActions() }).toEqual(before);

    await rollbackUpload(t.db, q2, admin, at(31));
    expect(await statuses()).toEqual([
      [q2, "rolled_back"],
      [q1, "rolled_back"],
    ]);
    expect((await auditActions())[0]).toBe(`upload.rollback ${q2} root`);
  });

  it("lets a staff account undo several uploads of one period, another period after the hour, and counts only what still stands", async () => {
    const q1 = await upload("2023-Q1", 1);
    const q1fix = await upload("2023-Q1", 2, ["00001"]);
    const q2 = await upload("2023-Q2", 3);
    const q2fix = await upload("2023-Q2", 4, ["00002"]);
    await rollbackUpload(t.db, q1fix, staff, at(0));
    await rollbackUpload(t.db, q1, staff, at(5));
    // Another account is counted on its own.
    await rollbackUpload(t.db, q2fix, otherStaff, at(6));
    // A restored upload no longer counts: the account took nothing away with it.
    await restoreUpload(t.db, q1, staff, at(7));
    await restoreUpload(t.db, q1fix, otherStaff, at(8));
    await rollbackUpload(t.db, q2, staff, at(9));
    expect(await statuses()).toEqual([
      [q2fix, "rolled_back"],
      [q2, "rolled_back"],
      [q1fix, "committed"],
      [q1, "committed"],
    ]);
    await expect(rollbackUpload(t.db, q1, staff, at(68))).rejects.toBeInstanceOf(RollbackLimitError);
    await rollbackUpload(t.db, q1, staff, at(69));
    expect((await getUploads(t.db)).find((u) => u.id === q1)?.status).toBe("rolled_back");
  });

  it("leaves an upload of several periods to an administrator", async () => {
    const both = await upload(["2023-Q1", "2023-Q2"], 1);
    await expect(rollbackUpload(t.db, both, staff, at(0))).rejects.toMatchObject({ refusal: { kind: "manyPeriods", periods: ["2023-Q1", "2023-Q2"] } });
    expect(await statuses()).toEqual([[both, "committed"]]);
    await rollbackUpload(t.db, both, admin, at(0));
    expect(await statuses()).toEqual([[both, "rolled_back"]]);
  });

  it("checks the bound inside the rollback's queued write: two rollbacks started at once cannot both pass it", async () => {
    const q1 = await upload("2023-Q1", 1);
    const q2 = await upload("2023-Q2", 2);
    const outcomes = await Promise.allSettled([rollbackUpload(t.db, q1, staff, at(0)), rollbackUpload(t.db, q2, staff, at(0))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await statuses()).filter(([, s]) => s === "rolled_back")).toHaveLength(1);
  });
});
