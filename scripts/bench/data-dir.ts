/**
 * Data folders for larger places than the sample district, so that seeding one (`seedSample`, or
 * `DATA_DIR=… npm run seed`) loads and publishes every quarter as the demo's seed does:
 * - `makeSyntheticDataDir`: a registry of N fixed synthetic units ("Xã Thử Nghiệm N"), the project's
 *   district.json and scoring.json, one sample CSV per quarter from ./synthetic.ts (fixed seed). Used by the
 *   HTTP tests at province and national scale.
 * - `makeProvinceDataDir` / `writeProvinceDataDir`: the merged province of ./province.ts, with clusters,
 *   validity and lineage.csv. Used by the page benchmark, the e2e tests at province scale and
 *   `npm run generate-province`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { buildProvince, provinceResult, type Province, type ProvinceOptions } from "./province";
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

/** The body a province folder names (district.json): a province, not the sample's district. */
const PROVINCE_BODY = { code: "99", name: "Tỉnh Thử Nghiệm", nameEn: "Test Province" };

/**
 * Writes a province (./province.ts) into `dir`, which must be empty or absent: communes.csv with clusters
 * and validity, lineage.csv, district.json, the project's scoring.json, and sample/<quarter>.csv.
 */
export function writeProvinceDataDir(dir: string, province: Province = buildProvince()): void {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty: choose a new folder for the province`);
  fs.mkdirSync(path.join(dir, "sample"), { recursive: true });
  const units = province.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, cluster: u.cluster, valid_from: u.validFrom ?? "", valid_to: u.validTo ?? "" }));
  fs.writeFileSync(path.join(dir, "communes.csv"), `${Papa.unparse(units, { columns: ["code", "name", "kind", "cluster", "valid_from", "valid_to"], newline: "\n" })}\n`);
  const lineage = province.lineage.map((l) => ({ predecessor_code: l.predecessor, successor_code: l.successor, effective: l.effective, share: l.share }));
  fs.writeFileSync(path.join(dir, "lineage.csv"), `${Papa.unparse(lineage, { columns: ["predecessor_code", "successor_code", "effective", "share"], newline: "\n" })}\n`);
  fs.writeFileSync(path.join(dir, "district.json"), `${JSON.stringify(PROVINCE_BODY, null, 2)}\n`);
  fs.copyFileSync(path.join("data", "scoring.json"), path.join(dir, "scoring.json"));
  const all = provinceResult(province);
  for (const period of province.quarters) {
    const rows = all.rows.filter((r) => r.period === period);
    fs.writeFileSync(path.join(dir, "sample", `${period}.csv`), syntheticCsv({ ...all, rows, periods: [period] }));
  }
}

export interface ProvinceDataDir {
  dir: string;
  province: Province;
  remove(): void;
}

/** The province written in a new temporary folder. */
export function makeProvinceDataDir(options: Partial<ProvinceOptions> = {}): ProvinceDataDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-province-"));
  const province = buildProvince(options);
  writeProvinceDataDir(dir, province);
  return { dir, province, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
