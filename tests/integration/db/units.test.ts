/**
 * The registry sync (app/db/units.server.ts): adds new codes, renames, keeps codes no longer in the file,
 * and does it in one statement whatever the registry's size.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Unit } from "~/config/registry.server";
import type { Db } from "~/db/instance.server";
import { getUnits, syncUnits } from "~/db/units.server";
import { createTestDb, type TestDb } from "../../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb([]);
});
afterEach(async () => {
  await t.close();
});

/** The same database, counting the statements the sync runs inside its transactions. */
function counting(db: Db): { db: Db; statements: () => number } {
  let n = 0;
  const wrap = (conn: DuckDBConnection): DuckDBConnection =>
    new Proxy(conn, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (typeof key === "string" && /^(run|runAndRead|runAndReadAll|prepare|createAppender|stream)/.test(key)) n++;
          return Reflect.apply(value as (...a: unknown[]) => unknown, target, args);
        };
      },
    });
  return {
    db: { ...db, transaction: (fn) => db.transaction((conn) => fn(wrap(conn))), withConnection: (fn) => db.withConnection((conn) => fn(wrap(conn))) },
    statements: () => n,
  };
}

function registryOf(n: number): Unit[] {
  return Array.from({ length: n }, (_, i) => ({ code: String(10000 + i), name: `Xã Thử Nghiệm ${i + 1}`, kind: "commune" as const }));
}

describe("syncUnits", () => {
  it("adds new codes, renames and re-kinds existing ones, and keeps codes no longer in the file", async () => {
    await syncUnits(t.db, [
      { code: "00001", name: "Xã Một", kind: "commune" },
      { code: "00002", name: "Xã Hai", kind: "commune" },
      { code: "00003", name: "Xã Ba", kind: "commune" },
    ]);
    // After a merger: 00002 renamed and now a ward, 00003 gone from the file, 00004 new.
    await syncUnits(t.db, [
      { code: "00001", name: "Xã Một", kind: "commune" },
      { code: "00002", name: "Phường Hai Mới", kind: "ward" },
      { code: "00004", name: "Xã Bốn", kind: "commune" },
    ]);
    expect(await getUnits(t.db)).toEqual([
      { code: "00001", name: "Xã Một", kind: "commune" },
      { code: "00002", name: "Phường Hai Mới", kind: "ward" },
      { code: "00003", name: "Xã Ba", kind: "commune" },
      { code: "00004", name: "Xã Bốn", kind: "commune" },
    ]);
  });

  it("syncs a registry of 5,020 units in one statement, and again with a rename among them", async () => {
    const units = registryOf(5020);
    const first = counting(t.db);
    await syncUnits(first.db, units);
    expect(first.statements()).toBe(1);
    const renamed = units.map((u) => (u.code === "12345" ? { ...u, name: "Phường Đổi Tên" } : u));
    const second = counting(t.db);
    await syncUnits(second.db, renamed);
    expect(second.statements()).toBe(1);
    const stored = await getUnits(t.db);
    expect(stored).toHaveLength(5020);
    expect(stored.find((u) => u.code === "12345")?.name).toBe("Phường Đổi Tên");
    expect(stored.find((u) => u.code === "15019")?.name).toBe("Xã Thử Nghiệm 5020");
    // Room for one UPSERT per unit (about 8 s a sync) to fail on the count rather than on the time.
  }, 120_000);
});
