/**
 * The compare page's view model: for 2 to 5 chosen units their rank and value on every indicator in one
 * period, side by side, and their values over all periods of the same kind, from every unit's rankings over
 * those periods. `loadCompare` runs the queries; `compareView` is pure.
 */
import type { Db } from "~/db/instance.server";
import { getLoadedPeriods } from "~/db/periods.server";
import type { RankingRow } from "~/db/rankings.server";
import { getUnitRankingsFor, type RankedField } from "~/db/unit-rankings.server";
import { getUnitSpans, getUnits, getUnitsByCode, type UnitInfo } from "~/db/units.server";
import { validIn } from "~/domain/unit-lineage";
import { RANKED_IDS, valueKind, type RankedId, type ValueKind } from "~/domain/indicators";
import { resolvePeriod, type PeriodKind } from "~/domain/period";
import type { DataView } from "~/domain/publication";
import { scoringSummary, type ScoringSummary, type VersionedScoring } from "~/domain/scoring";
import { NotFoundError } from "~/http/page-errors.server";
import { bestCodes, previousStanding, type PreviousStanding } from "~/domain/ranks";
import { MAX_COMPARE, MIN_COMPARE, selectionStatus, type SelectionStatus } from "~/domain/unit-compare";
import { matchesUnit } from "~/domain/unit-list";

export interface CompareCell {
  code: string;
  rank: number | null;
  ranked: number | null;
  previous: PreviousStanding | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  incomplete: boolean;
  /** Best rank among the compared units in this row (several when they tie). */
  best: boolean;
}

export interface CompareRow {
  indicator: RankedId;
  valueUnit: ValueKind;
  cells: CompareCell[];
}

/** Units found by the search, at most this many listed (the count says how many matched). */
export const MAX_SEARCH_RESULTS = 20;

export interface UnitSearch {
  /** What was searched for, or null when nothing was. */
  query: string | null;
  /** The first matches, by code. */
  matches: UnitInfo[];
  /** How many units matched in all. */
  count: number;
}

export interface ComparePageData {
  /** The units found by the search of the choice (`q`), not the whole registry (decision 012). */
  search: UnitSearch;
  /** The codes asked for, in the order asked. */
  selected: string[];
  /** The units asked for, in the order asked (also when they are too few or too many to compare). */
  chosen: UnitInfo[];
  status: SelectionStatus;
  min: number;
  max: number;
  /** Null when nothing is loaded yet. */
  period: string | null;
  kind: PeriodKind;
  periods: string[];
  scoring: ScoringSummary;
  /** The compared units (empty unless the choice holds 2 to 5). */
  units: UnitInfo[];
  rows: CompareRow[];
  /** Each indicator's values per unit over `periods`. */
  series: { indicator: RankedId; valueUnit: ValueKind; values: Record<string, (number | null)[]> }[];
}

function index(rows: readonly RankingRow[]): Map<string, RankingRow> {
  return new Map(rows.map((r) => [`${r.period}|${r.indicator}|${r.commune_code}`, r]));
}

export interface CompareInput {
  /** The registry, searched by `query`. */
  allUnits: readonly UnitInfo[];
  /** A search of the registry by name or code (`q`). */
  query?: string;
  /** The chosen units, in the order asked. */
  chosen: UnitInfo[];
  scoring: ScoringSummary;
  /** Null when nothing is loaded yet. */
  resolved: { period: string; kind: PeriodKind; periods: string[] } | null;
  /** The chosen units' rankings over `resolved.periods`, ranked over every unit (empty unless 2 to 5 are chosen). */
  rankings: readonly RankingRow[];
  /** Units ranked per period and indicator (the "20" of "4/20" for a chosen unit without a rank). */
  fields: readonly RankedField[];
}

export function compareView(input: CompareInput): ComparePageData {
  const { chosen } = input;
  const status = selectionStatus(chosen.length);
  const query = input.query === undefined || input.query.trim() === "" ? null : input.query.trim();
  const found = query === null ? [] : input.allUnits.filter((u) => matchesUnit(u, query));
  const base = {
    search: { query, matches: found.slice(0, MAX_SEARCH_RESULTS), count: found.length },
    selected: chosen.map((u) => u.code),
    chosen,
    status,
    min: MIN_COMPARE,
    max: MAX_COMPARE,
    scoring: input.scoring,
  };
  if (input.resolved === null) return { ...base, period: null, kind: "quarter", periods: [], units: [], rows: [], series: [] };
  const { period, kind, periods } = input.resolved;
  if (status !== "ok") return { ...base, period, kind, periods, units: [], rows: [], series: [] };

  const byKey = index(input.rankings);
  const get = (p: string, id: string, code: string) => byKey.get(`${p}|${id}|${code}`);
  const fields = new Map<string, number>();
  for (const f of input.fields) if (f.period === period) fields.set(f.indicator, f.ranked);

  const rows = RANKED_IDS.map((id): CompareRow => {
    const field = fields.get(id) ?? null;
    const cells = chosen.map((u): Omit<CompareCell, "best"> => {
      const r = get(period, id, u.code);
      return {
        code: u.code,
        rank: r?.rank ?? null,
        ranked: r?.ranked ?? field,
        previous: r ? previousStanding(r) : null,
        value: r?.value ?? null,
        numerator: r?.numerator ?? null,
        denominator: r?.denominator ?? null,
        incomplete: r?.incomplete ?? false,
      };
    });
    const best = new Set(bestCodes(cells));
    return { indicator: id, valueUnit: valueKind(id), cells: cells.map((c) => ({ ...c, best: best.has(c.code) })) };
  });

  const series = RANKED_IDS.map((id) => ({
    indicator: id,
    valueUnit: valueKind(id),
    values: Object.fromEntries(chosen.map((u) => [u.code, periods.map((p) => get(p, id, u.code)?.value ?? null)])),
  }));

  return { ...base, period, kind, periods, units: chosen, rows, series };
}

export interface ComparePageRequest {
  codes: readonly string[];
  period?: string;
  /** A search for units to add. */
  q?: string;
}

/**
 * Without a period asked for, the latest one in which every chosen unit existed: units merged away in
 * 2025 are compared on their last quarter, not shown empty on today's.
 */
async function sharedPeriod<R extends { period: string; periods: string[] }>(db: Db, resolved: R, request: ComparePageRequest): Promise<R> {
  if (request.period !== undefined || request.codes.length === 0) return resolved;
  const spans = await getUnitSpans(db);
  const existed = (code: string, period: string) => spans.some((s) => s.code === code && validIn(s, period));
  const shared = resolved.periods.filter((p) => request.codes.every((code) => existed(code, p))).at(-1);
  return shared === undefined ? resolved : { ...resolved, period: shared };
}

/** The compare page; throws NotFoundError for codes the registry does not hold or a period without data. */
export async function loadCompare(db: Db, request: ComparePageRequest, scoring: VersionedScoring, view: DataView): Promise<ComparePageData> {
  const { units: chosen, missing } = await getUnitsByCode(db, request.codes);
  if (missing.length > 0) throw new NotFoundError({ what: "units", codes: missing });
  const resolved = resolvePeriod(await getLoadedPeriods(db, view), request.period);
  if (resolved.status === "empty" && view.kind === "published" && view.asOf !== null) throw new NotFoundError({ what: "asOf", date: view.asOf });
  if (resolved.status === "unknown") throw new NotFoundError({ what: "period", ...resolved });
  const ok = resolved.status === "ok" ? await sharedPeriod(db, resolved, request) : null;
  const [allUnits, rankings] = await Promise.all([
    getUnits(db),
    ok && selectionStatus(chosen.length) === "ok" ? getUnitRankingsFor(db, ok.kind, ok.periods, request.codes, scoring, view) : { rows: [], fields: [] },
  ]);
  return compareView({ allUnits, query: request.q, chosen, scoring: scoringSummary(scoring), resolved: ok, rankings: rankings.rows, fields: rankings.fields });
}
