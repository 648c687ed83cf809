/**
 * Rules about ranks that every page states the same way: movement since the previous period, ties, the
 * best among a few, the order of a ranks table, and the biggest movers. Pure.
 */

/** Places gained (positive) or lost (negative) since the previous period; null without both ranks. */
export function rankMovement(rank: number | null, previousRank: number | null | undefined): number | null {
  if (rank === null || previousRank === null || previousRank === undefined) return null;
  return previousRank - rank;
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
  previousRank: number;
  /** Places gained (positive) or lost (negative). */
  movement: number;
}

/**
 * The units that gained and lost the most places since the previous period. Units without a rank in either
 * period do not count; units that did not move are neither. Equal movements go by unit code, so the list
 * never depends on the order the rows arrived in.
 */
export function pickMovers(
  rows: readonly (NamedUnit & { rank: number | null; previousRank: number | null })[],
  count = 3,
): { risers: Mover[]; fallers: Mover[] } {
  const moved: Mover[] = [];
  for (const r of rows) {
    const movement = rankMovement(r.rank, r.previousRank);
    if (movement === null || movement === 0 || r.rank === null || r.previousRank === null) continue;
    moved.push({ code: r.code, name: r.name, rank: r.rank, previousRank: r.previousRank, movement });
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
