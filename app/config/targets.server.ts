/**
 * Loads the optional DATA_DIR/targets.json once per process (app/domain/targets.ts); no file means no
 * targets. A broken file stops the server's and the CLI's start with one sentence naming the key.
 */
import fs from "node:fs";
import path from "node:path";
import { NO_TARGETS, TargetsError, parseTargets, type Targets } from "~/domain/targets";

const cache = new Map<string, Targets>();

export function readTargetsFile(file: string): Targets {
  if (!fs.existsSync(file)) return NO_TARGETS;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new TargetsError({ key: "targets.error.json", params: { file, detail: error instanceof Error ? error.message : String(error) } });
  }
  return parseTargets(raw, file);
}

export function getTargets(dataDir: string): Targets {
  const file = path.join(dataDir, "targets.json");
  let targets = cache.get(file);
  if (!targets) {
    targets = readTargetsFile(file);
    cache.set(file, targets);
  }
  return targets;
}
