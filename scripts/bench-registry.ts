/**
 * `npm run bench:registry`: the time the registry sync takes at start-up with 5,000 units, before (one
 * UPSERT per unit, as syncUnits did until issue 9) and after (one statement), against a reference measured
 * in the same run: DuckDB inserting the same three lists into an empty table with no conflict handling, the
 * least such a sync can cost. Also the whole start-up path of the server (open, migrate, sync) on a file
 * that already holds the registry. Figures, not assertions.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { listValue } from "@duckdb/node-api";
import type { UnitLine as Unit } from "~/db/units.server";
import { closeDb, getDb, type Db } from "~/db/instance.server";
import { openAppDb } from "~/db/setup.server";
import { syncUnits } from "~/db/units.server";
import { syntheticUnits } from "./bench/synthetic";

const UNITS = Number(process.env.BENCH_UNITS ?? 5000);
const units: Unit[] = syntheticUnits(UNITS);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-bench-registry-"));

/** The sync as it was: one UPSERT per unit, in one transaction. */
async function syncOneByOne(db: Db, list: readonly Unit[]): Promise<void> {
  await db.transaction(async (conn) => {
    for (const u of list) {
      await conn.run(
        `INSERT INTO units (code, name, kind) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind`,
        [u.code, u.name, u.kind],
      );
    }
  });
}

/** The floor: the same lists into an empty table of the same shape, no conflict clause. */
async function reference(db: Db, list: readonly Unit[]): Promise<void> {
  await db.transaction(async (conn) => {
    await conn.run("CREATE OR REPLACE TABLE units_reference (code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL)");
    await conn.run("INSERT INTO units_reference SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::VARCHAR[])", [
      listValue(list.map((u) => u.code)),
      listValue(list.map((u) => u.name)),
      listValue(list.map((u) => u.kind)),
    ]);
  });
}

async function timed(label: string, file: string, fn: (db: Db) => Promise<void>): Promise<number> {
  const db = await getDb(path.join(dir, file));
  const t0 = performance.now();
  await fn(db);
  const ms = performance.now() - t0;
  await closeDb(path.join(dir, file));
  console.log(`  ${label.padEnd(52)} ${ms.toFixed(0).padStart(7)} ms`);
  return ms;
}

/** The server's start-up path (open, migrate, sync the registry) on a file that already holds it. */
async function startUp(): Promise<number> {
  const dataDir = path.join(dir, "data");
  fs.mkdirSync(dataDir);
  fs.writeFileSync(path.join(dataDir, "communes.csv"), `code,name,kind\n${units.map((u) => `${u.code},${u.name},${u.kind}`).join("\n")}\n`);
  const env = { DATABASE_PATH: path.join(dir, "start.duckdb"), DATA_DIR: dataDir };
  await openAppDb(env);
  await closeDb(env.DATABASE_PATH);
  // openAppDb syncs once per process and file; forget that so the second open syncs as a new start would.
  (globalThis as unknown as Record<symbol, Set<string> | undefined>)[Symbol.for("parboard.registrySynced")]?.clear();
  const t0 = performance.now();
  await openAppDb(env);
  const ms = performance.now() - t0;
  await closeDb(env.DATABASE_PATH);
  console.log(`  ${"start-up: open + migrate + sync (registry unchanged)".padEnd(52)} ${ms.toFixed(0).padStart(7)} ms`);
  return ms;
}

try {
  console.log(`registry sync, ${UNITS.toLocaleString("en-US")} units (${os.cpus().length} cores, Node ${process.version})`);
  const ref = await timed("reference: plain INSERT of the lists, empty table", "ref.duckdb", (db) => reference(db, units));
  const before = await timed("before: one UPSERT per unit, empty table", "before.duckdb", (db) => syncOneByOne(db, units));
  const beforeAgain = await timed("before: one UPSERT per unit, unchanged registry", "before.duckdb", (db) => syncOneByOne(db, units));
  const after = await timed("after: one statement, empty table", "after.duckdb", (db) => syncUnits(db, units));
  const afterAgain = await timed("after: one statement, unchanged registry", "after.duckdb", (db) => syncUnits(db, units));
  const start = await startUp();
  console.log(`  ratio before / reference: ${(before / ref).toFixed(1)}× (empty), ${(beforeAgain / ref).toFixed(1)}× (unchanged)`);
  console.log(`  ratio after / reference:  ${(after / ref).toFixed(1)}× (empty), ${(afterAgain / ref).toFixed(1)}× (unchanged)`);
  console.log(`  speed-up after / before:  ${(before / after).toFixed(0)}× (empty), ${(beforeAgain / afterAgain).toFixed(0)}× (unchanged); start-up ${start.toFixed(0)} ms (target < 1,000 ms)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
