/**
 * The session cookie: only a random session id, signed with SESSION_SECRET (HMAC-SHA256, by Remix's
 * createCookie); HttpOnly, SameSite=Lax, Secure in production. The session itself lives in the database.
 */
import { createCookie, type Cookie } from "@remix-run/node";
import type { Env } from "~/env.server";

export const SESSION_COOKIE = "parboard_session";

const cookies = new Map<string, Cookie>();

export function sessionCookie(env: Pick<Env, "SESSION_SECRET" | "SESSION_COOKIE_SECURE">): Cookie {
  const key = `${env.SESSION_COOKIE_SECURE}:${env.SESSION_SECRET}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = createCookie(SESSION_COOKIE, {
      httpOnly: true,
      sameSite: "lax",
      secure: env.SESSION_COOKIE_SECURE,
      path: "/",
      secrets: [env.SESSION_SECRET],
    });
    cookies.set(key, cookie);
  }
  return cookie;
}

/** The session id in a Cookie header, or null when absent or not signed with our secret. */
export async function readSessionId(env: Pick<Env, "SESSION_SECRET" | "SESSION_COOKIE_SECURE">, cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader || !cookieHeader.includes(`${SESSION_COOKIE}=`)) return null;
  const value: unknown = await sessionCookie(env).parse(cookieHeader);
  return typeof value === "string" && value.length > 0 ? value : null;
}

export async function sessionSetCookie(env: Pick<Env, "SESSION_SECRET" | "SESSION_COOKIE_SECURE">, id: string, expiresAt: Date): Promise<string> {
  return sessionCookie(env).serialize(id, { expires: expiresAt });
}

export async function sessionClearCookie(env: Pick<Env, "SESSION_SECRET" | "SESSION_COOKIE_SECURE">): Promise<string> {
  return sessionCookie(env).serialize("", { expires: new Date(0), maxAge: 0 });
}
