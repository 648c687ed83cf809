/**
 * `npm run bench:pages`: what the pages weigh and how fast they answer at district (20 units), province (170)
 * and national (3,321) scale, each database holding 12 quarters of synthetic reports (scripts/bench/, fixed
 * seed) loaded and published as the seed does. The province is the merged one of scripts/bench/province.ts
 * (7 clusters, about 500 old units to 2025-Q2, lineage). The production server is scripts/serve.ts on the
 * Remix build (`npm run build` first), started twice per scale on the same database:
 * 1. cold, with PAGE_CACHE_MB=0 (decision 014: every request rendered): each page read N times in a row as
 *    an anonymous reader; HTML bytes (raw and gzipped), median and p95 time to the last byte; the favicon,
 *    a static file, as the floor.
 * 2. warm, with the page cache on (its default): each page read once to fill the cache, then loaded by
 *    autocannon (decision 015; 10 connections for --duration seconds, no Accept-Encoding) and, beside it in
 *    the same run, a static file of the same bytes (public/bench-reference/, removed at the end): req/s, p50,
 *    p99 and static ÷ page (issue 12 aims at 3× or less at district and province, 5× at national), and the
 *    CPU autocannon and the server each used, since they share the machine's cores.
 * 3. during an upload (province; district with --smoke; scripts/bench/during-upload.ts): 50 connections on
 *    `/` while, after a second, staff sign in, commit a changed report of the quarter the overview shows and
 *    publish it, over HTTP; the load lasts --duration or until each connection has read the page after the
 *    publication. Every body is tallied and each distinct one compared with the overview fetched just before
 *    the upload and just after the publication: a third body is a reader seeing something else (a mix).
 * Prints markdown tables with the machine and the command. Asserts nothing (STYLE.md: benchmarks print
 * figures) but exits 1 when a page answers other than 200.
 *
 *   npm run bench:pages                          # 15 sequential requests a page, 5 s loads
 *   npm run bench:pages -- --runs 31 --duration 10
 *   npm run bench:pages -- --smoke               # CI: district only, 5 requests, 1 s loads
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { createAccount } from "~/auth/accounts.server";
import { closeDb } from "~/db/instance.server";
import { seedSample } from "~/db/seed.server";
import { openAppDb } from "~/db/setup.server";
import { makeProvinceDataDir, makeSyntheticDataDir } from "./bench/data-dir";
import { loadDuringUpload, printDuringUpload, type DuringUpload } from "./bench/during-upload";
import { load, settle, type LoadFigures, type LoadOptions } from "./bench/load";
import { provinceResult } from "./bench/province";
import { syntheticCsv, syntheticResult } from "./bench/synthetic";
import { startServerProcess, type ServerProcess } from "./harness/server-process";

const YEARS = [2022, 2023, 2024];
const MB = 1024 * 1024;
const REFERENCE_DIR = path.join("public", "bench-reference");
const WARM_CONNECTIONS = 10;
const UPLOAD_CONNECTIONS = 50;
const STAFF = { username: "bench-staff", displayName: "Bench", role: "staff" as const, unitCode: null, password: "bench-staff-password-1" };

function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} takes a whole number ≥ ${min}, not "${raw}"`);
  return value;
}

const { values: args } = parseArgs({
  args: process.argv.slice(2),
  options: { runs: { type: "string" }, duration: { type: "string" }, smoke: { type: "boolean" } },
});
const SMOKE = args.smoke ?? false;
const RUNS = wholeNumber("runs", args.runs, SMOKE ? 5 : 15, 3);
const SECONDS = wholeNumber("duration", args.duration, SMOKE ? 1 : 5, 1);

interface BenchData {
  dir: string;
  quarters: number;
  /** The latest quarter: the one the overview shows by default. */
  period: string;
  /** Today's units, in code order. */
  codes: string[];
  /** One emulation cluster, where the place has them. */
  cluster: string | null;
  /** A search that matches most units (every code starts with 1; most of the province's names with "Xã"). */
  search: string;
  /** A valid report of `period` for every unit with other counts than the seeded one (another seed). */
  changedReport(): string;
  remove(): void;
}

function syntheticData(units: number): BenchData {
  const data = makeSyntheticDataDir(units, YEARS);
  const period = data.quarters.at(-1) ?? "";
  return {
    dir: data.dir,
    quarters: data.quarters.length,
    period,
    codes: data.units.map((u) => u.code),
    cluster: null,
    search: "1",
    changedReport: () => syntheticCsv(syntheticResult(data.units, [period], 4242)),
    remove: data.remove,
  };
}

function provinceData(): BenchData {
  const data = makeProvinceDataDir();
  const { province } = data;
  const period = province.quarters.at(-1) ?? "";
  const changedReport = () => {
    const all = provinceResult(province, 4242);
    return syntheticCsv({ ...all, rows: all.rows.filter((r) => r.period === period), periods: [period] });
  };
  const codes = province.current.map((u) => u.code).sort();
  return { dir: data.dir, quarters: province.quarters.length, period, codes, cluster: province.clusters[0] ?? null, search: "xa", changedReport, remove: data.remove };
}

const SCALES = [
  { name: "district", units: 20, make: () => syntheticData(20), upload: SMOKE },
  { name: "province", units: 170, make: provinceData, upload: !SMOKE },
  { name: "national", units: 3321, make: () => syntheticData(3321), upload: false },
].filter((s) => !SMOKE || s.name === "district");

interface Page {
  page: string;
  /** The static copy's name: public/bench-reference/<scale>-<slug>.html. */
  slug: string;
  path: string;
}

function pagesOf(data: BenchData): Page[] {
  const middle = data.codes[Math.floor(data.codes.length / 2)] ?? "";
  return [
    { page: "overview", slug: "overview", path: "/" },
    { page: "overview, search", slug: "overview-search", path: `/?q=${data.search}` },
    { page: "unit", slug: "unit", path: `/units/${middle}` },
    { page: "compare (3 units)", slug: "compare", path: `/compare?units=${data.codes[0]},${middle},${data.codes.at(-1)}` },
    ...(data.cluster === null ? [] : [{ page: "overview, one cluster", slug: "cluster", path: `/?cluster=${encodeURIComponent(data.cluster)}` }]),
    { page: "contest", slug: "contest", path: "/contest" },
    { page: "API (one quarter, JSON)", slug: "api", path: "/api/rankings?period=2024-Q4" },
  ];
}

/** Pages that answered other than 200: printed at the end, and the exit code. */
const failures: string[] = [];

interface ColdFigure {
  page: string;
  bytes: number;
  gzip: number;
  median: number;
  p95: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

async function getIdentity(url: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(url, { headers: { "Accept-Encoding": "identity" } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

/** RUNS sequential reads after 2 that warm the server (query plans, the Remix build) and are not counted. */
async function measureCold(scale: string, url: string, page: string, p: string): Promise<ColdFigure | null> {
  let body: Buffer = Buffer.alloc(0);
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    const res = await getIdentity(`${url}${p}`);
    const ms = performance.now() - t0;
    body = res.body;
    if (res.status !== 200) {
      failures.push(`${scale} cold ${p}: HTTP ${res.status}: ${body.toString().slice(0, 300)}`);
      return null;
    }
    if (i >= 2) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { page, bytes: body.byteLength, gzip: gzipSync(body).byteLength, median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

/** A load on an idle server: the requests an earlier load dropped at its end are finished first. */
async function settledLoad(scale: string, options: LoadOptions): Promise<LoadFigures> {
  const waited = await settle(options.serverPid);
  if (waited > 1000) console.error(`${scale}: waited ${(waited / 1000).toFixed(1)} s for the server to finish the requests the last load left, before ${options.path}`);
  return load(options);
}

interface WarmFigure {
  page: string;
  served: LoadFigures;
  static: LoadFigures;
}

/** The page once (filling the cache), its bytes as a static file, then both under the same load. */
async function measureWarm(scale: string, server: ServerProcess, p: Page): Promise<WarmFigure | null> {
  const first = await getIdentity(`${server.url}${p.path}`);
  if (first.status !== 200) {
    failures.push(`${scale} warm ${p.path}: HTTP ${first.status}: ${first.body.toString().slice(0, 300)}`);
    return null;
  }
  const file = `${scale}-${p.slug}.html`;
  fs.writeFileSync(path.join(REFERENCE_DIR, file), first.body);
  const staticPath = `/bench-reference/${file}`;
  const copy = await getIdentity(`${server.url}${staticPath}`);
  if (copy.status !== 200 || copy.body.byteLength !== first.body.byteLength) {
    failures.push(`${scale} ${staticPath}: HTTP ${copy.status}, ${copy.body.byteLength} bytes (the page: ${first.body.byteLength})`);
    return null;
  }
  const options = { url: server.url, connections: WARM_CONNECTIONS, seconds: SECONDS, serverPid: server.pid };
  const served = await settledLoad(scale, { ...options, path: p.path });
  const stat = await settledLoad(scale, { ...options, path: staticPath });
  for (const [what, f] of [[p.path, served], [staticPath, stat]] as const) {
    if (f.non2xx > 0) failures.push(`${scale} warm ${what}: ${f.non2xx} answers other than 2xx under load`);
  }
  return { page: p.page, served, static: stat };
}

async function benchScale(scale: (typeof SCALES)[number]) {
  const data = scale.make();
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-bench-pages-"));
  const dbPath = path.join(dbDir, "bench.duckdb");
  try {
    const t0 = performance.now();
    const env = { DATABASE_PATH: dbPath, DATA_DIR: data.dir, MAX_UPLOAD_BYTES: 64 * MB };
    const db = await openAppDb(env);
    const seeded = await seedSample(db, env);
    if (seeded.kind !== "seeded") throw new Error(`seed failed: ${JSON.stringify(seeded)}`);
    if (scale.upload) await createAccount(db, STAFF, { name: "bench", address: null }, new Date());
    await closeDb(dbPath);
    console.error(`${scale.name}: ${scale.units} units × ${data.quarters} quarters loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const pages = pagesOf(data);

    const cold: ColdFigure[] = [];
    const coldServer = await startServerProcess({ dbPath, dataDir: data.dir, env: { PAGE_CACHE_MB: "0" }, timeoutMs: 120_000 });
    try {
      console.error(`${scale.name}: cold, ${RUNS} sequential requests a page…`);
      for (const p of [{ page: "reference (static file)", path: "/favicon.svg" }, ...pages]) {
        const figure = await measureCold(scale.name, coldServer.url, p.page, p.path);
        if (figure) cold.push(figure);
      }
    } finally {
      await coldServer.stop();
    }

    const warm: WarmFigure[] = [];
    let upload: DuringUpload | null = null;
    const warmServer = await startServerProcess({ dbPath, dataDir: data.dir, timeoutMs: 120_000 });
    try {
      console.error(`${scale.name}: warm, ${WARM_CONNECTIONS} connections × ${SECONDS} s on each page and its static copy…`);
      for (const p of pages) {
        const figure = await measureWarm(scale.name, warmServer, p);
        if (figure) warm.push(figure);
      }
      if (scale.upload) {
        console.error(`${scale.name}: ${UPLOAD_CONNECTIONS} connections × ${SECONDS} s on / during an upload and publication of ${data.period}…`);
        // The floor of these figures: the same crowd on the overview's static copy (written by measureWarm).
        const reference = await settledLoad(scale.name, { url: warmServer.url, path: `/bench-reference/${scale.name}-overview.html`, connections: UPLOAD_CONNECTIONS, seconds: SECONDS, serverPid: warmServer.pid });
        upload = await loadDuringUpload(warmServer, { connections: UPLOAD_CONNECTIONS, seconds: SECONDS, staff: STAFF, period: data.period, report: data.changedReport() });
        upload.reference = reference;
        const { before, after, load: f } = upload;
        if (before.status !== 200 || after.status !== 200) failures.push(`${scale.name} overview around the upload: HTTP ${before.status}, then ${after.status}`);
        if (f.non2xx > 0) failures.push(`${scale.name} overview during the upload: ${f.non2xx} answers other than 2xx`);
      }
    } finally {
      await warmServer.stop();
    }
    return { cold, warm, upload };
  } finally {
    data.remove();
    fs.rmSync(dbDir, { recursive: true, force: true });
  }
}

type ScaleResult = Awaited<ReturnType<typeof benchScale>>;

const loadBefore = os.loadavg()[0] ?? NaN;
const started = new Date();
const results = new Map<string, ScaleResult>();
fs.mkdirSync(REFERENCE_DIR, { recursive: true });
try {
  for (const scale of SCALES) results.set(scale.name, await benchScale(scale));
} finally {
  fs.rmSync(REFERENCE_DIR, { recursive: true, force: true });
}
printReport(results);
if (failures.length > 0) {
  console.log(`\n${failures.length} answers other than 200:`);
  for (const f of failures) console.log(`- ${f}`);
  process.exitCode = 1;
}

function gitCommit(): string {
  const git = spawnSync("git", ["describe", "--always", "--dirty"], { encoding: "utf8" });
  return git.status === 0 ? git.stdout.trim() : `unknown (git: ${git.stderr.trim() || git.error?.message})`;
}

function printReport(all: Map<string, ScaleResult>) {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const rate = (n: number) => n.toFixed(0);
  const cpu = (n: number | null) => (n === null ? "–" : n.toFixed(2));
  // autocannon counts only the responses that finished within the run.
  const loadCells = (f: LoadFigures) => (f.responses > 0 ? [rate(f.rps), ms(f.p50), ms(f.p99)] : ["none in the run", "–", "–"]);
  const target = (scale: string) => (scale === "national" ? 5 : 3);
  const cpus = os.cpus();
  const command = `npm run bench:pages${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;

  console.log(`\n### Pages at ${all.size === 1 ? "one scale" : "three scales"}, cold and warm (bench:pages)\n`);
  console.log(`\`${command}\` at ${gitCommit()}, ${started.toISOString().slice(0, 16).replace("T", " ")} UTC. Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}),`);
  console.log(`${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}; load average ${loadBefore.toFixed(2)} before, ${(os.loadavg()[0] ?? NaN).toFixed(2)} after.`);
  console.log(`12 quarters each. Cold: PAGE_CACHE_MB=0, ${RUNS} sequential requests a page after 2, time to the last byte. Warm: the server's`);
  console.log(`default (page cache on), one request to fill it, then autocannon, ${WARM_CONNECTIONS} connections × ${SECONDS} s, no Accept-Encoding; "static" is a file of`);
  console.log(`the page's bytes served by the same server in the same run. Issue 12 aims at static ÷ page ≤ 3× (district, province), ≤ 5× (national).\n`);
  console.log("| scale | page | HTML | gzipped | cold median | cold p95 | warm req/s | warm p50 | warm p99 | static req/s | static p50 | static p99 | static ÷ page |");
  console.log("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
  for (const [scale, r] of all) {
    for (const c of r.cold) {
      const w = r.warm.find((x) => x.page === c.page);
      const warmCells = w
        ? [...loadCells(w.served), ...loadCells(w.static), w.served.responses > 0 ? `${(w.static.rps / w.served.rps).toFixed(2)}× (≤ ${target(scale)}×)` : "–"]
        : ["", "", "", "", "", "", ""];
      console.log(`| ${scale} | ${c.page} | ${kb(c.bytes)} | ${kb(c.gzip)} | ${ms(c.median)} | ${ms(c.p95)} | ${warmCells.join(" | ")} |`);
    }
  }

  console.log("\nCores busy during the warm loads (CPU seconds per second of the run; autocannon runs in this process):\n");
  console.log("| scale | page | page: autocannon | page: server | static: autocannon | static: server | errors (page, static) |");
  console.log("|---|---|--:|--:|--:|--:|--:|");
  for (const [scale, r] of all) {
    for (const w of r.warm) {
      const errors = `${w.served.errors + w.served.non2xx}, ${w.static.errors + w.static.non2xx}`;
      console.log(`| ${scale} | ${w.page} | ${cpu(w.served.loaderCpu)} | ${cpu(w.served.serverCpu)} | ${cpu(w.static.loaderCpu)} | ${cpu(w.static.serverCpu)} | ${errors} |`);
    }
  }

  const district = all.get("district")?.cold ?? [];
  const national = all.get("national")?.cold ?? [];
  if (district.length > 0 && national.length > 0) {
    console.log("\nNational ÷ district, cold:\n");
    console.log("| page | median time | HTML bytes |");
    console.log("|---|--:|--:|");
    for (const d of district) {
      const n = national.find((x) => x.page === d.page);
      if (n) console.log(`| ${d.page} | ${(n.median / d.median).toFixed(2)}× | ${(n.bytes / d.bytes).toFixed(2)}× |`);
    }
  }

  for (const [scale, r] of all) if (r.upload) printDuringUpload(scale, r.upload);
}
