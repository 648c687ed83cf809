/**
 * Integration-test databases: a real DuckDB file in a fresh temporary folder, migrated, with a unit registry.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb, type Db } from "~/db/instance.server";
import type { UnitLine as Unit } from "~/db/units.server";
import { syncUnits } from "~/db/units.server";
import { COUNT_FIELDS, type Counts } from "~/domain/report-fields";
import type { VersionedScoring } from "~/domain/scoring";
import type { IngestResult, ReportRow } from "~/ingest/types";
import type { DataView } from "~/domain/publication";

export interface TestDb {
  db: Db;
  dir: string;
  file: string;
  close(): Promise<void>;
}

export const TEST_UNITS: Unit[] = [
  { code: "00001", name: "Xã Một", kind: "commune" },
  { code: "00002", name: "Xã Hai", kind: "commune" },
  { code: "00003", name: "Xã Ba", kind: "commune" },
  { code: "00004", name: "Xã Bốn", kind: "commune" },
  { code: "00005", name: "Phường Năm", kind: "ward" },
];

export async function createTestDb(units: readonly Unit[] = TEST_UNITS): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-test-"));
  const file = path.join(dir, "test.duckdb");
  const db = await getDb(file);
  await syncUnits(db, units);
  return {
    db,
    dir,
    file,
    async close() {
      await closeDb(file);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function counts(partial: Partial<Counts> = {}): Counts {
  const c = Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as Counts;
  return { ...c, ...partial };
}

/** A valid ingest result built by hand, for store and ranking tests that do not exercise the parser. */
export function resultOf(rows: { code: string; period: string; counts: Counts; name?: string }[]): IngestResult {
  const reportRows: ReportRow[] = rows.map((r, i) => ({
    line: i + 2,
    communeCode: r.code,
    communeName: r.name ?? null,
    period: r.period,
    counts: r.counts,
  }));
  return {
    ok: true,
    encoding: "utf-8",
    delimiter: ",",
    rows: reportRows,
    errors: [],
    warnings: [],
    periods: [...new Set(reportRows.map((r) => r.period))].sort(),
  };
}

/** The default weights of spec §3, as a versioned configuration for tests that do not read data/scoring.json. */
export const TEST_SCORING: VersionedScoring = {
  name: "test",
  hash: "000000000000",
  config: {
    name: "test",
    indicators: {
      on_time_rate: { weight: 20, fullAt: 1 },
      online_rate: { weight: 12, fullAt: 1 },
      digitization_rate: { weight: 22, fullAt: 1 },
      satisfaction_rate: { weight: 18, fullAt: 1 },
      online_payment_rate: { weight: 10, fullAt: 1 },
    },
  },
};

/** The figures as staff see them: the current data, published or not. */
export const DRAFT: DataView = { kind: "draft" };

