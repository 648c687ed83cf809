/**
 * How long a login attempt must wait (docs/decisions/004, "Login limits"). Guesses are slowed down, never
 * turned into a lock: the owner of an account, at an address they have logged in from before, is only ever
 * slowed by their own mistakes there. app/db/login-attempts.server.ts counts; these rules turn counts into
 * waits. Times are milliseconds since the epoch.
 */

/** A few free failures, then a wait after each checked failure that doubles, up to a ceiling. */
export interface Backoff {
  free: number;
  firstWaitMs: number;
  maxWaitMs: number;
}

/** At most `max` failures within a sliding window. */
export interface SlidingLimit {
  max: number;
  windowMs: number;
}

export interface LoginLimits {
  /** Per account and address: the owner's own typos, and one guesser at one account. */
  pair: Backoff;
  /**
   * Per account, for addresses that never logged in to it: many guessers at one account (rotating
   * addresses). The owner at a familiar address is not subject to it.
   */
  account: Backoff;
  /** Per address, for accounts that never logged in from it: one address trying many accounts. */
  address: SlidingLimit;
  /** An address is familiar to an account for this long after a successful login from it. */
  familiarMs: number;
  /** Failures older than this no longer count (and are deleted). */
  failureMemoryMs: number;
}

const MINUTE = 60_000;

export const LOGIN_LIMITS: LoginLimits = {
  pair: { free: 5, firstWaitMs: 1000, maxWaitMs: 15 * MINUTE },
  account: { free: 10, firstWaitMs: 1000, maxWaitMs: 15 * MINUTE },
  // 20, not 5: colleagues in one office often share one address behind the office router.
  address: { max: 20, windowMs: 15 * MINUTE },
  familiarMs: 90 * 24 * 60 * MINUTE,
  failureMemoryMs: 24 * 60 * MINUTE,
};

export type LoginScope = "pair" | "account" | "address";

/** What a rule says about one attempt: how long it must still wait, and since when that wait runs. */
export interface RuleWait {
  scope: LoginScope;
  waitMs: number;
  /** The failure that started this wait: refusals after it belong to one burst (one audit entry). */
  sinceMs: number;
}

/** The wait after `failures` failures, the last at `lastFailureMs`. */
export function backoffWait(failures: number, lastFailureMs: number | null, rule: Backoff, now: number): number {
  if (failures < rule.free || lastFailureMs === null) return 0;
  const wait = Math.min(rule.maxWaitMs, rule.firstWaitMs * 2 ** (failures - rule.free));
  return Math.max(0, lastFailureMs + wait - now);
}

/**
 * When the `max`-th most recent failure leaves the window, one more attempt is allowed: that moment minus
 * now is the wait. Fewer failures than `max` in the window: no wait.
 */
export function slidingWait(failureTimesDesc: readonly number[], limit: SlidingLimit, now: number): number {
  const inWindow = failureTimesDesc.filter((t) => t > now - limit.windowMs);
  if (inWindow.length < limit.max) return 0;
  const pivot = inWindow[limit.max - 1] ?? now;
  return Math.max(0, pivot + limit.windowMs - now);
}

/** The longest of the waits that apply, or null when the attempt may go ahead. */
export function longestWait(waits: readonly RuleWait[]): RuleWait | null {
  let longest: RuleWait | null = null;
  for (const w of waits) if (w.waitMs > 0 && (longest === null || w.waitMs > longest.waitMs)) longest = w;
  return longest;
}
