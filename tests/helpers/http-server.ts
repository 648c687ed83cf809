/**
 * The real HTTP server (scripts/serve.ts on the Remix build) in a child process, on a free port, against a
 * database file of the test's own. `npm test` builds before it runs the tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createAccount } from "~/auth/accounts.server";
import type { NewUser } from "~/auth/forms";
import { closeDb, type Db } from "~/db/instance.server";
import { openAppDb } from "~/db/setup.server";
import { seedSample } from "~/db/seed.server";

/** The server runs with NODE_ENV=production, which requires a session secret of 32+ characters. */
export const TEST_SESSION_SECRET = "parboard-integration-tests-session-secret-0123456789";

export interface TestServer {
  url: string;
  dbPath: string;
  /** The server process, for tests that read its memory in /proc. */
  pid: number;
  output(): string;
  /** Stops this process and starts a new one on the same database (another data folder, say). */
  restart(options: ServerOptions): Promise<TestServer>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface DatabaseOptions {
  /** Import the data folder's sample/*.csv, as `npm run seed` does. */
  seed: boolean;
  users?: readonly NewUser[];
  /** The data folder (registry, district, scoring, sample): the project's data/ unless a test makes its own. */
  dataDir?: string;
  /** Anything else the test needs in the database before the server opens it. */
  prepare?: (db: Db) => Promise<void>;
}

/** Creates a database in a temporary folder, optionally seeded with the sample data and given accounts, and closes it. */
export async function prepareDatabase(options: DatabaseOptions): Promise<{ dir: string; dbPath: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-http-"));
  const dbPath = path.join(dir, "server.duckdb");
  const env = { DATABASE_PATH: dbPath, DATA_DIR: options.dataDir ?? "data", MAX_UPLOAD_BYTES: 20 * 1024 * 1024 };
  const db = await openAppDb(env);
  if (options.seed) {
    const outcome = await seedSample(db, env);
    if (outcome.kind !== "seeded") throw new Error(`seed failed: ${JSON.stringify(outcome)}`);
  }
  for (const user of options.users ?? []) {
    await createAccount(db, user, { name: "test", address: null }, new Date("2024-01-01T00:00:00Z"));
  }
  await options.prepare?.(db);
  await closeDb(dbPath);
  return { dir, dbPath };
}

export interface ServerOptions {
  /** The data folder the server reads; the project's data/ by default. */
  dataDir?: string;
  env?: Record<string, string>;
}

export async function startServer(options: DatabaseOptions & { env?: Record<string, string> }): Promise<TestServer> {
  if (!fs.existsSync("build/index.js")) throw new Error("no build: run `npm run build` (npm test does it first)");
  const { dir, dbPath } = await prepareDatabase(options);
  return spawnServer(dir, dbPath, options);
}

/** The server on an existing database; stopping it removes `dir`. */
async function spawnServer(dir: string, dbPath: string, options: ServerOptions): Promise<TestServer> {
  const port = await freePort();
  let out = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: TEST_SESSION_SECRET,
      DATABASE_PATH: dbPath,
      DATA_DIR: options.dataDir ?? "data",
      PORT: String(port),
      HOST: "127.0.0.1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/api/rankings`);
      if (res.status > 0) break;
    } catch {
      // Not listening yet: try again shortly.
      await new Promise((r) => setTimeout(r, 150));
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
  }
  async function stopProcess(): Promise<void> {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
  }
  return {
    url,
    dbPath,
    pid: child.pid ?? 0,
    output: () => out,
    async restart(next: ServerOptions) {
      await stopProcess();
      return spawnServer(dir, dbPath, next);
    },
    async stop() {
      await stopProcess();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
