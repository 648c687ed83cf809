/**
 * `npm run bench:bundle` (it builds first): the JavaScript a browser is sent for each page, measured
 * on the real server: the page's HTML is fetched, and every script it loads (<script src>, module preloads,
 * the modules' own imports as listed in the build manifest) and every inline script is counted once, raw
 * and gzipped. Figures, not assertions.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { closeDb } from "~/db/instance.server";
import { seedSample } from "~/db/seed.server";
import { openAppDb } from "~/db/setup.server";

const PORT = 3299;
const PAGES = ["/", "/units/11155?period=2023", "/compare?units=11155,11161&period=2023", "/contest", "/data", "/login"];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-bundle-"));
const dbPath = path.join(dir, "bundle.duckdb");
const env = { DATABASE_PATH: dbPath, DATA_DIR: "data", MAX_UPLOAD_BYTES: 20 * 1024 * 1024 };
await seedSample(await openAppDb(env), env);
await closeDb(dbPath);

const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
  env: { ...process.env, NODE_ENV: "production", SESSION_SECRET: "b".repeat(40), DATABASE_PATH: dbPath, PORT: String(PORT) },
  stdio: "ignore",
});

function gz(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/`);
      return;
    } catch {
      // Not listening yet.
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error("the server did not start");
}

try {
  await waitForServer();
  console.log("JavaScript sent per page (files counted once; KB = 1024 bytes)");
  console.log("page                                       files   raw KB   gzip KB");
  for (const page of PAGES) {
    const html = await (await fetch(`http://127.0.0.1:${PORT}${page}`)).text();
    const files = new Set<string>();
    for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) files.add(m[1]!);
    for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) files.add(m[1]!);
    for (const m of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"(\/build\/[^"]+\.js)"/g)) files.add(m[1]!);
    let raw = 0;
    let zipped = 0;
    for (const f of files) {
      const bytes = new Uint8Array(fs.readFileSync(path.join("public", f.split("?")[0]!)));
      raw += bytes.length;
      zipped += gz(bytes);
    }
    for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      const bytes = new TextEncoder().encode(m[1]!);
      raw += bytes.length;
      zipped += gz(bytes);
    }
    console.log(`${page.padEnd(42)} ${String(files.size).padStart(5)} ${(raw / 1024).toFixed(1).padStart(8)} ${(zipped / 1024).toFixed(1).padStart(9)}`);
  }
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  fs.rmSync(dir, { recursive: true, force: true });
}
