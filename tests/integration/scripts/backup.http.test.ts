/**
 * `npm run backup` and `npm run restore` as an operator runs them, against the real server under upload
 * load: the backup taken mid-way holds exactly the writes committed before it (every table, every
 * sequence's next value, nothing half-written), and restoring it into a fresh path gives it back.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance, type Json } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestSchemaVersion } from "~/db/migrations.server";
import { prepareDatabase } from "../../helpers/http-server";
import { ALL_USERS, USERS } from "../../helpers/http-client";
import { loginAs, postUpload } from "../../../scripts/harness/http-client";
import { sampleVariant } from "../../../scripts/harness/report-files";
import { startServerProcess, type ServerProcess } from "../../../scripts/harness/server-process";

type Row = Record<string, Json>;
type Dump = Record<string, Row[]>;

/** Every row of every table the file holds, read-only (a dump changes nothing, not even a WAL). */
async function dump(file: string): Promise<Dump> {
  const instance = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
  try {
    const conn = await instance.connect();
    const out: Dump = {};
    const tables = (await conn.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1")).getRows();
    for (const [table] of tables) out[String(table)] = (await conn.runAndReadAll(`SELECT * FROM "${String(table)}" ORDER BY ALL`)).getRowObjectsJson();
    conn.closeSync();
    return out;
  } finally {
    instance.closeSync();
  }
}

/** The next value of each sequence; takes them, so only on a copy that is thrown away afterwards. */
async function nextValues(file: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(file);
  try {
    const conn = await instance.connect();
    const row = (await conn.runAndReadAll("SELECT nextval('upload_id_seq'), nextval('audit_id_seq'), nextval('user_id_seq')")).getRows()[0] ?? [];
    conn.closeSync();
    return { upload: Number(row[0]), audit: Number(row[1]), user: Number(row[2]) };
  } finally {
    instance.closeSync();
  }
}

function cli(script: string, args: string[], dbPath: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, "--lang", "en", ...args], {
      env: { ...process.env, DATABASE_PATH: dbPath, INIT_CWD: process.cwd() },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const ids = (rows: Row[], key: string) => rows.map((r) => Number(r[key]));

let dir: string;
let dbPath: string;
let server: ServerProcess;
beforeAll(async () => {
  ({ dir, dbPath } = await prepareDatabase({ seed: true, users: ALL_USERS }));
  server = await startServerProcess({ dbPath });
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a backup while the server commits uploads", () => {
  it("holds exactly what was committed before it, and restores into a fresh path", async () => {
    const staff = await loginAs(server.url, USERS.staff.username, USERS.staff.password);
    // A failed login and two stored previews: rows in login_attempts, audit_log and upload_previews too.
    await fetch(`${server.url}/login`, { method: "POST", body: new URLSearchParams({ username: "staff1", password: "wrong-password" }), headers: { Origin: server.url }, redirect: "manual" });
    for (const n of [900, 901]) expect((await postUpload(server.url, staff, "preview", { name: `p${n}.csv`, bytes: sampleVariant(n), encoding: "browser" })).status).toBe(200);

    const backupFile = path.join(dir, "mid-load.duckdb");
    let next = 0;
    let committed = 0;
    let afterBackup = 0;
    let backup: Promise<{ code: number | null; stdout: string; stderr: string }> | null = null;
    let backupDone = false;
    // Two clients commit files one after another until the backup is done and three more commits followed it.
    const client = async () => {
      while (next < 300 && !(backupDone && afterBackup >= 3)) {
        const n = next++;
        const res = await postUpload(server.url, staff, "commit-file", { name: `load-${n}.csv`, bytes: sampleVariant(n), encoding: "browser" });
        expect(res.status, res.body.slice(0, 300)).toBe(303);
        committed++;
        if (backupDone) afterBackup++;
        if (committed === 4 && !backup) {
          backup = cli("backup", [backupFile], dbPath).then((r) => {
            backupDone = true;
            return r;
          });
        }
      }
    };
    await Promise.all([client(), client()]);
    expect(backup).not.toBeNull();
    const taken = await backup!;
    expect(taken.stderr).toBe("");
    expect(taken.code).toBe(0);
    expect(taken.stdout).toMatch(new RegExp(`^Backup written to .*mid-load\\.duckdb \\(written by the running server\\): schema version ${latestSchemaVersion()}, \\d+ uploads`));

    // The server's own output says why, should it ever not stop cleanly (a signal gives no code).
    const stopped = await server.stop();
    expect(stopped, server.output().slice(-3000)).toBe(0);
    const final = await dump(dbPath);
    const saved = await dump(backupFile);
    expect(Object.keys(final)).toEqual(["audit_log", "data_version", "lineage", "login_attempts", "publication_rows", "publications", "report_rows", "schema_migrations", "sessions", "unit_spans", "units", "upload_commit_keys", "upload_previews", "uploads", "users"]);

    // The backup point: the last upload the backup holds. It fell in the middle of the load.
    const k = Math.max(...ids(saved.uploads!, "id"));
    const seeded = 12;
    expect(k).toBeGreaterThan(seeded + 3);
    expect(k).toBeLessThan(Math.max(...ids(final.uploads!, "id")));
    // Every table equals the final database's rows committed up to that point.
    const commitAudit = (r: Row) => r.action === "upload.commit";
    // The data version counts changes: the backup's is the count at its point, below the final one.
    const versionOf = (rows: Row[] | undefined) => Number(rows?.[0]?.version);
    expect(versionOf(saved.data_version)).toBeGreaterThan(0);
    expect(versionOf(saved.data_version)).toBeLessThan(versionOf(final.data_version));
    expect(saved).toEqual({
      ...final,
      data_version: saved.data_version,
      uploads: final.uploads!.filter((r) => Number(r.id) <= k),
      report_rows: final.report_rows!.filter((r) => Number(r.upload_id) <= k),
      upload_commit_keys: final.upload_commit_keys!.filter((r) => Number(r.upload_id) <= k),
      audit_log: final.audit_log!.filter((r) => !commitAudit(r) || Number(r.target) <= k),
    });
    // Nothing half-written: each upload with all its rows and, for the web ones, its audit entry.
    for (const u of saved.uploads!) {
      expect(saved.report_rows!.filter((r) => r.upload_id === u.id)).toHaveLength(Number(u.row_count));
      expect(saved.audit_log!.filter((r) => commitAudit(r) && Number(r.target) === u.id)).toHaveLength(u.source === "web" ? 1 : 0);
    }
    expect(saved.upload_previews).toHaveLength(2);
    expect(saved.login_attempts!.length).toBeGreaterThanOrEqual(2);

    const fresh = path.join(dir, "restored", "parboard.duckdb");
    const restored = await cli("restore", [backupFile], fresh);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`There was no database at ${fresh} before.`);
    expect(await dump(fresh)).toEqual(saved);
    // The sequences go on where the backup point left them.
    expect(await nextValues(fresh)).toEqual({
      upload: k + 1,
      audit: Math.max(...ids(saved.audit_log!, "id")) + 1,
      user: Math.max(...ids(saved.users!, "id")) + 1,
    });
  }, 240_000);
});

describe("npm run restore", () => {
  it("refuses while the server runs, and keeps the database it replaces", async () => {
    const { dir: other, dbPath: live } = await prepareDatabase({ seed: false, users: [USERS.admin] });
    try {
      const before = await dump(live);
      const backupFile = path.join(other, "seeded.duckdb");
      // A backup with the server stopped reads the file directly.
      const direct = await cli("backup", [backupFile], dbPath);
      expect(direct.stdout).toMatch(/\(read directly, the server is not running\)/);
      expect(direct.code).toBe(0);

      const running = await startServerProcess({ dbPath: live });
      try {
        const refused = await cli("restore", [backupFile], live);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/^The parboard server is running on .* \(.*PID \d+.*\): stop it first\. A restore replaces the database file, which the running server holds open\.\n$/);
      } finally {
        await running.stop();
      }
      const done = await cli("restore", [backupFile], live);
      expect(done.code).toBe(0);
      const kept = /kept at (.*\.duckdb);/.exec(done.stdout)?.[1] ?? "";
      expect(fs.existsSync(kept)).toBe(true);
      expect(await dump(kept)).toEqual(before);
      expect((await dump(live)).uploads).toEqual((await dump(dbPath)).uploads);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
    // A server start and four runs of the command line, each a process of its own.
  }, 120_000);

  it("refuses a file that is not a parboard database, and a backup over an existing file", async () => {
    const other = fs.mkdtempSync(path.join(path.dirname(dir), "parboard-restore-"));
    try {
      const foreign = path.join(other, "foreign.duckdb");
      const instance = await DuckDBInstance.create(foreign);
      (await instance.connect()).closeSync();
      instance.closeSync();
      const notParboard = await cli("restore", [foreign], path.join(other, "db.duckdb"));
      expect(notParboard.code).toBe(1);
      expect(notParboard.stderr).toContain("is not a parboard database");
      fs.writeFileSync(path.join(other, "text.duckdb"), "hello");
      const notDuck = spawnSync(process.execPath, ["--import", "tsx", "scripts/restore.ts", "--lang", "en", path.join(other, "text.duckdb")], {
        env: { ...process.env, DATABASE_PATH: path.join(other, "db.duckdb") },
        encoding: "utf8",
      });
      expect(notDuck.status).toBe(1);
      expect(notDuck.stderr).toContain("is not a DuckDB database");
      expect(fs.existsSync(path.join(other, "db.duckdb"))).toBe(false);
      const overwrite = await cli("backup", [path.join(other, "text.duckdb")], dbPath);
      expect(overwrite.code).toBe(1);
      expect(overwrite.stderr).toContain("already exists: choose a new file name");
      expect(fs.readFileSync(path.join(other, "text.duckdb"), "utf8")).toBe("hello");
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  }, 120_000);
});
