/**
 * `npm run test:fuzz [-- --count N --seed S --max-seconds T --only I]`: posts mutated report files under
 * hostile file names to /upload (preview and commit-file) as a signed-in staff user of the real server on
 * 127.0.0.1, and checks that
 * - no answer is a 5xx, and every request gets an answer;
 * - nothing is written for a file with an error: a commit answered with a redirect must be of a file the
 *   ingest finds valid, and at the end every upload in the database is one of those (by SHA-256);
 * - a valid file under a name a browser could send (≤ 255 bytes, not blank) is accepted;
 * - the server is still running at the end and stops cleanly.
 * Cases come from the seed alone (scripts/fuzz/cases.ts). Defaults: 1,000 cases (FUZZ_COUNT), seed 1
 * (FUZZ_SEED), at most 900 s (FUZZ_MAX_SECONDS). Prints one line per failing case and a summary
 * "fuzz: N passed, M failed"; exits 1 on any failure, 2 when the time ran out first.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { createAccount } from "~/auth/accounts.server";
import { readRegistry } from "~/config/registry.server";
import { closeDb } from "~/db/instance.server";
import { openAppDb } from "~/db/setup.server";
import { validateReport } from "~/ingest/validate";
import { fuzzCase, type FuzzCase } from "./fuzz/cases";
import { loginAs, postUpload } from "./harness/http-client";
import { startServerProcess } from "./harness/server-process";

const MAX_UPLOAD_BYTES = 256 * 1024;
const STAFF = { username: "fuzz-staff", displayName: "Fuzz", role: "staff" as const, unitCode: null, password: "fuzz-staff-password-1" };

function option(name: string, envName: string, fallback: number): number {
  const argv = process.argv.slice(2);
  const at = argv.indexOf(`--${name}`);
  const raw = at >= 0 ? argv[at + 1] : process.env[envName];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} (or ${envName}) takes a whole number, not "${raw}"`);
  return value;
}

const count = option("count", "FUZZ_COUNT", 1000);
const seed = option("seed", "FUZZ_SEED", 1);
const maxSeconds = option("max-seconds", "FUZZ_MAX_SECONDS", 900);
const only = process.argv.includes("--only") ? option("only", "", -1) : -1;

function reasonOf(error: unknown): string {
  return error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function describeCase(c: FuzzCase): string {
  return `case ${c.index} (${c.intent}, ${c.base}${c.mutations.length ? `; ${c.mutations.join("; ")}` : ""}; name ${JSON.stringify(c.name.length > 60 ? `${c.name.slice(0, 60)}…(${c.name.length})` : c.name)} ${c.encoding}, ${c.bytes.length} bytes)`;
}

async function uploadsIn(dbPath: string): Promise<{ id: number; sha256: string; source: string }[]> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  try {
    const conn = await instance.connect();
    const rows = (await conn.runAndReadAll("SELECT id, sha256, source FROM uploads ORDER BY id")).getRows();
    conn.closeSync();
    return rows.map((r) => ({ id: Number(r[0]), sha256: String(r[1]), source: String(r[2]) }));
  } finally {
    instance.closeSync();
  }
}

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-fuzz-"));
  const dbPath = path.join(dir, "fuzz.duckdb");
  const env = { DATABASE_PATH: dbPath, DATA_DIR: "data" };
  const db = await openAppDb(env);
  await createAccount(db, STAFF, { name: "fuzz", address: null }, new Date("2024-01-01T00:00:00Z"));
  await closeDb(dbPath);
  const units = new Map(readRegistry("data").map((u) => [u.code, u.name]));

  const started = performance.now();
  const server = await startServerProcess({ dbPath, env: { MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) } });
  let passed = 0;
  let failed = 0;
  let ran = 0;
  let outOfTime = false;
  const fail = (c: FuzzCase | null, why: string) => {
    failed++;
    console.log(`FAIL ${c ? describeCase(c) : "end of run"}: ${why}`);
  };
  /** SHA-256 of every file the server acknowledged committing, with whether the ingest finds it valid. */
  const committed = new Map<string, { valid: boolean; c: FuzzCase }>();
  const invalidShas = new Map<string, FuzzCase>();
  const resets: number[] = [];
  try {
    const cookie = await loginAs(server.url, STAFF.username, STAFF.password);
    const indices = only >= 0 ? [only] : Array.from({ length: count }, (_, i) => i);
    for (const index of indices) {
      if ((performance.now() - started) / 1000 > maxSeconds) {
        outOfTime = true;
        break;
      }
      const c = fuzzCase(seed, index);
      ran++;
      const valid = validateReport(c.bytes, { units, maxBytes: MAX_UPLOAD_BYTES }).ok;
      if (!valid) invalidShas.set(sha256(c.bytes), c);
      const send = () => postUpload(server.url, cookie, c.intent, { name: c.name, bytes: c.bytes, encoding: c.encoding }, { signal: AbortSignal.timeout(60_000) });
      let answer;
      try {
        answer = await send().catch(async (error: unknown) => {
          // The client reuses kept-alive connections; one the server closed after its previous answer (an
          // answer sent before reading a large body) resets. That is the previous case's doing: say so, try
          // once more on a new connection, and fail only if that has no answer either.
          if (reasonOf(error) !== "read ECONNRESET" || !server.running()) throw error;
          resets.push(c.index);
          return send();
        });
      } catch (error) {
        fail(c, `no answer (${reasonOf(error)})`);
        if (!server.running()) break;
        continue;
      }
      const before = failed;
      const firstLine = answer.body.replace(/\s+/g, " ").slice(0, 160);
      if (answer.status >= 500) fail(c, `HTTP ${answer.status}: ${firstLine}`);
      else if (answer.status === 303 || answer.uploadId !== null) {
        if (c.intent !== "commit-file") fail(c, `a preview answered ${answer.status} ${answer.uploadId}`);
        else if (!valid) fail(c, `a file with errors was committed as upload ${answer.uploadId}`);
        committed.set(sha256(c.bytes), { valid, c });
      } else if (c.intent === "commit-file" && valid && c.encoding === "browser" && c.name.trim() !== "" && Buffer.byteLength(c.name) <= 255 && !c.name.includes("\u0000")) {
        fail(c, `a valid file was refused: HTTP ${answer.status}: ${firstLine}`);
      }
      if (failed === before) passed++;
    }
    if (!server.running()) fail(null, `the server died:\n${server.output().slice(-2000)}`);
  } finally {
    const code = await server.stop();
    if (code !== 0) fail(null, `the server did not stop cleanly (exit ${code}):\n${server.output().slice(-2000)}`);
  }
  // Nothing written for a file with an error, and nothing written the client was not told of.
  for (const u of await uploadsIn(dbPath)) {
    const bad = invalidShas.get(u.sha256);
    if (bad) fail(bad, `upload ${u.id} holds this file, which has errors`);
    else if (!committed.has(u.sha256)) fail(null, `upload ${u.id} (${u.sha256.slice(0, 12)}) was written but no commit was answered with it`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`fuzz: seed ${seed}, ${ran} cases in ${seconds} s${outOfTime ? ` (time limit of ${maxSeconds} s reached before case ${ran} of ${count})` : ""}`);
  if (resets.length > 0) {
    console.log(`fuzz: note: ${resets.length} requests found their kept-alive connection reset by the server and were sent again (cases ${resets.join(", ")}; each after an answer given before the body was read)`);
  }
  console.log(`fuzz: ${passed} passed, ${failed} failed`);
  if (failed > 0) return 1;
  return outOfTime ? 2 : 0;
}

process.exitCode = await main();
