/**
 * Everything the compare page shows, from one call: the registry's units (for the choice), and for 2 to 5
 * chosen units their rank and value on every indicator in one period, side by side, and their values over
 * all periods of the same kind.
 */
import { RANKED_IDS, type RankedId } from "~/domain/indicators";
import type { PeriodKind } from "~/domain/period";
import type { VersionedScoring } from "~/domain/scoring";
import { valueUnitOf, type ValueUnit } from "~/domain/unit-format";
import { MAX_COMPARE, MIN_COMPARE, selectionStatus, type SelectionStatus } from "~/domain/unit-compare";
import { resolvePagePeriod } from "~/domain/unit-period";
import { bestCodes } from "~/domain/unit-ranks";
import type { Db } from "~/db/instance.server";
import { getLoadedPeriods } from "~/db/periods.server";
import { UnknownPeriodError } from "~/db/ranking-report.server";
import { getRankingsFor, type RankingRow } from "~/db/rankings.server";
import { getUnits } from "~/db/registry.server";
import { getUnitsByCode, type UnitInfo } from "~/routes/units.$code/view.server";

export interface CompareCell {
  code: string;
  rank: number | null;
  ranked: number | null;
  previousRank: number | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  incomplete: boolean;
  /** Best rank among the compared units in this row (several when they tie). */
  best: boolean;
}

export interface CompareRow {
  indicator: RankedId;
  valueUnit: ValueUnit;
  cells: CompareCell[];
}

export interface ComparePageData {
  /** Every unit of the registry, by code, for the choice. */
  allUnits: { code: string; name: string; kind: string }[];
  /** The codes asked for, in the order asked. */
  selected: string[];
  status: SelectionStatus;
  min: number;
  max: number;
  /** Null when nothing is loaded yet. */
  period: string | null;
  kind: PeriodKind;
  periods: string[];
  scoring: { name: string; hash: string };
  /** The compared units (empty unless the choice holds 2 to 5). */
  units: UnitInfo[];
  rows: CompareRow[];
  /** Each indicator's values per unit over `periods`. */
  series: { indicator: RankedId; valueUnit: ValueUnit; values: Record<string, (number | null)[]> }[];
}

export interface ComparePageRequest {
  codes: readonly string[];
  period?: string;
}

function index(rows: readonly RankingRow[]): Map<string, RankingRow> {
  return new Map(rows.map((r) => [`${r.period}|${r.indicator}|${r.commune_code}`, r]));
}

export async function getComparePage(db: Db, request: ComparePageRequest, scoring: VersionedScoring): Promise<ComparePageData> {
  const chosen = await getUnitsByCode(db, request.codes);
  const status = selectionStatus(chosen.length);
  const resolved = resolvePagePeriod(await getLoadedPeriods(db), request.period);
  if (resolved.status === "unknown") throw new UnknownPeriodError(resolved.period);
  const base = {
    allUnits: await getUnits(db),
    selected: chosen.map((u) => u.code),
    status,
    min: MIN_COMPARE,
    max: MAX_COMPARE,
    scoring: { name: scoring.name, hash: scoring.hash },
  };
  if (resolved.status === "empty") return { ...base, period: null, kind: "quarter", periods: [], units: [], rows: [], series: [] };
  const { period, kind, periods } = resolved;
  if (status !== "ok") return { ...base, period, kind, periods, units: [], rows: [], series: [] };

  const byKey = index(await getRankingsFor(db, kind, periods, scoring));
  const get = (p: string, id: string, code: string) => byKey.get(`${p}|${id}|${code}`);
  const fields = new Map<string, number>();
  for (const r of byKey.values()) if (r.period === period) fields.set(r.indicator, r.ranked);

  const rows = RANKED_IDS.map((id): CompareRow => {
    const field = fields.get(id) ?? null;
    const cells = chosen.map((u): Omit<CompareCell, "best"> => {
      const r = get(period, id, u.code);
      return {
        code: u.code,
        rank: r?.rank ?? null,
        ranked: r?.ranked ?? field,
        previousRank: r?.previous_rank ?? null,
        value: r?.value ?? null,
        numerator: r?.numerator ?? null,
        denominator: r?.denominator ?? null,
        incomplete: r?.incomplete ?? false,
      };
    });
    const best = new Set(bestCodes(cells));
    return { indicator: id, valueUnit: valueUnitOf(id), cells: cells.map((c) => ({ ...c, best: best.has(c.code) })) };
  });

  const series = RANKED_IDS.map((id) => ({
    indicator: id,
    valueUnit: valueUnitOf(id),
    values: Object.fromEntries(chosen.map((u) => [u.code, periods.map((p) => get(p, id, u.code)?.value ?? null)])),
  }));

  return { ...base, period, kind, periods, units: chosen, rows, series };
}
