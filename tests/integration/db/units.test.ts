/**
 * The registry sync (app/db/units.server.ts): adds new codes, renames, keeps codes no longer in the file,
 * and does it in one statement whatever the registry's size.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UnitLine as Unit } from "~/db/units.server";
import type { Db } from "~/db/instance.server";
import { getLifespans, getUnits, syncUnits } from "~/db/units.server";
import { z } from "zod";
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
      { code: "00001", name: "Xã Một", kind: "commune", cluster: null },
      { code: "00002", name: "Phường Hai Mới", kind: "ward", cluster: null },
      { code: "00003", name: "Xã Ba", kind: "commune", cluster: null },
      { code: "00004", name: "Xã Bốn", kind: "commune", cluster: null },
    ]);
  });

  it("syncs a registry of 5,020 units in a few statements, again with a rename among them, and an unchanged one in one", async () => {
    const units = registryOf(5020);
    const first = counting(t.db);
    await syncUnits(first.db, units);
    // The units' upsert, the spans replaced (delete, insert) and the data version: never one statement per unit.
    expect(first.statements()).toBe(4);
    const renamed = units.map((u) => (u.code === "12345" ? { ...u, name: "Phường Đổi Tên" } : u));
    const second = counting(t.db);
    await syncUnits(second.db, renamed);
    expect(second.statements()).toBe(4);
    const third = counting(t.db);
    await syncUnits(third.db, renamed);
    expect(third.statements()).toBe(1);
    const stored = await getUnits(t.db);
    expect(stored).toHaveLength(5020);
    expect(stored.find((u) => u.code === "12345")?.name).toBe("Phường Đổi Tên");
    expect(stored.find((u) => u.code === "15019")?.name).toBe("Xã Thử Nghiệm 5020");
    // Room for one UPSERT per unit (about 8 s a sync) to fail on the count rather than on the time.
  }, 120_000);

  it("keeps every span of a reused code and the lineage, names the code by its newest unit, and says where old units went", async () => {
    await syncUnits(
      t.db,
      [
        { code: "11155", name: "Thị trấn Ninh Giang", kind: "town", validTo: "2025-Q2" },
        { code: "11197", name: "Xã Vĩnh Hòa", kind: "commune", cluster: "Cụm 1", validTo: "2025-Q2" },
        { code: "11155", name: "Xã Ninh Giang", kind: "commune", cluster: "Cụm 1", validFrom: "2025-Q3" },
        { code: "11161", name: "Xã Ứng Hoè", kind: "commune", cluster: "Cụm 2" },
      ],
      [
        { predecessor: "11155", successor: "11155", effective: "2025-Q3", share: 1, line: 2 },
        { predecessor: "11197", successor: "11155", effective: "2025-Q3", share: 1, line: 3 },
      ],
    );
    expect((await getUnits(t.db)).map((u) => [u.code, u.name, u.kind])).toEqual([
      ["11155", "Xã Ninh Giang", "commune"],
      ["11161", "Xã Ứng Hoè", "commune"],
      ["11197", "Xã Vĩnh Hòa", "commune"],
    ]);
    expect(await getLifespans(t.db)).toEqual([
      [
        "11155",
        [
          { from: null, to: "2025-Q2", name: "Thị trấn Ninh Giang", successors: ["Xã Ninh Giang (11155)"] },
          { from: "2025-Q3", to: null, name: "Xã Ninh Giang", successors: [] },
        ],
      ],
      ["11197", [{ from: null, to: "2025-Q2", name: "Xã Vĩnh Hòa", successors: ["Xã Ninh Giang (11155)"] }]],
    ]);
    const lineage = await t.db.query("SELECT predecessor_code, successor_code, effective, share FROM lineage ORDER BY predecessor_code", [], z.record(z.string(), z.unknown()));
    expect(lineage).toEqual([
      { predecessor_code: "11155", successor_code: "11155", effective: "2025-Q3", share: 1 },
      { predecessor_code: "11197", successor_code: "11155", effective: "2025-Q3", share: 1 },
    ]);
    // Syncing the registry without lineage.csv clears the lineage.
    await syncUnits(t.db, [{ code: "11161", name: "Xã Ứng Hoè", kind: "commune" }]);
    expect(await t.db.query("SELECT count(*)::INTEGER AS n FROM lineage", [], z.object({ n: z.number() }))).toEqual([{ n: 0 }]);
  });
});
