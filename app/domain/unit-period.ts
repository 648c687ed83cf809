/**
 * Which period a unit or compare page shows: the one asked for, or by default the latest quarter with
 * data; and the periods of the same kind that its trend lines run over.
 */
import { parsePeriodId, type PeriodKind } from "./period";

export interface LoadedPeriodIds {
  /** Oldest first. */
  quarters: readonly string[];
  years: readonly string[];
}

export type PagePeriod =
  | { status: "ok"; period: string; kind: PeriodKind; /** Periods of the same kind with data, oldest first. */ periods: string[] }
  /** Nothing is loaded yet. */
  | { status: "empty" }
  /** A well-formed period without data. */
  | { status: "unknown"; period: string };

export function resolvePagePeriod(loaded: LoadedPeriodIds, requested: string | undefined): PagePeriod {
  if (requested === undefined) {
    const latest = loaded.quarters[loaded.quarters.length - 1];
    if (latest === undefined) return { status: "empty" };
    return { status: "ok", period: latest, kind: "quarter", periods: [...loaded.quarters] };
  }
  const parsed = parsePeriodId(requested);
  if (!parsed) throw new Error(`not a period id: ${requested}`);
  const periods = parsed.kind === "year" ? loaded.years : loaded.quarters;
  if (!periods.includes(requested)) return { status: "unknown", period: requested };
  return { status: "ok", period: requested, kind: parsed.kind, periods: [...periods] };
}
