/**
 * Previews kept for the upload without JavaScript: handed back only to their session until they expire,
 * and stored so that the database file does not grow with every preview (DuckDB does not reclaim the
 * space of deleted BLOBs: 20 previews of a 19 MB file took a database from 3.9 MB to 763 MB).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "~/db/instance.server";
import { sha256Hex } from "~/db/import-report.server";
import { PREVIEW_TTL_MS, consumePreview, deletePreview, previewDir, readPreview, removePreviewFile, savePreview } from "~/db/previews.server";
import { createTestDb, type TestDb } from "../../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const T0 = new Date("2024-03-01T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const MB = 1024 * 1024;

/** Bytes that do not compress (a fixed xorshift sequence), so that no storage can make them small. */
function noise(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed | 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}

const input = (sessionHash: string, bytes: Uint8Array, fileName = "q.csv") => ({ sessionHash, userId: 1, fileName, sha256: sha256Hex(bytes), bytes });

describe("upload previews", () => {
  it("hands a preview back only to its own session, until it expires", async () => {
    const bytes = new TextEncoder().encode("a,b\n1,2\n\u0000\u00ff");
    const token = await savePreview(t.db, input("s1", bytes), T0, 10 * MB);
    expect(await readPreview(t.db, token, "s2", at(1))).toBeNull();
    expect(await readPreview(t.db, "not-a-token", "s1", at(1))).toBeNull();
    expect(await readPreview(t.db, token, "s1", new Date(T0.getTime() + PREVIEW_TTL_MS + 1))).toBeNull();
    const back = await readPreview(t.db, token, "s1", at(1));
    expect(back?.fileName).toBe("q.csv");
    expect([...(back?.bytes ?? [])]).toEqual([...bytes]);
    await deletePreview(t.db, token);
    expect(await readPreview(t.db, token, "s1", at(1))).toBeNull();
    expect(fs.readdirSync(previewDir(t.db.path))).toEqual([]);
  });

  it("is consumed once, inside the caller's transaction: a second consume finds nothing, and a rolled-back one leaves it", async () => {
    const token = await savePreview(t.db, input("s1", noise(1000, 3)), T0, 10 * MB);
    await expect(
      t.db.transaction(async (conn) => {
        expect(await consumePreview(conn, token)).toBe(true);
        throw new Error("the commit failed");
      }),
    ).rejects.toThrow("the commit failed");
    expect((await readPreview(t.db, token, "s1", at(1)))?.fileName).toBe("q.csv");
    expect(await t.db.transaction((conn) => consumePreview(conn, token))).toBe(true);
    expect(await t.db.transaction((conn) => consumePreview(conn, token))).toBe(false);
    await removePreviewFile(t.db, token);
    expect(await readPreview(t.db, token, "s1", at(1))).toBeNull();
    expect(fs.readdirSync(previewDir(t.db.path))).toEqual([]);
  });

  it("keeps at most three per session, the newest", async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) tokens.push(await savePreview(t.db, input("s1", noise(1000, i + 1), `${i}.csv`), at(i), 10 * MB));
    const kept = await Promise.all(tokens.map(async (token) => (await readPreview(t.db, token, "s1", at(5)))?.fileName ?? null));
    expect(kept).toEqual([null, null, "2.csv", "3.csv", "4.csv"]);
    expect(fs.readdirSync(previewDir(t.db.path))).toHaveLength(3);
  });

  it("keeps the database file bounded over 40 previews of a 3 MB file, and the preview folder within its budget", async () => {
    const budget = 10 * 3 * MB;
    await closeDb(t.file);
    const before = fs.statSync(t.file).size;
    t.db = await getDb(t.file);
    let largestFolder = 0;
    for (let i = 0; i < 40; i++) {
      // Eight sessions, a preview a minute: some are replaced, some expire, the budget evicts the rest.
      await savePreview(t.db, input(`s${i % 8}`, noise(3 * MB, i + 1), "big.csv"), at(i), budget);
      largestFolder = Math.max(largestFolder, folderBytes(`${t.file}.previews`));
    }
    await closeDb(t.file);
    const after = fs.statSync(t.file).size;
    expect(after - before, `database file ${before} → ${after} bytes`).toBeLessThan(MB);
    expect(largestFolder).toBeGreaterThan(budget / 2);
    expect(largestFolder).toBeLessThanOrEqual(budget);
    t.db = await getDb(t.file);
    expect(previewDir(t.db.path)).toBe(`${t.file}.previews`);
  }, 120_000);

  it("tidies files no preview names any more (a logout deletes rows only) and never leaves half-written files", async () => {
    const dir = previewDir(t.db.path);
    const token = await savePreview(t.db, input("s1", noise(1000, 7)), T0, 10 * MB);
    // What a logout does: the session's rows go, in its own transaction.
    await t.db.transaction((conn) => conn.run("DELETE FROM upload_previews WHERE session_hash = 's1'"));
    expect(fs.readdirSync(dir)).toHaveLength(1);
    await savePreview(t.db, input("s2", noise(1000, 8)), at(1), 10 * MB);
    expect(fs.readdirSync(dir)).toHaveLength(1);
    expect(await readPreview(t.db, token, "s1", at(1))).toBeNull();
    expect(fs.readdirSync(dir).filter((name) => !/^[0-9a-f]{64}$/.test(name))).toEqual([]);
  });

  it("refuses a preview whose file was changed on disk", async () => {
    const token = await savePreview(t.db, input("s1", noise(1000, 9)), T0, 10 * MB);
    const [name] = fs.readdirSync(previewDir(t.db.path));
    fs.writeFileSync(path.join(previewDir(t.db.path), name ?? ""), noise(1000, 10));
    await expect(readPreview(t.db, token, "s1", at(1))).rejects.toThrow(/does not match/);
  });
});
