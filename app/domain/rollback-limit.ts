/**
 * How much of the public dashboard one staff account may take away by rolling uploads back
 * (docs/decisions/004, amendment "Bounded rollbacks"). A district uploads one quarter at a time and
 * corrects it with further files of the same quarter, so undoing a quarter's uploads — even several, one
 * after the other — is ordinary work; undoing several quarters within the hour is not, and needs an
 * administrator. An administrator is not bounded; every rollback, theirs included, is audited.
 */
import type { Role } from "./roles";

/** The window in which a staff account's standing rollbacks are counted. */
export const ROLLBACK_WINDOW_MS = 60 * 60 * 1000;

/**
 * A rollback made by the account inside the window that still stands: an upload it rolled back which has
 * not been restored since. A rollback undone by a restore takes nothing off the dashboard.
 */
export interface StandingRollback {
  uploadId: number;
  periods: readonly string[];
  rolledBackAt: Date;
}

export type RollbackRefusal =
  /** The upload alone holds more than one period. */
  | { kind: "manyPeriods"; periods: string[] }
  /** The account has rolled back another period within the hour; `retryAt` is when that stops counting. */
  | { kind: "otherPeriod"; held: string[]; retryAt: Date };

/**
 * Why this rollback is refused, or null when it may go ahead: a staff account's standing rollbacks of the
 * last hour, together with this one, may touch at most one period.
 */
export function rollbackRefusal(role: Role, periods: readonly string[], standing: readonly StandingRollback[], now: Date): RollbackRefusal | null {
  if (role === "admin") return null;
  const mine = [...new Set(periods)].sort();
  if (mine.length > 1) return { kind: "manyPeriods", periods: mine };
  const since = now.getTime() - ROLLBACK_WINDOW_MS;
  const conflicting = standing.filter((r) => r.rolledBackAt.getTime() > since && r.periods.some((p) => !mine.includes(p)));
  if (conflicting.length === 0) return null;
  const held = [...new Set(conflicting.flatMap((r) => r.periods.filter((p) => !mine.includes(p))))].sort();
  const latest = Math.max(...conflicting.map((r) => r.rolledBackAt.getTime()));
  return { kind: "otherPeriod", held, retryAt: new Date(latest + ROLLBACK_WINDOW_MS) };
}
