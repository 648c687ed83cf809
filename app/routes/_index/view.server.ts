/**
 * The overview's data: `loadOverview` runs the queries of one period (every unit's rank on every indicator
 * and the composite, the body's totals, the registry), and `overviewView`, a pure function, turns their
 * results into the page's props: units that have not reported, incomplete years, the totals' trend, the
 * biggest movers on the composite.
 */
import type { Db } from "~/db/instance.server";
import { getLoadedPeriods } from "~/db/periods.server";
import { getLastUploadAt } from "~/db/provenance.server";
import { getRankingsFor, type RankingRow } from "~/db/rankings.server";
import { getBodyTotals, type BodyTotal } from "~/db/totals.server";
import { getUnits } from "~/db/units.server";
import { COMPOSITE_ID, INDICATORS, type IndicatorId, type RankedId } from "~/domain/indicators";
import { periodsUpTo, previousPeriodId, resolvePeriod, type PeriodKind } from "~/domain/period";
import { correctionKey, type Correction, type DataView } from "~/domain/publication";
import { getCorrections } from "~/db/corrections.server";
import type { VersionedScoring } from "~/domain/scoring";
import { NotFoundError } from "~/http/page-errors.server";
import { missingUnits, pickMovers, previousStanding, type Mover, type NamedUnit, type PreviousStanding } from "~/domain/ranks";

/** A ranking row as the overview's charts and tables read it. */
export type OverviewRow = Pick<RankingRow, "indicator" | "numerator" | "denominator" | "value" | "rank" | "ranked"> & {
  code: string;
  name: string;
  previous: PreviousStanding | null;
  /** The rank a later version of the publication corrected, with its date. */
  correction: Correction | null;
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

export interface TotalSeries {
  indicator: IndicatorId;
  /** Oldest first, up to and including the page's period. */
  points: TotalPoint[];
}

export interface OverviewData {
  kind: "ok";
  period: string;
  periodKind: PeriodKind;
  previousPeriod: string;
  /** Whether the previous period of the same kind has data (movement needs it). */
  hasPrevious: boolean;
  indicator: RankedId;
  /** Units in the registry (the "20" of "19/20 reported"). */
  registryCount: number;
  /** Units with data in the period, in code order. */
  units: OverviewUnit[];
  /** Registry units without data in the period, in code order. */
  missing: NamedUnit[];
  /** Every unit's row on every indicator and the composite. */
  rows: OverviewRow[];
  totals: TotalSeries[];
  movers: { risers: Mover[]; fallers: Mover[] };
  /** The composite's fields then and now when the two periods ranked different units (no movers then). */
  moversFields: { before: number; now: number } | null;
  scoring: { name: string; hash: string };
  /** Time of the latest upload whose rows are current (ISO, UTC). */
  lastUploadAt: string | null;
}

export type OverviewPage = { kind: "empty" } | OverviewData;

export interface OverviewInput {
  period: string;
  kind: PeriodKind;
  /** Periods of the same kind with data, oldest first. */
  periods: readonly string[];
  indicator: RankedId;
  rankings: readonly RankingRow[];
  totals: readonly BodyTotal[];
  registry: readonly NamedUnit[];
  scoring: { name: string; hash: string };
  lastUploadAt: string | null;
  /** Ranks corrected by a later version of the period's publication (getCorrections). */
  corrections?: ReadonlyMap<string, Correction>;
}

export function overviewView(input: OverviewInput): OverviewData {
  const { period, rankings } = input;
  const rows: OverviewRow[] = rankings.map((r) => ({
    code: r.commune_code,
    name: r.commune_name,
    indicator: r.indicator,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    rank: r.rank,
    ranked: r.ranked,
    previous: previousStanding(r),
    correction: input.corrections?.get(correctionKey(r.commune_code, r.indicator)) ?? null,
  }));

  const unitsByCode = new Map<string, OverviewUnit>();
  for (const r of rankings) {
    if (!unitsByCode.has(r.commune_code)) {
      unitsByCode.set(r.commune_code, { code: r.commune_code, name: r.commune_name, quarters: r.quarters, incomplete: r.incomplete });
    }
  }
  const units = [...unitsByCode.values()].sort((a, b) => a.code.localeCompare(b.code));

  const shown = periodsUpTo(input.periods, period);
  const totals: TotalSeries[] = INDICATORS.map((indicator) => ({
    indicator: indicator.id,
    points: shown.flatMap((p) => {
      const t = input.totals.find((x) => x.period === p && x.indicator === indicator.id);
      return t && t.numerator !== null ? [{ period: p, value: t.value, numerator: t.numerator, denominator: t.denominator, units: t.units }] : [];
    }),
  }));

  const previous = previousPeriodId(period);
  const composite = rows.filter((r) => r.indicator === COMPOSITE_ID);
  const otherUnits = composite.find(
    (r): r is OverviewRow & { previous: PreviousStanding } => r.rank !== null && r.previous !== null && r.previous.movement === null,
  );
  return {
    kind: "ok",
    period,
    periodKind: input.kind,
    previousPeriod: previous,
    hasPrevious: input.periods.includes(previous),
    indicator: input.indicator,
    registryCount: input.registry.length,
    units,
    missing: missingUnits(input.registry, unitsByCode.keys()).map(({ code, name }) => ({ code, name })),
    rows,
    totals,
    movers: pickMovers(composite),
    moversFields: otherUnits ? { before: otherUnits.previous.ranked, now: otherUnits.ranked } : null,
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
  params: { period?: string; indicator?: RankedId },
  scoring: VersionedScoring,
  view: DataView,
): Promise<OverviewPage> {
  const resolved = resolvePeriod(await getLoadedPeriods(db, view), params.period);
  if (resolved.status === "empty" && view.kind === "published" && view.asOf !== null) throw new NotFoundError({ what: "asOf", date: view.asOf });
  if (resolved.status === "empty") return { kind: "empty" };
  if (resolved.status === "unknown") throw new NotFoundError({ what: "period", ...resolved });
  const [rankings, totals, registry, lastUploadAt] = await Promise.all([
    getRankingsFor(db, resolved.kind, [resolved.period], scoring, view),
    getBodyTotals(db, resolved.kind, scoring, view),
    getUnits(db),
    getLastUploadAt(db, view),
  ]);
  const corrections = await getCorrections(db, resolved.period, scoring, view, rankings);
  return overviewView({
    corrections,
    ...resolved,
    indicator: params.indicator ?? COMPOSITE_ID,
    rankings,
    totals,
    registry,
    scoring: { name: scoring.name, hash: scoring.hash },
    lastUploadAt,
  });
}
