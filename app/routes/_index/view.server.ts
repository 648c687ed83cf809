/**
 * Everything the overview page shows for one period, in one call: every unit's rank on every indicator and
 * the composite, who has not reported, incomplete years, the district totals with their trend, the biggest
 * movers on the composite, and where the figures came from. Plain numbers and strings only.
 */
import { z } from "zod";
import { COMPOSITE_ID, INDICATORS, type RankedId } from "~/domain/indicators";
import {
  latestPeriod,
  missingUnits,
  pickMovers,
  periodsUpTo,
  type DistrictTotalSeries,
  type Mover,
  type NamedUnit,
  type OverviewRow,
  type OverviewUnit,
} from "~/domain/overview";
import { formatPeriodId, parsePeriodId, previousPeriod, type PeriodKind } from "~/domain/period";
import type { VersionedScoring } from "~/domain/scoring";
import { getDistrictTotals } from "~/db/district.server";
import type { Db } from "~/db/instance.server";
import { getLoadedPeriods, type LoadedPeriods } from "~/db/periods.server";
import { getRankingsFor } from "~/db/rankings.server";

/** A well-formed period that has no data, while other periods do: the route answers 404 with the list. */
export class NoDataForPeriodError extends Error {
  override name = "NoDataForPeriodError";
  constructor(
    readonly period: string,
    readonly loaded: LoadedPeriods,
  ) {
    super(`no data for period ${period}`);
  }
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
  totals: DistrictTotalSeries[];
  movers: { risers: Mover[]; fallers: Mover[] };
  scoring: { name: string; hash: string };
  /** Time of the latest upload whose rows are current (ISO, UTC). */
  lastUploadAt: string | null;
}

export type OverviewPage = { kind: "empty" } | OverviewData;

const registrySchema = z.object({ code: z.string(), name: z.string() });
const lastUploadSchema = z.object({ last: z.string().nullable() });

/** The unit registry as synced into the database at start-up. */
export async function getRegistry(db: Db): Promise<NamedUnit[]> {
  return db.query("SELECT code, name FROM units ORDER BY code", [], registrySchema);
}

/** When the current figures were last uploaded: the newest upload that still supplies a current row. */
export async function getLastUploadAt(db: Db): Promise<string | null> {
  const [row] = await db.query(
    `SELECT strftime(max(u.uploaded_at) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS last
     FROM uploads u WHERE u.id IN (SELECT DISTINCT upload_id FROM current_reports)`,
    [],
    lastUploadSchema,
  );
  return row?.last ?? null;
}

function isRankedId(id: string): id is RankedId {
  return id === COMPOSITE_ID || INDICATORS.some((i) => i.id === id);
}

/**
 * The overview of `period` (default: the latest quarter with data) with `indicator` selected. Throws
 * NoDataForPeriodError for a period without data; returns `{ kind: "empty" }` when nothing is loaded at all.
 */
export async function getOverviewPage(
  db: Db,
  params: { period?: string; indicator: RankedId },
  scoring: VersionedScoring,
): Promise<OverviewPage> {
  const loaded = await getLoadedPeriods(db);
  if (loaded.quarters.length === 0) return { kind: "empty" };
  const period = params.period ?? latestPeriod(loaded.quarters);
  const parsed = period === null ? null : parsePeriodId(period);
  if (period === null || parsed === null) throw new NoDataForPeriodError(String(params.period), loaded);
  const sameKind = parsed.kind === "year" ? loaded.years : loaded.quarters;
  if (!sameKind.includes(period)) throw new NoDataForPeriodError(period, loaded);
  const previous = formatPeriodId(previousPeriod(parsed));

  const [ranking, allTotals, registry, lastUploadAt] = await Promise.all([
    getRankingsFor(db, parsed.kind, [period], scoring),
    getDistrictTotals(db, parsed.kind),
    getRegistry(db),
    getLastUploadAt(db),
  ]);

  const rows: OverviewRow[] = ranking.flatMap((r) =>
    isRankedId(r.indicator)
      ? [
          {
            code: r.commune_code,
            name: r.commune_name,
            indicator: r.indicator,
            numerator: r.numerator,
            denominator: r.denominator,
            value: r.value,
            rank: r.rank,
            ranked: r.ranked,
            previousRank: r.previous_rank,
          },
        ]
      : [],
  );

  const unitsByCode = new Map<string, OverviewUnit>();
  for (const r of ranking) {
    if (!unitsByCode.has(r.commune_code)) {
      unitsByCode.set(r.commune_code, { code: r.commune_code, name: r.commune_name, quarters: r.quarters, incomplete: r.incomplete });
    }
  }
  const units = [...unitsByCode.values()].sort((a, b) => a.code.localeCompare(b.code));

  const periods = periodsUpTo(sameKind, period);
  const totals: DistrictTotalSeries[] = INDICATORS.map((indicator) => ({
    indicator: indicator.id,
    points: periods.flatMap((p) => {
      const t = allTotals.find((x) => x.period === p && x.indicator === indicator.id);
      return t ? [{ period: p, value: t.value, numerator: t.numerator, denominator: t.denominator, units: t.units }] : [];
    }),
  }));

  const composite = rows.filter((r) => r.indicator === COMPOSITE_ID);
  return {
    kind: "ok",
    period,
    periodKind: parsed.kind,
    previousPeriod: previous,
    hasPrevious: sameKind.includes(previous),
    indicator: params.indicator,
    registryCount: registry.length,
    units,
    missing: missingUnits(registry, unitsByCode.keys()),
    rows,
    totals,
    movers: pickMovers(composite),
    scoring: { name: scoring.name, hash: scoring.hash },
    lastUploadAt,
  };
}
