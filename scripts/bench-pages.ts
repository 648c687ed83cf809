/**
 * `npm run bench:pages`: what the pages weigh and how long they take at district (20 units), province (170)
 * and national (3,321) scale, each database holding 12 quarters of synthetic reports (scripts/bench/,
 * fixed seed) loaded and published as the seed does. The province is the merged one of
 * scripts/bench/province.ts (7 clusters, about 500 old units to 2025-Q2, lineage), so its figures include
 * the restated history of a merged unit's page and one cluster's overview. For each scale the production server
 * (scripts/serve.ts on the Remix build: run `npm run build` first) is started on its own database, and
 * each page is read N times in a row as an anonymous reader: HTML bytes (raw and gzipped) and the median
 * and 95th percentile of the time to the last byte. A static file served by the same server is the floor
 * of every figure (the reference). Prints figures and the national ÷ district ratios; asserts nothing
 * (STYLE.md: benchmarks are scripts that print figures).
 *
 *   npm run bench:pages              # 15 requests per page
 *   npm run bench:pages -- --runs 31
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { closeDb } from "~/db/instance.server";
import { seedSample } from "~/db/seed.server";
import { openAppDb } from "~/db/setup.server";
import { makeProvinceDataDir, makeSyntheticDataDir } from "./bench/data-dir";
import { startServerProcess } from "./harness/server-process";

const YEARS = [2022, 2023, 2024];

interface BenchData {
  dir: string;
  quarters: number;
  /** Today's units, in code order. */
  codes: string[];
  /** One emulation cluster, where the place has them. */
  cluster: string | null;
  /** A search that matches most units (every code starts with 1; most of the province's names with "Xã"). */
  search: string;
  remove(): void;
}

function syntheticData(units: number): BenchData {
  const data = makeSyntheticDataDir(units, YEARS);
  return { dir: data.dir, quarters: data.quarters.length, codes: data.units.map((u) => u.code), cluster: null, search: "1", remove: data.remove };
}

function provinceData(): BenchData {
  const data = makeProvinceDataDir();
  const { province } = data;
  const codes = province.current.map((u) => u.code).sort();
  return { dir: data.dir, quarters: province.quarters.length, codes, cluster: province.clusters[0] ?? null, search: "xa", remove: data.remove };
}

const SCALES = [
  { name: "district", units: 20, make: () => syntheticData(20) },
  { name: "province", units: 170, make: provinceData },
  { name: "national", units: 3321, make: () => syntheticData(3321) },
] as const;
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
if (!Number.isInteger(RUNS) || RUNS < 3) throw new Error(`--runs needs a whole number ≥ 3, not ${process.argv[runsArg + 1]}`);
const MB = 1024 * 1024;

interface Figure {
  page: string;
  bytes: number;
  gzip: number;
  median: number;
  p95: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

async function measure(url: string, page: string, path: string): Promise<Figure> {
  let body = Buffer.alloc(0);
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { "Accept-Encoding": "identity" } });
    body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}\n${body.toString().slice(0, 300)}`);
    // The first two requests warm the server (query plans, the Remix build) and are not counted.
    if (i >= 2) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { page, bytes: body.byteLength, gzip: gzipSync(body).byteLength, median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

const results = new Map<string, Figure[]>();
for (const scale of SCALES) {
  const data = scale.make();
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-bench-pages-"));
  const dbPath = path.join(dbDir, "bench.duckdb");
  try {
    const t0 = performance.now();
    const env = { DATABASE_PATH: dbPath, DATA_DIR: data.dir, MAX_UPLOAD_BYTES: 64 * MB };
    const db = await openAppDb(env);
    const seeded = await seedSample(db, env);
    if (seeded.kind !== "seeded") throw new Error(`seed failed: ${JSON.stringify(seeded)}`);
    await closeDb(dbPath);
    const server = await startServerProcess({ dbPath, dataDir: data.dir, timeoutMs: 120_000 });
    console.error(`${scale.name}: ${scale.units} units × ${data.quarters} quarters loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s; measuring…`);
    try {
      const codes = data.codes;
      const middle = codes[Math.floor(codes.length / 2)] ?? "";
      const pages: [string, string][] = [
        ["reference (static file)", "/favicon.svg"],
        ["overview", "/"],
        ["overview, search", `/?q=${data.search}`],
        ["unit", `/units/${middle}`],
        ["compare (3 units)", `/compare?units=${codes[0]},${middle},${codes.at(-1)}`],
        ...(data.cluster === null ? [] : [["overview, one cluster", `/?cluster=${encodeURIComponent(data.cluster)}`] as [string, string]]),
        ["contest", "/contest"],
        ["API (one quarter, JSON)", "/api/rankings?period=2024-Q4"],
      ];
      const figures: Figure[] = [];
      for (const [page, p] of pages) figures.push(await measure(server.url, page, p));
      results.set(scale.name, figures);
    } finally {
      await server.stop();
    }
  } finally {
    data.remove();
    fs.rmSync(dbDir, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`Pages at three scales: 12 quarters each; ${RUNS} sequential requests per page after 2 to warm up; ${os.cpus().length} cores, Node ${process.version}`);
console.log(`${"scale".padEnd(9)} ${"page".padEnd(24)} ${"HTML".padStart(11)} ${"gzipped".padStart(10)} ${"median".padStart(10)} ${"p95".padStart(10)}`);
for (const [name, figures] of results) {
  for (const f of figures) {
    const flag = f.bytes > MB && !f.page.startsWith("API") ? "  > 1 MB" : "";
    console.log(`${name.padEnd(9)} ${f.page.padEnd(24)} ${kb(f.bytes).padStart(11)} ${kb(f.gzip).padStart(10)} ${ms(f.median).padStart(10)} ${ms(f.p95).padStart(10)}${flag}`);
  }
}
const district = results.get("district") ?? [];
const national = results.get("national") ?? [];
console.log("national ÷ district (median time; HTML bytes):");
for (const d of district) {
  const n = national.find((x) => x.page === d.page);
  if (n) console.log(`  ${d.page.padEnd(24)} time ${(n.median / d.median).toFixed(2)}×   bytes ${(n.bytes / d.bytes).toFixed(2)}×`);
}
