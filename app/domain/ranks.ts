/**
 * Rules about ranks that every page states the same way: movement since the previous period, ties, the
 * best among a few, the order of a ranks table, and the biggest movers. Pure.
 */

/** Places gained (positive) or lost (negative) since the previous period; null without both ranks. */
export function rankMovement(rank: number | null, previousRank: number | null | undefined): number | null {
  if (rank === null || previousRank === null || previousRank === undefined) return null;
  return previousRank - rank;
}

/** Where a unit stood on an indicator in the previous period of the same kind. */
export interface PreviousStanding {
  rank: number;
  /** Units ranked then: the "20" of "17/20". */
  ranked: number;
  /**
   * Places gained (positive) or lost since then; null when the two periods ranked different sets of units
   * (a merger, a unit that did not report or had nothing to count): then the ranks are not comparable and
   * are stated side by side, "17/20 → 5/6", never as an arrow.
   */
  movement: number | null;
}

/** The previous standing of a ranking row (app/domain/ranking.ts), or null when the unit had no rank then. */
export function previousStanding(row: {
  previous_rank: number | null;
  previous_ranked: number | null;
  movement: number | null;
}): PreviousStanding | null {
  if (row.previous_rank === null || row.previous_ranked === null) return null;
  return { rank: row.previous_rank, ranked: row.previous_ranked, movement: row.movement };
}

/**
 * How a rank is said against the previous period: an arrow of places when both periods ranked the same
 * units, both ranks with their fields when they did not, nothing without both ranks.
 */
export type RankChange =
  | { kind: "moved"; places: number }
  | { kind: "fields"; from: { rank: number; ranked: number } }
  | null;

export function rankChange(rank: number | null, previous: PreviousStanding | null | undefined): RankChange {
  if (rank === null || !previous) return null;
  if (previous.movement === null) return { kind: "fields", from: { rank: previous.rank, ranked: previous.ranked } };
  return { kind: "moved", places: previous.movement };
}

/** The part of a ranking row these helpers read. */
export interface RankedValue {
  commune_code: string;
  commune_name: string;
  rank: number | null;
  value: number | null;
}

/** How many other units hold the same rank (0 when the rank is its own, or there is none). */
export function countTiedWith(rows: readonly RankedValue[], code: string): number {
  const own = rows.find((r) => r.commune_code === code);
  if (!own || own.rank === null) return 0;
  return rows.filter((r) => r.commune_code !== code && r.rank === own.rank).length;
}

/** A rank held by several units at once: "18 units share 3/20 with 0 initiatives". */
export interface SharedRank {
  indicator: string;
  rank: number;
  ranked: number;
  value: number | null;
  units: number;
}

/**
 * The ranks shared by a crowd: at least a quarter of the ranked units (and at least three), per indicator
 * in the order first met, best rank first. A crowd on one rank is said in words, since "3/20" alone reads
 * as third place when 18 units hold it.
 */
export function sharedRanks(rows: readonly { indicator: string; rank: number | null; ranked: number; value: number | null }[]): SharedRank[] {
  const groups = new Map<string, SharedRank>();
  for (const r of rows) {
    if (r.rank === null) continue;
    const key = `${r.indicator}|${r.rank}`;
    const group = groups.get(key);
    if (group) group.units += 1;
    else groups.set(key, { indicator: r.indicator, rank: r.rank, ranked: r.ranked, value: r.value, units: 1 });
  }
  const order = [...new Set(rows.map((r) => r.indicator))];
  return [...groups.values()]
    .filter((g) => g.units >= Math.max(3, Math.ceil(g.ranked / 4)))
    .sort((a, b) => order.indexOf(a.indicator) - order.indexOf(b.indicator) || a.rank - b.rank);
}

/** The codes with the best (smallest) rank among the given ones; several when they tie, none without ranks. */
export function bestCodes(cells: readonly { code: string; rank: number | null }[]): string[] {
  const ranks = cells.map((c) => c.rank).filter((r): r is number => r !== null);
  if (ranks.length === 0) return [];
  const best = Math.min(...ranks);
  return cells.filter((c) => c.rank === best).map((c) => c.code);
}

/** Orders ranked items best first, unranked last, then by code: the order of every ranks table. */
export function byRankThenCode(a: { rank: number | null; code: string }, b: { rank: number | null; code: string }): number {
  if (a.rank !== b.rank) {
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    return a.rank - b.rank;
  }
  return a.code.localeCompare(b.code);
}

export interface NamedUnit {
  code: string;
  name: string;
}

export interface Mover extends NamedUnit {
  rank: number;
  previous: PreviousStanding;
  /** Places gained (positive) or lost (negative). */
  movement: number;
}

/**
 * The units that gained and lost the most places since the previous period. Units without a rank in either
 * period, or whose periods ranked different sets of units, do not count; units that did not move are
 * neither. Equal movements go by unit code, so the list never depends on the order the rows arrived in.
 */
export function pickMovers(
  rows: readonly (NamedUnit & { rank: number | null; previous: PreviousStanding | null })[],
  count = 3,
): { risers: Mover[]; fallers: Mover[] } {
  const moved: Mover[] = [];
  for (const r of rows) {
    const change = rankChange(r.rank, r.previous);
    if (change?.kind !== "moved" || change.places === 0 || r.rank === null || !r.previous) continue;
    moved.push({ code: r.code, name: r.name, rank: r.rank, previous: r.previous, movement: change.places });
  }
  const byCode = (a: Mover, b: Mover) => a.code.localeCompare(b.code);
  const risers = moved.filter((m) => m.movement > 0).sort((a, b) => b.movement - a.movement || byCode(a, b));
  const fallers = moved.filter((m) => m.movement < 0).sort((a, b) => a.movement - b.movement || byCode(a, b));
  return { risers: risers.slice(0, count), fallers: fallers.slice(0, count) };
}

/** Registry units with no data in the period, in registry (code) order. */
export function missingUnits(registry: readonly NamedUnit[], reportedCodes: Iterable<string>): NamedUnit[] {
  const reported = new Set(reportedCodes);
  return registry.filter((u) => !reported.has(u.code)).sort((a, b) => a.code.localeCompare(b.code));
}
