/**
 * Limits on failed logins, counted in the database so that they hold across restarts: per account (a
 * password guessed from many addresses) and per address (many accounts tried from one place). A blocked
 * attempt is refused without checking the password and is not counted, so the wait it announces is exact.
 */
import { z } from "zod";
import type { Db } from "./instance.server";

export interface LoginLimit {
  /** Failures allowed within the window; the next attempt is refused. */
  max: number;
  windowMs: number;
}

export interface LoginLimits {
  account: LoginLimit;
  /** Higher than the account limit: colleagues in one office may share an address. */
  address: LoginLimit;
}

export const LOGIN_LIMITS: LoginLimits = {
  account: { max: 5, windowMs: 15 * 60 * 1000 },
  address: { max: 20, windowMs: 15 * 60 * 1000 },
};

/** How long attempts are kept: far longer than any window. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export type LoginGate = { allowed: true } | { allowed: false; scope: "account" | "address"; retryAfterMs: number };

const failuresSchema = z.object({ at_ms: z.number() });

/**
 * When the `max`-th most recent failure leaves the window, one more attempt is allowed: that moment minus
 * now is the wait. Fewer failures than `max` in the window: no wait.
 */
export function waitFor(failureTimesDesc: readonly number[], limit: LoginLimit, now: number): number {
  const inWindow = failureTimesDesc.filter((t) => t > now - limit.windowMs);
  if (inWindow.length < limit.max) return 0;
  const pivot = inWindow[limit.max - 1] ?? now;
  return Math.max(0, pivot + limit.windowMs - now);
}

export async function checkLoginAllowed(
  db: Db,
  username: string,
  address: string,
  now: Date,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<LoginGate> {
  const since = (ms: number) => new Date(now.getTime() - ms).toISOString();
  // Per account: the failures since the account's last successful login, within the window.
  const accountFailures = await db.query(
    `SELECT epoch_ms(attempted_at) AS at_ms FROM login_attempts
     WHERE username = $1 AND NOT success AND attempted_at > $2::TIMESTAMPTZ
       AND attempted_at > COALESCE((SELECT max(attempted_at) FROM login_attempts WHERE username = $1 AND success), '-infinity'::TIMESTAMPTZ)
     ORDER BY attempted_at DESC LIMIT $3`,
    [username, since(limits.account.windowMs), limits.account.max],
    failuresSchema,
  );
  const accountWait = waitFor(accountFailures.map((r) => r.at_ms), limits.account, now.getTime());
  if (accountWait > 0) return { allowed: false, scope: "account", retryAfterMs: accountWait };
  const addressFailures = await db.query(
    `SELECT epoch_ms(attempted_at) AS at_ms FROM login_attempts
     WHERE address = $1 AND NOT success AND attempted_at > $2::TIMESTAMPTZ
     ORDER BY attempted_at DESC LIMIT $3`,
    [address, since(limits.address.windowMs), limits.address.max],
    failuresSchema,
  );
  const addressWait = waitFor(addressFailures.map((r) => r.at_ms), limits.address, now.getTime());
  if (addressWait > 0) return { allowed: false, scope: "address", retryAfterMs: addressWait };
  return { allowed: true };
}

export async function recordLoginAttempt(db: Db, attempt: { username: string; address: string; success: boolean }, now: Date): Promise<void> {
  await db.transaction(async (conn) => {
    await conn.run("DELETE FROM login_attempts WHERE attempted_at < $1::TIMESTAMPTZ", [new Date(now.getTime() - KEEP_MS).toISOString()]);
    await conn.run("INSERT INTO login_attempts (attempted_at, username, address, success) VALUES ($1::TIMESTAMPTZ, $2, $3, $4)", [
      now.toISOString(),
      attempt.username,
      attempt.address,
      attempt.success,
    ]);
  });
}
