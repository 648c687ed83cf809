/**
 * A commit is done once per key: a retry after a lost answer (the same preview token, or the same key the
 * upload page's script sent) gets the first commit's upload back instead of saving the file twice.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { commitKey } from "~/db/commit-keys.server";
import { commitUpload, getUploads } from "~/db/uploads.server";
import { DISK_FULL, failConnections } from "../../helpers/failing-connection";
import { counts, createTestDb, resultOf, type TestDb } from "../../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const meta = (fileName: string) => ({ fileName, sha256: "a".repeat(64), uploadedBy: "staff", source: "web" as const });
const audit = { actor: "staff", address: "10.0.0.1", now: new Date("2024-03-01T08:00:00Z") };
const file = (received: number) => resultOf([{ code: "00001", period: "2023-Q1", counts: counts({ dossiers_received: received }) }]);

async function state() {
  const [row] = await t.db.query(
    `SELECT (SELECT count(*) FROM uploads) AS uploads, (SELECT count(*) FROM report_rows) AS rows,
            (SELECT count(*) FROM audit_log WHERE action = 'upload.commit') AS audits, (SELECT count(*) FROM upload_commit_keys) AS keys`,
    [],
    z.object({ uploads: z.number(), rows: z.number(), audits: z.number(), keys: z.number() }),
  );
  return row;
}

describe("a commit with a key", () => {
  it("is done once: the same key again returns the first upload and writes no row, audit entry or key", async () => {
    const key = commitKey(7, "client", "0f1e2d3c-retry-key");
    const first = await commitUpload(t.db, file(10), meta("q1.csv"), audit, { key });
    const again = await commitUpload(t.db, file(10), meta("q1.csv"), audit, { key });
    expect(again).toEqual(first);
    expect(await state()).toEqual({ uploads: 1, rows: 1, audits: 1, keys: 1 });
    // Another key, or another account with the same key, is another upload.
    const other = await commitUpload(t.db, file(11), meta("q1.csv"), audit, { key: commitKey(8, "client", "0f1e2d3c-retry-key") });
    expect(other.uploadId).not.toBe(first.uploadId);
    expect((await getUploads(t.db)).length).toBe(2);
  });

  it("is done once when two commits with the same key arrive together (a double click)", async () => {
    const key = commitKey(7, "preview", "token-of-a-preview");
    const [a, b] = await Promise.all([commitUpload(t.db, file(10), meta("q1.csv"), audit, { key }), commitUpload(t.db, file(10), meta("q1.csv"), audit, { key })]);
    expect(a).toEqual(b);
    expect(await state()).toEqual({ uploads: 1, rows: 1, audits: 1, keys: 1 });
  });

  it("records its key and audit entry in the commit's transaction: a failed COMMIT leaves neither, and the retry commits", async () => {
    const key = commitKey(7, "client", "lost-on-a-full-disk");
    const spy = failConnections({ commit: DISK_FULL });
    await expect(commitUpload(t.db, file(10), meta("q1.csv"), audit, { key })).rejects.toThrow("No space left on device");
    spy.mockRestore();
    expect(await state()).toEqual({ uploads: 0, rows: 0, audits: 0, keys: 0 });
    await commitUpload(t.db, file(10), meta("q1.csv"), audit, { key });
    expect(await state()).toEqual({ uploads: 1, rows: 1, audits: 1, keys: 1 });
  });

  it("runs the caller's part (consuming a preview) in the same transaction, and a refusal there saves nothing", async () => {
    const key = commitKey(7, "preview", "a-preview-already-gone");
    const refused = commitUpload(t.db, file(10), meta("q1.csv"), audit, {
      key,
      alsoInTransaction: async () => {
        throw new Error("the preview is gone");
      },
    });
    await expect(refused).rejects.toThrow("the preview is gone");
    expect(await state()).toEqual({ uploads: 0, rows: 0, audits: 0, keys: 0 });
  });
});
