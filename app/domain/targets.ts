/**
 * Targets per year and indicator (shared spec targets-and-actions.md, "Targets"): what the province's (or
 * before 2025 the district's) plan assigns, read from the optional `DATA_DIR/targets.json`, with the source
 * it came from. A quarter uses its year's targets. Whether a value meets its target is decided on the
 * counts, exactly: a rate target is read as the decimal it was written as (0.9 is 9/10), never compared as
 * a rounded float.
 */
import { changeToReach } from "./composite-change";
import { DataFileError } from "./data-file-error";
import { compare, div, exact } from "./exact";
import { INDICATORS, type Indicator } from "./indicators";

export interface YearTargets {
  year: number;
  /** Where the targets come from ("Kế hoạch CCHC năm 2025"). */
  source: string;
  /** By indicator id: a rate (0–1) or a count (a whole number ≥ 0). */
  targets: ReadonlyMap<string, number>;
}

/** Every year's targets, by year. Empty when there is no targets.json. */
export type Targets = ReadonlyMap<number, YearTargets>;

export const NO_TARGETS: Targets = new Map();

/** Why targets.json was refused: a dictionary key and its parameters (the file and the key among them). */
export class TargetsError extends DataFileError {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The targets of `raw` (targets.json parsed), or a TargetsError naming the first key that is wrong. */
export function parseTargets(raw: unknown, file: string): Targets {
  const refuse = (key: string, params: Record<string, string | number> = {}): never => {
    throw new TargetsError({ key: `targets.error.${key}`, params: { file, ...params } });
  };
  if (!isObject(raw)) return refuse("shape");
  const byId = new Map<string, Indicator>(INDICATORS.map((i) => [i.id, i]));
  const years = new Map<number, YearTargets>();
  for (const [yearKey, entry] of Object.entries(raw)) {
    if (!/^\d{4}$/.test(yearKey) || Number(yearKey) < 2000 || Number(yearKey) > 2100) refuse("year", { key: yearKey });
    if (!isObject(entry)) return refuse("entry", { key: yearKey });
    const source = entry.source;
    if (typeof source !== "string" || source.trim() === "") refuse("source", { key: `${yearKey}.source` });
    if (!isObject(entry.targets)) return refuse("targets", { key: `${yearKey}.targets` });
    const targets = new Map<string, number>();
    for (const [id, value] of Object.entries(entry.targets)) {
      const key = `${yearKey}.targets.${id}`;
      const indicator = byId.get(id);
      if (!indicator) return refuse("indicator", { key, indicator: id, list: INDICATORS.map((i) => i.id).join(", ") });
      const shown = typeof value === "number" ? String(value) : JSON.stringify(value) ?? String(value);
      if (indicator.unit === "rate" && !(typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1)) refuse("rate", { key, value: shown });
      if (indicator.unit === "count" && !(typeof value === "number" && Number.isSafeInteger(value) && value >= 0)) refuse("count", { key, value: shown });
      targets.set(id, value as number);
    }
    years.set(Number(yearKey), { year: Number(yearKey), source: (source as string).trim(), targets });
  }
  return years;
}

/** The target of `indicator` for a period id (a quarter uses its year's), or null where none was set. */
export function targetFor(targets: Targets, period: string, indicator: string): number | null {
  const year = Number(period.slice(0, 4));
  return targets.get(year)?.targets.get(indicator) ?? null;
}

/**
 * Whether a value meets its target in the indicator's direction ("at or beyond it"): a rate from its
 * counts, exactly (restated counts may be fractions); null when there is no value (an empty denominator)
 * or no target.
 */
export function meetsTarget(
  indicator: Pick<Indicator, "unit" | "direction">,
  counts: { numerator: number | null; denominator: number | null },
  target: number | null,
): boolean | null {
  if (target === null || counts.numerator === null) return null;
  let value = exact(counts.numerator);
  if (indicator.unit === "rate") {
    if (counts.denominator === null || counts.denominator === 0) return null;
    value = div(value, exact(counts.denominator));
  }
  const side = compare(value, exact(target));
  return indicator.direction === "higher" ? side >= 0 : side <= 0;
}

/**
 * How much the numerator must change to meet the target with this period's denominator: more for an
 * indicator where higher is better ("cần thêm 120 hồ sơ số hóa để đạt 90 %"), fewer where lower is ("cần
 * giảm 2 hồ sơ quá hạn"); 0 when met; null when it cannot be computed (no denominator, no target).
 */
export function countToTarget(
  indicator: Pick<Indicator, "unit" | "direction">,
  counts: { numerator: number | null; denominator: number | null },
  target: number | null,
): number | null {
  if (target === null || counts.numerator === null) return null;
  return changeToReach(indicator, { numerator: counts.numerator, denominator: counts.denominator }, exact(target), false);
}

/** Rows with their target and whether it is met (spec: null where there is no target or no value). */
export function withTargets<R extends { period: string; indicator: string; numerator: number | null; denominator: number | null }>(
  rows: readonly R[],
  targets: Targets,
): (R & { target: number | null; target_met: boolean | null })[] {
  const byId = new Map<string, Indicator>(INDICATORS.map((i) => [i.id, i]));
  return rows.map((row) => {
    const indicator = byId.get(row.indicator);
    const target = indicator ? targetFor(targets, row.period, row.indicator) : null;
    return { ...row, target, target_met: indicator ? meetsTarget(indicator, row, target) : null };
  });
}
