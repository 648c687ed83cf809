/**
 * The unit page's data: `loadUnitPage` runs the queries, `unitView` is a pure function from their results (the
 * unit's ranks over the periods of one kind, ranked over every unit, the body's totals, the unit's provenance) to what the page shows: the unit's rank on every
 * indicator and the composite in the chosen period (with movement, the body's value and the gap to the next
 * rank), its values and ranks over all periods of the same kind, and which upload each figure came from.
 */
import type { Db } from "~/db/instance.server";
import { getUnitProvenance, type Provenance } from "~/db/provenance.server";
import { getUnitRankingsFor, type RankedField, type UnitRankingRow } from "~/db/unit-rankings.server";
import { getBodyTotals, type BodyTotal } from "~/db/totals.server";
import type { UnitInfo, UnitLineage } from "~/db/units.server";
import type { Gap, ScoreGap } from "~/domain/gap";
import { COMPOSITE_ID, INDICATORS, RANKED_IDS, valueKind, type IndicatorId, type RankedId, type ValueKind } from "~/domain/indicators";
import type { PeriodKind } from "~/domain/period";
import { correctionKey, type Correction, type DataView } from "~/domain/publication";
import { getCorrections } from "~/db/corrections.server";
import { scoringSummary, type ScoringSummary, type VersionedScoring } from "~/domain/scoring";
import { loadUnitAndPeriods } from "~/http/unit-periods.server";
import { previousStanding, type PreviousStanding } from "~/domain/ranks";
import { validIn } from "~/domain/unit-lineage";
import { targetFor, type Targets } from "~/domain/targets";
import { loadUnitActions, type UnitActions } from "./actions.server";

export interface BodyFigure {
  /** Rates: the district's rate; counts: the district's total; the composite: the district's own score. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Counts only: the total divided by the units that reported (what one unit's count compares with). */
  perUnit: number | null;
}

export interface UnitIndicatorRow {
  indicator: RankedId;
  valueUnit: ValueKind;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  rank: number | null;
  ranked: number;
  previous: PreviousStanding | null;
  /** The rank a later version of the publication corrected, with its date. */
  correction: Correction | null;
  /** Counts combined from predecessors (a merger), estimated where a share below 1 was used. */
  restated: boolean;
  estimated: boolean;
  previousValue: number | null;
  /** Other units holding the same rank. */
  tiedWith: number;
  district: BodyFigure;
  gap: Gap | null;
  scoreGap: ScoreGap | null;
}

export interface RankPoint {
  rank: number | null;
  ranked: number | null;
  tiedWith: number;
  value: number | null;
  /** Ranked on counts combined from predecessors (a merger), estimated where a share below 1 was used. */
  restated: boolean;
  estimated: boolean;
}

export interface HistoryRow {
  period: string;
  reported: boolean;
  incomplete: boolean;
  quarters: number;
  composite: RankPoint;
  indicator: RankPoint;
  /** The uploads this period's figures came from: one for a quarter, up to four for a year. */
  sources: Provenance[];
}

export interface TrendSeriesData {
  indicator: RankedId;
  valueUnit: ValueKind;
  unit: (number | null)[];
  /** The district's rate or score; for counts the average per reporting unit. */
  reference: (number | null)[];
  /** Per period: the unit's value is combined from its predecessors' counts, and an estimate (a share below 1). */
  restated: boolean[];
  estimated: boolean[];
  /** Per period, its year's target (targets.json); null where none is set. */
  target: (number | null)[];
}

export interface UnitPageData {
  unit: UnitInfo;
  /** Null when nothing is loaded yet. */
  period: string | null;
  kind: PeriodKind;
  /** Periods of the same kind with data, oldest first. */
  periods: string[];
  /** The indicator of the second rank chart. */
  indicator: IndicatorId;
  scoring: ScoringSummary;
  /** Whether the unit reported in the chosen period. */
  reported: boolean;
  quarters: number;
  incomplete: boolean;
  rows: UnitIndicatorRow[];
  trend: TrendSeriesData[];
  /** Oldest first, one entry per period. */
  ranks: { composite: RankPoint[]; indicator: RankPoint[] };
  /** Newest first. */
  history: HistoryRow[];
  /** Sources of the chosen period. */
  sources: Provenance[];
  /** Where the unit came from or went (units-over-time.md); its figures before a merger are restated. */
  lineage: UnitLineage;
  /** `current` for a unit formed by a merger: its history runs across it on its predecessors' counts. */
  basis: "as_reported" | "current";
  /** Why the composite moved, the path up and the projection (null when nothing is loaded). */
  actions: UnitActions | null;
}

export const DEFAULT_RANK_INDICATOR: IndicatorId = INDICATORS[0].id;

/** The body's figures by period and indicator, the composite's score included (computed in SQL). */
function bodyFigures(totals: readonly BodyTotal[]): Map<string, Map<RankedId, BodyFigure>> {
  const byPeriod = new Map<string, Map<RankedId, BodyFigure>>();
  for (const total of totals) {
    let m = byPeriod.get(total.period);
    if (!m) byPeriod.set(total.period, (m = new Map()));
    const isCount = valueKind(total.indicator) === "count";
    m.set(total.indicator, {
      value: total.value,
      numerator: total.numerator,
      denominator: total.denominator,
      perUnit: isCount && total.numerator !== null && total.units > 0 ? total.numerator / total.units : null,
    });
  }
  return byPeriod;
}

const NO_BODY_FIGURE: BodyFigure = { value: null, numerator: null, denominator: null, perUnit: null };

/** The unit's rows by period and indicator. */
function ownRows(rows: readonly UnitRankingRow[], code: string): Map<string, UnitRankingRow> {
  return new Map(rows.filter((r) => r.commune_code === code).map((r) => [`${r.period}|${r.indicator}`, r]));
}

function rankPoint(own: UnitRankingRow | undefined, field: number | undefined): RankPoint {
  if (!own) return { rank: null, ranked: field ?? null, tiedWith: 0, value: null, restated: false, estimated: false };
  return { rank: own.rank, ranked: own.ranked, tiedWith: own.tied_with, value: own.value, restated: own.restated, estimated: own.estimated };
}

/** The composite's gap in points to the next better score, from the unit's row (computed over everyone in SQL). */
function scoreGapOf(own: UnitRankingRow | undefined): ScoreGap | null {
  const next = own?.next;
  if (!own || own.value === null || !next || next.value === null) return null;
  return { points: next.value - own.value, pass_code: next.code, pass_name: next.name, pass_tied: next.tied };
}

export interface UnitViewInput {
  targets?: Targets;
  actions?: UnitActions | null;
  lineage?: UnitLineage;
  basis?: "as_reported" | "current";
  /** Ranks corrected by a later version of the period's publication (getCorrections). */
  corrections?: ReadonlyMap<string, Correction>;
  unit: UnitInfo;
  indicator: IndicatorId;
  scoring: ScoringSummary;
  period: string;
  kind: PeriodKind;
  /** Periods of the same kind with data, oldest first. */
  periods: string[];
  /** The unit's rows of the rankings in `periods` (ranked over every unit) and each period's fields. */
  rankings: { rows: readonly UnitRankingRow[]; fields: readonly RankedField[] };
  totals: readonly BodyTotal[];
  provenance: readonly Provenance[];
}

/** The page of a unit when nothing is loaded yet. */
export function emptyUnitView(unit: UnitInfo, indicator: IndicatorId, scoring: ScoringSummary): UnitPageData {
  return {
    unit,
    indicator,
    scoring,
    period: null,
    kind: "quarter",
    periods: [],
    reported: false,
    quarters: 0,
    incomplete: false,
    rows: [],
    trend: [],
    ranks: { composite: [], indicator: [] },
    history: [],
    sources: [],
    lineage: NO_LINEAGE,
    basis: "as_reported",
    actions: null,
  };
}

const NO_LINEAGE: UnitLineage = { validFrom: null, validTo: null, predecessors: [], successors: [] };

export function unitView(input: UnitViewInput): UnitPageData {
  const { unit, indicator, period, kind, periods, rankings, provenance } = input;
  const base = { unit, indicator, scoring: input.scoring };
  const mine = ownRows(rankings.rows, unit.code);
  const fields = new Map(rankings.fields.map((f) => [`${f.period}|${f.indicator}`, f.ranked]));
  const district = bodyFigures(input.totals);
  const own = (p: string, id: string) => mine.get(`${p}|${id}`);
  const sourcesOf = (p: string) => provenance.filter((s) => (kind === "quarter" ? s.period === p : s.period.startsWith(`${p}-`)));

  const rows = RANKED_IDS.map((id): UnitIndicatorRow => {
    const r = own(period, id);
    return {
      indicator: id,
      valueUnit: valueKind(id),
      value: r?.value ?? null,
      numerator: r?.numerator ?? null,
      denominator: r?.denominator ?? null,
      rank: r?.rank ?? null,
      ranked: r?.ranked ?? fields.get(`${period}|${id}`) ?? 0,
      previous: r ? previousStanding(r) : null,
      correction: input.corrections?.get(correctionKey(unit.code, id)) ?? null,
      restated: r?.restated ?? false,
      estimated: r?.estimated ?? false,
      previousValue: r?.previous_value ?? null,
      tiedWith: r?.tied_with ?? 0,
      district: district.get(period)?.get(id) ?? NO_BODY_FIGURE,
      gap: r?.gap ?? null,
      scoreGap: id === COMPOSITE_ID ? scoreGapOf(r) : null,
    };
  });

  const trend = RANKED_IDS.map((id): TrendSeriesData => {
    const valueUnit = valueKind(id);
    return {
      indicator: id,
      valueUnit,
      unit: periods.map((p) => own(p, id)?.value ?? null),
      reference: periods.map((p) => {
        const f = district.get(p)?.get(id);
        return (valueUnit === "count" ? f?.perUnit : f?.value) ?? null;
      }),
      restated: periods.map((p) => own(p, id)?.restated ?? false),
      estimated: periods.map((p) => own(p, id)?.estimated ?? false),
      target: periods.map((p) => (input.targets ? targetFor(input.targets, p, id) : null)),
    };
  });

  const ranks = {
    composite: periods.map((p) => rankPoint(own(p, COMPOSITE_ID), fields.get(`${p}|${COMPOSITE_ID}`))),
    indicator: periods.map((p) => rankPoint(own(p, indicator), fields.get(`${p}|${indicator}`))),
  };

  const history = periods
    .map((p, i): HistoryRow => {
      const any = own(p, COMPOSITE_ID);
      return {
        period: p,
        reported: any !== undefined,
        incomplete: any?.incomplete ?? false,
        quarters: any?.quarters ?? 0,
        composite: ranks.composite[i] ?? rankPoint(undefined, undefined),
        indicator: ranks.indicator[i] ?? rankPoint(undefined, undefined),
        sources: sourcesOf(p),
      };
    })
    .reverse();

  const current = own(period, COMPOSITE_ID);
  return {
    ...base,
    period,
    kind,
    periods,
    reported: current !== undefined,
    quarters: current?.quarters ?? 0,
    incomplete: current?.incomplete ?? false,
    rows,
    trend,
    ranks,
    history,
    sources: sourcesOf(period),
    lineage: input.lineage ?? NO_LINEAGE,
    basis: input.basis ?? "as_reported",
    actions: input.actions ?? null,
  };
}

export interface UnitPageRequest {
  code: string;
  period?: string;
  indicator?: IndicatorId;
}

/** The unit page; throws NotFoundError for a unit the registry does not hold or a period without data. */
export async function loadUnitPage(db: Db, request: UnitPageRequest, scoring: VersionedScoring, view: DataView, targets: Targets): Promise<UnitPageData> {
  const { unit, lineage, kind, shown } = await loadUnitAndPeriods(db, request, view);
  const indicator = request.indicator ?? DEFAULT_RANK_INDICATOR;
  const version = scoringSummary(scoring);
  if (shown === null) return emptyUnitView(unit, indicator, version);
  const { basis, periods: lived, period } = shown;
  const [rankings, totals, provenance] = await Promise.all([
    getUnitRankingsFor(db, kind, lived, [unit.code], scoring, view, basis),
    getBodyTotals(db, kind, scoring, view),
    getUnitProvenance(db, unit.code, view),
  ]);
  const livesToYearEnd = basis === "current" || validIn(lineage, `${period.slice(0, 4)}-Q4`);
  const [corrections, actions] = await Promise.all([
    getCorrections(db, period, scoring, view, rankings.rows),
    loadUnitActions(db, { code: unit.code, period, kind, basis, ownRows: rankings.rows, livesToYearEnd }, scoring, view, targets),
  ]);
  return unitView({ kind, period, periods: lived, unit, indicator, scoring: version, rankings, totals, provenance, corrections, lineage, basis, actions, targets });
}
