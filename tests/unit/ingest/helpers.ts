/** Shared by the ingest tests: the real unit registry, the fixtures, and a context to validate with. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import type { IngestContext } from "~/ingest/types";

const root = new URL("../../../", import.meta.url);

/** data/communes.csv as code → name (the file is plain: no quotes, no commas in names). */
export function loadRegistry(): Map<string, string> {
  const text = readFileSync(fileURLToPath(new URL("data/communes.csv", root)), "utf8");
  const units = new Map<string, string>();
  for (const line of text.trim().split(/\r?\n/).slice(1)) {
    const [code, name] = line.split(",");
    if (code !== undefined && name !== undefined) units.set(code, name);
  }
  return units;
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`tests/fixtures/ingest/${name}`, root))));
}

export function makeContext(overrides: Partial<IngestContext> = {}): IngestContext {
  return { units: loadRegistry(), maxBytes: 10 * 1024 * 1024, ...overrides };
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export const CANONICAL_HEADER =
  "commune_code,commune_name,period,dossiers_received,dossiers_online,dossiers_digitized,dossiers_resolved," +
  "dossiers_resolved_on_time,dossiers_overdue,fee_dossiers,fee_dossiers_paid_online,survey_responses," +
  "survey_satisfied,contest_entries,initiatives";
