/**
 * The opening both of a unit's pages share (the unit page and the notice-board card): the unit, its lineage,
 * and the periods it shows (domain/unit-periods.ts), with the same answers for an unknown unit, a period
 * without data, and a date before anything was published.
 */
import type { Db } from "~/db/instance.server";
import { getLoadedPeriods } from "~/db/periods.server";
import { getUnitLineage, getUnitsByCode, type UnitInfo, type UnitLineage } from "~/db/units.server";
import { resolvePeriod, type PeriodKind } from "~/domain/period";
import type { DataView } from "~/domain/publication";
import { unitPeriods, type UnitPeriods } from "~/domain/unit-periods";
import { NotFoundError } from "./page-errors.server";

export interface UnitAndPeriods {
  unit: UnitInfo;
  lineage: UnitLineage;
  kind: PeriodKind;
  /** Null when nothing is loaded yet, or the unit has no period of the kind asked. */
  shown: UnitPeriods | null;
}

/** Throws NotFoundError for a unit the registry does not hold, a period without data, or an `as_of` before any publication. */
export async function loadUnitAndPeriods(db: Db, request: { code: string; period?: string }, view: DataView): Promise<UnitAndPeriods> {
  // Three small reads that do not depend on one another; the unit's existence is still checked first.
  const [{ units }, loaded, lineage] = await Promise.all([getUnitsByCode(db, [request.code]), getLoadedPeriods(db, view), getUnitLineage(db, request.code)]);
  const [unit] = units;
  if (!unit) throw new NotFoundError({ what: "units", codes: [request.code] });
  const resolved = resolvePeriod(loaded, request.period);
  if (resolved.status === "empty" && view.kind === "published" && view.asOf !== null) throw new NotFoundError({ what: "asOf", date: view.asOf });
  if (resolved.status === "empty") return { unit, lineage, kind: "quarter", shown: null };
  if (resolved.status === "unknown") throw new NotFoundError({ what: "period", ...resolved });
  // A unit formed by a merger reads its history on the current basis, so trends and ranks cross the merger.
  return { unit, lineage, kind: resolved.kind, shown: unitPeriods(lineage, resolved, request.period) };
}
