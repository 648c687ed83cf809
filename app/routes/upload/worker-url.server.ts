/**
 * The URL of the ingest worker bundle, from the manifest scripts/build-worker.mjs writes after the Remix
 * build. Null when it is missing (a bare `remix build`): the page then checks files on the main thread.
 */
import fs from "node:fs";
import { z } from "zod";

const MANIFEST = "public/build/ingest-worker.json";
const manifestSchema = z.object({ url: z.string().regex(/^\/build\/ingest-worker-[A-Za-z0-9]+\.js$/) });

export function getIngestWorkerUrl(): string | null {
  if (!fs.existsSync(MANIFEST)) return null;
  const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(MANIFEST, "utf8")));
  if (!parsed.success) throw new Error(`${MANIFEST}: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return parsed.data.url;
}
