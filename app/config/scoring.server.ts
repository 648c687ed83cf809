/**
 * Loads data/scoring.json once, validated with zod; a broken file stops the start-up with a readable message.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { scoringConfigSchema, type VersionedScoring } from "~/domain/scoring";

export function parseScoringFile(bytes: Uint8Array, source: string): VersionedScoring {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = scoringConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(`${source}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 12);
  return { config: result.data, name: result.data.name, hash };
}

const cache = new Map<string, VersionedScoring>();

export function getScoring(dataDir: string): VersionedScoring {
  const file = path.join(dataDir, "scoring.json");
  let scoring = cache.get(file);
  if (!scoring) {
    scoring = parseScoringFile(new Uint8Array(fs.readFileSync(file)), file);
    cache.set(file, scoring);
  }
  return scoring;
}
