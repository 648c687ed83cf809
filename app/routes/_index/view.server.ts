/**
 * The overview's data: `loadOverview` runs the queries of one period (every unit's rank on every indicator
 * and the composite, the body's totals, the registry), and `overviewView`, a pure function, turns their
 * results into the page's props: units that have not reported, incomplete years, the totals' trend, the
 * biggest movers on the composite, the year's targets (how many units meet each, the body's own figure
 * against it) and the units that need attention (decision 018).
 */
import type { Db } from "~/db/instance.server";
import { getLoadedPeriods } from "~/db/periods.server";
import { getLastUploadAt } from "~/db/provenance.server";
import { getRankingsFor, type RankingRow } from "~/db/rankings.server";
import { getBodyTotals, type BodyTotal } from "~/db/totals.server";
import { getClusters, getUnitsValidIn } from "~/db/units.server";
import { needsAttention, targetReach, type AttentionLine } from "~/domain/attention";
import { COMPOSITE_ID, INDICATORS, getIndicator, type IndicatorId, type RankedId } from "~/domain/indicators";
import { periodsUpTo, previousPeriodId, resolvePeriod, type PeriodKind } from "~/domain/period";
import { correctionKey, type Correction, type DataView } from "~/domain/publication";
import { getCorrections } from "~/db/corrections.server";
import { scoringSummary, type ScoringSummary, type VersionedScoring } from "~/domain/scoring";
import { NotFoundError } from "~/http/page-errors.server";
import { missingUnits, pickMovers, previousStanding, sharedRanks, type Mover, type NamedUnit, type PreviousStanding, type SharedRank } from "~/domain/ranks";
import { shownList, unitList, type ShownList, type UnitListRequest } from "~/domain/unit-list";
import { NO_TARGETS, meetsTarget, withTargets, type Targets } from "~/domain/targets";
import { sortLeaderboardRows } from "~/charts/rank-leaderboard";

/** A ranking row as the overview's charts and tables read it. */
export type OverviewRow = Pick<RankingRow, "indicator" | "numerator" | "denominator" | "value" | "rank" | "ranked"> & {
  code: string;
  name: string;
  /** The year's target and whether the value meets it (null without a target or a value). */
  target: number | null;
  target_met: boolean | null;
  previous: PreviousStanding | null;
  /** The rank a later version of the publication corrected, with its date. */
  correction: Correction | null;
  /** Units holding this rank, counted over every unit (0 without a rank). */
  holders: number;
  /** Position of the value among the indicator's distinct values over every unit (1 = best), for colour. */
  valueClass: { index: number; of: number } | null;
  /** On one cluster's page, the rank among every unit beside the rank within the cluster; else null. */
  overall: { rank: number | null; ranked: number } | null;
};


export interface OverviewUnit extends NamedUnit {
  /** Quarters reported in the period (1 for a quarter, up to 4 for a year). */
  quarters: number;
  /** A year with fewer than four quarters reported (spec §4). */
  incomplete: boolean;
}

export interface TotalPoint {
  period: string;
  value: number | null;
  numerator: number;
  denominator: number | null;
  units: number;
}

/** An indicator's target in the page's period: the body's own figure against it, and the units meeting it. */
export interface TotalTarget {
  value: number;
  /** Whether the body's summed figure meets it; null without a value. */
  met: boolean | null;
  /** Units meeting it among those with a value ("14/20 đạt"). */
  units: { met: number; of: number };
}

export interface TotalSeries {
  indicator: IndicatorId;
  /** Oldest first, up to and including the page's period. */
  points: TotalPoint[];
  /** The period's target, or null where the year sets none for the indicator. */
  target: TotalTarget | null;
}

export interface OverviewData {
  kind: "ok";
  /** The emulation cluster the page is narrowed to (its units, their ranks within it), or null for all. */
  cluster: string | null;
  /** The clusters of the period's units, for the picker (empty where they have none). */
  clusters: string[];
  period: string;
  periodKind: PeriodKind;
  previousPeriod: string;
  /** Whether the previous period of the same kind has data (movement needs it). */
  hasPrevious: boolean;
  indicator: RankedId;
  /** Units in the registry (the "20" of "19/20 reported"). */
  registryCount: number;
  /**
   * The units shown: every unit with data, in code order, when there are few; else the top and bottom of
   * the selected indicator's ranking, or one page of it or of a search, in ranking order.
   */
  units: OverviewUnit[];
  /** Which part of the ranking `units` is. */
  list: ShownList;
  /** Units with data in the period (all of them, shown or not). */
  reported: number;
  /** Units with an incomplete year (all of them, shown or not). */
  incomplete: OverviewUnit[];
  /** The composite card's part of the composite ranking (its top and bottom, or all), when another indicator is selected. */
  compositeList: ShownList;
  /** The codes of the composite card's units. */
  compositeCodes: string[];
  /** Ranks held by a crowd, over every unit. */
  crowds: SharedRank[];
  /** Registry units without data in the period, in code order. */
  missing: NamedUnit[];
  /** The shown units' rows on every indicator and the composite, and the composite card's units' rows. */
  rows: OverviewRow[];
  totals: TotalSeries[];
  movers: { risers: Mover[]; fallers: Mover[] };
  /** The year's targets and the plan they come from; null where the year has none (no target text at all). */
  targets: { year: number; source: string } | null;
  /** Units needing attention, most severe first (app/domain/attention.ts), over every unit of the page. */
  attention: AttentionLine[];
  /** Whether a fall on the composite could be stated this period (the two periods ranked the same units). */
  attentionMovement: boolean;
  /** The composite's fields then and now when the two periods ranked different units (no movers then). */
  moversFields: { before: number | null; now: number } | null;
  scoring: ScoringSummary;
  /** Time of the latest upload whose rows are current (ISO, UTC). */
  lastUploadAt: string | null;
}

export type OverviewPage = { kind: "empty" } | OverviewData;

export interface OverviewInput {
  cluster?: string | null;
  clusters?: string[];
  period: string;
  kind: PeriodKind;
  /** Periods of the same kind with data, oldest first. */
  periods: readonly string[];
  indicator: RankedId;
  rankings: readonly RankingRow[];
  totals: readonly BodyTotal[];
  registry: readonly NamedUnit[];
  scoring: ScoringSummary;
  lastUploadAt: string | null;
  /** Ranks corrected by a later version of the period's publication (getCorrections). */
  corrections?: ReadonlyMap<string, Correction>;
  /** The search and page asked for (none: every unit when few, else the top and the bottom). */
  list?: UnitListRequest;
  /** On one cluster's page, every unit's rank among all units, by `code|indicator` (overallRanks). */
  overall?: ReadonlyMap<string, { rank: number | null; ranked: number }>;
  /** The targets by year (targets.json); none: no target anywhere on the page. */
  targets?: Targets;
}

/** Per indicator and rank: how many units hold it and the value class it falls in (over every unit). */
function rankStanding(rankings: readonly RankingRow[]): (indicator: string, rank: number | null) => { holders: number; valueClass: { index: number; of: number } | null } {
  const holders = new Map<string, number>();
  const ranks = new Map<string, Set<number>>();
  for (const r of rankings) {
    if (r.rank === null) continue;
    const key = `${r.indicator}|${r.rank}`;
    holders.set(key, (holders.get(key) ?? 0) + 1);
    const set = ranks.get(r.indicator) ?? new Set<number>();
    set.add(r.rank);
    ranks.set(r.indicator, set);
  }
  const classes = new Map([...ranks].map(([id, set]) => [id, new Map([...set].sort((a, b) => a - b).map((rank, i) => [rank, i + 1]))]));
  return (indicator, rank) => {
    if (rank === null) return { holders: 0, valueClass: null };
    const ofIndicator = classes.get(indicator);
    const index = ofIndicator?.get(rank);
    return { holders: holders.get(`${indicator}|${rank}`) ?? 0, valueClass: index === undefined || !ofIndicator ? null : { index, of: ofIndicator.size } };
  };
}

/** Units in the order of one indicator's ranking: by rank, ties by name, units without a value last. */
function rankingOrder(rows: readonly OverviewRow[], indicator: string, units: ReadonlyMap<string, OverviewUnit>): OverviewUnit[] {
  const own = rows.filter((r) => r.indicator === indicator).map((r) => ({ code: r.code, name: r.name, value: r.value, rank: r.rank }));
  return sortLeaderboardRows(own).flatMap((r) => units.get(r.code) ?? []);
}

export function overviewView(input: OverviewInput): OverviewData {
  const { period } = input;
  const targets = input.targets ?? NO_TARGETS;
  const rankings = withTargets(input.rankings, targets);
  const standing = rankStanding(rankings);
  const allRows: OverviewRow[] = rankings.map((r) => ({
    code: r.commune_code,
    name: r.commune_name,
    target: r.target,
    target_met: r.target_met,
    indicator: r.indicator,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    rank: r.rank,
    ranked: r.ranked,
    previous: previousStanding(r),
    correction: input.corrections?.get(correctionKey(r.commune_code, r.indicator)) ?? null,
    ...standing(r.indicator, r.rank),
    overall: input.overall?.get(`${r.commune_code}|${r.indicator}`) ?? null,
  }));

  const unitsByCode = new Map<string, OverviewUnit>();
  for (const r of rankings) {
    if (!unitsByCode.has(r.commune_code)) {
      unitsByCode.set(r.commune_code, { code: r.commune_code, name: r.commune_name, quarters: r.quarters, incomplete: r.incomplete });
    }
  }
  const allUnits = [...unitsByCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  const list = unitList(rankingOrder(allRows, input.indicator, unitsByCode), input.list ?? {});
  // A short list keeps the code order it always had (the heatmap orders its rows by rank itself).
  const units = list.mode === "all" ? allUnits : list.items;
  const compositeList =
    input.indicator === COMPOSITE_ID ? list : unitList(rankingOrder(allRows, COMPOSITE_ID, unitsByCode), {});
  const shownCodes = new Set([...units, ...compositeList.items].map((u) => u.code));
  const rows = list.mode === "all" && compositeList.mode === "all" ? allRows : allRows.filter((r) => shownCodes.has(r.code));

  const shown = periodsUpTo(input.periods, period);
  const reach = targetReach(rankings);
  const totals: TotalSeries[] = INDICATORS.map((indicator) => {
    const points = shown.flatMap((p) => {
      const t = input.totals.find((x) => x.period === p && x.indicator === indicator.id);
      return t && t.numerator !== null ? [{ period: p, value: t.value, numerator: t.numerator, denominator: t.denominator, units: t.units }] : [];
    });
    const r = reach.find((x) => x.indicator === indicator.id);
    const now = points.find((p) => p.period === period) ?? { numerator: null, denominator: null };
    const target: TotalTarget | null =
      r && r.target !== null ? { value: r.target, met: meetsTarget(getIndicator(indicator.id), now, r.target), units: { met: r.met, of: r.of } } : null;
    return { indicator: indicator.id, points, target };
  });
  const year = targets.get(Number(period.slice(0, 4)));

  const previous = previousPeriodId(period);
  const composite = allRows.filter((r) => r.indicator === COMPOSITE_ID);
  const otherUnits = composite.find(
    (r): r is OverviewRow & { previous: PreviousStanding } => r.rank !== null && r.previous !== null && r.previous.movement === null,
  );
  // None of this period's units was ranked in the previous one (a merger): nobody moved either.
  const newUnits = input.periods.includes(previous) && composite.every((r) => r.previous === null) ? composite.find((r) => r.rank !== null) : undefined;
  return {
    kind: "ok",
    cluster: input.cluster ?? null,
    clusters: input.clusters ?? [],
    period,
    periodKind: input.kind,
    previousPeriod: previous,
    hasPrevious: input.periods.includes(previous),
    indicator: input.indicator,
    registryCount: input.registry.length,
    units,
    list: shownList(list),
    reported: allUnits.length,
    incomplete: allUnits.filter((u) => u.incomplete),
    compositeList: shownList(compositeList),
    compositeCodes: compositeList.items.map((u) => u.code),
    crowds: sharedRanks(allRows.filter((r) => r.rank !== null)),
    missing: missingUnits(input.registry, unitsByCode.keys()).map(({ code, name }) => ({ code, name })),
    rows,
    totals,
    movers: pickMovers(composite),
    targets: year && year.targets.size > 0 ? { year: year.year, source: year.source } : null,
    attention: needsAttention(rankings),
    attentionMovement: rankings.some((r) => r.indicator === COMPOSITE_ID && r.movement !== null),
    moversFields: otherUnits ? { before: otherUnits.previous.ranked, now: otherUnits.ranked } : newUnits ? { before: null, now: newUnits.ranked } : null,
    scoring: input.scoring,
    lastUploadAt: input.lastUploadAt,
  };
}

/**
 * The overview of `period` (default: the latest quarter with data) with `indicator` selected (default the
 * composite). Throws NotFoundError for a period without data; `{ kind: "empty" }` when nothing is loaded.
 */
export async function loadOverview(
  db: Db,
  params: { period?: string; indicator?: RankedId; q?: string; page?: number; cluster?: string },
  scoring: VersionedScoring,
  view: DataView,
  targets: Targets = NO_TARGETS,
): Promise<OverviewPage> {
  const clusters = await getClusters(db);
  if (params.cluster !== undefined && !clusters.includes(params.cluster)) throw new NotFoundError({ what: "cluster", cluster: params.cluster, clusters });
  const resolved = resolvePeriod(await getLoadedPeriods(db, view), params.period);
  if (resolved.status === "empty" && view.kind === "published" && view.asOf !== null) throw new NotFoundError({ what: "asOf", date: view.asOf });
  if (resolved.status === "empty") return { kind: "empty" };
  if (resolved.status === "unknown") throw new NotFoundError({ what: "period", ...resolved });
  const [rankings, totals, registry, lastUploadAt] = await Promise.all([
    getRankingsFor(db, resolved.kind, [resolved.period], scoring, view),
    getBodyTotals(db, resolved.kind, scoring, view),
    getUnitsValidIn(db, resolved.period),
    getLastUploadAt(db, view),
  ]);
  const corrections = await getCorrections(db, resolved.period, scoring, view, rankings);
  const cluster = params.cluster ?? null;
  const shown = cluster === null ? rankings : withinCluster(rankings, cluster);
  return overviewView({
    corrections,
    ...resolved,
    cluster,
    // The picker offers the clusters of the period's units (the old district's quarters have none), and the
    // chosen one even where the period has none of its units, so the reader can go back to all units.
    clusters: [...new Set([...registry.flatMap((u) => (u.cluster === null ? [] : [u.cluster])), ...(cluster === null ? [] : [cluster])])].sort((a, b) =>
      a.localeCompare(b, "vi"),
    ),
    indicator: params.indicator ?? COMPOSITE_ID,
    list: { q: params.q, page: params.page },
    rankings: shown,
    overall: cluster === null ? undefined : overallRanks(rankings),
    totals: cluster === null ? totals : clusterTotals(shown, resolved.period),
    registry: cluster === null ? registry : registry.filter((u) => u.cluster === cluster),
    scoring: scoringSummary(scoring),
    lastUploadAt,
    targets,
  });
}

/**
 * One cluster's page (units-over-time.md rule 6): its units, ranked within it (the rank and field are the
 * cluster's). Movement is the whole body's business: the previous period's rank within the cluster is not
 * computed, so no movement is claimed.
 */
export function withinCluster(rows: readonly RankingRow[], cluster: string): RankingRow[] {
  return rows
    .filter((r) => r.cluster === cluster)
    .map((r) => ({ ...r, rank: r.cluster_rank, ranked: r.cluster_ranked ?? 0, previous_rank: null, previous_ranked: null, movement: null, gap: null }));
}

/** Every unit's rank among all units, by `code|indicator`: shown beside the rank within a cluster. */
export function overallRanks(rows: readonly RankingRow[]): Map<string, { rank: number | null; ranked: number }> {
  return new Map(rows.map((r) => [`${r.commune_code}|${r.indicator}`, { rank: r.rank, ranked: r.ranked }]));
}

/** A cluster's totals for its period, from the summed counts of its units (a rate is Σ numerators ÷ Σ denominators). */
export function clusterTotals(rows: readonly RankingRow[], period: string): BodyTotal[] {
  const units = new Set(rows.map((r) => r.commune_code)).size;
  return INDICATORS.map((indicator): BodyTotal => {
    const own = rows.filter((r) => r.indicator === indicator.id && r.numerator !== null);
    const numerator = own.reduce((sum, r) => sum + (r.numerator ?? 0), 0);
    const isRate = "denominator" in indicator;
    const denominator = isRate ? own.reduce((sum, r) => sum + (r.denominator ?? 0), 0) : null;
    const value = own.length === 0 ? null : denominator === null ? numerator : denominator > 0 ? numerator / denominator : null;
    return { period, units, indicator: indicator.id, numerator: own.length === 0 ? null : numerator, denominator, value };
  });
}
