/**
 * The sample district data into an empty database, through the same import as any upload, then published
 * (recorded as published by the seed), so that the public dashboard shows it like a real district's.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Env } from "~/env.server";
import { formatIssue } from "~/ingest/format-issue";
import type { Db } from "./instance.server";
import { importReport } from "./import-report.server";
import { publishAll } from "./publications.server";

export type SeedOutcome =
  | { kind: "seeded"; files: number; rows: number; published: number }
  | { kind: "notEmpty"; uploads: number }
  | { kind: "invalid"; messages: string[] };

export function sampleFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, "sample");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .sort()
    .map((f) => path.join(dir, f));
}

export async function countUploads(db: Db): Promise<number> {
  const [row] = await db.query("SELECT count(*) AS n FROM uploads", [], z.object({ n: z.number() }));
  return row?.n ?? 0;
}

export async function seedSample(db: Db, env: Pick<Env, "DATA_DIR" | "MAX_UPLOAD_BYTES">): Promise<SeedOutcome> {
  const uploads = await countUploads(db);
  if (uploads > 0) return { kind: "notEmpty", uploads };
  let rows = 0;
  const files = sampleFiles(env.DATA_DIR);
  for (const file of files) {
    const outcome = await importReport(db, new Uint8Array(fs.readFileSync(file)), {
      fileName: path.basename(file),
      uploadedBy: "seed",
      source: "seed",
      maxBytes: env.MAX_UPLOAD_BYTES,
    });
    if (!outcome.committed) {
      // The sample is generated and tested; an error here means the registry was replaced without it.
      return { kind: "invalid", messages: outcome.preview.result.errors.map((e) => `${path.basename(file)}: ${formatIssue(e, "en")}`) };
    }
    rows += outcome.committed.rowCount;
  }
  const published = await publishAll(db, { note: "sample data", allowMissing: true }, { actor: "seed", address: null, now: new Date() });
  return { kind: "seeded", files: files.length, rows, published: published.length };
}
