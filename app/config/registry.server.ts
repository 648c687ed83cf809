/**
 * The unit registry (data/communes.csv) and the district's own name (data/district.json), read from the
 * data folder. A district replaces these two files; nothing in the code names a particular district. The
 * database's copy of the registry is app/db/units.server.ts.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { z } from "zod";

export const unitSchema = z.object({
  code: z.string().regex(/^\d{5}$/, "a unit code has 5 digits"),
  name: z
    .string()
    .trim()
    .min(1)
    .transform((s) => s.normalize("NFC")),
  kind: z.enum(["town", "ward", "commune"]),
});
export type Unit = z.infer<typeof unitSchema>;

export const districtSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  province: z.string().min(1).optional(),
  provinceEn: z.string().min(1).optional(),
});
export type District = z.infer<typeof districtSchema>;

export function parseRegistryCsv(text: string, source: string): Unit[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const units: Unit[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((raw, i) => {
    const result = unitSchema.safeParse(raw);
    if (!result.success) {
      throw new Error(`${source} line ${i + 2}: ${result.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    }
    if (seen.has(result.data.code)) throw new Error(`${source} line ${i + 2}: unit code ${result.data.code} appears twice`);
    seen.add(result.data.code);
    units.push(result.data);
  });
  if (units.length === 0) throw new Error(`${source}: no units`);
  return units;
}

export function readRegistry(dataDir: string): Unit[] {
  const file = path.join(dataDir, "communes.csv");
  return parseRegistryCsv(fs.readFileSync(file, "utf8"), file);
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
