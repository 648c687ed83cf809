/**
 * One login attempt, start to end: the limits, the password check (timing alike for unknown accounts),
 * the record of the attempt, the audit entry, and a new session on success. The time is passed in.
 */
import { recordAudit, recordAuditOncePerBurst, type AuditBurst } from "~/db/audit.server";
import type { Db } from "~/db/instance.server";
import { checkLoginAllowed, recordLoginAttempt } from "~/db/login-attempts.server";
import { LOGIN_LIMITS, type LoginLimits, type LoginScope, type RuleWait } from "~/domain/login-limits";
import { createSession, deleteSession, type NewSession } from "~/db/sessions.server";
import { getCredentials } from "~/db/users.server";
import { createKeyedQueue } from "./keyed-queue";
import { verifyAgainstNothing, verifyPassword } from "./password.server";
import type { SessionUser } from "~/domain/roles";

export type LoginOutcome =
  | { kind: "ok"; user: SessionUser; session: NewSession }
  | { kind: "invalid" }
  /** Refused before the password was checked: try again in `retryAfterSeconds`. */
  | { kind: "blocked"; retryAfterSeconds: number; scope: LoginScope };

export interface LoginInput {
  username: string;
  password: string;
  address: string;
  userAgent: string | null;
}

const loginQueue = createKeyedQueue();

/**
 * Attempts for one account, and from one address, run one at a time (account first, then address: always
 * in that order, so two attempts never wait for each other), each seeing the failures recorded before it.
 * `now` is read when the attempt's turn comes, unless a fixed time is given (tests).
 */
export function attemptLogin(db: Db, input: LoginInput, now?: Date, limits: LoginLimits = LOGIN_LIMITS): Promise<LoginOutcome> {
  return loginQueue(`account:${input.username}`, () =>
    loginQueue(`address:${input.address}`, () => attemptLoginNow(db, input, now ?? new Date(), limits)),
  );
}

async function attemptLoginNow(db: Db, input: LoginInput, now: Date, limits: LoginLimits): Promise<LoginOutcome> {
  const { username, address } = input;
  const gate = await checkLoginAllowed(db, username, address, now, limits);
  if (!gate.allowed) {
    const { scope } = gate.wait;
    const retryAfterSeconds = Math.max(1, Math.ceil(gate.wait.waitMs / 1000));
    const entry = { actor: username, action: "login.blocked" as const, detail: { scope, seconds: retryAfterSeconds }, address };
    await recordAuditOncePerBurst(db, entry, burstOf(gate.wait, username, address), now);
    return { kind: "blocked", retryAfterSeconds, scope };
  }
  const credentials = await getCredentials(db, username);
  let reason: "unknownUser" | "disabled" | "wrongPassword" | null;
  if (!credentials) {
    await verifyAgainstNothing(input.password);
    reason = "unknownUser";
  } else if (!(await verifyPassword(credentials.passwordHash, input.password))) reason = "wrongPassword";
  // A disabled account is told the same as a wrong password: the form does not confirm that it exists.
  else if (credentials.user.disabledAt !== null) reason = "disabled";
  else reason = null;

  await recordLoginAttempt(db, { username, address, success: reason === null }, now, limits);
  if (reason !== null || !credentials) {
    await recordAudit(db, { actor: username, action: "login.failure", detail: { reason: reason ?? "unknownUser" }, address }, now);
    return { kind: "invalid" };
  }
  const session = await createSession(db, { userId: credentials.user.id, address, userAgent: input.userAgent }, now);
  await recordAudit(db, { actor: username, action: "login.success", address }, now);
  const { id, displayName, role, unitCode } = credentials.user;
  return { kind: "ok", user: { id, username, displayName, role, unitCode }, session };
}

/**
 * The refusals that share one audit entry: those of the same rule, for what that rule counts (the pair,
 * the account or the address), since the failure that started the wait.
 */
function burstOf(wait: RuleWait, username: string, address: string): AuditBurst {
  const since = new Date(wait.sinceMs);
  if (wait.scope === "pair") return { since, scope: wait.scope, actor: username, address };
  if (wait.scope === "account") return { since, scope: wait.scope, actor: username };
  return { since, scope: wait.scope, address };
}

export async function logout(db: Db, session: { idHash: string; user: SessionUser }, address: string, now: Date): Promise<void> {
  await deleteSession(db, session.idHash);
  await recordAudit(db, { actor: session.user.username, action: "logout", address }, now);
}
