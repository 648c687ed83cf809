/**
 * The HTTP server's security layer (wired in scripts/serve.ts): a CSP nonce and the security headers on
 * every response, request bodies bounded, cross-site form posts refused, the session resolved from its
 * cookie, and, when the dashboard is private, everything but the login page behind a login.
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
import { formatNumber } from "~/i18n/format";
import { dropRestOfBody } from "./body-stream.server";
import { checkRequestOrigin } from "./csrf";
import { bodyCap, checkRequestBody, drainBound, isUploadPath } from "./request-body";
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

/** The reader's language, from `?lang=` or the cookie. */
export function langOf(req: Request) {
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
    // The body is left unread: bodyLimits drops it, up to a bound, once this answer has gone out.
    res.status(403).type("text/plain; charset=utf-8").send(t(langOf(req), "auth.crossSite"));
  };
}

export interface BodyLimits {
  /**
   * Middleware, before every other: refuses a body that is not a form (415) or declares more than its cap
   * (413), and, once any answer has gone out, drops what nobody read of the body, up to a bound
   * (request-body.ts, `drainBound`), then closes the connection.
   */
  check: RequestHandler;
  /** The most this request's body may hold (request-body.ts). */
  capOf(req: Request): number;
  /** Answers 413 with a sentence in the reader's language; on the upload page it names the file limit. */
  refuseTooLarge(req: Request, res: Response): void;
}

export function bodyLimits(env: Pick<Env, "MAX_UPLOAD_BYTES">): BodyLimits {
  const capOf = (req: Request) => bodyCap(req.path, env.MAX_UPLOAD_BYTES);
  function refuse(req: Request, res: Response, status: 413 | 415): void {
    // A 413 met while the body streams may come after Remix began to answer (it never does before reading
    // the form, but a route could): then the connection is all that can be closed.
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    const lang = langOf(req);
    const maxMb = Math.round((env.MAX_UPLOAD_BYTES / (1024 * 1024)) * 100) / 100;
    const message =
      status === 415
        ? t(lang, "auth.body.type")
        : isUploadPath(req.path)
          ? t(lang, "upload.error.tooLarge", { maxMb: formatNumber(lang, maxMb, Number.isInteger(maxMb) ? 0 : 2) })
          : t(lang, "auth.body.tooLarge");
    res.status(status).type("text/plain; charset=utf-8").send(message);
  }
  return {
    capOf,
    refuseTooLarge: (req, res) => refuse(req, res, 413),
    check(req, res, next) {
      const cap = capOf(req);
      res.on("finish", () => dropRestOfBody(req, drainBound(req.get("content-length"), cap)));
      const verdict = checkRequestBody({
        method: req.method,
        contentType: req.get("content-type"),
        contentLength: req.get("content-length"),
        transferEncoding: req.get("transfer-encoding"),
        cap,
      });
      if (verdict.ok) return next();
      refuse(req, res, verdict.status);
    },
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
