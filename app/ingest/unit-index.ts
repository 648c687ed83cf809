/**
 * Lookups the row validator makes once per row, kept to array indexing: unit code → registry slot, and
 * (period, unit) → line of the first row, without building string keys for a million rows.
 */
import { unitCodeNumber } from "./cells";

export interface UnitIndex {
  /** Code value (0–99999) → slot in `codes`/`names`, or -1 when the code is not registered. */
  slotOf: Int32Array;
  /** Registered codes, one string each, shared by all rows. */
  codes: string[];
  /** Registered names, NFC. */
  names: string[];
}

const CODE_SPACE = 100_000;

export function indexUnits(units: ReadonlyMap<string, string>): UnitIndex {
  const slotOf = new Int32Array(CODE_SPACE).fill(-1);
  const codes: string[] = [];
  const names: string[] = [];
  for (const [code, name] of units) {
    const n = unitCodeNumber(code);
    if (n === -1 || slotOf[n] !== -1) continue;
    slotOf[n] = codes.length;
    codes.push(code);
    names.push(name.normalize("NFC"));
  }
  return { slotOf, codes, names };
}

/** The slot of a registered 5-digit code, or -1. */
export function unitSlot(index: UnitIndex, code: string): number {
  const n = unitCodeNumber(code);
  return n === -1 ? -1 : (index.slotOf[n] ?? -1);
}

/** First line of each (period, unit) seen: per period, one array over the registry's slots. */
export interface FirstLines {
  /** Line of the first row for this period and slot, or 0; records `line` when it is the first. */
  firstOrRecord(periodSlot: number, unitSlot: number, line: number): number;
}

export function createFirstLines(unitCount: number): FirstLines {
  const byPeriod: Int32Array[] = [];
  return {
    firstOrRecord(periodSlot, slot, line) {
      let lines = byPeriod[periodSlot];
      if (lines === undefined) {
        lines = new Int32Array(unitCount);
        byPeriod[periodSlot] = lines;
      }
      const first = lines[slot] ?? 0;
      if (first === 0) lines[slot] = line;
      return first;
    },
  };
}
