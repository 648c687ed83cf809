/**
 * The unit page's "what next" (shared spec targets-and-actions.md): why the composite moved since the
 * previous period, the path up for the next period at this period's volumes, and the year-end projection at
 * the year's pace. The arithmetic is exact (app/domain/composite-change.ts, path-up.ts, projection.ts); here
 * it is read from the unit's own ranked rows and everyone's counts on the page's basis, and turned into plain numbers for the page.
 */
import type { Db } from "~/db/instance.server";
import { getUnitCounts } from "~/db/unit-counts.server";
import { countsOf, explainChange, type CompositePlan } from "~/domain/composite-change";
import { toNumber } from "~/domain/exact";
import { COMPOSITE_ID } from "~/domain/indicators";
import { pathUp, type CompositePath, type IndicatorPath } from "~/domain/path-up";
import { previousPeriodId, quartersOfYearTo, type PeriodKind } from "~/domain/period";
import { projectUnit, type UnitProjection } from "~/domain/projection";
import type { DataView } from "~/domain/publication";
import type { RankingRow } from "~/domain/ranking";
import type { ScoringConfig, VersionedScoring } from "~/domain/scoring";
import type { Targets } from "~/domain/targets";

/** The composite's change since the previous period, in points (shown rounded; split exactly). */
export type ChangeView =
  | { kind: "split"; previous: string; change: number; contributions: { indicator: string; points: number }[] }
  | { kind: "differentSets"; previous: string; onlyBefore: string[]; onlyAfter: string[] }
  | { kind: "none" };

export type PlanView =
  | { kind: "plan"; needed: number; gained: number; dossiers: number; steps: { indicator: string; dossiers: number; points: number }[] }
  | { kind: "above" }
  | { kind: "unreachable"; needed: number; possible: number }
  | { kind: "noScore" };

export interface UnitActions {
  change: ChangeView;
  path: { indicators: IndicatorPath[]; composite: Omit<CompositePath, "plan"> & { plan: PlanView } } | null;
  /** Null for the year's last quarter (the year is known), a year page, or a unit gone before the year ends. */
  projection: UnitProjection | null;
  /** Where this period's targets come from; null without targets for its year. */
  targetsSource: string | null;
}

function planView(plan: CompositePlan): PlanView {
  switch (plan.kind) {
    case "plan":
      return {
        kind: "plan",
        needed: toNumber(plan.needed),
        gained: toNumber(plan.gained),
        dossiers: plan.dossiers,
        steps: plan.steps.map((s) => ({ indicator: s.indicator, dossiers: s.dossiers, points: toNumber(s.points) })),
      };
    case "unreachable":
      return { kind: "unreachable", needed: toNumber(plan.needed), possible: toNumber(plan.possible) };
    default:
      return plan;
  }
}

/** The split of the composite's change from the unit's own rows of the two periods. */
export function changeView(config: ScoringConfig, ownRows: readonly Pick<RankingRow, "period" | "indicator" | "numerator" | "denominator">[], period: string): ChangeView {
  const previous = previousPeriodId(period);
  const rowsOf = (p: string) => ownRows.filter((r) => r.period === p && r.indicator !== COMPOSITE_ID);
  const before = rowsOf(previous);
  if (before.length === 0) return { kind: "none" };
  const change = explainChange(config, countsOf(config, before), countsOf(config, rowsOf(period)));
  if (change.kind === "noScore") return { kind: "none" };
  if (change.kind === "differentSets") return { ...change, previous };
  return { kind: "split", previous, change: toNumber(change.change), contributions: change.contributions.map((c) => ({ indicator: c.indicator, points: toNumber(c.points) })) };
}

export interface ActionsRequest {
  code: string;
  period: string;
  kind: PeriodKind;
  basis: "as_reported" | "current";
  /** The unit's own rows of its periods (the page's rankings), for the change since the previous period. */
  ownRows: readonly RankingRow[];
  /** Whether the unit still exists at the end of the period's year (a projection of a unit that ends is none). */
  livesToYearEnd: boolean;
}

export async function loadUnitActions(db: Db, request: ActionsRequest, scoring: VersionedScoring, view: DataView, targets: Targets): Promise<UnitActions> {
  const { code, period, kind, basis } = request;
  const year = targets.get(Number(period.slice(0, 4)));
  const own = request.ownRows.filter((r) => r.period === period);
  const reported = own.length > 0;
  // A quarter before Q4 reads its year so far in one query: the path up uses the quarter, the projection all.
  const projectable = kind === "quarter" && !period.endsWith("-Q4") && reported && request.livesToYearEnd;
  const everyone = await getUnitCounts(db, kind, projectable ? quartersOfYearTo(period) : [period], view, basis);
  const current = everyone.filter((r) => r.period === period);
  const path = pathUp(scoring.config, own, current, code, year?.targets ?? new Map());
  return {
    change: changeView(scoring.config, request.ownRows, period),
    path: { indicators: path.indicators, composite: { ...path.composite, plan: planView(path.composite.plan) } },
    projection: projectable ? projectUnit(scoring.config, everyone, code, period) : null,
    targetsSource: year?.source ?? null,
  };
}
