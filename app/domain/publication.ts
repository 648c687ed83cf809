/**
 * Publication (shared spec publication.md): the public sees only what staff published, and anyone can see
 * what was published on a date. Pure rules: which figures a reader sees, and what `?as_of=` means.
 */

/**
 * Which figures a query reads: the draft (the current data: staff and admins), or what was published and
 * not withdrawn at an instant (everyone else, and anyone asking `as_of`).
 */
export type DataView = { kind: "draft" } | { kind: "published"; at: Date; /** The date asked for, when `as_of` chose it. */ asOf: string | null };

/** Offices work on Vietnam's clock (UTC+7, no daylight saving): a date ends at 24:00 there. */
const VIETNAM_OFFSET_HOURS = 7;

/** `YYYY-MM-DD` as written, a real calendar date. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 2000 && y <= 2100;
}

/** The last instant of a date in Vietnam: what "as published on 01/12/2026" includes. */
export function endOfDate(isoDate: string): Date {
  if (!isIsoDate(isoDate)) throw new Error(`not a date: ${isoDate}`);
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1, -VIETNAM_OFFSET_HOURS) - 1);
}

/** The view of a reader: staff see the draft unless they ask for a date; everyone else the publications. */
export function dataViewFor(reader: { seesDrafts: boolean }, asOf: string | undefined, now: Date): DataView {
  if (asOf !== undefined) return { kind: "published", at: endOfDate(asOf), asOf };
  return reader.seesDrafts ? { kind: "draft" } : { kind: "published", at: now, asOf: null };
}

/**
 * What publishing a period would freeze, against what its latest standing publication froze: a period is
 * published again only when something changed (so publishing twice at once makes one version).
 */
export function sameFrozenSet(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [code, upload] of a) if (b.get(code) !== upload) return false;
  return true;
}

/** A rank changed by a later version of a publication: "corrected on 01/12/2026; was 4/20". */
export interface Correction {
  /** When the correcting version was published (ISO, UTC). */
  on: string;
  was: { rank: number; ranked: number };
}

/** The key of a unit's row on an indicator in a map of corrections. */
export function correctionKey(code: string, indicator: string): string {
  return `${code}|${indicator}`;
}

/**
 * The ranks a correction changed: rows of the version published before (`before`) against the version
 * standing now (`now`), both of one period. A unit ranked in both whose rank or field differs is corrected;
 * a rank that appeared or vanished is not a correction of a rank.
 */
export function correctionsBetween(
  before: readonly RankRowLike[],
  now: readonly RankRowLike[],
  on: string,
): Map<string, Correction> {
  const was = new Map(before.map((r) => [correctionKey(r.commune_code, r.indicator), r]));
  const corrections = new Map<string, Correction>();
  for (const r of now) {
    const key = correctionKey(r.commune_code, r.indicator);
    const old = was.get(key);
    if (!old || old.rank === null || r.rank === null) continue;
    if (old.rank !== r.rank || old.ranked !== r.ranked) corrections.set(key, { on, was: { rank: old.rank, ranked: old.ranked } });
  }
  return corrections;
}

interface RankRowLike {
  commune_code: string;
  indicator: string;
  rank: number | null;
  ranked: number;
}
