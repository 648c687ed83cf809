/**
 * Who may reach what, through the real HTTP server: anonymous, leader, staff and admin against every page
 * and action; then a private dashboard (PARBOARD_PRIVATE=1) for anonymous readers.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../helpers/http-server";
import { ALL_USERS, USERS, csvFile, get, login, post, previewForm, tokenIn } from "../../helpers/http-client";

type Who = "anonymous" | "leader" | "staff" | "admin";
const WHO: Who[] = ["anonymous", "leader", "staff", "admin"];
/** A number is the exact status; "page" means the dashboard's own answer (not 401/403, not sent to login). */
type Expect = number | "page";

// The sample's 2024-Q4 file as it is: a valid upload that changes no figure.
const SAME_AS_CURRENT = fs.readFileSync("data/sample/2024-Q4.csv", "utf8");

async function cookies(server: TestServer): Promise<Record<Who, string | undefined>> {
  return {
    anonymous: undefined,
    leader: await login(server, USERS.leader.username, USERS.leader.password),
    staff: await login(server, USERS.staff.username, USERS.staff.password),
    admin: await login(server, USERS.admin.username, USERS.admin.password),
  };
}

function check(res: Response, expected: Expect, label: string): void {
  if (expected === "page") {
    expect([401, 403], label).not.toContain(res.status);
    expect(res.headers.get("location") ?? "", label).not.toMatch(/^\/login/);
  } else {
    expect(res.status, label).toBe(expected);
    if (expected === 302) expect(res.headers.get("location") ?? "", label).toMatch(/^\/login/);
  }
}

describe("a public dashboard", () => {
  let server: TestServer;
  let who: Record<Who, string | undefined>;
  beforeAll(async () => {
    server = await startServer({ seed: true, users: ALL_USERS });
    who = await cookies(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const reads: [string, Record<Who, Expect>][] = [
    ["/", { anonymous: "page", leader: "page", staff: "page", admin: "page" }],
    ["/units/11155", { anonymous: "page", leader: "page", staff: "page", admin: "page" }],
    ["/compare", { anonymous: "page", leader: "page", staff: "page", admin: "page" }],
    ["/contest", { anonymous: "page", leader: "page", staff: "page", admin: "page" }],
    ["/data", { anonymous: 200, leader: 200, staff: 200, admin: 200 }],
    ["/api/rankings?period=2023", { anonymous: 200, leader: 200, staff: 200, admin: 200 }],
    ["/export/rankings.csv?period=2023", { anonymous: 200, leader: 200, staff: 200, admin: 200 }],
    ["/export/rankings.csv?period=2023&layout=wide", { anonymous: 200, leader: 200, staff: 200, admin: 200 }],
    ["/export/rankings.xlsx?period=2023", { anonymous: 200, leader: 200, staff: 200, admin: 200 }],
    ["/publish", { anonymous: 302, leader: 403, staff: 200, admin: 200 }],
    ["/template.csv", { anonymous: 200, leader: 200, staff: 200, admin: 200 }],
    ["/upload", { anonymous: 302, leader: 403, staff: 200, admin: 200 }],
    ["/upload/current?period=2024-Q4", { anonymous: 302, leader: 403, staff: 200, admin: 200 }],
    ["/uploads", { anonymous: 302, leader: 200, staff: 200, admin: 200 }],
    ["/uploads/1/rollback", { anonymous: 302, leader: 403, staff: 200, admin: 200 }],
    ["/uploads/1/restore", { anonymous: 302, leader: 403, staff: 200, admin: 200 }],
    ["/admin/users", { anonymous: 302, leader: 403, staff: 403, admin: 200 }],
    ["/admin/users/staff1", { anonymous: 302, leader: 403, staff: 403, admin: 200 }],
    ["/admin/audit", { anonymous: 302, leader: 403, staff: 403, admin: 200 }],
  ];

  it.each(reads)("GET %s", async (path, expected) => {
    for (const w of WHO) {
      const res = await get(server, path, who[w]);
      await res.arrayBuffer();
      check(res, expected[w], `${w} GET ${path}`);
    }
  });

  it("sends a signed-in user away from the login page: a leader to their unit", async () => {
    const leader = await get(server, "/login", who.leader);
    expect([leader.status, leader.headers.get("location")]).toEqual([302, "/units/11155"]);
    const staff = await get(server, "/login", who.staff);
    expect([staff.status, staff.headers.get("location")]).toEqual([302, "/"]);
    expect((await get(server, "/login")).status).toBe(200);
  });

  it("lets only staff and admin preview, commit, roll back and restore; only admin manage accounts", async () => {
    const file = () => csvFile(SAME_AS_CURRENT, "2024-Q4.csv");
    const expected: Record<Who, { preview: number; commit: number; rollback: number; restore: number; createUser: number }> = {
      anonymous: { preview: 302, commit: 302, rollback: 302, restore: 302, createUser: 302 },
      leader: { preview: 403, commit: 403, rollback: 403, restore: 403, createUser: 403 },
      staff: { preview: 200, commit: 303, rollback: 303, restore: 303, createUser: 403 },
      admin: { preview: 200, commit: 303, rollback: 303, restore: 303, createUser: 303 },
    };
    for (const w of WHO) {
      const cookie = who[w];
      const preview = await post(server, "/upload", previewForm(file()), { cookie });
      const html = await preview.text();
      check(preview, expected[w].preview, `${w} preview`);
      const token = tokenIn(html) ?? "x".repeat(43);
      if (expected[w].preview === 200) expect(tokenIn(html), `${w} token`).not.toBeNull();
      const commit = await post(server, "/upload", new URLSearchParams({ intent: "commit", token }), { cookie });
      check(commit, expected[w].commit, `${w} commit`);
      const done = /\/uploads\?done=(\d+)/.exec(commit.headers.get("location") ?? "")?.[1];
      const rollback = await post(server, `/uploads/${done ?? 1}/rollback`, new URLSearchParams({ confirm: "yes" }), { cookie });
      check(rollback, expected[w].rollback, `${w} rollback`);
      if (expected[w].rollback === 303) expect(rollback.headers.get("location")).toBe(`/uploads?rolledBack=${done}`);
      // Upload 1 is the sample's first quarter, never rolled back: those refused must be refused before any state check.
      const restore = await post(server, `/uploads/${done ?? 1}/restore`, new URLSearchParams({ confirm: "yes" }), { cookie });
      check(restore, expected[w].restore, `${w} restore`);
      if (expected[w].restore === 303) expect(restore.headers.get("location")).toBe(`/uploads?restored=${done}`);
      const create = await post(
        server,
        "/admin/users",
        new URLSearchParams({ username: `new-${w}`, displayName: "Người mới", role: "staff", unitCode: "", password: "new-password-123" }),
        { cookie },
      );
      check(create, expected[w].createUser, `${w} create account`);
      const reset = await post(server, "/admin/users/leader1", new URLSearchParams({ intent: "reset", password: "leader-password-1" }), { cookie });
      check(reset, w === "admin" ? 303 : expected[w].createUser, `${w} reset password`);
    }
    // Only the admin's account was created.
    const users = await (await get(server, "/admin/users", who.admin)).text();
    expect(users).toContain("new-admin");
    expect(users).not.toMatch(/new-(anonymous|leader|staff)/);
  });

  it("lets only staff and admin publish, only admin withdraw, and shows drafts to neither leader nor reader", async () => {
    const expected: Record<Who, { publish: number; withdraw: number }> = {
      anonymous: { publish: 302, withdraw: 302 },
      leader: { publish: 403, withdraw: 403 },
      staff: { publish: 303, withdraw: 403 },
      admin: { publish: 303, withdraw: 303 },
    };
    // The test before reset the leader's password, which ended the leader's sessions.
    who.leader = await login(server, USERS.leader.username, USERS.leader.password);
    for (const w of WHO) {
      const cookie = who[w];
      const publish = await post(server, "/publish", new URLSearchParams({ intent: "publish", period: "2022-Q2" }), { cookie });
      check(publish, expected[w].publish, `${w} publish`);
      const withdraw = await post(server, "/publish", new URLSearchParams({ intent: "withdraw", period: "2022-Q1", reason: `thử quyền ${w}` }), { cookie });
      check(withdraw, expected[w].withdraw, `${w} withdraw`);
    }
    // The admin's withdrawal was the only one: 2022-Q1 is now a draft, which staff see and nobody else does.
    const audit = await (await get(server, "/admin/audit", who.admin)).text();
    expect(audit).toContain("thử quyền admin");
    expect(audit).not.toMatch(/thử quyền (anonymous|leader|staff)/);
    for (const w of WHO) {
      for (const path of ["/?period=2022-Q1", "/api/rankings?period=2022-Q1", "/export/rankings.xlsx?period=2022-Q1", "/export/rankings.csv?period=2022-Q1&layout=wide"]) {
        const res = await get(server, path, who[w]);
        await res.arrayBuffer();
        expect(res.status, `${w} ${path}`).toBe(w === "staff" || w === "admin" ? 200 : 404);
      }
    }
  });
});

describe("a private dashboard (PARBOARD_PRIVATE=1)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ seed: true, users: ALL_USERS, env: { PARBOARD_PRIVATE: "1" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("sends anonymous readers of pages to the login page and answers the API and exports with 401", async () => {
    for (const path of ["/", "/units/11155", "/compare", "/contest", "/data", "/upload", "/uploads", "/admin/users"]) {
      const res = await get(server, path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location"), path).toBe(path === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(path)}`);
    }
    for (const path of ["/api/rankings?period=2023", "/export/rankings.csv?period=2023", "/export/rankings.xlsx?period=2023", "/template.csv", "/data?_data=routes%2Fdata"]) {
      const res = await get(server, path);
      expect(res.status, path).toBe(401);
      expect(await res.text(), path).toMatch(/Cần đăng nhập/);
    }
    const post401 = await post(server, "/upload", previewForm(csvFile("a\n", "a.csv")));
    expect(post401.status).toBe(401);
    const loginPage = await get(server, "/login");
    expect(loginPage.status).toBe(200);
    // The login page tells an anonymous reader nothing about the data (no periods in the picker data).
    expect(await loginPage.text()).not.toContain("2023-Q4");
  });

  it("lets any signed-in user read, and comes back to the page asked for", async () => {
    const res = await post(server, "/login", new URLSearchParams({ username: USERS.leader.username, password: USERS.leader.password, redirectTo: "/compare" }));
    expect([res.status, res.headers.get("location")]).toEqual([302, "/compare"]);
    const leader = await login(server, USERS.leader.username, USERS.leader.password);
    for (const path of ["/data", "/api/rankings?period=2023", "/export/rankings.csv?period=2023", "/template.csv"]) {
      const r = await get(server, path, leader);
      await r.arrayBuffer();
      expect(r.status, path).toBe(200);
    }
    expect((await get(server, "/upload", leader)).status).toBe(403);
  });
});
