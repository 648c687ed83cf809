/**
 * A data folder for a larger place than the sample district: a registry of N synthetic units (Vietnamese
 * names, "Xã Thử Nghiệm N"), the project's district.json and scoring.json, and one sample CSV per quarter
 * from ./synthetic.ts (fixed seed), so that seeding it (`seedSample`) loads and publishes every quarter as
 * the demo's seed does. Used by the page benchmark and by the HTTP tests at province scale.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { syntheticCsv, syntheticQuarters, syntheticResult, syntheticUnits, type SyntheticUnit } from "./synthetic";

export interface SyntheticDataDir {
  dir: string;
  units: SyntheticUnit[];
  quarters: string[];
  remove(): void;
}

export function makeSyntheticDataDir(unitCount: number, years: number[]): SyntheticDataDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-data-"));
  const units = syntheticUnits(unitCount);
  const quarters = syntheticQuarters(years);
  fs.writeFileSync(path.join(dir, "communes.csv"), `${Papa.unparse(units, { columns: ["code", "name", "kind"], newline: "\n" })}\n`);
  for (const file of ["district.json", "scoring.json"]) fs.copyFileSync(path.join("data", file), path.join(dir, file));
  fs.mkdirSync(path.join(dir, "sample"));
  const all = syntheticResult(units, quarters);
  for (const period of quarters) {
    const rows = all.rows.filter((r) => r.period === period);
    fs.writeFileSync(path.join(dir, "sample", `${period}.csv`), syntheticCsv({ ...all, rows, periods: [period] }));
  }
  return { dir, units, quarters, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
