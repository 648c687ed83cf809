/**
 * Small facts about ranks that the unit and compare pages state in words: how many other units share a
 * rank, how far the composite score is behind the next score up, which units are best in a row.
 */

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

export interface ScoreGap {
  /** Score points between the unit and the next higher score. */
  points: number;
  pass_code: string;
  pass_name: string;
  /** Units holding that next higher score (the one named is the first by code). */
  pass_tied: number;
}

/**
 * The composite has no numerator of its own, so its gap is told in points: the distance to the next higher
 * score among the rows of one period (all units, higher is better). Null for the leader or without a score.
 */
export function scoreGapFor(rows: readonly RankedValue[], code: string): ScoreGap | null {
  const own = rows.find((r) => r.commune_code === code);
  if (!own || own.value === null) return null;
  const ownValue = own.value;
  let next: number | null = null;
  for (const r of rows) {
    if (r.value !== null && r.value > ownValue && (next === null || r.value < next)) next = r.value;
  }
  if (next === null) return null;
  const nextValue = next;
  const above = rows.filter((r) => r.value === nextValue).sort((a, b) => a.commune_code.localeCompare(b.commune_code));
  const first = above[0];
  if (!first) return null;
  return { points: nextValue - ownValue, pass_code: first.commune_code, pass_name: first.commune_name, pass_tied: above.length };
}

/** The codes with the best (smallest) rank among the given ones; several when they tie, none without ranks. */
export function bestCodes(cells: readonly { code: string; rank: number | null }[]): string[] {
  const ranks = cells.map((c) => c.rank).filter((r): r is number => r !== null);
  if (ranks.length === 0) return [];
  const best = Math.min(...ranks);
  return cells.filter((c) => c.rank === best).map((c) => c.code);
}
