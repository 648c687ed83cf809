/**
 * `npm run generate-province -- --out DIR`: writes a province-scale data folder for tests and benchmarks
 * (not the demo): about 170 merged units in 7 emulation clusters, the old units they were formed from on
 * 2025-Q3 (mergers of 2–5, a few splits with shares), lineage.csv, and reports for 2023-Q4 … 2026-Q3
 * (scripts/bench/province.ts; fixed seed, so the same folder every time). Serve it with
 * `DATA_DIR=DIR DATABASE_PATH=province.duckdb npm run seed` and the same variables on `npm start`.
 */
import path from "node:path";
import { writeProvinceDataDir } from "./bench/data-dir";
import { buildProvince } from "./bench/province";

const at = process.argv.indexOf("--out");
const out = at > 0 ? process.argv[at + 1] : undefined;
if (out === undefined || out.startsWith("--")) {
  console.error("Usage: npm run generate-province -- --out DIR   (DIR must be new or empty)");
  process.exit(1);
}
try {
  const province = buildProvince();
  writeProvinceDataDir(out, province);
  const splits = new Set(province.lineage.filter((l) => l.share < 1).map((l) => l.predecessor)).size;
  console.log(
    `${path.resolve(out)}: ${province.current.length} units today in ${province.clusters.length} clusters, ${province.units.length - province.current.length} old units (${splits} split), ${province.lineage.length} lineage lines, ${province.quarters.length} quarters (${province.quarters[0]} … ${province.quarters.at(-1)})`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
