/**
 * `npm run bench:rankings`: the time of a full ranking of one period (every unit × every indicator, the
 * composite, previous ranks and gaps) at district (20 units), province (170) and national (3,321 units)
 * scale, each database holding 12 quarters. Prints a table and the national / district ratio.
 * Figures, not assertions: run it on a quiet machine and read them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getScoring } from "~/config/scoring.server";
import { closeDb, getDb } from "~/db/instance.server";
import { getRankingReport } from "~/db/rankings.server";
import type { DataView } from "~/domain/publication";

/** The benchmark ranks the current data, as staff see it. */
const DRAFT: DataView = { kind: "draft" };
import { syncUnits } from "~/db/units.server";
import { commitUpload } from "~/db/uploads.server";
import { syntheticQuarters, syntheticResult, syntheticUnits } from "./bench/synthetic";

const SCALES = [
  { name: "district", units: 20 },
  { name: "province", units: 170 },
  { name: "national", units: 3321 },
];
const REPEATS = 7;
const scoring = getScoring("data");
const quarters = syntheticQuarters([2022, 2023, 2024]);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-bench-"));
const results: { name: string; units: number; rows: number; quarterMs: number; yearMs: number }[] = [];
try {
  for (const scale of SCALES) {
    const file = path.join(dir, `${scale.name}.duckdb`);
    const db = await getDb(file);
    const units = syntheticUnits(scale.units);
    await syncUnits(db, units);
    const data = syntheticResult(units, quarters);
    await commitUpload(db, data, { fileName: "bench.csv", sha256: "0".repeat(64), uploadedBy: "bench", source: "cli" });
    // Warm-up: the first query pays for planning and loading pages.
    await getRankingReport(db, "2024-Q4", scoring, DRAFT);
    const q: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      let t0 = performance.now();
      const qr = await getRankingReport(db, "2024-Q4", scoring, DRAFT);
      q.push(performance.now() - t0);
      t0 = performance.now();
      const yr = await getRankingReport(db, "2024", scoring, DRAFT);
      y.push(performance.now() - t0);
      if (qr?.units !== scale.units || yr?.units !== scale.units) throw new Error("wrong unit count");
    }
    results.push({ name: scale.name, units: scale.units, rows: data.rows.length, quarterMs: median(q), yearMs: median(y) });
    await closeDb(file);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`Full ranking of one period (median of ${REPEATS}; database holds 12 quarters; ${os.cpus().length} cores, Node ${process.version})`);
console.log("scale      units  unit-quarters  quarter (ms)  year (ms)");
for (const r of results) {
  console.log(`${r.name.padEnd(9)} ${String(r.units).padStart(6)} ${String(r.rows).padStart(14)} ${r.quarterMs.toFixed(1).padStart(13)} ${r.yearMs.toFixed(1).padStart(10)}`);
}
const district = results[0];
const national = results[2];
if (district && national) {
  console.log(`ratio national / district: quarter ${(national.quarterMs / district.quarterMs).toFixed(2)}×, year ${(national.yearMs / district.yearMs).toFixed(2)}× (data ratio ${(national.units / district.units).toFixed(0)}×; target < 10×)`);
}
