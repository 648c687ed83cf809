/**
 * Whose address the limits and the audit log see behind a reverse proxy: X-Forwarded-For counts only when
 * the connection comes from the configured proxy, never from a client that reaches the port directly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../helpers/http-server";
import { ALL_USERS, USERS, get, postFrom } from "../../helpers/http-client";

/** The audit page's rows of one action (an admin's view): actor and address. */
async function auditRows(server: TestServer, adminCookie: string, action: string): Promise<{ actor: string; address: string }[]> {
  const html = await (await get(server, `/admin/audit?action=${action}`, adminCookie)).text();
  const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => {
    const cells = [...(m[1] ?? "").matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1] ?? "");
    return { actor: cells[1] ?? "", address: cells[5] ?? "" };
  });
}

async function adminCookie(server: TestServer, from: string): Promise<string> {
  const res = await postFrom(server, from, "/login", new URLSearchParams({ username: USERS.admin.username, password: USERS.admin.password }));
  const cookie = [res.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("parboard_session="))?.split(";")[0] ?? "";
  if (res.status !== 302 || cookie === "") throw new Error(`admin login: HTTP ${res.status}`);
  return cookie;
}

/** 25 failed logins, each for another account and with another forged X-Forwarded-For. */
async function sprayWithForgedAddresses(server: TestServer, from: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 25; i++) {
    const res = await postFrom(server, from, "/login", new URLSearchParams({ username: `spray${i}`, password: "wrong-password" }), {
      "X-Forwarded-For": `192.0.2.${i + 1}`,
    });
    statuses.push(res.status);
  }
  return statuses;
}

describe("TRUST_PROXY=1 (a proxy on this machine)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ seed: false, users: ALL_USERS, env: { TRUST_PROXY: "1" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("takes the client's address from the proxy on 127.0.0.1", async () => {
    await postFrom(server, "127.0.0.1", "/login", new URLSearchParams({ username: "via-proxy", password: "wrong-password" }), { "X-Forwarded-For": "198.51.100.7" });
    const rows = await auditRows(server, await adminCookie(server, "127.0.0.1"), "login.failure");
    expect(rows.find((r) => r.actor === "via-proxy")?.address).toBe("198.51.100.7");
  });

  it("ignores X-Forwarded-For from a client that reaches the port directly, so it cannot dodge the address limit", async () => {
    const statuses = await sprayWithForgedAddresses(server, "127.0.0.2");
    const rows = (await auditRows(server, await adminCookie(server, "127.0.0.1"), "login.failure")).filter((r) => r.actor.startsWith("spray"));
    expect(new Set(rows.map((r) => r.address))).toEqual(new Set(["127.0.0.2"]));
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
  });
});

describe("TRUSTED_PROXY naming the proxy's address", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ seed: false, users: ALL_USERS, env: { TRUSTED_PROXY: "127.0.0.2" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("believes X-Forwarded-For from that address only, not from others on the same machine", async () => {
    await postFrom(server, "127.0.0.2", "/login", new URLSearchParams({ username: "via-proxy", password: "wrong-password" }), { "X-Forwarded-For": "198.51.100.7" });
    await postFrom(server, "127.0.0.1", "/login", new URLSearchParams({ username: "direct", password: "wrong-password" }), { "X-Forwarded-For": "198.51.100.8" });
    const rows = await auditRows(server, await adminCookie(server, "127.0.0.3"), "login.failure");
    expect(rows.find((r) => r.actor === "via-proxy")?.address).toBe("198.51.100.7");
    expect(rows.find((r) => r.actor === "direct")?.address).toBe("127.0.0.1");
  });
});
