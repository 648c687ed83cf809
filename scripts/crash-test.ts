/**
 * `npm run test:crash [-- --trials N --seed S --units U --max-seconds T]`: kills the real server with
 * SIGKILL at a random moment while it commits an upload (half the kills anywhere in the request, half
 * near its end, where the commit's transaction runs), restarts it, and checks every time that
 * - every upload is all or nothing: an uploads row ⇔ all its report rows ⇔ its audit entry;
 * - an upload the server acknowledged (its redirect reached the client) survived the kill;
 * - the server starts again cleanly on the file it left (answers, prints no error) and, at the end,
 *   stops cleanly.
 * The server runs on 127.0.0.1 against a temporary database with a synthetic registry large enough that a
 * commit takes a while (3,000 units × 4 quarters = 12,000 rows a file by default), so the kills land
 * before, during and after the commit's transaction. The moment of each kill comes from the seed.
 * Defaults: 20 trials (CRASH_TRIALS), seed 1 (CRASH_SEED), at most 900 s (CRASH_MAX_SECONDS). Prints a
 * line per trial and a summary "crash: N passed, M failed"; exits 1 on any failure, 2 when the time ran out.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import Papa from "papaparse";
import { createAccount } from "~/auth/accounts.server";
import { closeDb } from "~/db/instance.server";
import { openAppDb } from "~/db/setup.server";
import { syntheticCsv, syntheticQuarters, syntheticResult, syntheticUnits } from "./bench/synthetic";
import { loginAs, postUpload, type UploadAnswer } from "./harness/http-client";
import { startServerProcess, type ServerProcess } from "./harness/server-process";
import { hashSeed, mulberry32 } from "./sample/prng";

function option(name: string, envName: string, fallback: number): number {
  const argv = process.argv.slice(2);
  const at = argv.indexOf(`--${name}`);
  const raw = at >= 0 ? argv[at + 1] : process.env[envName];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} (or ${envName}) takes a whole number, not "${raw}"`);
  return value;
}

const trials = option("trials", "CRASH_TRIALS", 20);
const seed = option("seed", "CRASH_SEED", 1);
const unitCount = option("units", "CRASH_UNITS", 3000);
const maxSeconds = option("max-seconds", "CRASH_MAX_SECONDS", 900);
const STAFF = { username: "crash-staff", displayName: "Crash", role: "staff" as const, unitCode: null, password: "crash-staff-password-1" };

interface Consistency {
  uploads: number;
  problems: string[];
  ids: Set<number>;
}

/** Reads the database as the killed server left it (read-only: the WAL is read, not folded in). */
async function check(dbPath: string): Promise<Consistency> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  try {
    const conn = await instance.connect();
    const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRows();
    const problems: string[] = [];
    const uploads = await rows(`
      SELECT u.id, u.row_count, u.source,
        (SELECT count(*) FROM report_rows r WHERE r.upload_id = u.id),
        (SELECT count(*) FROM audit_log a WHERE a.action = 'upload.commit' AND a.target = CAST(u.id AS VARCHAR))
      FROM uploads u ORDER BY u.id`);
    for (const [id, rowCount, source, stored, audits] of uploads) {
      if (Number(stored) !== Number(rowCount)) problems.push(`upload ${id}: ${stored} of its ${rowCount} report rows`);
      if (source === "web" && Number(audits) !== 1) problems.push(`upload ${id}: ${audits} audit entries`);
    }
    for (const [id, n] of await rows("SELECT upload_id, count(*) FROM report_rows WHERE upload_id NOT IN (SELECT id FROM uploads) GROUP BY upload_id")) {
      problems.push(`${n} report rows of upload ${id}, which does not exist`);
    }
    for (const [target] of await rows("SELECT target FROM audit_log WHERE action = 'upload.commit' AND target NOT IN (SELECT CAST(id AS VARCHAR) FROM uploads)")) {
      problems.push(`an audit entry for upload ${target}, which does not exist`);
    }
    conn.closeSync();
    return { uploads: uploads.length, problems, ids: new Set(uploads.map((u) => Number(u[0]))) };
  } finally {
    instance.closeSync();
  }
}

/** A data folder with a synthetic registry, and one distinct valid report file per trial. */
function prepareFiles(dir: string) {
  const dataDir = path.join(dir, "data");
  fs.mkdirSync(dataDir);
  const units = syntheticUnits(unitCount);
  fs.writeFileSync(path.join(dataDir, "communes.csv"), `${Papa.unparse(units, { columns: ["code", "name", "kind"], newline: "\n" })}\n`);
  for (const file of ["district.json", "scoring.json"]) fs.copyFileSync(path.join("data", file), path.join(dataDir, file));
  const quarters = syntheticQuarters([2024]);
  const file = (n: number) => new TextEncoder().encode(syntheticCsv(syntheticResult(units, quarters, 1000 + n)));
  const small = new TextEncoder().encode(syntheticCsv(syntheticResult(units.slice(0, 20), ["2023-Q4"], 7)));
  return { dataDir, file, small };
}

/** Starts the server and checks that it started cleanly: it answers, and printed no error on the way. */
async function start(dbPath: string, dataDir: string): Promise<{ server: ServerProcess; ms: number }> {
  const t0 = performance.now();
  const server = await startServerProcess({ dbPath, dataDir, env: { MAX_UPLOAD_BYTES: String(50 * 1024 * 1024) } });
  const ms = performance.now() - t0;
  if (/error|exception|corrupt/i.test(server.output())) {
    await server.stop();
    throw new Error(`the server started with errors:\n${server.output()}`);
  }
  return { server, ms };
}

async function main(): Promise<number> {
  const began = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-crash-"));
  const dbPath = path.join(dir, "crash.duckdb");
  const { dataDir, file, small } = prepareFiles(dir);
  // A fresh server's first upload is slower (modules loaded, code compiled): a small preview first, so
  // that the kill windows of the calibration and of every trial measure the same thing.
  const warmUp = async (url: string, cookie: string) => {
    const res = await postUpload(url, cookie, "preview", { name: "warm-up.csv", bytes: small, encoding: "browser" });
    if (res.status !== 200) throw new Error(`the warm-up preview answered HTTP ${res.status}: ${res.body.slice(0, 300)}`);
  };
  const db = await openAppDb({ DATABASE_PATH: dbPath, DATA_DIR: dataDir });
  await createAccount(db, STAFF, { name: "crash", address: null }, new Date("2024-01-01T00:00:00Z"));
  await closeDb(dbPath);
  const rng = mulberry32(hashSeed(`crash:${seed}`));
  let passed = 0;
  let failed = 0;
  // The calibration commit below is the first upload.
  let committedCount = 1;
  let outOfTime = false;

  // Calibration: one commit left to finish, to learn how long a commit takes on this machine.
  let { server } = await start(dbPath, dataDir);
  let cookie = await loginAs(server.url, STAFF.username, STAFF.password);
  await warmUp(server.url, cookie);
  const t0 = performance.now();
  const first = await postUpload(server.url, cookie, "commit-file", { name: "calibration.csv", bytes: file(0), encoding: "browser" });
  const commitMs = performance.now() - t0;
  if (first.status !== 303) throw new Error(`the calibration commit answered HTTP ${first.status}: ${first.body.slice(0, 300)}`);
  console.log(`crash: seed ${seed}, ${unitCount} units, a commit of ${file(0).length} bytes takes ${commitMs.toFixed(0)} ms; killing at a random moment in [0, ${(1.5 * commitMs).toFixed(0)}] ms, half of them in 0.85–1.15× where the commit ends (first estimated at ${commitMs.toFixed(0)} ms, then learnt from each trial)`);
  const acknowledged = new Set<number>([first.uploadId ?? -1]);
  // Where the commit ends, as the trials find it (a busy machine makes the calibration an estimate): a
  // kill after which the upload was saved came after its end, one after which it was not came before.
  let estimateMs = commitMs;

  try {
    for (let trial = 1; trial <= trials; trial++) {
      if ((performance.now() - began) / 1000 > maxSeconds) {
        outOfTime = true;
        break;
      }
      // Half the kills anywhere in the request, half near its end, where the commit's transaction runs.
      const late = rng() < 0.5;
      const delay = Math.floor(late ? (0.85 + 0.3 * rng()) * estimateMs : rng() * 1.5 * commitMs);
      // A request cut by the kill has no answer: that is the point, not a failure; the trial line says why.
      const posted: Promise<UploadAnswer | { cut: string }> = postUpload(server.url, cookie, "commit-file", {
        name: `trial-${trial}.csv`,
        bytes: file(trial),
        encoding: "browser",
      }).catch((error: unknown) => ({ cut: error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error) }));
      await new Promise((r) => setTimeout(r, delay));
      await server.kill();
      const outcome = await posted;
      const got = "cut" in outcome ? null : outcome;
      if (got && got.status === 303 && got.uploadId !== null) acknowledged.add(got.uploadId);

      const problems: string[] = [];
      const state = await check(dbPath);
      problems.push(...state.problems);
      for (const id of acknowledged) if (!state.ids.has(id)) problems.push(`upload ${id} was acknowledged to the client but is gone`);
      const committed = state.uploads > committedCount;
      committedCount = state.uploads;
      if (committed) estimateMs = Math.min(estimateMs, delay);
      else if (delay > 0.8 * estimateMs) estimateMs = Math.max(estimateMs, delay * 1.05);

      let restart = "";
      try {
        const started = await start(dbPath, dataDir);
        server = started.server;
        restart = `restarted in ${started.ms.toFixed(0)} ms`;
        cookie = await loginAs(server.url, STAFF.username, STAFF.password);
        if (trial < trials) await warmUp(server.url, cookie);
      } catch (error) {
        problems.push(`restart failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const verdict = problems.length === 0 ? "ok" : `FAIL: ${problems.join("; ")}`;
      console.log(
        `trial ${trial}: killed after ${delay} ms${late ? " (near the end)" : ""}, ${got ? `answer HTTP ${got.status}` : `no answer (${"cut" in outcome ? outcome.cut : ""})`}, upload ${committed ? "committed" : "not committed"}, ${state.uploads} uploads, ${restart} — ${verdict}`,
      );
      if (problems.length === 0) passed++;
      else failed++;
      if (!server.running()) break;
    }
  } finally {
    if (server.running()) {
      const code = await server.stop();
      if (code !== 0) {
        failed++;
        console.log(`FAIL the server did not stop cleanly (exit ${code}):\n${server.output().slice(-2000)}`);
      }
    }
  }
  const last = await check(dbPath);
  if (last.problems.length > 0) {
    failed++;
    console.log(`FAIL after the last stop: ${last.problems.join("; ")}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const seconds = ((performance.now() - began) / 1000).toFixed(1);
  console.log(`crash: ${passed + failed} trials in ${seconds} s, ${last.uploads - 1} of them committed before the kill${outOfTime ? ` (time limit of ${maxSeconds} s reached)` : ""}`);
  console.log(`crash: ${passed} passed, ${failed} failed`);
  if (failed > 0) return 1;
  return outOfTime ? 2 : 0;
}

process.exitCode = await main();
