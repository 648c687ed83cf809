/**
 * The login limits on a real database with a fixed clock (docs/decisions/004, "Login limits"): guesses
 * are slowed down, never turned into a lock that keeps the account's owner out.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAccount } from "~/auth/accounts.server";
import { attemptLogin } from "~/auth/login.server";
import { getAuditLog } from "~/db/audit.server";
import { createTestDb, type TestDb } from "../../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await createAccount(t.db, owner, { name: "cli:test", address: null }, T0);
});
afterEach(async () => {
  await t.close();
});

const T0 = new Date("2024-03-01T08:00:00Z");
const atSeconds = (s: number) => new Date(T0.getTime() + s * 1000);
const owner = { username: "an", displayName: "Nguyễn Văn An", role: "admin" as const, unitCode: null, password: "correct-horse-1" };
/** Where the owner has logged in before: the office. */
const OFFICE = "10.0.0.1";
const ATTACKER = "203.0.113.9";

function tryLogin(password: string, now: Date, address: string, username = owner.username) {
  return attemptLogin(t.db, { username, password, address, userAgent: "test" }, now);
}

async function blockedRows() {
  return (await getAuditLog(t.db, { limit: 10_000, action: "login.blocked" })).length;
}

describe("the owner of an account", () => {
  it("logs in at once from an address with past successes while an attacker hammers the account from another", async () => {
    expect((await tryLogin(owner.password, T0, OFFICE)).kind).toBe("ok");
    // Ten minutes of guessing, one every two seconds, from one address.
    for (let i = 0; i < 300; i++) await tryLogin(`guess-${i}`, atSeconds(60 + 2 * i), ATTACKER);
    expect((await tryLogin(owner.password, atSeconds(660), OFFICE)).kind).toBe("ok");
  });

  it("logs in from a familiar address while guesses come from many addresses", async () => {
    expect((await tryLogin(owner.password, T0, OFFICE)).kind).toBe("ok");
    for (let i = 0; i < 60; i++) await tryLogin(`guess-${i}`, atSeconds(60 + i), `198.51.100.${i}`);
    expect((await tryLogin(owner.password, atSeconds(121), OFFICE)).kind).toBe("ok");
  });

  it("logs in from a familiar address that many failed logins for other accounts came from", async () => {
    expect((await tryLogin(owner.password, T0, OFFICE)).kind).toBe("ok");
    for (let i = 0; i < 25; i++) await tryLogin("wrong-password", atSeconds(60 + i), OFFICE, `colleague${i}`);
    // An account never used from this address waits; the owner, who logged in from here before, does not.
    expect(await tryLogin("whatever-it-is", atSeconds(90), OFFICE, "newcomer")).toMatchObject({ kind: "blocked", scope: "address" });
    expect((await tryLogin(owner.password, atSeconds(90), OFFICE)).kind).toBe("ok");
  });
});

describe("someone guessing", () => {
  it("is slowed down per account and address by a wait that doubles, and is told how long to wait", async () => {
    for (let i = 0; i < 5; i++) expect((await tryLogin(`guess-${i}`, T0, ATTACKER)).kind).toBe("invalid");
    const waits: number[] = [];
    let now = T0.getTime();
    for (let i = 0; i < 6; i++) {
      const refused = await tryLogin("guess-again", new Date(now), ATTACKER);
      if (refused.kind !== "blocked") throw new Error(`expected a refusal, got ${refused.kind}`);
      expect(refused.scope).toBe("pair");
      waits.push(refused.retryAfterSeconds);
      now += refused.retryAfterSeconds * 1000;
      // Once the wait is over, the password is checked again: a slowdown, not a lock.
      expect((await tryLogin(`guess-late-${i}`, new Date(now), ATTACKER)).kind).toBe("invalid");
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it("never waits longer than 15 minutes between two checked guesses", async () => {
    let now = T0.getTime();
    let checked = 0;
    while (checked < 20) {
      const outcome = await tryLogin(`guess-${checked}`, new Date(now), ATTACKER);
      if (outcome.kind !== "blocked") checked++;
      else {
        expect(outcome.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
        now += outcome.retryAfterSeconds * 1000;
      }
    }
    expect(await tryLogin("guess", new Date(now), ATTACKER)).toEqual({ kind: "blocked", scope: "pair", retryAfterSeconds: 15 * 60 });
  });

  it("with many addresses is slowed per account on addresses the account never logged in from", async () => {
    for (let i = 0; i < 10; i++) expect((await tryLogin(`guess-${i}`, atSeconds(i), `198.51.100.${i}`)).kind).toBe("invalid");
    expect(await tryLogin("guess", atSeconds(9.5), "198.51.100.200")).toMatchObject({ kind: "blocked", scope: "account" });
  });

  it("leaves one audit row per burst of refusals, not one per refusal", async () => {
    for (let i = 0; i < 5; i++) await tryLogin(`guess-${i}`, T0, ATTACKER);
    // A burst: 200 attempts inside the one-second wait, all refused.
    for (let i = 0; i < 200; i++) expect((await tryLogin("guess", new Date(T0.getTime() + i * 4), ATTACKER)).kind).toBe("blocked");
    expect(await blockedRows()).toBe(1);
    // The wait is over: one more checked guess, then a new burst of refusals and one more row.
    expect((await tryLogin("guess", atSeconds(1), ATTACKER)).kind).toBe("invalid");
    for (let i = 0; i < 200; i++) expect((await tryLogin("guess", new Date(atSeconds(1).getTime() + i * 9), ATTACKER)).kind).toBe("blocked");
    expect(await blockedRows()).toBe(2);
    const [latest] = await getAuditLog(t.db, { limit: 1, action: "login.blocked" });
    expect([latest?.actor, latest?.address, JSON.parse(latest?.detail ?? "{}")]).toEqual(["an", ATTACKER, { scope: "pair", seconds: 2 }]);
  });

  it("leaves one audit row per burst when a refused address tries a new account each time", async () => {
    for (let i = 0; i < 20; i++) await tryLogin("wrong-password", atSeconds(i), ATTACKER, `user${i}`);
    for (let i = 0; i < 100; i++) expect((await tryLogin("wrong-password", atSeconds(30), ATTACKER, `other${i}`)).kind).toBe("blocked");
    expect(await blockedRows()).toBe(1);
  });
});
