/**
 * Synthetic districts, provinces and countries for the benchmarks: a registry of N units and valid report
 * rows for them, deterministic (fixed seed), built in memory.
 */
import { COUNT_FIELDS, type Counts } from "~/domain/report-fields";
import type { IngestResult, ReportRow } from "~/ingest/types";
import { mulberry32 } from "../sample/prng";

export interface SyntheticUnit {
  code: string;
  name: string;
  kind: "commune";
}

export function syntheticUnits(n: number): SyntheticUnit[] {
  return Array.from({ length: n }, (_, i) => ({ code: String(10000 + i).padStart(5, "0"), name: `Xã Thử Nghiệm ${i + 1}`, kind: "commune" }));
}

export function syntheticCounts(random: () => number): Counts {
  const int = (max: number) => Math.floor(random() * (max + 1));
  const received = 100 + int(2000);
  const resolved = int(received);
  const fee = int(received);
  const survey = int(300);
  return {
    dossiers_received: received,
    dossiers_online: int(received),
    dossiers_digitized: int(received),
    dossiers_resolved: resolved,
    dossiers_resolved_on_time: int(resolved),
    dossiers_overdue: int(20),
    fee_dossiers: fee,
    fee_dossiers_paid_online: int(fee),
    survey_responses: survey,
    survey_satisfied: int(survey),
    contest_entries: int(40),
    initiatives: int(3),
  };
}

export function syntheticQuarters(years: number[]): string[] {
  return years.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
}

/** The rows of every unit for every period, as a valid ingest result. */
export function syntheticResult(units: readonly SyntheticUnit[], periods: readonly string[], seed = 42): IngestResult {
  const random = mulberry32(seed);
  const rows: ReportRow[] = [];
  for (const period of periods) {
    for (const u of units) rows.push({ line: rows.length + 2, communeCode: u.code, communeName: u.name, period, counts: syntheticCounts(random) });
  }
  return { ok: true, encoding: "utf-8", delimiter: ",", rows, errors: [], warnings: [], periods: [...periods] };
}

/** The same rows as CSV text, with the canonical header. */
export function syntheticCsv(result: IngestResult): string {
  const header = ["commune_code", "commune_name", "period", ...COUNT_FIELDS].join(",");
  const lines = result.rows.map((r) => [r.communeCode, r.communeName ?? "", r.period, ...COUNT_FIELDS.map((f) => r.counts[f])].join(","));
  return `${header}\n${lines.join("\n")}\n`;
}
