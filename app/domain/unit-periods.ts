/**
 * The periods a unit's pages show (units-over-time.md), decided once for the unit page and the notice-board
 * card: a unit formed by a merger reads its history on the current basis, so its trends and ranks cross the
 * merger; any other unit shows the quarters it existed in and the years it existed at the end of (rule 4).
 */
import type { PeriodKind } from "./period";
import { validIn, type RegistryUnit } from "./unit-lineage";

export type UnitBasis = "as_reported" | "current";

/** What the rules read of a unit's lineage. */
export interface UnitLife extends Pick<RegistryUnit, "validFrom" | "validTo"> {
  predecessors: readonly unknown[];
}

/** `current` for a unit formed by a merger that still exists: its history runs on its predecessors' counts. */
export function unitBasis(life: UnitLife): UnitBasis {
  return life.validTo === null && life.predecessors.length > 0 ? "current" : "as_reported";
}

/**
 * On the `current` basis every period (its history restated from its predecessors); otherwise the quarters
 * it existed in and the years it existed at the end of (a year is ranked on the units at its end, rule 4),
 * plus the period asked for, which the page then explains.
 */
export function livedPeriods(life: Pick<RegistryUnit, "validFrom" | "validTo">, basis: UnitBasis, kind: PeriodKind, periods: readonly string[], asked: string | null): string[] {
  if (basis === "current") return [...periods];
  return periods.filter((p) => p === asked || validIn(life, kind === "year" ? `${p}-Q4` : p));
}

export interface UnitPeriods {
  basis: UnitBasis;
  /** The unit's periods of the resolved kind, oldest first. */
  periods: string[];
  /** The period shown: the one asked for, else the unit's latest (an old unit's last quarter before a merger). */
  period: string;
}

/** The unit's periods of a resolved kind and the one shown; null when the unit has none (nothing to show). */
export function unitPeriods(life: UnitLife, resolved: { kind: PeriodKind; period: string; periods: readonly string[] }, asked: string | undefined): UnitPeriods | null {
  const basis = unitBasis(life);
  const periods = livedPeriods(life, basis, resolved.kind, resolved.periods, asked === undefined ? null : resolved.period);
  if (periods.length === 0) return null;
  return { basis, periods, period: asked === undefined ? (periods.at(-1) ?? resolved.period) : resolved.period };
}
