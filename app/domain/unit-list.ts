/**
 * Which units of a long ranking a page shows (docs/decisions/012-pages-at-scale.md): every unit when there
 * are few (a district of 20 looks as it always did), else the top and the bottom of the ranking; a search by
 * name or code, or a page number, shows one page of the ranking instead. Pure: the pages pass the units in
 * ranking order and draw what comes back; the state lives in the URL (`q`, `page`).
 */

export interface UnitListOptions {
  /** Up to this many units, every one is shown. */
  showAllUpTo: number;
  /** Above that, this many from the top and as many from the bottom. */
  ends: number;
  /** Units per page of a search or of the paged ranking. */
  pageSize: number;
}

export const unitListDefaults: UnitListOptions = { showAllUpTo: 30, ends: 10, pageSize: 50 };

export interface UnitListRequest {
  /** Text to find in a unit's name or code; absent = no search. */
  q?: string;
  /** 1-based page of the ranking (or of the search's matches); absent = the top and bottom view. */
  page?: number;
}

export type UnitListMode = "all" | "ends" | "page";

export interface UnitList<T> {
  mode: UnitListMode;
  /** The units shown, in ranking order. */
  items: T[];
  /** "ends": the index of the last unit of the top part (the hidden middle follows it); else null. */
  breakAfter: number | null;
  /** Units in the whole ranking. */
  total: number;
  /** The search, as typed (trimmed), or null. */
  query: string | null;
  /** Units matching the search (the whole ranking without one). */
  matches: number;
  /** "page": the page shown (may lie past the last page: then `items` is empty) and how many there are. */
  page: number;
  pages: number;
  /** Position in the ranking (0-based) of the first unit shown, for "showing 51–100 of 3,321". */
  first: number;
}

/**
 * Folds case, Vietnamese diacritics and đ, so that "ung hoe" finds "Xã Ứng Hoè" and "UNG HOÈ" as well;
 * NFC and NFD spellings of the same name compare equal.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** A unit matches when its code starts with the query's digits or its folded name contains the folded query. */
export function matchesUnit(unit: { code: string; name: string }, query: string): boolean {
  const q = foldForSearch(query);
  if (q === "") return true;
  if (/^\d+$/.test(q)) return unit.code.startsWith(q);
  return foldForSearch(unit.name).includes(q);
}

export function unitList<T extends { code: string; name: string }>(
  ordered: readonly T[],
  request: UnitListRequest,
  options: UnitListOptions = unitListDefaults,
): UnitList<T> {
  const total = ordered.length;
  const query = request.q === undefined || request.q.trim() === "" ? null : request.q.trim();
  const base = { total, query, breakAfter: null, first: 0 };
  if (query === null && request.page === undefined) {
    if (total <= options.showAllUpTo) return { ...base, mode: "all", items: [...ordered], matches: total, page: 1, pages: 1 };
    const top = ordered.slice(0, options.ends);
    const bottom = ordered.slice(total - options.ends);
    return { ...base, mode: "ends", items: [...top, ...bottom], breakAfter: top.length - 1, matches: total, page: 1, pages: 1 };
  }
  const found = query === null ? [...ordered] : ordered.filter((u) => matchesUnit(u, query));
  const pages = Math.max(1, Math.ceil(found.length / options.pageSize));
  const page = request.page ?? 1;
  const start = (page - 1) * options.pageSize;
  const items = found.slice(start, start + options.pageSize);
  return { ...base, mode: "page", items, matches: found.length, page, pages, first: items.length > 0 ? start : 0 };
}

/** Which part of a ranking a page shows, without the units themselves (what the page data carries). */
export interface ShownList {
  mode: UnitListMode;
  total: number;
  query: string | null;
  matches: number;
  page: number;
  pages: number;
  first: number;
  /** Index of the last unit of the top part when the middle is left out. */
  breakAfter: number | null;
}

export function shownList<T>(list: UnitList<T>): ShownList {
  const { mode, total, query, matches, page, pages, first, breakAfter } = list;
  return { mode, total, query, matches, page, pages, first, breakAfter };
}
