/**
 * `npm run bench:ingest`: rows per second for validate + commit of a generated report file, at national
 * scale (3,321 units × 4 quarters) and for a 1,000,000-row file, beside DuckDB's own `read_csv` of the
 * same file into a table in the same run, as a ratio. Figures, not assertions.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb } from "~/db/instance.server";
import { getUnitMap } from "~/db/import-report.server";
import { syncUnits } from "~/db/units.server";
import { commitUpload } from "~/db/uploads.server";
import { validateReport } from "~/ingest/validate";
import { syntheticCsv, syntheticQuarters, syntheticResult, syntheticUnits } from "./bench/synthetic";

const units = syntheticUnits(3321);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-bench-ingest-"));

function quartersFrom(startYear: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${startYear + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
}

interface Case {
  name: string;
  periods: string[];
  /** Rows to keep (the million-row file stops part-way through its last quarter). */
  limit?: number;
}

const cases: Case[] = [
  { name: "national, 3,321 units × 4 quarters", periods: syntheticQuarters([2024]) },
  { name: "1,000,000 rows", periods: quartersFrom(2000, Math.ceil(1_000_000 / units.length)), limit: 1_000_000 },
];

async function run(c: Case) {
  const data = syntheticResult(units, c.periods, 7);
  if (c.limit) data.rows.length = c.limit;
  const file = path.join(dir, "report.csv");
  fs.writeFileSync(file, syntheticCsv(data));
  const size = fs.statSync(file).size;
  const rows = data.rows.length;

  const dbFile = path.join(dir, `ours-${rows}.duckdb`);
  const db = await getDb(dbFile);
  await syncUnits(db, units);
  const unitMap = await getUnitMap(db);

  const t0 = performance.now();
  const bytes = new Uint8Array(fs.readFileSync(file));
  const result = validateReport(bytes, { units: unitMap, maxBytes: Number.MAX_SAFE_INTEGER });
  const t1 = performance.now();
  if (!result.ok) throw new Error(`generated file has errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
  await commitUpload(db, result, { fileName: "report.csv", sha256: "0".repeat(64), uploadedBy: "bench", source: "cli" });
  const t2 = performance.now();

  // DuckDB's own reader of the same file into a table, in the same process and run.
  const t3 = performance.now();
  await db.withConnection(async (conn) => {
    await conn.run(`CREATE TABLE duck AS SELECT * FROM read_csv($1, header = true, auto_detect = true)`, [file]);
  });
  const t4 = performance.now();
  await closeDb(dbFile);

  const validateMs = t1 - t0;
  const commitMs = t2 - t1;
  const oursMs = t2 - t0;
  const duckMs = t4 - t3;
  return { name: c.name, rows, mb: size / 1024 / 1024, validateMs, commitMs, oursMs, duckMs };
}

try {
  console.log(`validate + commit vs DuckDB read_csv (${os.cpus().length} cores, Node ${process.version})`);
  for (const c of cases) {
    const r = await run(c);
    const rps = (ms: number) => Math.round((r.rows / ms) * 1000).toLocaleString("en-US");
    console.log(`\n${r.name}: ${r.rows.toLocaleString("en-US")} rows, ${r.mb.toFixed(1)} MB`);
    console.log(`  validate          ${r.validateMs.toFixed(0).padStart(7)} ms  ${rps(r.validateMs).padStart(11)} rows/s`);
    console.log(`  commit            ${r.commitMs.toFixed(0).padStart(7)} ms  ${rps(r.commitMs).padStart(11)} rows/s`);
    console.log(`  validate + commit ${r.oursMs.toFixed(0).padStart(7)} ms  ${rps(r.oursMs).padStart(11)} rows/s`);
    console.log(`  DuckDB read_csv   ${r.duckMs.toFixed(0).padStart(7)} ms  ${rps(r.duckMs).padStart(11)} rows/s`);
    console.log(`  ratio (ours / DuckDB): ${(r.oursMs / r.duckMs).toFixed(2)}×  (target ≤ 10×)`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
