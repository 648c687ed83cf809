/**
 * The units table: the registry as synced from data/communes.csv at start-up, looked up by code, and how
 * much data each unit has.
 */
import { listValue } from "@duckdb/node-api";
import { z } from "zod";
import type { Unit } from "~/config/registry.server";
import type { DataView } from "~/domain/publication";
import type { Db } from "./instance.server";
import { reportsFrom } from "./reports-source.server";

/**
 * Makes the units table match the registry file: new codes are added and names updated (a code keeps its
 * data when a unit is renamed after a merger). Codes no longer in the file stay, so old data stays readable.
 *
 * One statement for the whole registry, the columns bound as three typed lists and unnested side by side:
 * one UPSERT per unit took about 8 s at every start with a 5,020-unit registry. Rows whose name and kind
 * already match are left alone, so an unchanged registry writes nothing.
 */
export async function syncUnits(db: Db, units: readonly Unit[]): Promise<void> {
  if (units.length === 0) return;
  await db.transaction(async (conn) => {
    await conn.run(
      `INSERT INTO units (code, name, kind)
       SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::VARCHAR[])
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind
       WHERE units.name IS DISTINCT FROM excluded.name OR units.kind IS DISTINCT FROM excluded.kind`,
      [listValue(units.map((u) => u.code)), listValue(units.map((u) => u.name)), listValue(units.map((u) => u.kind))],
    );
  });
}

const unitSchema = z.object({ code: z.string(), name: z.string(), kind: z.enum(["town", "ward", "commune"]) });
export type UnitInfo = z.infer<typeof unitSchema>;

/** Every unit of the registry, in code order. */
export async function getUnits(db: Db): Promise<UnitInfo[]> {
  return db.query("SELECT code, name, kind FROM units ORDER BY code", [], unitSchema);
}

/** The units with the given codes, in the order asked, and the codes the registry does not hold. */
export async function getUnitsByCode(db: Db, codes: readonly string[]): Promise<{ units: UnitInfo[]; missing: string[] }> {
  if (codes.length === 0) return { units: [], missing: [] };
  const rows = await db.query("SELECT code, name, kind FROM units WHERE list_contains($1::VARCHAR[], code)", [listValue([...codes])], unitSchema);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return {
    units: codes.flatMap((c) => byCode.get(c) ?? []),
    missing: codes.filter((c) => !byCode.has(c)),
  };
}

const unitCoverageSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  periods: z.array(z.string()),
});
export type UnitCoverage = z.infer<typeof unitCoverageSchema>;

/** Every unit with the periods it has data for. */
export async function getUnitCoverage(db: Db, view: DataView): Promise<UnitCoverage[]> {
  const reports = reportsFrom(view, 1);
  return db.query(
    `SELECT u.code, u.name, u.kind, coalesce(list(r.period ORDER BY r.period) FILTER (WHERE r.period IS NOT NULL), []) AS periods
     FROM units u LEFT JOIN ${reports.sql} r ON r.commune_code = u.code
     GROUP BY u.code, u.name, u.kind
     ORDER BY u.code`,
    reports.params,
    unitCoverageSchema,
  );
}
