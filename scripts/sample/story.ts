/**
 * The true story of 2023 for Thị trấn Ninh Giang (the news story quoted in the domain spec): digitisation 1/20, online
 * processing 4/20, online fee payment 2/20, no overdue dossiers, 100% satisfaction, 138 contest entries
 * (first in the district), 3 initiatives. `tellStory` adjusts drawn counts so the statements hold when
 * computed the product's way (summed 2023 counts, standard competition ranking); `checkStory` recomputes
 * them from scratch and throws if any does not hold.
 */
import type { CountField } from "../../app/domain/report-fields";
import type { SampleRow } from "./model";

export const STORY_UNIT = "11155";
export const STORY_YEAR = 2023;
export const STORY_FIELD = 20;
const CONTEST_BY_QUARTER = [24, 31, 47, 36] as const; // 138
const INITIATIVES_BY_QUARTER = [1, 0, 1, 1] as const; // 3
export const STORY_CONTEST_ENTRIES = 138;
export const STORY_INITIATIVES = 3;

export interface StoryRate {
  id: "digitization_rate" | "online_rate" | "online_payment_rate";
  numerator: CountField;
  denominator: CountField;
  rank: number;
}

export const STORY_RATES: readonly StoryRate[] = [
  { id: "digitization_rate", numerator: "dossiers_digitized", denominator: "dossiers_received", rank: 1 },
  { id: "online_rate", numerator: "dossiers_online", denominator: "dossiers_received", rank: 4 },
  { id: "online_payment_rate", numerator: "fee_dossiers_paid_online", denominator: "fee_dossiers", rank: 2 },
];

interface UnitRatio {
  code: string;
  n: number;
  d: number;
}

/** Sign of a.n/a.d − b.n/b.d, exactly (denominators > 0). */
export function compareRatio(a: { n: number; d: number }, b: { n: number; d: number }): number {
  const left = BigInt(a.n) * BigInt(b.d);
  const right = BigInt(b.n) * BigInt(a.d);
  return left > right ? 1 : left < right ? -1 : 0;
}

function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

function ceilDiv(a: number, b: number): number {
  return floorDiv(a + b - 1, b);
}

function sum(rows: readonly SampleRow[], field: CountField): number {
  return rows.reduce((total, row) => total + row.counts[field], 0);
}

/** The year's rows of every unit, in quarter order. */
export function rowsOfYear(rows: readonly SampleRow[], year: number): Map<string, SampleRow[]> {
  const byUnit = new Map<string, SampleRow[]>();
  for (const row of rows) {
    if (!row.period.startsWith(`${year}-Q`)) continue;
    const list = byUnit.get(row.code) ?? [];
    list.push(row);
    byUnit.set(row.code, list);
  }
  for (const list of byUnit.values()) list.sort((a, b) => a.period.localeCompare(b.period));
  return byUnit;
}

function townRows(byUnit: Map<string, SampleRow[]>): SampleRow[] {
  const rows = byUnit.get(STORY_UNIT);
  if (!rows || rows.length !== 4) {
    throw new Error(`sample story: unit ${STORY_UNIT} must report all four quarters of ${STORY_YEAR}`);
  }
  return rows;
}

/** Every other unit's summed ratio for the year, best first; units without a denominator are left out. */
function rivals(byUnit: Map<string, SampleRow[]>, rate: StoryRate): UnitRatio[] {
  const list: UnitRatio[] = [];
  for (const [code, rows] of byUnit) {
    if (code === STORY_UNIT) continue;
    const d = sum(rows, rate.denominator);
    if (d > 0) list.push({ code, n: sum(rows, rate.numerator), d });
  }
  return list.sort((a, b) => compareRatio(b, a) || a.code.localeCompare(b.code));
}

/**
 * Moves `delta` (positive or negative) into the numerator of the given rows, in proportion to each
 * row's room to move (largest remainder), so each quarter keeps its shape and stays ≤ its denominator.
 */
function shiftNumerator(rows: SampleRow[], numerator: CountField, denominator: CountField, delta: number): void {
  if (delta === 0) return;
  const sign = delta > 0 ? 1 : -1;
  const amount = Math.abs(delta);
  const room = rows.map((r) => (sign > 0 ? r.counts[denominator] - r.counts[numerator] : r.counts[numerator]));
  const total = room.reduce((a, b) => a + b, 0);
  if (total < amount) throw new Error(`sample story: cannot move ${delta} into ${numerator}`);
  const shares = room.map((w, i) => ({ i, whole: floorDiv(amount * w, total), rest: (amount * w) % total }));
  let left = amount - shares.reduce((a, s) => a + s.whole, 0);
  for (const s of [...shares].sort((a, b) => b.rest - a.rest || a.i - b.i)) {
    if (left === 0) break;
    s.whole += 1;
    left -= 1;
  }
  for (const s of shares) {
    const row = rows[s.i];
    if (!row) continue;
    row.counts[numerator] += sign * s.whole;
  }
}

/**
 * Sets the town's summed numerator so that exactly `rank − 1` units are strictly better and all others
 * strictly worse. Keeps the drawn figure when it already fits, else takes the middle of the gap. When no
 * whole number fits between the neighbours, the unit just below is pulled down half a point and the
 * search repeats.
 */
function placeAtRank(byUnit: Map<string, SampleRow[]>, rate: StoryRate): void {
  const town = townRows(byUnit);
  for (let attempt = 0; attempt < 100; attempt++) {
    const others = rivals(byUnit, rate);
    const d = sum(town, rate.denominator);
    if (d === 0) throw new Error(`sample story: ${STORY_UNIT} has no ${rate.denominator} in ${STORY_YEAR}`);
    const above = rate.rank >= 2 ? others[rate.rank - 2] : undefined;
    const below = others[rate.rank - 1];
    if (rate.rank >= 2 && !above) throw new Error(`sample story: too few units to rank ${rate.id} ${rate.rank}`);
    const nMin = below ? floorDiv(below.n * d, below.d) + 1 : 0;
    const nMax = above ? Math.min(d, ceilDiv(above.n * d, above.d) - 1) : d;
    if (nMin <= nMax) {
      const drawn = sum(town, rate.numerator);
      const target = drawn >= nMin && drawn <= nMax ? drawn : floorDiv(nMin + nMax, 2);
      shiftNumerator(town, rate.numerator, rate.denominator, target - drawn);
      return;
    }
    const belowRows = below ? byUnit.get(below.code) : undefined;
    if (!below || !belowRows) throw new Error(`sample story: no room for ${rate.id} rank ${rate.rank}`);
    const cut = Math.min(below.n, Math.max(1, ceilDiv(below.d, 200)));
    if (cut === 0) throw new Error(`sample story: cannot lower ${below.code} on ${rate.id}`);
    shiftNumerator(belowRows, rate.numerator, rate.denominator, -cut);
  }
  throw new Error(`sample story: could not place ${STORY_UNIT} at rank ${rate.rank} on ${rate.id}`);
}

/** Adjusts the rows in place so that the 2023 story holds. */
export function tellStory(rows: readonly SampleRow[]): void {
  const byUnit = rowsOfYear(rows, STORY_YEAR);
  const town = townRows(byUnit);
  town.forEach((row, i) => {
    const c = row.counts;
    c.dossiers_resolved_on_time = c.dossiers_resolved;
    c.dossiers_overdue = 0;
    if (c.survey_responses === 0) throw new Error(`sample story: ${row.period} has no satisfaction ratings`);
    c.survey_satisfied = c.survey_responses;
    c.contest_entries = CONTEST_BY_QUARTER[i] ?? 0;
    c.initiatives = INITIATIVES_BY_QUARTER[i] ?? 0;
  });
  for (const rate of STORY_RATES) placeAtRank(byUnit, rate);
}

export interface StoryRank {
  id: StoryRate["id"];
  rank: number;
  field: number;
  town: UnitRatio;
  /** Every unit of the field, best first. */
  table: UnitRatio[];
}

export interface StoryFigures {
  ranks: StoryRank[];
  overdue: number;
  satisfied: number;
  responses: number;
  contestEntries: number;
  contestRunnerUp: number;
  initiatives: number;
}

/** Recomputes the story from the rows and throws, naming the statement, if any one fails. */
export function checkStory(rows: readonly SampleRow[]): StoryFigures {
  const byUnit = rowsOfYear(rows, STORY_YEAR);
  const incomplete = [...byUnit].filter(([, list]) => list.length !== 4).map(([code]) => code);
  if (byUnit.size !== STORY_FIELD || incomplete.length > 0) {
    throw new Error(`sample story: ${STORY_FIELD} units must report all of ${STORY_YEAR} (incomplete: ${incomplete})`);
  }
  const town = townRows(byUnit);
  const ranks = STORY_RATES.map((rate): StoryRank => {
    const table: UnitRatio[] = [];
    for (const [code, list] of byUnit) {
      const d = sum(list, rate.denominator);
      if (d > 0) table.push({ code, n: sum(list, rate.numerator), d });
    }
    table.sort((a, b) => compareRatio(b, a) || a.code.localeCompare(b.code));
    const mine = table.find((u) => u.code === STORY_UNIT);
    if (!mine) throw new Error(`sample story: ${STORY_UNIT} has no ${rate.id}`);
    const rank = 1 + table.filter((u) => compareRatio(u, mine) > 0).length;
    const ties = table.filter((u) => u.code !== STORY_UNIT && compareRatio(u, mine) === 0).length;
    if (rank !== rate.rank || table.length !== STORY_FIELD || ties > 0) {
      throw new Error(
        `sample story: ${rate.id} is ${rank}/${table.length} with ${ties} ties, expected ${rate.rank}/${STORY_FIELD}`,
      );
    }
    return { id: rate.id, rank, field: table.length, town: mine, table };
  });
  const figures: StoryFigures = {
    ranks,
    overdue: sum(town, "dossiers_overdue"),
    satisfied: sum(town, "survey_satisfied"),
    responses: sum(town, "survey_responses"),
    contestEntries: sum(town, "contest_entries"),
    contestRunnerUp: Math.max(
      ...[...byUnit].filter(([code]) => code !== STORY_UNIT).map(([, list]) => sum(list, "contest_entries")),
    ),
    initiatives: sum(town, "initiatives"),
  };
  const failures = [
    figures.overdue !== 0 && `overdue is ${figures.overdue}, expected 0`,
    (figures.responses === 0 || figures.satisfied !== figures.responses) &&
      `satisfaction is ${figures.satisfied}/${figures.responses}, expected 100%`,
    figures.contestEntries !== STORY_CONTEST_ENTRIES &&
      `contest entries are ${figures.contestEntries}, expected ${STORY_CONTEST_ENTRIES}`,
    figures.contestRunnerUp >= figures.contestEntries &&
      `contest entries are not strictly first (runner-up ${figures.contestRunnerUp})`,
    figures.initiatives !== STORY_INITIATIVES && `initiatives are ${figures.initiatives}, expected ${STORY_INITIATIVES}`,
  ].filter((f): f is string => typeof f === "string");
  if (failures.length > 0) throw new Error(`sample story: ${failures.join("; ")}`);
  return figures;
}
