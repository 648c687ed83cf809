/**
 * The unit registry over time (data/communes.csv, optional data/lineage.csv) and the body's own name
 * (data/district.json), read from the data folder. A district replaces these two files; nothing in the code names a particular district. The
 * database's copy of the registry is app/db/units.server.ts.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { z } from "zod";
import { formatQuarter, parseQuarter } from "~/domain/period";
import { RegistryError, checkLineage, checkUnits, type LineageLine, type RegistryUnit, type UnitKind } from "~/domain/unit-lineage";

const UNIT_KINDS = ["town", "ward", "commune", "special_zone"] as const;

/** A unit of the registry over time (app/domain/unit-lineage.ts); `Unit` for the callers of before. */
export type Unit = RegistryUnit;

function rowsOf(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  }).data;
}

function quarterOrNull(value: string | undefined, problem: (column: string) => RegistryError, column: string): string | null {
  const v = (value ?? "").trim();
  if (v === "") return null;
  const quarter = parseQuarter(v);
  if (quarter === null) throw problem(column);
  return formatQuarter(quarter);
}

/**
 * communes.csv: `code,name,kind` and the optional `cluster,valid_from,valid_to` (units-over-time.md). Every
 * problem is a RegistryError naming the file, the line and the column; the units are then checked against
 * each other (checkUnits).
 */
export function parseRegistryCsv(text: string, source: string): Unit[] {
  const units = rowsOf(text).map((raw, i): Unit => {
    const line = i + 2;
    const bad = (column: string, key = "registry.error.cell") =>
      new RegistryError({ key, params: { file: source, line, column, value: (raw[column] ?? "").trim() } });
    const code = (raw.code ?? "").trim();
    if (!/^\d{5}$/.test(code)) throw bad("code", "registry.error.code");
    const name = (raw.name ?? "").trim().normalize("NFC");
    if (name === "") throw bad("name", "registry.error.name");
    const kind = (raw.kind ?? "").trim();
    if (!(UNIT_KINDS as readonly string[]).includes(kind)) throw bad("kind", "registry.error.kind");
    const cluster = (raw.cluster ?? "").trim().normalize("NFC");
    return {
      code,
      name,
      kind: kind as UnitKind,
      cluster: cluster === "" ? null : cluster,
      validFrom: quarterOrNull(raw.valid_from, (c) => bad(c, "registry.error.quarter"), "valid_from"),
      validTo: quarterOrNull(raw.valid_to, (c) => bad(c, "registry.error.quarter"), "valid_to"),
      line,
    };
  });
  checkUnits(units, source);
  return units;
}

/** lineage.csv: `predecessor_code,successor_code,effective[,share]`, checked against the units (checkLineage). */
export function parseLineageCsv(text: string, source: string, units: readonly Unit[]): LineageLine[] {
  const lines = rowsOf(text).map((raw, i): LineageLine => {
    const line = i + 2;
    const bad = (column: string, key = "registry.error.cell") =>
      new RegistryError({ key, params: { file: source, line, column, value: (raw[column] ?? "").trim() } });
    const predecessor = (raw.predecessor_code ?? "").trim();
    if (!/^\d{5}$/.test(predecessor)) throw bad("predecessor_code", "registry.error.code");
    const successor = (raw.successor_code ?? "").trim();
    if (!/^\d{5}$/.test(successor)) throw bad("successor_code", "registry.error.code");
    const effective = quarterOrNull(raw.effective, (c) => bad(c, "registry.error.quarter"), "effective");
    if (effective === null) throw bad("effective", "registry.error.quarter");
    const shareText = (raw.share ?? "").trim();
    const share = shareText === "" ? 1 : Number(shareText.replace(",", "."));
    if (!Number.isFinite(share) || share <= 0 || share > 1) throw bad("share", "registry.error.share");
    return { predecessor, successor, effective, share, line };
  });
  checkLineage(lines, units, source);
  return lines;
}

export interface Registry {
  units: Unit[];
  lineage: LineageLine[];
}

/** The registry over time: communes.csv and, when present, lineage.csv. */
export function readRegistryFiles(dataDir: string): Registry {
  const file = path.join(dataDir, "communes.csv");
  const units = parseRegistryCsv(fs.readFileSync(file, "utf8"), file);
  const lineageFile = path.join(dataDir, "lineage.csv");
  const lineage = fs.existsSync(lineageFile) ? parseLineageCsv(fs.readFileSync(lineageFile, "utf8"), lineageFile, units) : [];
  return { units, lineage };
}

export const districtSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  province: z.string().min(1).optional(),
  provinceEn: z.string().min(1).optional(),
});
export type District = z.infer<typeof districtSchema>;

/** Every unit that ever existed, one per line of communes.csv. */
export function readRegistry(dataDir: string): Unit[] {
  return readRegistryFiles(dataDir).units;
}

export function readDistrict(dataDir: string): District {
  const file = path.join(dataDir, "district.json");
  const result = districtSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!result.success) throw new Error(`${file}: ${result.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
  return result.data;
}

const districts = new Map<string, District>();

/** The district's name, read once per data folder (a change to the file takes a restart, like the registry). */
export function getDistrict(dataDir: string): District {
  let district = districts.get(dataDir);
  if (!district) districts.set(dataDir, (district = readDistrict(dataDir)));
  return district;
}
