/**
 * The units table: the registry as synced from data/communes.csv at start-up, looked up by code, and how
 * much data each unit has.
 */
import { DOUBLE, LIST, VARCHAR, listValue } from "@duckdb/node-api";
import { z } from "zod";
import { predecessorsOf, successorsOf, type LineageLine, type RegistryUnit } from "~/domain/unit-lineage";
import type { UnitLifespan } from "~/ingest/types";

/** What the units table needs of a registry line; the span and cluster default to "always" and none. */
export type UnitLine = Pick<RegistryUnit, "code" | "name" | "kind"> & Partial<Pick<RegistryUnit, "cluster" | "validFrom" | "validTo">>;
import type { DataView } from "~/domain/publication";
import { bumpDataVersion } from "./data-version.server";
import type { Db } from "./instance.server";
import { reportsFrom } from "./reports-source.server";

/**
 * Makes the units tables match the registry files. `units` keeps one row per code, the newest unit to carry
 * it: new codes are added and names, kinds, clusters and spans updated (a code keeps its data when a unit is
 * renamed after a merger). Codes no longer in the file stay, so old data stays readable. `unit_spans` holds
 * every unit that ever existed and `lineage` the registry's lineage lines; both are replaced when they
 * differ, in the same transaction.
 *
 * One statement for the whole registry, the columns bound as typed lists and unnested side by side: one
 * UPSERT per unit took about 8 s at every start with a 5,020-unit registry. Rows that already match are left
 * alone, so an unchanged registry writes nothing.
 */
export async function syncUnits(db: Db, units: readonly UnitLine[], lineage: readonly LineageLine[] = []): Promise<void> {
  if (units.length === 0) return;
  const newest = new Map<string, UnitLine>();
  for (const u of units) {
    const seen = newest.get(u.code);
    if (!seen || (seen.validFrom ?? "") < (u.validFrom ?? "")) newest.set(u.code, u);
  }
  const latest = [...newest.values()];
  const text = (values: (string | null | undefined)[]) => listValue(values.map((v) => v ?? null));
  const spanKey = (u: SpanRow) => [u.code, u.valid_from, u.valid_to, u.name, u.kind, u.cluster].join("\u0001");
  const wantedSpans = units.map((u) => ({ code: u.code, valid_from: u.validFrom ?? null, valid_to: u.validTo ?? null, name: u.name, kind: u.kind, cluster: u.cluster ?? null }));
  const lineKey = (l: LineageRow) => [l.predecessor_code, l.successor_code, l.effective, l.share].join("\u0001");
  const wantedLines = lineage.map((l) => ({ predecessor_code: l.predecessor, successor_code: l.successor, effective: l.effective, share: l.share }));
  const [spans, lines] = await Promise.all([
    db.query("SELECT code, valid_from, valid_to, name, kind, cluster FROM unit_spans", [], spanSchema),
    db.query("SELECT predecessor_code, successor_code, effective, share FROM lineage", [], lineageSchema),
  ]);
  const same = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string) => a.length === b.length && new Set(a.map(key)).size === new Set([...a.map(key), ...b.map(key)]).size;
  await db.transaction(async (conn) => {
    const upserted = await conn.run(
      `INSERT INTO units (code, name, kind, cluster, valid_from, valid_to)
       SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::VARCHAR[]), unnest($4::VARCHAR[]), unnest($5::VARCHAR[]), unnest($6::VARCHAR[])
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, cluster = excluded.cluster, valid_from = excluded.valid_from, valid_to = excluded.valid_to
       WHERE units.name IS DISTINCT FROM excluded.name OR units.kind IS DISTINCT FROM excluded.kind OR units.cluster IS DISTINCT FROM excluded.cluster
          OR units.valid_from IS DISTINCT FROM excluded.valid_from OR units.valid_to IS DISTINCT FROM excluded.valid_to`,
      [
        text(latest.map((u) => u.code)),
        text(latest.map((u) => u.name)),
        text(latest.map((u) => u.kind)),
        text(latest.map((u) => u.cluster)),
        text(latest.map((u) => u.validFrom)),
        text(latest.map((u) => u.validTo)),
      ],
      TEXT_LISTS,
    );
    const spansChanged = !same(spans, wantedSpans, spanKey);
    const linesChanged = !same(lines, wantedLines, lineKey);
    if (spansChanged) {
      await conn.run("DELETE FROM unit_spans");
      await conn.run(
        `INSERT INTO unit_spans SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::VARCHAR[]), unnest($4::VARCHAR[]), unnest($5::VARCHAR[]), unnest($6::VARCHAR[])`,
        [
          text(wantedSpans.map((u) => u.code)),
          text(wantedSpans.map((u) => u.valid_from)),
          text(wantedSpans.map((u) => u.valid_to)),
          text(wantedSpans.map((u) => u.name)),
          text(wantedSpans.map((u) => u.kind)),
          text(wantedSpans.map((u) => u.cluster)),
        ],
        TEXT_LISTS,
      );
    }
    if (linesChanged) {
      await conn.run("DELETE FROM lineage");
      if (wantedLines.length > 0) {
        await conn.run(
          `INSERT INTO lineage SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::VARCHAR[]), unnest($4::DOUBLE[])`,
          [
            text(wantedLines.map((l) => l.predecessor_code)),
            text(wantedLines.map((l) => l.successor_code)),
            text(wantedLines.map((l) => l.effective)),
            listValue(wantedLines.map((l) => l.share)),
          ],
          [LIST(VARCHAR), LIST(VARCHAR), LIST(VARCHAR), LIST(DOUBLE)],
        );
      }
    }
    // Names, clusters and lineage show on every page: a registry that changed is a new data version (a
    // restart with the same files is not).
    if (upserted.rowsChanged > 0 || spansChanged || linesChanged) await bumpDataVersion(conn);
  });
}

/**
 * The types of six text lists bound side by side: without them DuckDB guesses a list's type from its first
 * element, and a list starting with NULL (a unit valid since always) loses every value after it.
 */
const TEXT_LISTS = Array.from({ length: 6 }, () => LIST(VARCHAR));

const spanSchema = z.object({
  code: z.string(),
  valid_from: z.string().nullable(),
  valid_to: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  cluster: z.string().nullable(),
});
type SpanRow = z.infer<typeof spanSchema>;
const lineageSchema = z.object({ predecessor_code: z.string(), successor_code: z.string(), effective: z.string(), share: z.number() });
type LineageRow = z.infer<typeof lineageSchema>;

/** A span of `unit_spans` as the domain reads it (app/domain/unit-lineage.ts). */
export type UnitSpan = Pick<RegistryUnit, "code" | "name" | "validFrom" | "validTo">;

/** Every unit that ever existed, by code then first quarter (always first). */
export async function getUnitSpans(db: Db): Promise<UnitSpan[]> {
  const rows = await db.query("SELECT code, valid_from, valid_to, name, kind, cluster FROM unit_spans ORDER BY code, valid_from NULLS FIRST", [], spanSchema);
  return rows.map((s) => ({ code: s.code, name: s.name, validFrom: s.valid_from, validTo: s.valid_to }));
}

/** The lineage lines, as the domain reads them. */
async function getLineage(db: Db): Promise<Omit<LineageLine, "line">[]> {
  const rows = await db.query("SELECT predecessor_code, successor_code, effective, share FROM lineage ORDER BY predecessor_code, successor_code", [], lineageSchema);
  return rows.map((l) => ({ predecessor: l.predecessor_code, successor: l.successor_code, effective: l.effective, share: l.share }));
}

/**
 * The codes valid only in some quarters, with each span's name and where the unit went (for the ingest's
 * rule 1, units-over-time.md): codes valid always are left out.
 */
export async function getLifespans(db: Db): Promise<[string, UnitLifespan[]][]> {
  const [units, lineage] = await Promise.all([getUnitSpans(db), getLineage(db)]);
  const bounded = new Set(units.filter((u) => u.validFrom !== null || u.validTo !== null).map((u) => u.code));
  const byCode = new Map<string, UnitLifespan[]>();
  for (const u of units) {
    if (!bounded.has(u.code)) continue;
    const successors = successorsOf(lineage, units, u).map((n) => `${n.name} (${n.code})`);
    byCode.set(u.code, [...(byCode.get(u.code) ?? []), { from: u.validFrom, to: u.validTo, name: u.name, successors }]);
  }
  return [...byCode];
}

/** Where the unit a code names today came from, and where the units that carried the code before went. */
export interface UnitLineage {
  /** The unit's first quarter, when it was formed by a change (null: since always). */
  validFrom: string | null;
  /** The unit's last quarter, when it no longer exists. */
  validTo: string | null;
  predecessors: { code: string; name: string; share: number; validTo: string }[];
  successors: { code: string; name: string; share: number; effective: string }[];
}

/** The lineage of the newest unit to carry `code` (units-over-time.md: an old unit's page says where it went). */
export async function getUnitLineage(db: Db, code: string): Promise<UnitLineage> {
  const [units, lineage] = await Promise.all([getUnitSpans(db), getLineage(db)]);
  const own = units.filter((u) => u.code === code).at(-1);
  if (!own) return { validFrom: null, validTo: null, predecessors: [], successors: [] };
  return { validFrom: own.validFrom, validTo: own.validTo, predecessors: predecessorsOf(lineage, units, own), successors: successorsOf(lineage, units, own) };
}

/**
 * The units that exist in `period` (a quarter; a year: at its end), named as they were then, with their
 * cluster: who should report, for "18 of 20 reported; missing: …".
 */
export async function getUnitsValidIn(db: Db, period: string): Promise<{ code: string; name: string; cluster: string | null }[]> {
  const quarter = /^\d{4}$/.test(period) ? `${period}-Q4` : period;
  return db.query(
    `SELECT code, name, cluster FROM unit_spans
     WHERE coalesce(valid_from, '0000-Q1') <= $1 AND $1 <= coalesce(valid_to, '9999-Q4')
     ORDER BY code`,
    [quarter],
    z.object({ code: z.string(), name: z.string(), cluster: z.string().nullable() }),
  );
}

/** The emulation clusters of the registry, sorted. */
export async function getClusters(db: Db): Promise<string[]> {
  const rows = await db.query("SELECT DISTINCT cluster FROM unit_spans WHERE cluster IS NOT NULL ORDER BY cluster", [], z.object({ cluster: z.string() }));
  return rows.map((r) => r.cluster);
}

const unitSchema = z.object({ code: z.string(), name: z.string(), kind: z.enum(["town", "ward", "commune", "special_zone"]), cluster: z.string().nullable() });
export type UnitInfo = z.infer<typeof unitSchema>;

/** The units that still exist (no last quarter), in code order: the ones the next report names. */
export async function getStandingUnits(db: Db): Promise<{ code: string; name: string; cluster: string | null }[]> {
  return db.query("SELECT code, name, cluster FROM unit_spans WHERE valid_to IS NULL ORDER BY code", [], z.object({ code: z.string(), name: z.string(), cluster: z.string().nullable() }));
}

/** Every unit of the registry, in code order. */
export async function getUnits(db: Db): Promise<UnitInfo[]> {
  return db.query("SELECT code, name, kind, cluster FROM units ORDER BY code", [], unitSchema);
}

/** The units with the given codes, in the order asked, and the codes the registry does not hold. */
export async function getUnitsByCode(db: Db, codes: readonly string[]): Promise<{ units: UnitInfo[]; missing: string[] }> {
  if (codes.length === 0) return { units: [], missing: [] };
  const rows = await db.query("SELECT code, name, kind, cluster FROM units WHERE list_contains($1::VARCHAR[], code)", [listValue([...codes])], unitSchema);
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
