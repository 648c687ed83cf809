/**
 * Readers for single cells, written as plain loops because they run once per cell of a file that may have a
 * million rows: a count is read without allocating (no regex, no zod, no intermediate string). The values
 * they accept are exactly those of `countSchema` / `communeCodeSchema` in types.ts, which the tests check.
 */
import { MAX_COUNT } from "./types";

/** Failure codes of parseCount; every success is ≥ 0. */
export const COUNT_EMPTY = -1;
export const COUNT_NOT_WHOLE = -2;
export const COUNT_NEGATIVE = -3;
export const COUNT_TOO_BIG = -4;

const SEP_NONE = 0;
const SEP_DOT = 1;
const SEP_COMMA = 2;
const SEP_SPACE = 3;

function separatorKind(c: number): number {
  if (c === 46) return SEP_DOT;
  if (c === 44) return SEP_COMMA;
  // Space, no-break space and narrow no-break space (French/Vietnamese number formats in Excel and Word).
  if (c === 32 || c === 0xa0 || c === 0x202f) return SEP_SPACE;
  return SEP_NONE;
}

/**
 * Digits with optional thousands separators: one kind of separator throughout, the first group of 1–3 digits
 * not starting with 0, every further group of exactly 3 digits. `1.234`, `1,234`, `1 234` → 1234;
 * `12,5`, `1.5`, `1,23`, `0.123`, `1.234,5` → not a whole number.
 */
function parseGroupedDigits(s: string, start: number): number {
  let value = 0;
  let sep = SEP_NONE;
  let group = 0;
  let firstGroup = true;
  let leadingZero = false;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      if (firstGroup && group === 0) leadingZero = d === 0;
      value = value * 10 + d;
      group += 1;
      continue;
    }
    const kind = separatorKind(c);
    if (kind === SEP_NONE) return COUNT_NOT_WHOLE;
    if (firstGroup) {
      if (group < 1 || group > 3 || leadingZero) return COUNT_NOT_WHOLE;
      sep = kind;
      firstGroup = false;
    } else if (kind !== sep || group !== 3) {
      return COUNT_NOT_WHOLE;
    }
    group = 0;
  }
  if (group === 0 || (!firstGroup && group !== 3)) return COUNT_NOT_WHOLE;
  return value > MAX_COUNT ? COUNT_TOO_BIG : value;
}

/** A count cell → its value (≥ 0) or one of the COUNT_* failure codes. */
export function parseCount(cell: string): number {
  // Fast path: plain digits, as most files have them.
  const n = cell.length;
  if (n > 0 && n <= 9) {
    let value = 0;
    let i = 0;
    for (; i < n; i++) {
      const d = cell.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (i === n) return value;
  }
  const s = cell.trim();
  if (s === "") return COUNT_EMPTY;
  const first = s.charCodeAt(0);
  if (first === 45 || first === 0x2212) {
    // "-5" or "−5": a negative number is its own error; "-abc" is simply not a number.
    const rest = parseGroupedDigits(s.slice(1).trimStart(), 0);
    if (rest === 0) return 0;
    return rest > 0 || rest === COUNT_TOO_BIG ? COUNT_NEGATIVE : COUNT_NOT_WHOLE;
  }
  return parseGroupedDigits(s, 0);
}

/** True for exactly five ASCII digits. */
export function isUnitCode(s: string): boolean {
  if (s.length !== 5) return false;
  for (let i = 0; i < 5; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/** True for exactly four ASCII digits: a code whose leading zero Excel dropped. */
export function isFourDigits(s: string): boolean {
  return s.length === 4 && isUnitCode(`0${s}`);
}

/** Five ASCII digits → their value (0–99999); anything else → -1. */
export function unitCodeNumber(s: string): number {
  if (s.length !== 5) return -1;
  let n = 0;
  for (let i = 0; i < 5; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
