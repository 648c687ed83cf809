import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startServer, type TestServer } from "../../helpers/http-server";
import { ALL_USERS, USERS, csvFile, get, login, post, previewForm, sessionCookieOf } from "../../helpers/http-client";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ seed: true, users: ALL_USERS });
});
afterAll(async () => {
  await server?.stop();
});

const uploadCount = async (cookie: string) => {
  const html = await (await get(server, "/uploads", cookie)).text();
  return [...html.matchAll(/<tr(?: class="is-rolled-back")?><td class="num">\d+<\/td>/g)].length;
};

describe("security headers", () => {
  it("are on every response, pages, API, static files and errors alike", async () => {
    for (const path of ["/", "/login", "/data", "/api/rankings?period=2023", "/favicon.svg", "/no-such-page", "/template.csv"]) {
      const res = await get(server, path);
      await res.arrayBuffer();
      const h = res.headers;
      // A public page kept by the page cache allows its inline scripts by hash (decision 014); everything else by nonce.
      const scripts = h.get("x-page-cache") === null ? /script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/ : /script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')*(;|$)/;
      expect(h.get("content-security-policy"), path).toMatch(scripts);
      expect(h.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(h.get("x-content-type-options"), path).toBe("nosniff");
      expect(h.get("x-frame-options"), path).toBe("DENY");
      expect(h.get("referrer-policy"), path).toBe("same-origin");
      expect(h.get("x-powered-by"), path).toBeNull();
    }
  });

  it("give each page its own nonce, and every inline script carries it", async () => {
    const cookie = await login(server, USERS.staff.username, USERS.staff.password);
    const nonces = new Set<string>();
    const paths = ["/login", "/", "/units/11155", "/compare", "/contest", "/data", "/upload", "/uploads"];
    for (const path of paths) {
      const res = await get(server, path, path === "/login" ? undefined : cookie);
      expect(res.status, path).toBe(200);
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? "";
      nonces.add(nonce);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const attrs of scripts) {
        if (/\bsrc=/.test(attrs)) continue;
        expect(attrs, `${path}: inline script without the nonce`).toContain(`nonce="${nonce}"`);
      }
      // No event-handler attributes either (they could not run under this policy anyway).
      expect(html, path).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i);
    }
    expect(nonces.size).toBe(paths.length);
  });
});

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax and Secure in production, and holds only a signed random id", async () => {
    const res = await post(server, "/login", new URLSearchParams({ username: USERS.staff.username, password: USERS.staff.password }));
    expect(res.status).toBe(302);
    const header = res.headers.getSetCookie().find((c) => c.startsWith("parboard_session=")) ?? "";
    expect(header).toMatch(/; HttpOnly/i);
    expect(header).toMatch(/; SameSite=Lax/i);
    expect(header).toMatch(/; Secure/i);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toContain(USERS.staff.username);
    // A cookie with a forged signature is no session.
    const forged = sessionCookieOf(res).replace(/\.[^.]+$/, ".AAAA");
    const page = await get(server, "/upload", forged);
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/login?redirectTo=%2Fupload");
  });

  it("stops working the moment the user logs out", async () => {
    const cookie = await login(server, USERS.staff.username, USERS.staff.password);
    expect((await get(server, "/upload", cookie)).status).toBe(200);
    const out = await post(server, "/logout", new URLSearchParams(), { cookie });
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().join()).toMatch(/parboard_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);
    const after = await get(server, "/upload", cookie);
    expect(after.status).toBe(302);
  });
});

describe("cross-site requests", () => {
  it("refuses a form posted from another site, and nothing is saved", async () => {
    const cookie = await login(server, USERS.staff.username, USERS.staff.password);
    const before = await uploadCount(cookie);
    const file = csvFile("commune_code,period\n11155,2023-Q4\n", "x.csv");
    const refused: Record<string, string>[] = [{ Origin: "https://evil.example" }, { Origin: "null" }, { "Sec-Fetch-Site": "cross-site" }];
    for (const headers of refused) {
      const res = await fetch(`${server.url}/upload`, { method: "POST", body: previewForm(file), redirect: "manual", headers: { Cookie: cookie, ...headers } });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toMatch(/Yêu cầu bị từ chối/);
    }
    const rollback = await fetch(`${server.url}/uploads/1/rollback`, {
      method: "POST",
      body: new URLSearchParams({ confirm: "yes" }),
      redirect: "manual",
      headers: { Cookie: cookie, Origin: "https://evil.example" },
    });
    expect(rollback.status).toBe(403);
    expect(await uploadCount(cookie)).toBe(before);
    const history = await (await get(server, "/uploads", cookie)).text();
    expect(history).not.toContain("is-rolled-back");
    // A cross-site login (login CSRF) is refused too: no session cookie is set.
    const crossLogin = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ username: USERS.staff.username, password: USERS.staff.password }),
      redirect: "manual",
      headers: { Origin: "https://evil.example" },
    });
    expect(crossLogin.status).toBe(403);
    expect(sessionCookieOf(crossLogin)).toBe("");
  });
});

describe("request bodies", () => {
  it("answer 415 for a body that is not a form and 413 for an oversized one, never 500", async () => {
    const post = (body: string, type: string) =>
      fetch(`${server.url}/login`, { method: "POST", body, headers: { "Content-Type": type, Origin: server.url }, redirect: "manual" });
    expect((await post("username=a&password=b", "text/plain")).status).toBe(415);
    expect((await post('{"username":"a"}', "application/json")).status).toBe(415);
    expect((await post(`username=${"a".repeat(70 * 1024)}`, "application/x-www-form-urlencoded")).status).toBe(413);
    // A real login form still reaches the login page, which refuses these credentials with 401.
    expect((await post("username=nobody&password=nothing-at-all", "application/x-www-form-urlencoded")).status).toBe(401);
  });
});

describe("the API stays as it was for anonymous readers", () => {
  it("answers /api/rankings without a login on a public dashboard", async () => {
    const res = await get(server, "/api/rankings?period=2023");
    expect(res.status).toBe(200);
    expect(z.object({ units: z.number() }).parse(await res.json()).units).toBe(20);
  });
});
