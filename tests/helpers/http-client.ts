/**
 * What the HTTP tests of accounts, security and uploads share: test accounts, logging in, posting forms
 * the way a browser on the same site does, and reading the HTML back.
 */
import http from "node:http";
import type { NewUser } from "~/auth/forms";
import type { TestServer } from "./http-server";

export const USERS = {
  admin: { username: "admin1", displayName: "Quản trị thử", role: "admin", unitCode: null, password: "admin-password-1" },
  staff: { username: "staff1", displayName: "Cán bộ thử", role: "staff", unitCode: null, password: "staff-password-1" },
  leader: { username: "leader1", displayName: "Lãnh đạo thử", role: "leader", unitCode: "11155", password: "leader-password-1" },
} as const satisfies Record<string, NewUser>;

export const ALL_USERS: NewUser[] = Object.values(USERS);

/** The name=value part of a Set-Cookie header for the session cookie ("" when absent). */
export function sessionCookieOf(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("parboard_session="));
  return cookie ? (cookie.split(";")[0] ?? "") : "";
}

export async function login(server: TestServer, username: string, password: string): Promise<string> {
  const res = await post(server, "/login", new URLSearchParams({ username, password }));
  if (res.status !== 302) throw new Error(`login ${username}: HTTP ${res.status}`);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie;
}

/** A same-site form post: Origin names the server, as a browser's does. */
export async function post(server: TestServer, path: string, body: URLSearchParams | FormData, options: { cookie?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: server.url, ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers },
  });
}

export async function get(server: TestServer, path: string, cookie?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
}

/** A CSV file for a multipart form. */
export function csvFile(text: string, name: string): File {
  return new File([new TextEncoder().encode(text)], name, { type: "text/csv" });
}

export function previewForm(file: File): FormData {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("file", file);
  return form;
}

/** The preview token of a server-rendered preview page, or null when there is no commit button. */
export function tokenIn(html: string): string | null {
  return /name="token" value="([^"]+)"/.exec(html)?.[1] ?? null;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * A same-site form post from a chosen local address (127.0.0.2, …: any 127/8 address reaches the server on
 * Linux), for tests that need several clients; fetch cannot pick its source address.
 */
export function postFrom(server: TestServer, localAddress: string, path: string, body: URLSearchParams, headers: Record<string, string> = {}): Promise<RawResponse> {
  const url = new URL(path, server.url);
  const payload = Buffer.from(body.toString());
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        localAddress,
        agent: false,
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(payload.byteLength), ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
