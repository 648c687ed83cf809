/**
 * The notice-board card's data: `loadCard` runs the queries (the unit, its periods as the unit page reads
 * them, its rows of the rankings over the last periods, ranked over every unit), `cardView` is a pure function
 * from their results to what the card shows: the composite's and every indicator's rank in the chosen period
 * with the movement since the previous one, and the composite's rank over the last periods.
 */
import { getCorrections } from "~/db/corrections.server";
import type { Db } from "~/db/instance.server";
import { getUnitRankingsFor, type RankedField, type UnitRankingRow } from "~/db/unit-rankings.server";
import type { UnitInfo } from "~/db/units.server";
import { COMPOSITE_ID, INDICATOR_IDS, valueKind, type RankedId, type ValueKind } from "~/domain/indicators";
import type { PeriodKind } from "~/domain/period";
import { correctionKey, type Correction, type DataView } from "~/domain/publication";
import { previousStanding, type PreviousStanding } from "~/domain/ranks";
import type { VersionedScoring } from "~/domain/scoring";
import { loadUnitAndPeriods } from "~/http/unit-periods.server";

/** The composite's rank is drawn over this many periods up to the chosen one: two years of quarters. */
export const TREND_PERIODS = 8;

export interface CardRank {
  indicator: RankedId;
  valueUnit: ValueKind;
  value: number | null;
  rank: number | null;
  /** Units ranked: the "20" of "4/20". */
  ranked: number;
  tiedWith: number;
  previous: PreviousStanding | null;
  /** The rank a later version of the period's publication corrected. */
  correction: Correction | null;
  /** Counts combined from predecessors (a merger); estimated where a share below 1 was used. */
  restated: boolean;
  estimated: boolean;
}

export interface CardTrendPoint {
  period: string;
  rank: number | null;
  ranked: number | null;
  restated: boolean;
  estimated: boolean;
}

export interface CardData {
  unit: UnitInfo;
  /** Null when nothing is loaded yet (or the unit has no period of the kind asked). */
  period: string | null;
  kind: PeriodKind;
  reported: boolean;
  /** A year the unit reported fewer than four quarters of. */
  incomplete: boolean;
  quarters: number;
  composite: CardRank | null;
  /** The registry's indicators, in its order. */
  indicators: CardRank[];
  /** The composite's rank over the last periods, oldest first. */
  trend: CardTrendPoint[];
  /** The first quarter of a unit formed by a merger (its ranks before are on its predecessors' counts). */
  formed: string | null;
  scoring: { name: string; hash: string };
}

export interface CardViewInput {
  unit: UnitInfo;
  period: string;
  kind: PeriodKind;
  /** The periods of the trend, oldest first, ending with `period`. */
  periods: readonly string[];
  rankings: { rows: readonly UnitRankingRow[]; fields: readonly RankedField[] };
  corrections: ReadonlyMap<string, Correction>;
  formed: string | null;
  scoring: { name: string; hash: string };
}

export function emptyCard(unit: UnitInfo, scoring: { name: string; hash: string }): CardData {
  return { unit, period: null, kind: "quarter", reported: false, incomplete: false, quarters: 0, composite: null, indicators: [], trend: [], formed: null, scoring };
}

export function cardView(input: CardViewInput): CardData {
  const { unit, period, rankings } = input;
  const own = new Map(rankings.rows.filter((r) => r.commune_code === unit.code).map((r) => [`${r.period}|${r.indicator}`, r]));
  const fields = new Map(rankings.fields.map((f) => [`${f.period}|${f.indicator}`, f.ranked]));
  const rankOf = (id: RankedId): CardRank => {
    const r = own.get(`${period}|${id}`);
    return {
      indicator: id,
      valueUnit: valueKind(id),
      value: r?.value ?? null,
      rank: r?.rank ?? null,
      ranked: r?.ranked ?? fields.get(`${period}|${id}`) ?? 0,
      tiedWith: r?.tied_with ?? 0,
      previous: r ? previousStanding(r) : null,
      correction: input.corrections.get(correctionKey(unit.code, id)) ?? null,
      restated: r?.restated ?? false,
      estimated: r?.estimated ?? false,
    };
  };
  const trend = input.periods.map((p): CardTrendPoint => {
    const r = own.get(`${p}|${COMPOSITE_ID}`);
    return { period: p, rank: r?.rank ?? null, ranked: r?.ranked ?? fields.get(`${p}|${COMPOSITE_ID}`) ?? null, restated: r?.restated ?? false, estimated: r?.estimated ?? false };
  });
  const current = own.get(`${period}|${COMPOSITE_ID}`);
  return {
    unit,
    period,
    kind: input.kind,
    reported: current !== undefined,
    incomplete: current?.incomplete ?? false,
    quarters: current?.quarters ?? 0,
    composite: rankOf(COMPOSITE_ID),
    indicators: INDICATOR_IDS.map(rankOf),
    trend,
    formed: input.formed,
    scoring: input.scoring,
  };
}

export interface CardRequest {
  code: string;
  period?: string;
}

/** The card; throws NotFoundError for a unit the registry does not hold or a period without data. */
export async function loadCard(db: Db, request: CardRequest, scoring: VersionedScoring, view: DataView): Promise<CardData> {
  const { unit, lineage, kind, shown } = await loadUnitAndPeriods(db, request, view);
  const version = { name: scoring.name, hash: scoring.hash };
  if (shown === null) return emptyCard(unit, version);
  const upTo = shown.periods.filter((p) => p <= shown.period);
  const periods = upTo.slice(-TREND_PERIODS);
  const rankings = await getUnitRankingsFor(db, kind, periods, [unit.code], scoring, view, shown.basis);
  const corrections = await getCorrections(db, shown.period, scoring, view, rankings.rows);
  const formed = shown.basis === "current" ? lineage.validFrom : null;
  return cardView({ unit, period: shown.period, kind, periods, rankings, corrections, formed, scoring: version });
}
