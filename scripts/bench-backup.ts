/**
 * `npm run bench:backup`: how long a backup takes (and so how long it holds the write queue, during which
 * uploads wait) for a database of national size: 3,321 units × 4 quarters a year over several years of
 * uploads, beside the cost of copying the same file byte for byte after a checkpoint, measured in the same
 * run. Figures, not assertions.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { backupDatabase, backupDatabaseFile } from "~/db/backup.server";
import { closeDb, getDb } from "~/db/instance.server";
import { syncUnits } from "~/db/units.server";
import { commitUpload } from "~/db/uploads.server";
import { syntheticQuarters, syntheticResult, syntheticUnits } from "./bench/synthetic";

const YEARS = Number(process.env.BENCH_YEARS ?? 6);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-bench-backup-"));
const units = syntheticUnits(3321);

function ms(t0: number): string {
  return `${(performance.now() - t0).toFixed(0).padStart(6)} ms`;
}

try {
  const file = path.join(dir, "source.duckdb");
  const db = await getDb(file);
  await syncUnits(db, units);
  let rows = 0;
  for (let y = 0; y < YEARS; y++) {
    const result = syntheticResult(units, syntheticQuarters([2019 + y]), y);
    await commitUpload(db, result, { fileName: `${2019 + y}.csv`, sha256: "0".repeat(64), uploadedBy: "bench", source: "cli" });
    rows += result.rows.length;
  }
  await db.withConnection((conn) => conn.run("CHECKPOINT"));
  const size = fs.statSync(file).size;
  console.log(`backup of ${rows.toLocaleString("en-US")} report rows in ${YEARS} uploads, ${(size / 1024 / 1024).toFixed(1)} MB (${os.cpus().length} cores, Node ${process.version})`);

  let t0 = performance.now();
  fs.copyFileSync(file, path.join(dir, "raw-copy.duckdb"));
  console.log(`  reference: byte copy of the checkpointed file ${ms(t0)}`);

  t0 = performance.now();
  await backupDatabase(db, path.join(dir, "server.duckdb"));
  console.log(`  backup by the running server (queue held)    ${ms(t0)}   ${(fs.statSync(path.join(dir, "server.duckdb")).size / 1024 / 1024).toFixed(1)} MB`);
  await closeDb(file);

  t0 = performance.now();
  await backupDatabaseFile(file, path.join(dir, "direct.duckdb"));
  console.log(`  backup of the stopped database (read-only)   ${ms(t0)}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
