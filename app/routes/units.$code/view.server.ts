/**
 * Everything the unit page shows, from one call: the unit's rank on every indicator and the composite in
 * the chosen period (with movement, the district's value and the gap to the next rank), its values and
 * ranks over all periods of the same kind, and which upload each figure came from.
 */
import { z } from "zod";
import { COMPOSITE_ID, INDICATORS, RANKED_IDS, getIndicator, type IndicatorId, type RankedId } from "~/domain/indicators";
import type { PeriodKind } from "~/domain/period";
import { computeScore, type VersionedScoring } from "~/domain/scoring";
import { valueUnitOf, type ValueUnit } from "~/domain/unit-format";
import { resolvePagePeriod } from "~/domain/unit-period";
import { countTiedWith, scoreGapFor, type ScoreGap } from "~/domain/unit-ranks";
import { getDistrictTotals, type DistrictTotal } from "~/db/district.server";
import type { Db } from "~/db/instance.server";
import { getLoadedPeriods } from "~/db/periods.server";
import { getUnitProvenance, type Provenance } from "~/db/provenance.server";
import { UnknownPeriodError } from "~/db/ranking-report.server";
import { getRankingsFor, type Gap, type RankingRow } from "~/db/rankings.server";

export class UnknownUnitError extends Error {
  override name = "UnknownUnitError";
  constructor(readonly codes: readonly string[]) {
    super(`unknown unit code: ${codes.join(", ")}`);
  }
}

const unitSchema = z.object({ code: z.string(), name: z.string(), kind: z.enum(["town", "ward", "commune"]) });
export type UnitInfo = z.infer<typeof unitSchema>;

/** Units of the registry with the given codes, in the order asked; throws for codes it does not hold. */
export async function getUnitsByCode(db: Db, codes: readonly string[]): Promise<UnitInfo[]> {
  if (codes.length === 0) return [];
  // Codes are bound as one comma-joined string (a list parameter needs a typed DuckDB value).
  if (codes.some((c) => c.includes(","))) throw new UnknownUnitError(codes.filter((c) => c.includes(",")));
  const rows = await db.query("SELECT code, name, kind FROM units WHERE list_contains(string_split($1, ','), code)", [codes.join(",")], unitSchema);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const missing = codes.filter((c) => !byCode.has(c));
  if (missing.length > 0) throw new UnknownUnitError(missing);
  return codes.map((c) => byCode.get(c)).filter((u): u is UnitInfo => u !== undefined);
}

export interface DistrictFigure {
  /** Rates: the district's rate; counts: the district's total; the composite: the district's own score. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Counts only: the total divided by the units that reported (what one unit's count compares with). */
  perUnit: number | null;
}

export interface UnitIndicatorRow {
  indicator: RankedId;
  valueUnit: ValueUnit;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  rank: number | null;
  ranked: number;
  previousRank: number | null;
  previousValue: number | null;
  /** Other units holding the same rank. */
  tiedWith: number;
  district: DistrictFigure;
  gap: Gap | null;
  scoreGap: ScoreGap | null;
}

export interface RankPoint {
  rank: number | null;
  ranked: number | null;
  tiedWith: number;
  value: number | null;
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
  valueUnit: ValueUnit;
  unit: (number | null)[];
  /** The district's rate or score; for counts the average per reporting unit. */
  reference: (number | null)[];
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
  scoring: { name: string; hash: string };
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
}

export interface UnitPageRequest {
  code: string;
  period?: string;
  indicator?: IndicatorId;
}

export const DEFAULT_RANK_INDICATOR: IndicatorId = INDICATORS[0].id;

function districtFigures(totals: readonly DistrictTotal[], scoring: VersionedScoring): Map<string, Map<RankedId, DistrictFigure>> {
  const byPeriod = new Map<string, Map<RankedId, DistrictFigure>>();
  for (const total of totals) {
    let m = byPeriod.get(total.period);
    if (!m) byPeriod.set(total.period, (m = new Map()));
    const isCount = getIndicator(total.indicator).unit === "count";
    m.set(total.indicator, {
      value: total.value,
      numerator: total.numerator,
      denominator: total.denominator,
      perUnit: isCount && total.units > 0 ? total.numerator / total.units : null,
    });
  }
  for (const m of byPeriod.values()) {
    const rates = Object.fromEntries([...m].map(([id, f]) => [id, f.value]));
    m.set(COMPOSITE_ID, { value: computeScore(scoring.config, rates), numerator: null, denominator: null, perUnit: null });
  }
  return byPeriod;
}

const NO_DISTRICT: DistrictFigure = { value: null, numerator: null, denominator: null, perUnit: null };

/** Groups ranking rows by period and indicator: period → indicator → rows of all units. */
function groupRows(rows: readonly RankingRow[]): Map<string, Map<string, RankingRow[]>> {
  const out = new Map<string, Map<string, RankingRow[]>>();
  for (const r of rows) {
    let p = out.get(r.period);
    if (!p) out.set(r.period, (p = new Map()));
    let list = p.get(r.indicator);
    if (!list) p.set(r.indicator, (list = []));
    list.push(r);
  }
  return out;
}

function rankPoint(all: readonly RankingRow[] | undefined, code: string): RankPoint {
  const own = all?.find((r) => r.commune_code === code);
  if (!all || !own) return { rank: null, ranked: all?.[0]?.ranked ?? null, tiedWith: 0, value: null };
  return { rank: own.rank, ranked: own.ranked, tiedWith: countTiedWith(all, code), value: own.value };
}

export async function getUnitPage(db: Db, request: UnitPageRequest, scoring: VersionedScoring): Promise<UnitPageData> {
  const [unit] = await getUnitsByCode(db, [request.code]);
  if (!unit) throw new UnknownUnitError([request.code]);
  const indicator = request.indicator ?? DEFAULT_RANK_INDICATOR;
  const base = { unit, indicator, scoring: { name: scoring.name, hash: scoring.hash } };
  const resolved = resolvePagePeriod(await getLoadedPeriods(db), request.period);
  if (resolved.status === "unknown") throw new UnknownPeriodError(resolved.period);
  if (resolved.status === "empty") {
    return {
      ...base,
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
    };
  }
  const { period, kind, periods } = resolved;
  const [rankings, totals, provenance] = await Promise.all([
    getRankingsFor(db, kind, periods, scoring),
    getDistrictTotals(db, kind),
    getUnitProvenance(db, unit.code),
  ]);
  const grouped = groupRows(rankings);
  const district = districtFigures(totals, scoring);
  const own = (p: string, id: string) => grouped.get(p)?.get(id)?.find((r) => r.commune_code === unit.code);
  const sourcesOf = (p: string) => provenance.filter((s) => (kind === "quarter" ? s.period === p : s.period.startsWith(`${p}-`)));

  const rows = RANKED_IDS.map((id): UnitIndicatorRow => {
    const all = grouped.get(period)?.get(id) ?? [];
    const r = all.find((x) => x.commune_code === unit.code);
    return {
      indicator: id,
      valueUnit: valueUnitOf(id),
      value: r?.value ?? null,
      numerator: r?.numerator ?? null,
      denominator: r?.denominator ?? null,
      rank: r?.rank ?? null,
      ranked: r?.ranked ?? all[0]?.ranked ?? 0,
      previousRank: r?.previous_rank ?? null,
      previousValue: r?.previous_value ?? null,
      tiedWith: countTiedWith(all, unit.code),
      district: district.get(period)?.get(id) ?? NO_DISTRICT,
      gap: r?.gap ?? null,
      scoreGap: id === COMPOSITE_ID ? scoreGapFor(all, unit.code) : null,
    };
  });

  const trend = RANKED_IDS.map((id): TrendSeriesData => {
    const valueUnit = valueUnitOf(id);
    return {
      indicator: id,
      valueUnit,
      unit: periods.map((p) => own(p, id)?.value ?? null),
      reference: periods.map((p) => {
        const f = district.get(p)?.get(id);
        return (valueUnit === "count" ? f?.perUnit : f?.value) ?? null;
      }),
    };
  });

  const ranks = {
    composite: periods.map((p) => rankPoint(grouped.get(p)?.get(COMPOSITE_ID), unit.code)),
    indicator: periods.map((p) => rankPoint(grouped.get(p)?.get(indicator), unit.code)),
  };

  const history = periods
    .map((p, i): HistoryRow => {
      const any = own(p, COMPOSITE_ID);
      return {
        period: p,
        reported: any !== undefined,
        incomplete: any?.incomplete ?? false,
        quarters: any?.quarters ?? 0,
        composite: ranks.composite[i] ?? rankPoint(undefined, unit.code),
        indicator: ranks.indicator[i] ?? rankPoint(undefined, unit.code),
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
  };
}
