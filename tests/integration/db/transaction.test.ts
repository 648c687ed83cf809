import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { CommitFailedError, writeFailureReason } from "~/db/transaction.server";
import { DISK_FULL, failConnections } from "../../helpers/failing-connection";
import { createTestDb, type TestDb } from "../../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

const unitCount = async () => (await t.db.query("SELECT count(*) AS n FROM units", [], z.object({ n: z.number() })))[0]?.n;
const insertUnit = (code: string) => t.db.transaction((conn) => conn.run("INSERT INTO units (code, name, kind) VALUES ($1, 'Xã Thử', 'commune')", [code]));

describe("the transaction helper", () => {
  it("throws the failed COMMIT's own error (disk full), not the ROLLBACK's 'no transaction is active'", async () => {
    const before = await unitCount();
    failConnections({ commit: DISK_FULL });
    const failed = insertUnit("09999");
    await expect(failed).rejects.toThrow("No space left on device");
    await expect(failed).rejects.toBeInstanceOf(CommitFailedError);
    await expect(failed).rejects.not.toThrow(/no transaction is active/);
    vi.restoreAllMocks();
    expect(await unitCount()).toBe(before);
    // The write queue moves on: the next transaction commits.
    await insertUnit("09998");
    expect(await unitCount()).toBe((before ?? 0) + 1);
  });

  it("keeps the error that stopped the work when the ROLLBACK after it fails too", async () => {
    failConnections({ rollback: "Connection Error: connection closed" });
    const failed = t.db.transaction(async (conn) => {
      await conn.run("INSERT INTO units (code, name, kind) VALUES ('09997', 'Xã Thử', 'commune')");
      throw new Error("the upload's rows do not fit");
    });
    await expect(failed).rejects.toThrow(/^the upload's rows do not fit/);
    await expect(failed).rejects.toThrow(/ROLLBACK failed too: Connection Error: connection closed/);
  });
});

describe("what a failed write was about", () => {
  it("names the known causes from DuckDB's messages, and nothing for errors that are not write failures", () => {
    expect(writeFailureReason(new CommitFailedError(new Error(DISK_FULL)))).toBe("diskFull");
    expect(writeFailureReason(new Error(DISK_FULL))).toBe("diskFull");
    expect(writeFailureReason(new Error('IO Error: Cannot open file "x.duckdb": Read-only file system'))).toBe("readOnly");
    expect(writeFailureReason(new Error('IO Error: Could not write file "x.duckdb": Permission denied'))).toBe("readOnly");
    expect(writeFailureReason(new Error("Out of Memory Error: could not allocate block of size 256.0 KiB"))).toBe("outOfMemory");
    expect(writeFailureReason(new CommitFailedError(new Error("TransactionContext Error: Failed to commit: something new")))).toBe("other");
    expect(writeFailureReason(new Error("upload 3 does not exist"))).toBeNull();
    expect(writeFailureReason("a string")).toBeNull();
  });
});
