/**
 * The counts behind the login limits (app/domain/login-limits.ts), kept in the database so that they hold
 * across restarts. A refused attempt is not checked and not counted, so the wait it announces is exact.
 * Failures are kept for a day; successes for as long as they make an address familiar to an account.
 */
import { z } from "zod";
import { LOGIN_LIMITS, backoffWait, longestWait, slidingWait, type LoginLimits, type RuleWait } from "~/domain/login-limits";
import type { Db } from "./instance.server";

export type LoginGate = { allowed: true } | { allowed: false; wait: RuleWait };

const iso = (ms: number) => new Date(ms).toISOString();

const familiarSchema = z.object({ familiar: z.boolean() });
const failuresSchema = z.object({ n: z.number().int(), last_ms: z.number().nullable() });
const timesSchema = z.object({ at_ms: z.number() });

// Four small queries rather than one: DuckDB plans a query with several CTEs in about 20 ms, these four
// run in about 6 ms together, and a refused attempt must stay cheap, since a guesser sends many.

/** Whether the account has logged in successfully from this address lately. */
async function isFamiliar(db: Db, username: string, address: string, now: number, limits: LoginLimits): Promise<boolean> {
  const [row] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM login_attempts
       WHERE username = $1 AND address = $2 AND success AND attempted_at > $3::TIMESTAMPTZ) AS familiar`,
    [username, address, iso(now - limits.familiarMs)],
    familiarSchema,
  );
  return row?.familiar ?? false;
}

/** This account's failures from this address since its last success from there. */
async function pairWait(db: Db, username: string, address: string, now: number, limits: LoginLimits): Promise<RuleWait> {
  const [row] = await db.query(
    `SELECT count(*) AS n, max(epoch_ms(attempted_at)) AS last_ms FROM login_attempts
     WHERE username = $1 AND address = $2 AND NOT success AND attempted_at > $3::TIMESTAMPTZ
       AND attempted_at > COALESCE(
         (SELECT max(attempted_at) FROM login_attempts WHERE username = $1 AND address = $2 AND success), '-infinity'::TIMESTAMPTZ)`,
    [username, address, iso(now - limits.failureMemoryMs)],
    failuresSchema,
  );
  const last = row?.last_ms ?? null;
  return { scope: "pair", waitMs: backoffWait(row?.n ?? 0, last, limits.pair, now), sinceMs: last ?? now };
}

/**
 * This account's failures from addresses it never logged in from: guesses from everywhere but the places
 * its owner uses. A failure from an address that later logged in counts no more (it was the owner's typo).
 */
async function accountWait(db: Db, username: string, now: number, limits: LoginLimits): Promise<RuleWait> {
  const [row] = await db.query(
    `SELECT count(*) AS n, max(epoch_ms(f.attempted_at)) AS last_ms FROM login_attempts f
     WHERE f.username = $1 AND NOT f.success AND f.attempted_at > $2::TIMESTAMPTZ
       AND NOT EXISTS (SELECT 1 FROM login_attempts s
         WHERE s.username = f.username AND s.address = f.address AND s.success AND s.attempted_at > $3::TIMESTAMPTZ)`,
    [username, iso(now - limits.failureMemoryMs), iso(now - limits.familiarMs)],
    failuresSchema,
  );
  const last = row?.last_ms ?? null;
  return { scope: "account", waitMs: backoffWait(row?.n ?? 0, last, limits.account, now), sinceMs: last ?? now };
}

/** This address's latest failures, whatever accounts they tried, within the sliding window. */
async function addressWait(db: Db, address: string, now: number, limits: LoginLimits): Promise<RuleWait> {
  const rows = await db.query(
    `SELECT epoch_ms(attempted_at) AS at_ms FROM login_attempts
     WHERE address = $1 AND NOT success AND attempted_at > $2::TIMESTAMPTZ
     ORDER BY attempted_at DESC LIMIT $3`,
    [address, iso(now - limits.address.windowMs), limits.address.max],
    timesSchema,
  );
  const times = rows.map((r) => r.at_ms);
  return { scope: "address", waitMs: slidingWait(times, limits.address, now), sinceMs: times[0] ?? now };
}

/**
 * Whether an attempt may have its password checked now. At an address the account has logged in from
 * before, only that pair's own failures count; elsewhere the account's and the address's failures too.
 */
export async function checkLoginAllowed(db: Db, username: string, address: string, now: Date, limits: LoginLimits = LOGIN_LIMITS): Promise<LoginGate> {
  const t = now.getTime();
  const waits = [await pairWait(db, username, address, t, limits)];
  if (!(await isFamiliar(db, username, address, t, limits))) {
    waits.push(await accountWait(db, username, t, limits), await addressWait(db, address, t, limits));
  }
  const wait = longestWait(waits);
  return wait === null ? { allowed: true } : { allowed: false, wait };
}

export async function recordLoginAttempt(
  db: Db,
  attempt: { username: string; address: string; success: boolean },
  now: Date,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<void> {
  const t = now.getTime();
  await db.transaction(async (conn) => {
    await conn.run("DELETE FROM login_attempts WHERE attempted_at < $1::TIMESTAMPTZ AND (NOT success OR attempted_at < $2::TIMESTAMPTZ)", [
      iso(t - limits.failureMemoryMs),
      iso(t - limits.familiarMs),
    ]);
    await conn.run("INSERT INTO login_attempts (attempted_at, username, address, success) VALUES ($1::TIMESTAMPTZ, $2, $3, $4)", [
      now.toISOString(),
      attempt.username,
      attempt.address,
      attempt.success,
    ]);
  });
}
