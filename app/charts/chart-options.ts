/**
 * Option handling shared by the charts: merge with a chart's `defaults`, reject what is wrong with a short
 * message that names the value, and small numeric/text helpers the layouts share. Pure, no d3.
 */

/** How the caller wants numbers shown; charts carry no locale of their own. */
export interface ChartFormat {
  /** Values in marks, titles and tables, e.g. Vietnamese "95,5 %". */
  value: (n: number) => string;
  /** Axis ticks; defaults to `value`. Rates often want fewer decimals on an axis ("90 %"). */
  tick?: (n: number) => string;
}

export const plainFormat: ChartFormat = { value: (n) => String(n) };

/** Size of the SVG's user space (its viewBox); the rendered SVG scales to 100 % of its container. */
export interface ChartSize {
  width: number;
  height?: number;
}

/**
 * Merges `options` over `defaults`. Unknown keys and values of another type than the default's throw;
 * a default of `null` accepts any value (the chart checks it).
 */
export function resolveOptions<T extends object>(defaults: T, options: Partial<T> | undefined): T {
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  const base = defaults as Record<string, unknown>;
  for (const [key, value] of Object.entries(options ?? {})) {
    if (!(key in base)) throw new Error(`unknown option: ${key}`);
    if (value === undefined) continue;
    const def = base[key];
    if (def !== null && value !== null && typeof def !== typeof value) {
      throw new Error(`bad ${key}: ${String(value)}`);
    }
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`bad ${key}: ${value}`);
    out[key] = value;
  }
  return out as T;
}

export function checkPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`bad ${name}: ${value}`);
}

export function checkNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new Error(`bad ${name}: ${value}`);
}

export function checkOneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`unknown ${name}: ${value}`);
  return found;
}

/** A `[min, max]` pair of finite numbers with min < max, or null. */
export function checkDomain(name: string, value: unknown): [number, number] | null {
  if (value === null) return null;
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== "number" ||
    typeof value[1] !== "number" ||
    !Number.isFinite(value[0]) ||
    !Number.isFinite(value[1]) ||
    value[0] >= value[1]
  ) {
    throw new Error(`bad ${name}: ${String(value)}`);
  }
  return [value[0], value[1]];
}

export function checkSize(size: ChartSize, needsHeight: boolean): { width: number; height: number } {
  checkPositive("width", size.width);
  if (size.height !== undefined || needsHeight) checkPositive("height", size.height ?? NaN);
  return { width: size.width, height: size.height ?? 0 };
}

/** Ids end up in CSS selectors and url(#…) references, so they are kept to a safe alphabet. */
export function checkId(id: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) throw new Error(`bad id: ${id}`);
  return id;
}

/** Keys must be unique: they become React keys and table rows. */
export function checkUnique(name: string, keys: readonly string[]): void {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) throw new Error(`duplicate ${name}: ${k}`);
    seen.add(k);
  }
}

export function checkRank(name: string, rank: number | null): void {
  if (rank !== null && (!Number.isInteger(rank) || rank < 1)) throw new Error(`bad rank for ${name}: ${rank}`);
}

/** Coordinates are rounded to 2 decimals: smaller markup, stable snapshots, no visible difference. */
export function r2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Server rendering cannot measure text, so widths are estimated from the character count. The factor
 * suits proportional sans-serif fonts with Vietnamese diacritics (which add height, not width).
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.55;
}

/** Shortens to fit `maxWidth` with an ellipsis; the full text stays available in the mark's <title>. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const chars = Math.max(1, Math.floor(maxWidth / (fontSize * 0.55)) - 1);
  return `${text.slice(0, chars).trimEnd()}…`;
}

/** The one "no value" mark and rank movement, re-exported for the charts (they live in i18n and domain). */
export { NO_VALUE } from "~/i18n/format";
export { rankChange, type PreviousStanding } from "~/domain/ranks";
