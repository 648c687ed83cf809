/**
 * What the overview tells a leader about targets and trouble (shared spec targets-and-actions.md, "Targets"
 * and "Needs attention"; decision 018): per indicator, how many units meet the year's target, and which
 * units need attention and why. Pure: the rows come with `target` and `target_met` already decided on the
 * counts (`withTargets`), and with the movement the ranking states (null where the two periods ranked
 * different units, so a merger never reads as a fall).
 */
import { COMPOSITE_ID, INDICATORS, type IndicatorId } from "./indicators";

/** The part of a ranking row (with its target) these rules read. */
export interface AttentionRow {
  commune_code: string;
  commune_name: string;
  indicator: string;
  value: number | null;
  rank: number | null;
  /** Units ranked on the indicator: the "20" of "7/20". */
  ranked: number;
  previous_rank: number | null;
  /** Places gained (positive) or lost; null where no movement is stated (ranking.ts). */
  movement: number | null;
  /** The year's target, or null where none was set (targets.ts `withTargets`). */
  target: number | null;
  /** Null without a target or without a value (an empty denominator). */
  target_met: boolean | null;
  /** Counts combined with a share below 1 (units-over-time.md): the figure is an estimate. */
  estimated?: boolean;
}

/** One indicator's target among the units: `met` of `of` units with a value meet it ("14/20 đạt"). */
export type TargetReach = { indicator: IndicatorId; target: null } | { indicator: IndicatorId; target: number; met: number; of: number };

/**
 * Per indicator of the registry, in its order: the period's target and how many of the units with a value
 * meet it. A unit without a value (an empty denominator) is in neither count; a unit that did not report
 * has no row at all. No target (none for the year, or no targets.json): `target: null`, no counts.
 */
export function targetReach(rows: readonly Pick<AttentionRow, "indicator" | "target" | "target_met">[]): TargetReach[] {
  return INDICATORS.map((indicator): TargetReach => {
    const own = rows.filter((r) => r.indicator === indicator.id);
    const target = own.find((r) => r.target !== null)?.target ?? null;
    if (target === null) return { indicator: indicator.id, target: null };
    const answered = own.filter((r) => r.target_met !== null);
    return { indicator: indicator.id, target, met: answered.filter((r) => r.target_met === true).length, of: answered.length };
  });
}

/** The thresholds of the spec's "needs attention". */
export const ATTENTION_RULES = {
  /** Below target on at least this many indicators. */
  belowTargets: 2,
  /** Down at least this many places on the composite since the previous period. */
  fall: 3,
} as const;

export interface AttentionLine {
  code: string;
  name: string;
  /** Indicators below their target, in registry order; empty unless there are `belowTargets` or more. */
  belowTarget: IndicatorId[];
  /** Places lost on the composite (positive), where stated and at least `fall`; else null. */
  fall: number | null;
  /** The composite's ranks then and now, for "(3/20 → 7/20)"; null without a fall. */
  rank: { from: number; to: number; ranked: number } | null;
  /** Overdue dossiers in the period (more than 0), else null. */
  overdue: number | null;
  /** The overdue count is an estimate (a split unit's share). */
  overdueEstimated: boolean;
}

/** How many of the three reasons a line gives. */
export function reasonCount(line: AttentionLine): number {
  return (line.belowTarget.length > 0 ? 1 : 0) + (line.fall !== null ? 1 : 0) + (line.overdue !== null ? 1 : 0);
}

/**
 * The order of the list, most severe first: more reasons first; then more indicators below target; then the
 * bigger fall; then more overdue dossiers; then by unit code, so equal lines never depend on row order.
 */
export function bySeverity(a: AttentionLine, b: AttentionLine): number {
  return (
    reasonCount(b) - reasonCount(a) ||
    b.belowTarget.length - a.belowTarget.length ||
    (b.fall ?? 0) - (a.fall ?? 0) ||
    (b.overdue ?? 0) - (a.overdue ?? 0) ||
    a.code.localeCompare(b.code)
  );
}

/**
 * The units that need attention in one period, most severe first: below target on two or more indicators,
 * down three or more places on the composite where the ranking states a movement, or with overdue dossiers
 * (more than 0). Every reason a unit has is on its one line. Units that did not report have no rows and
 * no line (the coverage notice names them).
 */
export function needsAttention(rows: readonly AttentionRow[]): AttentionLine[] {
  const units = new Map<string, AttentionRow[]>();
  for (const r of rows) units.set(r.commune_code, [...(units.get(r.commune_code) ?? []), r]);
  const lines: AttentionLine[] = [];
  for (const [code, own] of units) {
    const of = (id: string) => own.find((r) => r.indicator === id);
    const below = INDICATORS.filter((i) => of(i.id)?.target_met === false).map((i) => i.id);
    const composite = of(COMPOSITE_ID);
    const movement = composite?.movement ?? null;
    const fell = movement !== null && -movement >= ATTENTION_RULES.fall;
    const overdueRow = of("overdue_dossiers");
    const overdue = overdueRow?.value ?? null;
    const line: AttentionLine = {
      code,
      name: own[0]?.commune_name ?? code,
      belowTarget: below.length >= ATTENTION_RULES.belowTargets ? below : [],
      fall: fell ? -movement : null,
      rank: fell && composite && composite.rank !== null && composite.previous_rank !== null ? { from: composite.previous_rank, to: composite.rank, ranked: composite.ranked } : null,
      overdue: overdue !== null && overdue > 0 ? overdue : null,
      overdueEstimated: overdue !== null && overdue > 0 && overdueRow?.estimated === true,
    };
    if (reasonCount(line) > 0) lines.push(line);
  }
  return lines.sort(bySeverity);
}
