/**
 * An audit entry is written in the same transaction as the change it records (app/db/audit.server.ts):
 * an upload commit, a rollback, an account created, reset, disabled or enabled. Two ways of failing prove
 * it. The transaction fails after everything was written but before COMMIT (a Db whose transactions throw
 * at the end): neither the change nor its entry is left. The audit write itself fails (the audit table is
 * renamed away): the change is undone with it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createAccount, disableAccount, enableAccount, resetPassword, type Actor } from "~/auth/accounts.server";
import { getAuditLog } from "~/db/audit.server";
import { importReport } from "~/db/import-report.server";
import type { Db } from "~/db/instance.server";
import { getUploads, rollbackUpload, type UploadActor, type UploadAudit } from "~/db/uploads.server";
import { getUserByUsername } from "~/db/users.server";
import { COUNT_FIELDS } from "~/domain/report-fields";
import { createTestDb, type TestDb } from "../../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const T0 = new Date("2024-03-01T08:00:00Z");
const admin: Actor = { name: "root", address: "10.0.0.2" };
const stamp: UploadAudit = { actor: "an", address: "10.0.0.1", now: T0 };
const staff = { username: "an", displayName: "Nguyễn Văn An", role: "staff" as const, unitCode: null, password: "correct-horse-1" };

class InjectedFailure extends Error {
  override name = "InjectedFailure";
}

/** The same database, but every write fails after its last statement, just before COMMIT. */
function failingBeforeCommit(db: Db): Db {
  return {
    ...db,
    transaction: (fn) =>
      db.transaction(async (conn) => {
        await fn(conn);
        throw new InjectedFailure("after the last statement, before COMMIT");
      }),
  };
}

/** Runs fn while the audit table is missing, so that writing an audit entry fails. */
async function withoutAuditTable<T>(fn: () => Promise<T>): Promise<T> {
  await t.db.withConnection((conn) => conn.run("ALTER TABLE audit_log RENAME TO audit_log_away"));
  try {
    return await fn();
  } finally {
    await t.db.withConnection((conn) => conn.run("ALTER TABLE audit_log_away RENAME TO audit_log"));
  }
}

const CSV = [
  ["commune_code", "commune_name", "period", ...COUNT_FIELDS].join(","),
  ["00001", "Xã Một", "2023-Q1", ...COUNT_FIELDS.map(() => 0)].join(","),
  ["00002", "Xã Hai", "2023-Q1", ...COUNT_FIELDS.map(() => 0)].join(","),
].join("\n");
const bytes = new TextEncoder().encode(`${CSV}\n`);

function importAs(db: Db, fileName: string) {
  return importReport(db, bytes, { fileName, uploadedBy: "an", source: "web", maxBytes: 1_000_000, uploadedAt: T0, audit: stamp });
}

async function reportRowCount(): Promise<number> {
  const [row] = await t.db.query("SELECT count(*) AS n FROM report_rows", [], z.object({ n: z.number() }));
  return row?.n ?? 0;
}

async function auditActions(): Promise<string[]> {
  return (await getAuditLog(t.db, { limit: 100 })).map((e) => `${e.action} ${e.target ?? ""}`.trim());
}

describe("an upload commit and its audit entry", () => {
  it("are saved together", async () => {
    const outcome = await importAs(t.db, "q1.csv");
    const id = outcome.committed?.uploadId;
    expect(id).toBeDefined();
    const [entry] = await getAuditLog(t.db, { limit: 10 });
    expect(entry).toMatchObject({ action: "upload.commit", actor: "an", target: String(id), address: "10.0.0.1", logged_at: "2024-03-01T08:00:00Z" });
    expect(JSON.parse(entry?.detail ?? "{}")).toMatchObject({ file: "q1.csv", rows: 2, units: 2, periods: ["2023-Q1"] });
  });

  it("are both undone when the transaction fails before COMMIT", async () => {
    await expect(importAs(failingBeforeCommit(t.db), "q1.csv")).rejects.toBeInstanceOf(InjectedFailure);
    expect(await getUploads(t.db)).toEqual([]);
    expect(await reportRowCount()).toBe(0);
    expect(await auditActions()).toEqual([]);
  });

  it("are both undone when the audit entry cannot be written", async () => {
    await expect(withoutAuditTable(() => importAs(t.db, "q1.csv"))).rejects.toThrow(/audit_log/);
    expect(await getUploads(t.db)).toEqual([]);
    expect(await reportRowCount()).toBe(0);
    expect(await auditActions()).toEqual([]);
  });
});

describe("a rollback and its audit entry", () => {
  const rollbackBy: UploadActor = { username: "an", role: "staff", address: "10.0.0.1" };
  async function committed(): Promise<number> {
    const outcome = await importAs(t.db, "q1.csv");
    if (!outcome.committed) throw new Error("the fixture did not commit");
    return outcome.committed.uploadId;
  }

  it("are saved together, the entry naming the file and periods", async () => {
    const id = await committed();
    await rollbackUpload(t.db, id, rollbackBy, new Date("2024-03-02T08:00:00Z"));
    const [entry] = await getAuditLog(t.db, { limit: 10 });
    expect(entry).toMatchObject({ action: "upload.rollback", actor: "an", target: String(id), logged_at: "2024-03-02T08:00:00Z" });
    expect(JSON.parse(entry?.detail ?? "{}")).toEqual({ file: "q1.csv", periods: ["2023-Q1"] });
  });

  it("are both undone when the transaction fails before COMMIT", async () => {
    const id = await committed();
    await expect(rollbackUpload(failingBeforeCommit(t.db), id, rollbackBy, T0)).rejects.toBeInstanceOf(InjectedFailure);
    expect((await getUploads(t.db)).map((u) => u.status)).toEqual(["committed"]);
    expect(await auditActions()).toEqual([`upload.commit ${id}`]);
  });

  it("are both undone when the audit entry cannot be written", async () => {
    const id = await committed();
    await expect(withoutAuditTable(() => rollbackUpload(t.db, id, rollbackBy, T0))).rejects.toThrow(/audit_log/);
    expect((await getUploads(t.db)).map((u) => u.status)).toEqual(["committed"]);
    expect(await auditActions()).toEqual([`upload.commit ${id}`]);
  });
});

describe("an account change and its audit entry", () => {
  /** The account as stored, without the fields a change leaves alone. */
  async function account(username: string) {
    const user = await getUserByUsername(t.db, username);
    return user ? { passwordChangedAt: user.passwordChangedAt, disabledAt: user.disabledAt } : null;
  }

  it("are undone together when a creation fails before COMMIT or cannot be audited", async () => {
    await expect(createAccount(failingBeforeCommit(t.db), staff, admin, T0)).rejects.toBeInstanceOf(InjectedFailure);
    await expect(withoutAuditTable(() => createAccount(t.db, staff, admin, T0))).rejects.toThrow(/audit_log/);
    expect(await account("an")).toBeNull();
    expect(await auditActions()).toEqual([]);
    await createAccount(t.db, staff, admin, T0);
    expect(await auditActions()).toEqual(["user.create an"]);
  });

  it("are undone together for a password reset, a disable and an enable", async () => {
    await createAccount(t.db, { ...staff, username: "root", role: "admin" }, admin, T0);
    await createAccount(t.db, staff, admin, T0);
    const later = new Date("2024-03-05T08:00:00Z");
    const before = await account("an");
    const changes = [
      () => resetPassword(failingBeforeCommit(t.db), "an", "another-password-2", admin, later),
      () => withoutAuditTable(() => resetPassword(t.db, "an", "another-password-2", admin, later)),
      () => disableAccount(failingBeforeCommit(t.db), "an", admin, later),
      () => withoutAuditTable(() => disableAccount(t.db, "an", admin, later)),
    ];
    for (const change of changes) await expect(change()).rejects.toThrow();
    expect(await account("an")).toEqual(before);
    expect(await auditActions()).toEqual(["user.create an", "user.create root"]);

    await disableAccount(t.db, "an", admin, later);
    const disabled = await account("an");
    await expect(enableAccount(failingBeforeCommit(t.db), "an", admin, later)).rejects.toBeInstanceOf(InjectedFailure);
    await expect(withoutAuditTable(() => enableAccount(t.db, "an", admin, later))).rejects.toThrow(/audit_log/);
    expect(await account("an")).toEqual(disabled);
    expect(await auditActions()).toEqual(["user.disable an", "user.create an", "user.create root"]);
  });
});
