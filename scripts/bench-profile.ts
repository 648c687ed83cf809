/**
 * `npm run bench:profile`: where a cold render of the unit page, the compare page and the overview spends
 * its time, piece by piece, at national scale (3,321 fixed units) and on the merged province (170 units
 * today from 507, lineage; the unit page of a merged unit reads the current basis). Each database is built
 * and published once as the seed does (the data of `bench:pages`); then, in this one process, every query
 * the loaders run is timed on its own, the loader whole, and the whole request through the Remix build
 * (`npm run build` first), whose remainder is the React render and the root's loader. Prints medians of
 * N runs after 2 to warm up; asserts nothing (STYLE.md: benchmarks are scripts that print figures).
 *
 *   npm run bench:profile                     # 7 runs
 *   npm run bench:profile -- --runs 11 --keep /tmp/profile-dbs   # keep (or reuse) the databases there
 *   npm run bench:profile -- --place province                    # one place only
 *
 * Each place is profiled in a process of its own: the Remix build reads its database from the
 * environment once per process.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { getScoring } from "~/config/scoring.server";
import { getCorrections } from "~/db/corrections.server";
import { closeDb, type Db } from "~/db/instance.server";
import { getLoadedPeriods } from "~/db/periods.server";
import { getUnitProvenance } from "~/db/provenance.server";
import { getRankingsFor } from "~/db/rankings.server";
import { seedSample } from "~/db/seed.server";
import { openAppDb } from "~/db/setup.server";
import { getBodyTotals } from "~/db/totals.server";
import { getUnitRankingsFor } from "~/db/unit-rankings.server";
import { getUnitLineage, getUnitSpans, getUnits, getUnitsByCode } from "~/db/units.server";
import { resolvePeriod } from "~/domain/period";
import { dataViewFor } from "~/domain/publication";
import { unitPeriods } from "~/domain/unit-periods";
import { loadCompare } from "~/routes/compare/view.server";
import { loadUnitPage } from "~/routes/units.$code/view.server";
import { loadUnitActions } from "~/routes/units.$code/actions.server";
import { NO_TARGETS } from "~/domain/targets";
import { makeProvinceDataDir, makeSyntheticDataDir } from "./bench/data-dir";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg("--runs") ?? 7);
if (!Number.isInteger(RUNS) || RUNS < 3) throw new Error(`--runs needs a whole number ≥ 3, not ${arg("--runs")}`);
const KEEP = arg("--keep");
const PLACE = arg("--place");
const MB = 1024 * 1024;

interface Place {
  name: string;
  dataDir: string;
  dbPath: string;
  codes: string[];
  remove(): void;
}

/** A place's data folder and seeded database: kept under `--keep` and reused from there when present. */
async function place(name: string, make: () => { dir: string; codes: string[]; remove(): void }): Promise<Place> {
  const root = KEEP ? path.join(KEEP, name) : fs.mkdtempSync(path.join(os.tmpdir(), `parboard-profile-${name}-`));
  const dbPath = path.join(root, "bench.duckdb");
  const codesFile = path.join(root, "codes.json");
  if (KEEP && fs.existsSync(codesFile)) {
    return { name, dataDir: path.join(root, "data"), dbPath, codes: JSON.parse(fs.readFileSync(codesFile, "utf8")) as string[], remove: () => undefined };
  }
  fs.mkdirSync(root, { recursive: true });
  const data = make();
  const dataDir = path.join(root, "data");
  fs.cpSync(data.dir, dataDir, { recursive: true });
  data.remove();
  const t0 = performance.now();
  const env = { DATABASE_PATH: dbPath, DATA_DIR: dataDir, MAX_UPLOAD_BYTES: 64 * MB };
  const db = await openAppDb(env);
  const seeded = await seedSample(db, env);
  if (seeded.kind !== "seeded") throw new Error(`seed failed: ${JSON.stringify(seeded)}`);
  await closeDb(dbPath);
  fs.writeFileSync(codesFile, JSON.stringify(data.codes));
  console.error(`${name}: seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { name, dataDir, dbPath, codes: data.codes, remove: () => (KEEP ? undefined : fs.rmSync(root, { recursive: true, force: true })) };
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    await fn();
    if (i >= 2) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

function row(scale: string, page: string, piece: string, ms: number): void {
  const figure = Number.isNaN(ms) ? "" : `${ms.toFixed(1).padStart(9)} ms`;
  console.log(`${scale.padEnd(9)} ${page.padEnd(8)} ${piece.padEnd(52)} ${figure}`.trimEnd());
}

async function profile(p: Place, build: ServerBuild): Promise<void> {
  process.env.DATABASE_PATH = p.dbPath;
  process.env.DATA_DIR = p.dataDir;
  const db: Db = await openAppDb({ DATABASE_PATH: p.dbPath, DATA_DIR: p.dataDir });
  const scoring = getScoring(p.dataDir);
  // An anonymous reader: what is published now.
  const view = dataViewFor({ seesDrafts: false }, undefined, new Date());
  const handler = createRequestHandler(build, "production");
  const context = { cspNonce: "profile-nonce-0123456789", clientAddress: "127.0.0.1", session: null };
  const page = async (href: string) => {
    const res = await handler(new Request(`http://localhost${href}`), context);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${href}: HTTP ${res.status}\n${body.slice(0, 300)}`);
  };
  const middle = p.codes[Math.floor(p.codes.length / 2)] ?? "";

  // The unit page, as loadUnitPage runs it.
  const periods = resolvePeriod(await getLoadedPeriods(db, view), undefined);
  if (periods.status !== "ok") throw new Error(`${p.name}: no periods`);
  const lineage = await getUnitLineage(db, middle);
  const shown = unitPeriods(lineage, periods, undefined);
  if (shown === null) throw new Error(`${p.name}: unit ${middle} has no periods`);
  const { basis, periods: lived } = shown;
  const unitRankings = await getUnitRankingsFor(db, periods.kind, lived, [middle], scoring, view, basis);
  const unit = `unit ${middle} (${basis}, ${lived.length} ${periods.kind}s)`;
  row(p.name, "unit", unit, NaN);
  row(p.name, "unit", "getUnitsByCode", await median(() => getUnitsByCode(db, [middle])));
  row(p.name, "unit", "getLoadedPeriods", await median(() => getLoadedPeriods(db, view)));
  row(p.name, "unit", "getUnitLineage", await median(() => getUnitLineage(db, middle)));
  row(p.name, "unit", "getUnitRankingsFor", await median(() => getUnitRankingsFor(db, periods.kind, lived, [middle], scoring, view, basis)));
  row(p.name, "unit", "  of which getRankingsFor (everyone, for reference)", await median(() => getRankingsFor(db, periods.kind, lived, scoring, view, basis)));
  row(p.name, "unit", "getBodyTotals", await median(() => getBodyTotals(db, periods.kind, scoring, view)));
  row(p.name, "unit", "getUnitProvenance", await median(() => getUnitProvenance(db, middle, view)));
  row(p.name, "unit", "getCorrections", await median(() => getCorrections(db, periods.period, scoring, view, unitRankings.rows)));
  const actions = { code: middle, period: shown.period, kind: periods.kind, basis, ownRows: unitRankings.rows, livesToYearEnd: true };
  row(p.name, "unit", "loadUnitActions (why it moved, path up, projection: everyone's year so far)", await median(() => loadUnitActions(db, actions, scoring, view, NO_TARGETS)));
  const unitLoader = await median(() => loadUnitPage(db, { code: middle }, scoring, view, NO_TARGETS));
  row(p.name, "unit", "loadUnitPage (the pieces above, some in parallel)", unitLoader);
  const unitPage = await median(() => page(`/units/${middle}`));
  row(p.name, "unit", "whole request in process (HTML)", unitPage);
  row(p.name, "unit", "  of which not loadUnitPage (render, root loader…)", unitPage - unitLoader);

  // Compare, as loadCompare runs it (the bench's three units: first, middle, last).
  const codes = [p.codes[0] ?? "", middle, p.codes.at(-1) ?? ""];
  row(p.name, "compare", "getUnitsByCode", await median(() => getUnitsByCode(db, codes)));
  row(p.name, "compare", "getUnitSpans (the shared period)", await median(() => getUnitSpans(db)));
  row(p.name, "compare", "getUnits (the search's registry)", await median(() => getUnits(db)));
  row(p.name, "compare", "getUnitRankingsFor (as reported)", await median(() => getUnitRankingsFor(db, periods.kind, periods.periods, codes, scoring, view)));
  const compareLoader = await median(() => loadCompare(db, { codes }, scoring, view));
  row(p.name, "compare", "loadCompare", compareLoader);
  const comparePage = await median(() => page(`/compare?units=${codes.join(",")}`));
  row(p.name, "compare", "whole request in process (HTML)", comparePage);
  row(p.name, "compare", "  of which not loadCompare (render, root loader…)", comparePage - compareLoader);

  // The overview: its ranking of one period, the totals, and the whole request.
  row(p.name, "overview", "getRankingsFor (one quarter, everyone)", await median(() => getRankingsFor(db, "quarter", [periods.period], scoring, view)));
  row(p.name, "overview", "whole request in process (HTML)", await median(() => page("/")));
  await closeDb(p.dbPath);
}

const PLACES = {
  national: () => {
    const d = makeSyntheticDataDir(3321, [2022, 2023, 2024]);
    return { dir: d.dir, codes: d.units.map((u) => u.code), remove: d.remove };
  },
  province: () => {
    const d = makeProvinceDataDir();
    return { dir: d.dir, codes: d.province.current.map((u) => u.code).sort(), remove: d.remove };
  },
} as const;

if (PLACE === undefined) {
  console.log(`Cold render, piece by piece: median of ${RUNS} after 2 to warm up; one process a place; ${os.cpus().length} cores, Node ${process.version}`);
  for (const name of Object.keys(PLACES)) {
    const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1), "--place", name], { stdio: "inherit" });
    if (child.status !== 0) throw new Error(`profiling ${name} failed (exit ${child.status})`);
  }
} else {
  if (!(PLACE in PLACES)) throw new Error(`--place is one of ${Object.keys(PLACES).join(", ")}, not ${PLACE}`);
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const p = await place(PLACE, PLACES[PLACE as keyof typeof PLACES]);
  try {
    await profile(p, build);
  } finally {
    p.remove();
  }
}
