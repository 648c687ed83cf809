/**
 * What the public will see after a rollback or a restore, for each period and unit the upload holds: the
 * upload whose figures are current now and the one that will be current afterwards (null: no data). The
 * current data of a unit and period is always the latest committed upload that holds it (the
 * `current_reports` view), so these two say everything.
 */

/** An upload as the impact names it: its number and when it was made (ISO). */
export interface UploadRef {
  id: number;
  uploadedAt: string;
}

export interface UnitImpact {
  period: string;
  unitCode: string;
  unitName: string;
  /** The upload the public sees now for this unit and period; null when it has no data. */
  before: UploadRef | null;
  /** The upload the public will see afterwards; null when it will have no data. */
  after: UploadRef | null;
}

/**
 * - `unchanged`: the public keeps seeing the same upload (a later upload holds the unit and period).
 * - `noData`: the unit will have no data for the period.
 * - `replaced`: another upload's figures become current instead of the ones shown now.
 * - `newData`: the unit has no data for the period now and will have some.
 */
export type ImpactOutcome = "unchanged" | "noData" | "replaced" | "newData";

/** Units of one period with the same before and after. */
export interface ImpactGroup {
  period: string;
  outcome: ImpactOutcome;
  before: UploadRef | null;
  after: UploadRef | null;
  units: { code: string; name: string }[];
}

export function impactOutcome(before: UploadRef | null, after: UploadRef | null): ImpactOutcome {
  if (after === null) return before === null ? "unchanged" : "noData";
  if (before === null) return "newData";
  return before.id === after.id ? "unchanged" : "replaced";
}

// The losses first: a reader must not miss the units left without data.
const OUTCOME_ORDER: readonly ImpactOutcome[] = ["noData", "replaced", "newData", "unchanged"];

/** The units grouped by period, outcome and uploads, in the order of the rows within a group. */
export function groupImpact(rows: readonly UnitImpact[]): ImpactGroup[] {
  const groups = new Map<string, ImpactGroup>();
  for (const r of rows) {
    const key = `${r.period}|${r.before?.id ?? ""}|${r.after?.id ?? ""}`;
    let group = groups.get(key);
    if (!group) {
      group = { period: r.period, outcome: impactOutcome(r.before, r.after), before: r.before, after: r.after, units: [] };
      groups.set(key, group);
    }
    group.units.push({ code: r.unitCode, name: r.unitName });
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.period.localeCompare(b.period) ||
      OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome) ||
      (a.before?.id ?? 0) - (b.before?.id ?? 0) ||
      (a.after?.id ?? 0) - (b.after?.id ?? 0),
  );
}

/** How many unit-periods end up in each outcome. */
export function countOutcomes(groups: readonly ImpactGroup[]): Record<ImpactOutcome, number> {
  const totals: Record<ImpactOutcome, number> = { unchanged: 0, noData: 0, replaced: 0, newData: 0 };
  for (const g of groups) totals[g.outcome] += g.units.length;
  return totals;
}
