import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { AccountError, createAccount, disableAccount, enableAccount, resetPassword } from "~/auth/accounts.server";
import { ensureDemoAccounts } from "~/auth/demo.server";
import { attemptLogin, logout } from "~/auth/login.server";
import { getAuditLog } from "~/db/audit.server";
import { latestSchemaVersion, MIGRATIONS } from "~/db/migrations.server";
import { getActiveSession, SESSION_TTL_MS } from "~/db/sessions.server";
import { getUsers } from "~/db/users.server";
import { createTestDb, type TestDb } from "../../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const T0 = new Date("2024-03-01T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const cli = { name: "cli:test", address: null };
const staff = { username: "an", displayName: "Nguyễn Văn An", role: "staff" as const, unitCode: null, password: "correct-horse-1" };

async function tryLogin(password: string, now: Date, address = "10.0.0.1", username = "an") {
  return attemptLogin(t.db, { username, password, address, userAgent: "test" }, now);
}

describe("migration 2", () => {
  it("adds the account tables after migration 1, once", async () => {
    const versions = await t.db.query("SELECT version FROM schema_migrations ORDER BY version", [], z.object({ version: z.number() }));
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(latestSchemaVersion()).toBeGreaterThanOrEqual(2);
    const tables = await t.db.query("SELECT table_name FROM information_schema.tables ORDER BY table_name", [], z.object({ table_name: z.string() }));
    expect(tables.map((r) => r.table_name)).toEqual(expect.arrayContaining(["users", "sessions", "login_attempts", "audit_log", "upload_previews"]));
  });
});

describe("accounts", () => {
  it("stores an argon2id hash, never the password, and refuses a second account of the same name", async () => {
    await createAccount(t.db, staff, cli, T0);
    const [row] = await t.db.query("SELECT password_hash FROM users WHERE username = 'an'", [], z.object({ password_hash: z.string() }));
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.password_hash).not.toContain(staff.password);
    await expect(createAccount(t.db, staff, cli, T0)).rejects.toMatchObject({ code: "exists" });
    await expect(createAccount(t.db, { ...staff, username: "lead", role: "leader", unitCode: "99999" }, cli, T0)).rejects.toMatchObject({ code: "unknownUnit" });
  });

  it("will not disable the last administrator", async () => {
    await createAccount(t.db, { ...staff, username: "root", role: "admin" }, cli, T0);
    await expect(disableAccount(t.db, "root", cli, T0)).rejects.toBeInstanceOf(AccountError);
    await createAccount(t.db, { ...staff, username: "root2", role: "admin" }, cli, T0);
    await disableAccount(t.db, "root", cli, T0);
    expect((await getUsers(t.db)).find((u) => u.username === "root")?.disabledAt).toBe(T0.toISOString().replace(".000", ""));
  });

  it("leaves one administrator when two disable each other at the same moment", async () => {
    await createAccount(t.db, { ...staff, username: "ada", role: "admin" }, cli, T0);
    await createAccount(t.db, { ...staff, username: "bao", role: "admin" }, cli, T0);
    const results = await Promise.allSettled([
      disableAccount(t.db, "bao", { name: "ada", address: null }, T0),
      disableAccount(t.db, "ada", { name: "bao", address: null }, T0),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const active = (await getUsers(t.db)).filter((u) => u.role === "admin" && u.disabledAt === null);
    expect(active).toHaveLength(1);
  });
});

describe("login", () => {
  beforeEach(async () => {
    await createAccount(t.db, staff, cli, T0);
  });

  it("opens a session on the right password, which expires, and logout ends it", async () => {
    const ok = await tryLogin(staff.password, T0);
    expect(ok.kind).toBe("ok");
    if (ok.kind !== "ok") return;
    expect(ok.user).toMatchObject({ username: "an", role: "staff", unitCode: null });
    expect((await getActiveSession(t.db, ok.session.id, at(1)))?.user.username).toBe("an");
    expect(await getActiveSession(t.db, ok.session.id, new Date(T0.getTime() + SESSION_TTL_MS + 1))).toBeNull();
    expect(await getActiveSession(t.db, "forged", at(1))).toBeNull();
    const session = await getActiveSession(t.db, ok.session.id, at(1));
    if (session) await logout(t.db, session, "10.0.0.1", at(2));
    expect(await getActiveSession(t.db, ok.session.id, at(3))).toBeNull();
  });

  it("answers the same for a wrong password, an unknown account and a disabled one", async () => {
    expect((await tryLogin("wrong-password", T0)).kind).toBe("invalid");
    expect((await tryLogin(staff.password, T0, "10.0.0.1", "nobody")).kind).toBe("invalid");
    await createAccount(t.db, { ...staff, username: "root", role: "admin" }, cli, T0);
    await disableAccount(t.db, "an", cli, T0);
    expect((await tryLogin(staff.password, at(1))).kind).toBe("invalid");
    await enableAccount(t.db, "an", cli, at(2));
    expect((await tryLogin(staff.password, at(3))).kind).toBe("ok");
  });

  it("counts a burst of parallel guesses one by one: 40 at once, 10 checked, 30 refused", async () => {
    // All at the same moment, from several addresses the account never logged in from: without
    // serialising, all 40 would pass the check before any failure was recorded. The tenth failure from
    // unfamiliar addresses starts the account's wait (app/domain/login-limits.ts).
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => tryLogin(`wrong-${i}`, at(1), `10.0.0.${i % 3}`)),
    );
    const kinds = outcomes.map((o) => o.kind);
    expect(kinds.filter((k) => k === "invalid")).toHaveLength(10);
    expect(kinds.filter((k) => k === "blocked")).toHaveLength(30);
  });

  it("ends every session of an account when its password is reset or it is disabled", async () => {
    const first = await tryLogin(staff.password, T0);
    if (first.kind !== "ok") throw new Error("login failed");
    await resetPassword(t.db, "an", "another-password-2", cli, at(1));
    expect(await getActiveSession(t.db, first.session.id, at(2))).toBeNull();
    expect((await tryLogin(staff.password, at(3))).kind).toBe("invalid");
    const second = await tryLogin("another-password-2", at(4));
    if (second.kind !== "ok") throw new Error("login failed");
    await createAccount(t.db, { ...staff, username: "root", role: "admin" }, cli, T0);
    await disableAccount(t.db, "an", { name: "root", address: "10.0.0.2" }, at(5));
    expect(await getActiveSession(t.db, second.session.id, at(6))).toBeNull();
  });

  it("writes who, what, when and from where into the audit log", async () => {
    await tryLogin("wrong-password", T0);
    await tryLogin(staff.password, at(1));
    const log = await getAuditLog(t.db, { limit: 10 });
    expect(log.map((e) => [e.action, e.actor, e.address, e.logged_at])).toEqual([
      ["login.success", "an", "10.0.0.1", "2024-03-01T08:01:00Z"],
      ["login.failure", "an", "10.0.0.1", "2024-03-01T08:00:00Z"],
      ["user.create", "cli:test", null, "2024-03-01T08:00:00Z"],
    ]);
    expect(JSON.parse(log[1]?.detail ?? "{}")).toEqual({ reason: "wrongPassword" });
  });
});

describe("demo accounts", () => {
  it("creates the three demo accounts with random passwords, and renews only its own at the next start", async () => {
    await t.db.transaction(async (conn) => {
      await conn.run("INSERT INTO units (code, name, kind) VALUES ('11300', 'Xã Ninh Giang', 'commune')");
    });
    const first = await ensureDemoAccounts(t.db, T0);
    expect(first.map((a) => [a.username, a.role, a.unitCode, a.status])).toEqual([
      ["admin", "admin", null, "created"],
      ["canbo", "staff", null, "created"],
      ["lanhdao", "leader", "11300", "created"],
    ]);
    for (const a of first) expect(a.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect((await attemptLogin(t.db, { username: "lanhdao", password: first[2]?.password ?? "", address: "x", userAgent: null }, at(1))).kind).toBe("ok");
    // An account of a demo name that someone else made is left alone.
    await t.db.transaction(async (conn) => {
      await conn.run("UPDATE users SET created_by = 'cli:root' WHERE username = 'canbo'");
    });
    const second = await ensureDemoAccounts(t.db, at(2));
    expect(second.map((a) => a.status)).toEqual(["renewed", "kept", "renewed"]);
    expect(second[1]?.password).toBeNull();
    expect(second[0]?.password).not.toBe(first[0]?.password);
    expect((await attemptLogin(t.db, { username: "admin", password: first[0]?.password ?? "", address: "y", userAgent: null }, at(3))).kind).toBe("invalid");
    expect((await attemptLogin(t.db, { username: "canbo", password: first[1]?.password ?? "", address: "y", userAgent: null }, at(3))).kind).toBe("ok");
  });
});
