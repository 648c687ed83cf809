/**
 * The data version (app/db/data-version.server.ts) moves with every change a page can show, in the change's
 * own transaction, and not with a change that was refused.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDataVersion } from "~/db/data-version.server";
import { publishPeriod, withdrawPublication } from "~/db/publications.server";
import { syncUnits } from "~/db/units.server";
import { commitUpload, restoreUpload, rollbackUpload, UploadNotCommittableError } from "~/db/uploads.server";
import { TEST_UNITS, counts, createTestDb, resultOf, type TestDb } from "../../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const meta = { fileName: "q.csv", sha256: "a".repeat(64), uploadedBy: "staff", source: "cli" as const };
const staff = { username: "staff", role: "admin", address: null } as const;
const by = { actor: "staff", address: null, now: new Date("2026-01-01T00:00:00Z") };

describe("the data version", () => {
  it("moves by one with each commit, rollback, restore, publication, withdrawal and registry sync", async () => {
    const steps: [string, () => Promise<unknown>][] = [
      ["commit", () => commitUpload(t.db, resultOf([{ code: "00001", period: "2024-Q1", counts: counts({ dossiers_received: 10 }) }]), meta)],
      ["rollback", () => rollbackUpload(t.db, 1, staff, by.now)],
      ["restore", () => restoreUpload(t.db, 1, staff, by.now)],
      ["publish", () => publishPeriod(t.db, { period: "2024-Q1", note: null, allowMissing: true }, by)],
      ["withdraw", () => withdrawPublication(t.db, { period: "2024-Q1", reason: "sai số liệu" }, by)],
      ["registry", () => syncUnits(t.db, TEST_UNITS.map((u) => (u.code === "00001" ? { ...u, name: "Xã Một Mới" } : u)))],
    ];
    let version = await getDataVersion(t.db);
    for (const [name, step] of steps) {
      await step();
      const next = await getDataVersion(t.db);
      expect(next, name).toBe(version + 1);
      version = next;
    }
  });

  it("stays put when a change is refused or changes nothing: an empty file, a restore of what is committed, a publication with units missing, the same registry", async () => {
    await commitUpload(t.db, resultOf([{ code: "00001", period: "2024-Q1", counts: counts() }]), meta);
    const before = await getDataVersion(t.db);
    await expect(commitUpload(t.db, resultOf([]), meta)).rejects.toBeInstanceOf(UploadNotCommittableError);
    await expect(restoreUpload(t.db, 1, staff, by.now)).rejects.toThrow();
    expect(await publishPeriod(t.db, { period: "2024-Q1", note: null, allowMissing: false }, by)).toMatchObject({ kind: "missingUnits" });
    expect(await withdrawPublication(t.db, { period: "2024-Q1", reason: "x" }, by)).toEqual({ kind: "notPublished" });
    await syncUnits(t.db, TEST_UNITS);
    expect(await getDataVersion(t.db)).toBe(before);
  });
});
