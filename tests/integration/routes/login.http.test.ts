import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../helpers/http-server";
import { ALL_USERS, USERS, get, login, post, postFrom, sessionCookieOf } from "../../helpers/http-client";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ seed: true, users: ALL_USERS });
});
afterAll(async () => {
  await server?.stop();
});

const attempt = (username: string, password: string, lang = "vi") =>
  post(server, `/login?lang=${lang}`, new URLSearchParams({ username, password }));

/** The rows of the audit page (an admin's view), as actor, action label and address. */
async function auditRows(adminCookie: string, action: string): Promise<{ actor: string; address: string }[]> {
  const html = await (await get(server, `/admin/audit?action=${action}`, adminCookie)).text();
  const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => {
    const cells = [...(m[1] ?? "").matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1] ?? "");
    return { actor: cells[1] ?? "", address: cells[5] ?? "" };
  });
}

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

  it("lets the owner in at once from an address with past successes while another address hammers the account", async () => {
    const { username, password } = USERS.admin;
    expect((await attempt(username, password)).status).toBe(302);
    // Another client (127.0.0.2) guesses the owner's password as fast as the server answers.
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await postFrom(server, "127.0.0.2", "/login?lang=vi", new URLSearchParams({ username, password: `guess-${i}` })));
    // The owner, from where they logged in before, is not kept out by someone else's guesses.
    const owner = await attempt(username, password);
    expect(owner.status).toBe(302);
    expect(sessionCookieOf(owner)).not.toBe("");
    const statuses = answers.map((a) => a.status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThan(20);
    for (const r of refused) expect(Number(r.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    const firstRefusal = answers.find((a) => a.status === 429);
    expect(firstRefusal?.text).toMatch(/Đã đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ giây\./);
    // At most one audit row per burst of refusals, and a burst needs a checked guess before it.
    const checked = statuses.filter((s) => s === 401).length;
    const rows = await auditRows(sessionCookieOf(owner), "login.blocked");
    const attackerRows = rows.filter((r) => r.actor === username && r.address === "127.0.0.2");
    expect(attackerRows.length).toBeGreaterThanOrEqual(1);
    expect(attackerRows.length).toBeLessThanOrEqual(checked - 4);
  });

  it("says how long to wait in English too", async () => {
    const username = "nobody-at-all";
    for (let i = 0; i < 5; i++) expect((await postFrom(server, "127.0.0.3", "/login?lang=en", new URLSearchParams({ username, password: `guess-${i}` }))).status).toBe(401);
    const refused = await postFrom(server, "127.0.0.3", "/login?lang=en", new URLSearchParams({ username, password: "guess" }));
    expect(refused.status).toBe(429);
    expect(refused.text).toMatch(/Too many failed logins\. Try again in \d+ s\./);
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
