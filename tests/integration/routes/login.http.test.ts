import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../helpers/http-server";
import { ALL_USERS, USERS, get, login, post, sessionCookieOf } from "../../helpers/http-client";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ seed: true, users: ALL_USERS });
});
afterAll(async () => {
  await server?.stop();
});

const attempt = (username: string, password: string, lang = "vi") =>
  post(server, `/login?lang=${lang}`, new URLSearchParams({ username, password }));

describe("logging in over HTTP", () => {
  it("lands a leader on their unit's page and shows who is signed in", async () => {
    const res = await attempt(USERS.leader.username, USERS.leader.password);
    expect([res.status, res.headers.get("location")]).toEqual([302, "/units/11155"]);
    const html = await (await get(server, "/data", sessionCookieOf(res))).text();
    expect(html).toContain("Lãnh đạo thử");
    expect(html).toContain("Lãnh đạo đơn vị");
    expect(html).toContain('action="/logout"');
    expect(html).not.toContain('href="/upload"');
    const staffHtml = await (await get(server, "/data", await login(server, USERS.staff.username, USERS.staff.password))).text();
    expect(staffHtml).toContain('href="/upload"');
    const anonymous = await (await get(server, "/data")).text();
    expect(anonymous).toContain('href="/login?redirectTo=%2Fdata"');
  });

  it("says only 'wrong username or password', whatever was wrong", async () => {
    for (const [u, p] of [
      [USERS.staff.username, "wrong-password"],
      ["nobody-here", "wrong-password"],
    ] as const) {
      const res = await attempt(u, p);
      expect(res.status).toBe(401);
      expect(await res.text()).toContain("Tên đăng nhập hoặc mật khẩu không đúng.");
    }
  });

  it("blocks an account after 5 failed logins, with a translated 'try again in N minutes'", async () => {
    const { username, password } = USERS.admin;
    for (let i = 0; i < 5; i++) expect((await attempt(username, `wrong-${i}`)).status).toBe(401);
    const blocked = await attempt(username, password);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("900");
    expect(sessionCookieOf(blocked)).toBe("");
    expect(await blocked.text()).toContain("Đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.");
    const english = await attempt(username, password, "en");
    expect(await english.text()).toContain("Too many failed logins. Try again in 15 minutes.");
    // Other accounts are not affected by this account's limit.
    expect((await attempt(USERS.staff.username, USERS.staff.password)).status).toBe(302);
  });

  it("treats GET /logout as nothing, and logs out only with a POST", async () => {
    const cookie = await login(server, USERS.staff.username, USERS.staff.password);
    const res = await get(server, "/logout", cookie);
    expect([res.status, res.headers.get("location")]).toEqual([302, "/"]);
    expect((await get(server, "/upload", cookie)).status).toBe(200);
  });

  it("comes back, signed in, to a page whose address holds a letter beyond Latin-1 (redirectTo=…Đ)", async () => {
    const target = "/units/11155?x=Đ";
    const form = await (await get(server, `/login?redirectTo=${encodeURIComponent(target)}`)).text();
    const redirectTo = /name="redirectTo" value="([^"]*)"/.exec(form)?.[1] ?? "";
    // The form carries the page to come back to, as the browser will post it.
    expect(decodeURIComponent(redirectTo)).toBe(target);
    const res = await post(server, "/login", new URLSearchParams({ username: USERS.staff.username, password: USERS.staff.password, redirectTo: target }));
    expect([res.status, res.headers.get("location")]).toEqual([302, "/units/11155?x=%C4%90"]);
    const cookie = sessionCookieOf(res);
    expect(cookie).not.toBe("");
    const page = await get(server, res.headers.get("location") ?? "", cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(USERS.staff.displayName);
    // Signed in, the login page sends the user straight on, encoded the same way.
    const again = await get(server, `/login?redirectTo=${encodeURIComponent(target)}`, cookie);
    expect([again.status, again.headers.get("location")]).toEqual([302, "/units/11155?x=%C4%90"]);
  });
});
