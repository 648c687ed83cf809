/**
 * Units over time (shared spec units-over-time.md): a unit exists from `validFrom` to `validTo` (quarters,
 * null = always / still), a code may be reused by a later unit, so a unit is (code, validFrom); a lineage
 * line says that an old unit's counts went, in part `share`, to a new unit from its first quarter. Pure:
 * the checks a registry must pass before the server or the CLI starts, each failure one sentence naming
 * the line, and the lookups the ingest and the restated basis need.
 */
import { DataFileError } from "./data-file-error";
import { parsePeriodId, previousPeriodId } from "./period";

export type UnitKind = "town" | "ward" | "commune" | "special_zone";

export interface RegistryUnit {
  code: string;
  name: string;
  kind: UnitKind;
  /** The emulation cluster (cụm thi đua) the unit competes in, if the province uses them. */
  cluster: string | null;
  /** First quarter the unit exists ("2025-Q3"); null = since always. */
  validFrom: string | null;
  /** Last quarter it exists; null = still exists. */
  validTo: string | null;
  /** Line of communes.csv, for messages. */
  line: number;
}

export interface LineageLine {
  predecessor: string;
  successor: string;
  /** The successor's first quarter. */
  effective: string;
  /** The part of the predecessor that went to this successor, 0 < share ≤ 1. */
  share: number;
  /** Line of lineage.csv, for messages. */
  line: number;
}

/** A problem with the registry files: a dictionary key and its parameters (file and line among them). */
export class RegistryError extends DataFileError {}

/** Quarter ids compare as strings ("2025-Q2" < "2025-Q3"); the bounds stand in for "always" and "still". */
const ALWAYS = "0000-Q1";
const STILL = "9999-Q4";

export function validIn(unit: Pick<RegistryUnit, "validFrom" | "validTo">, quarter: string): boolean {
  return (unit.validFrom ?? ALWAYS) <= quarter && quarter <= (unit.validTo ?? STILL);
}

/** The quarter before `quarter` ("2025-Q3" → "2025-Q2"). */
export function quarterBefore(quarter: string): string {
  if (parsePeriodId(quarter)?.kind !== "quarter") throw new Error(`not a quarter: ${quarter}`);
  return previousPeriodId(quarter);
}

/** The unit with `code` that exists in `quarter`, if any. */
export function unitAt<U extends Pick<RegistryUnit, "code" | "validFrom" | "validTo">>(units: readonly U[], code: string, quarter: string): U | undefined {
  return units.find((u) => u.code === code && validIn(u, quarter));
}

/**
 * Checks the units of communes.csv against each other: a valid span for every line, and no two units of
 * one code existing in the same quarter. Throws RegistryError naming the later line.
 */
export function checkUnits(units: readonly RegistryUnit[], file: string): void {
  const byCode = new Map<string, RegistryUnit[]>();
  for (const u of units) {
    if (u.validFrom !== null && u.validTo !== null && u.validFrom > u.validTo) {
      throw new RegistryError({ key: "registry.error.noPeriod", params: { file, line: u.line, code: u.code, from: u.validFrom, to: u.validTo } });
    }
    const same = byCode.get(u.code) ?? [];
    for (const other of same) {
      const overlaps = (u.validFrom ?? ALWAYS) <= (other.validTo ?? STILL) && (other.validFrom ?? ALWAYS) <= (u.validTo ?? STILL);
      if (overlaps) throw new RegistryError({ key: "registry.error.overlap", params: { file, line: u.line, code: u.code, otherLine: other.line } });
    }
    same.push(u);
    byCode.set(u.code, same);
  }
  if (units.length === 0) throw new RegistryError({ key: "registry.error.empty", params: { file } });
}

/** Shares of one predecessor must sum to 1; a float sum of decimal shares is allowed this much slack. */
const SHARE_SLACK = 1e-9;

/**
 * Checks lineage.csv against the units: the successor starts at `effective`, the predecessor ends the
 * quarter before (so no chain of lines can come back to a unit: a cycle fails here), no pair is given
 * twice, and the shares of each predecessor sum to 1. Throws RegistryError naming the line.
 */
export function checkLineage(lines: readonly LineageLine[], units: readonly RegistryUnit[], file: string): void {
  const seen = new Set<string>();
  for (const l of lines) {
    const at = { file, line: l.line, predecessor: l.predecessor, successor: l.successor, effective: l.effective };
    const successor = unitAt(units, l.successor, l.effective);
    if (!successor || successor.validFrom !== l.effective) throw new RegistryError({ key: "registry.error.noSuccessor", params: at });
    const before = quarterBefore(l.effective);
    const predecessor = unitAt(units, l.predecessor, before);
    if (!predecessor || predecessor.validTo !== before) throw new RegistryError({ key: "registry.error.noPredecessor", params: { ...at, before } });
    const pair = `${l.predecessor}>${l.successor}@${l.effective}`;
    if (seen.has(pair)) throw new RegistryError({ key: "registry.error.lineageTwice", params: at });
    seen.add(pair);
  }
  // No cycle can pass these checks: every line goes from a unit that ends to one that starts the next
  // quarter, so along any chain of lines the units start later and later, and none comes back to itself.
  const sums = new Map<string, { sum: number; line: number }>();
  for (const l of lines) {
    const key = `${l.predecessor}@${l.effective}`;
    const entry = sums.get(key) ?? { sum: 0, line: l.line };
    sums.set(key, { sum: entry.sum + l.share, line: l.line });
  }
  for (const [key, { sum, line }] of sums) {
    if (Math.abs(sum - 1) > SHARE_SLACK) {
      const [predecessor = "", effective = ""] = key.split("@");
      throw new RegistryError({ key: "registry.error.shares", params: { file, line, predecessor, effective, sum: Math.round(sum * 1e6) / 1e6 } });
    }
  }
}

/** Where a unit went: its successors from its lineage lines, with the shares. */
export function successorsOf(
  lines: readonly Omit<LineageLine, "line">[],
  units: readonly Pick<RegistryUnit, "code" | "name" | "validFrom" | "validTo">[],
  unit: Pick<RegistryUnit, "code" | "validTo">,
): { code: string; name: string; share: number; effective: string }[] {
  if (unit.validTo === null) return [];
  return lines
    .filter((l) => l.predecessor === unit.code && quarterBefore(l.effective) === unit.validTo)
    .map((l) => ({ code: l.successor, name: unitAt(units, l.successor, l.effective)?.name ?? l.successor, share: l.share, effective: l.effective }));
}

/** Where a unit came from: its predecessors from its lineage lines, with the shares. */
export function predecessorsOf(
  lines: readonly Omit<LineageLine, "line">[],
  units: readonly Pick<RegistryUnit, "code" | "name" | "validFrom" | "validTo">[],
  unit: Pick<RegistryUnit, "code" | "validFrom">,
): { code: string; name: string; share: number; validTo: string }[] {
  if (unit.validFrom === null) return [];
  const before = quarterBefore(unit.validFrom);
  return lines
    .filter((l) => l.successor === unit.code && l.effective === unit.validFrom)
    .map((l) => ({ code: l.predecessor, name: unitAt(units, l.predecessor, before)?.name ?? l.predecessor, share: l.share, validTo: before }));
}
