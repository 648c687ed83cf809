/**
 * Bundles the ingest Web Worker (app/ingest/worker.ts) with esbuild into public/build/ingest-worker-[hash].js
 * and writes public/build/ingest-worker.json naming it. Runs after `remix build`, which empties public/build.
 * The upload page reads the manifest; without it, the page checks files on the main thread instead.
 */
import fs from "node:fs";
import path from "node:path";
import { stdout } from "node:process";
import { build, stop } from "esbuild";

const OUT_DIR = "public/build";
fs.mkdirSync(OUT_DIR, { recursive: true });
for (const f of fs.readdirSync(OUT_DIR)) {
  if (/^ingest-worker-.*\.js$/.test(f)) fs.rmSync(path.join(OUT_DIR, f));
}

const result = await build({
  entryPoints: ["app/ingest/worker.ts"],
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2020"],
  minify: true,
  outdir: OUT_DIR,
  entryNames: "ingest-worker-[hash]",
  tsconfig: "tsconfig.json",
  metafile: true,
  logLevel: "warning",
});

const output = Object.keys(result.metafile.outputs).find((f) => f.endsWith(".js"));
if (!output) throw new Error("esbuild produced no worker bundle");
const url = `/build/${path.basename(output)}`;
fs.writeFileSync(path.join(OUT_DIR, "ingest-worker.json"), `${JSON.stringify({ url })}\n`);
stdout.write(`ingest worker: ${url} (${(fs.statSync(output).size / 1024).toFixed(0)} KB)\n`);
// Shut esbuild's service down before Node exits; left running it sometimes dies noisily ("deadlock").
await stop();
