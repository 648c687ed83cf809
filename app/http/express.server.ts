/**
 * The HTTP server's security layer (wired in scripts/serve.ts): a CSP nonce and the security headers on
 * every response, cross-site form posts refused, the session resolved from its cookie, and, when the
 * dashboard is private, everything but the login page behind a login.
 */
import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { loginUrl } from "~/auth/redirect";
import { readSessionId, sessionClearCookie } from "~/auth/session-cookie.server";
import type { Db } from "~/db/instance.server";
import { getActiveSession } from "~/db/sessions.server";
import type { SessionUser } from "~/domain/roles";
import type { Env } from "~/env.server";
import { getLang } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { checkRequestOrigin } from "./csrf";
import { checkRequestBody } from "./request-body";
import { securityHeaders } from "./security-headers";
import type { ProxyTrust } from "./trusted-proxy.server";

interface Locals {
  cspNonce: string;
  session: { idHash: string; user: SessionUser } | null;
}

function locals(res: Response): Locals {
  return res.locals as Locals;
}

/**
 * The client's address as Express sees it: the connection's, or, when the connection comes from a trusted
 * proxy (TRUSTED_PROXY, Express's `trust proxy`), the one that proxy forwarded. IPv4 without `::ffff:`.
 */
export function clientAddress(req: Request): string {
  const ip = req.ip ?? req.socket.remoteAddress ?? "unknown";
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}

function langOf(req: Request) {
  return getLang(new Request(new URL(req.originalUrl, "http://parboard.invalid"), { headers: { Cookie: req.headers.cookie ?? "" } }));
}

export function withSecurityHeaders(env: Pick<Env, "SESSION_COOKIE_SECURE">): RequestHandler {
  return (req, res, next) => {
    const nonce = randomBytes(18).toString("base64");
    locals(res).cspNonce = nonce;
    locals(res).session = null;
    for (const [name, value] of Object.entries(securityHeaders(nonce, req.secure && env.SESSION_COOKIE_SECURE))) res.setHeader(name, value);
    next();
  };
}

/**
 * The host the browser sent the request to. Behind a trusted reverse proxy that rewrites Host, the proxy's
 * X-Forwarded-Host (first value) names it; from anyone else the header is ignored.
 */
function requestedHost(req: Request, trust: ProxyTrust): string | undefined {
  const forwarded = trust(req.socket.remoteAddress) ? req.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || req.get("host");
}

export function refuseCrossSite(trust: ProxyTrust): RequestHandler {
  return (req, res, next) => {
    const verdict = checkRequestOrigin({
      method: req.method,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      host: requestedHost(req, trust),
    });
    if (verdict.ok) return next();
    // Read and drop the body, so the browser sees the answer rather than a reset connection.
    req.resume();
    res.status(403).type("text/plain; charset=utf-8").send(t(langOf(req), "auth.crossSite"));
  };
}

/** Refuses bodies that are not a form of a known, bounded length (see request-body.ts). */
export function limitRequestBody(): RequestHandler {
  return (req, res, next) => {
    const verdict = checkRequestBody({
      method: req.method,
      path: req.path,
      contentType: req.get("content-type"),
      contentLength: req.get("content-length"),
      transferEncoding: req.get("transfer-encoding"),
    });
    if (verdict.ok) return next();
    res.set("Connection", "close");
    const key = verdict.status === 415 ? "auth.body.type" : verdict.status === 411 ? "auth.body.length" : "auth.body.tooLarge";
    res.status(verdict.status).type("text/plain; charset=utf-8").send(t(langOf(req), key));
  };
}

export function resolveSession(env: Env, getDb: () => Promise<Db>): RequestHandler {
  return (req, res, next) => {
    void (async () => {
      const id = await readSessionId(env, req.headers.cookie);
      if (id === null) return;
      const session = await getActiveSession(await getDb(), id, new Date());
      if (session) {
        locals(res).session = session;
        // Pages for a signed-in user are never stored by the browser or a proxy.
        res.setHeader("Cache-Control", "private, no-store");
      } else {
        // Expired, logged out or disabled: drop the stale cookie.
        res.append("Set-Cookie", await sessionClearCookie(env));
      }
    })().then(() => next(), next);
  };
}

/** Paths an anonymous reader may reach on a private dashboard: the login page and Remix's route manifest. */
const OPEN_PATHS = [/^\/login\/?$/, /^\/__manifest$/];

function wantsData(req: Request): boolean {
  return (
    req.method !== "GET" && req.method !== "HEAD"
      ? true
      : req.path.startsWith("/api/") || req.path.startsWith("/export/") || /\.(csv|json)$/.test(req.path) || "_data" in req.query
  );
}

export function privateGate(env: Pick<Env, "PARBOARD_PRIVATE">): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!env.PARBOARD_PRIVATE || locals(res).session || OPEN_PATHS.some((p) => p.test(req.path))) return next();
    res.setHeader("Cache-Control", "no-store");
    if (wantsData(req)) {
      req.resume();
      const message = t(langOf(req), "auth.private.loginRequired");
      if (req.path.startsWith("/api/")) res.status(401).json({ error: message });
      else res.status(401).type("text/plain; charset=utf-8").send(message);
      return;
    }
    res.redirect(302, loginUrl(req.originalUrl));
  };
}

export function getLoadContext(req: Request, res: Response): AppLoadContext {
  const { cspNonce, session } = locals(res);
  return { cspNonce, clientAddress: clientAddress(req), session };
}
