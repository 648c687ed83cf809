/**
 * The real server (scripts/serve.ts on the Remix build) as a child process on 127.0.0.1 and a free port,
 * for the scripts that test it from outside: the crash test kills it, the fuzz test posts to it, the backup
 * test takes a backup from it. Loopback only: nothing here can point at another address.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

/** The server runs with NODE_ENV=production, which needs a session secret of 32+ characters. */
export const HARNESS_SESSION_SECRET = "parboard-harness-session-secret-0123456789abcdef";

export interface ServerProcess {
  url: string;
  pid: number;
  output(): string;
  /** True while the process runs. */
  running(): boolean;
  /** SIGTERM, as an operator stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown, no checkpoint. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

export interface ServerOptions {
  dbPath: string;
  dataDir?: string;
  env?: Record<string, string>;
  /** How long the server may take to answer its first request. */
  timeoutMs?: number;
}

export async function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  if (!fs.existsSync("build/index.js")) throw new Error("no build: run `npm run build` first");
  const port = await freePort();
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: HARNESS_SESSION_SECRET,
      DATABASE_PATH: options.dbPath,
      DATA_DIR: options.dataDir ?? "data",
      ...options.env,
      HOST: "127.0.0.1",
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${out}`);
    const up = await fetch(`${url}/api/rankings`).then(
      (res) => res.status > 0,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not answer within ${options.timeoutMs ?? 60_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    url,
    pid: child.pid ?? 0,
    output: () => out,
    running,
    async stop() {
      if (running()) child.kill("SIGTERM");
      return exited;
    },
    async kill() {
      if (running()) child.kill("SIGKILL");
      await exited;
    },
  };
}
