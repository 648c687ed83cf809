/**
 * The unit registry (data/communes.csv) and the district's own name (data/district.json). A district
 * replaces these two files; nothing in the code names a particular district.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { z } from "zod";
import type { Db } from "./instance.server";

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

/**
 * Makes the units table match the registry file: new codes are added and names updated (a code keeps its
 * data when a unit is renamed after a merger). Codes no longer in the file stay, so old data stays readable.
 */
export async function syncUnits(db: Db, units: readonly Unit[]): Promise<void> {
  await db.transaction(async (conn) => {
    for (const u of units) {
      await conn.run(
        `INSERT INTO units (code, name, kind) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind`,
        [u.code, u.name, u.kind],
      );
    }
  });
}

const unitRowSchema = z.object({ code: z.string(), name: z.string(), kind: z.string() });

export async function getUnits(db: Db): Promise<{ code: string; name: string; kind: string }[]> {
  return db.query("SELECT code, name, kind FROM units ORDER BY code", [], unitRowSchema);
}
