/**
 * `npm run bench:bundle` (after `npm run build`): the JavaScript a browser downloads for each page, from the
 * build's manifest: the entry, the root route and the page's route module with all their imports, each
 * file counted once, raw and gzipped. Figures, not assertions.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { z } from "zod";

const BUILD = "public/build";
const routeSchema = z.object({ module: z.string(), imports: z.array(z.string()).optional() });
const manifestSchema = z.object({ entry: z.object({ module: z.string(), imports: z.array(z.string()) }), routes: z.record(z.string(), routeSchema) });

const manifestFile = fs.readdirSync(BUILD).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) {
  console.error("No build found: run `npm run build` first.");
  process.exit(1);
}
const source = fs.readFileSync(path.join(BUILD, manifestFile), "utf8");
const manifest = manifestSchema.parse(JSON.parse(source.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")));

function sizes(file: string): { raw: number; gz: number } {
  const bytes = fs.readFileSync(path.join("public", file));
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
}

const PAGES: Record<string, string> = {
  "/ (overview)": "routes/_index",
  "/units/:code": "routes/units.$code",
  "/compare": "routes/compare",
  "/contest": "routes/contest",
  "/upload": "routes/upload",
};

const root = manifest.routes.root;
if (!root) throw new Error("the manifest has no root route");
console.log("JavaScript per page (entry + root + page, shared chunks counted once; KB = 1024 bytes)");
console.log("page                 raw KB    gzip KB");
for (const [label, id] of Object.entries(PAGES)) {
  const route = manifest.routes[id];
  if (!route) continue;
  const files = new Set([
    manifest.entry.module,
    ...manifest.entry.imports,
    root.module,
    ...(root.imports ?? []),
    route.module,
    ...(route.imports ?? []),
    `/build/${manifestFile}`,
  ]);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const s = sizes(f);
    raw += s.raw;
    gz += s.gz;
  }
  console.log(`${label.padEnd(18)} ${(raw / 1024).toFixed(1).padStart(8)} ${(gz / 1024).toFixed(1).padStart(10)}`);
}
const worker = fs.readdirSync(BUILD).find((f) => /^ingest-worker-.*\.js$/.test(f));
if (worker) {
  const s = sizes(`/build/${worker}`);
  console.log(`upload worker      ${(s.raw / 1024).toFixed(1).padStart(8)} ${(s.gz / 1024).toFixed(1).padStart(10)}  (loaded only when a file is checked)`);
}
