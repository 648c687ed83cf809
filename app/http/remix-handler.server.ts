/**
 * Remix behind Express: @remix-run/express's createRequestHandler, except that the body Remix reads is
 * counted (body-stream.server.ts). Past its cap the request is answered 413 here at once, Remix's own
 * answer to the cut body is dropped, and its request signal is aborted first, so Remix does not log the
 * parse error it meets as a server error. The adapter's own handler reads the body straight from the
 * socket, with no limit, which is why it is not used; its header and response copying is repeated here
 * (the package exports only the handler).
 * An anonymous reader's public page comes from the page cache when it holds the page for this data version
 * (page-cache.server.ts, decision 014); a change made by a request warms the default views afterwards.
 */
import { createRequestHandler as createRemixHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { LANG_COOKIE } from "~/i18n/lang.server";
import { cappedBody } from "./body-stream.server";
import { langOf } from "./express.server";
import { isCacheableRequest, type PageCache } from "./page-cache.server";
import type { ProxyTrust } from "./trusted-proxy.server";

export interface RemixHandlerOptions {
  build: ServerBuild;
  mode: string;
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
  /** The most this request may send. */
  capOf: (req: Request) => number;
  /** Answers a request whose body went over its cap. */
  refuseTooLarge: (req: Request, res: Response) => void;
  /** Whose X-Forwarded-Host counts (the adapter took its port from anyone). */
  trust: ProxyTrust;
  /**
   * Public pages kept per data version (page-cache.server.ts); every other GET is rendered again while the
   * data changes under it. Null: every request rendered once, as it comes (tests of the handler alone).
   */
  pages: PageCache | null;
}

/** The address Remix sees, built as the adapter builds it (req.hostname and req.protocol follow `trust proxy`). */
function remixUrl(req: Request, trust: ProxyTrust): URL {
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const forwardedPort = trust(req.socket.remoteAddress) ? portOf(req.get("X-Forwarded-Host")) : Number.NaN;
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : null;
  return new URL(`${req.protocol}://${req.hostname}${port === null ? "" : `:${port}`}${req.originalUrl}`);
}

function remixHeaders(req: Request): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** Sends Remix's answer as the adapter does (each Set-Cookie on its own line; event streams flushed at once). */
async function sendRemixResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** The default views warmed after every change, in both languages: what most readers open first. */
const WARM_PATHS = ["/", "/contest"];
const WARM_LANGS = ["vi", "en"];

/** The handler, and a promise of the background work it started (warming) being done: stopping waits for it. */
export type ParboardRequestHandler = RequestHandler & { idle(): Promise<void> };

export function createRequestHandler(options: RemixHandlerOptions): ParboardRequestHandler {
  const handle = createRemixHandler(options.build, options.mode);
  const pages = options.pages;
  let warming: Promise<void> = Promise.resolve();

  /** Renders the public default views for an anonymous reader, one after another, into the page cache. */
  async function warm(): Promise<void> {
    if (!pages?.enabled) return;
    for (const lang of WARM_LANGS) {
      for (const path of WARM_PATHS) {
        const { key, version } = await pages.keyFor(path, lang);
        if (pages.has(key)) continue;
        const nonce = randomBytes(18).toString("base64");
        const request = new globalThis.Request(new URL(path, "http://parboard.invalid"), { headers: { Cookie: `${LANG_COOKIE}=${lang}` } });
        const filled = await pages.fill(key, version, nonce, () => handle(request, { cspNonce: nonce, clientAddress: "127.0.0.1", session: null }));
        if ("response" in filled) await filled.response?.body?.cancel();
      }
    }
  }

  const handler: RequestHandler = async (req, res, next) => {
    const controller = new AbortController();
    // The client went away before the answer was complete: loaders and actions may stop.
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    let overflowed = false;
    try {
      const context = options.getLoadContext(req, res);
      const url = remixUrl(req, options.trust);
      if (req.method === "GET" || req.method === "HEAD") {
        const renderWith = (signal?: AbortSignal) => () => handle(new globalThis.Request(url, { method: req.method, headers: remixHeaders(req), signal }), context);
        const render = renderWith(controller.signal);
        // A render others may wait on is not stopped when this reader goes away.
        const shared = renderWith();
        if (!pages) return await sendRemixResponse(res, await render());
        if (pages.enabled && isCacheableRequest(req.method, url.pathname, url.searchParams, context.session !== null)) {
          // Asked again (at most three times) while the data moves under the renders; then rendered as any page.
          for (let attempt = 1; attempt <= 3; attempt++) {
            const { key, version } = await pages.keyFor(req.originalUrl, langOf(req));
            const kept = pages.get(key);
            if (kept) return pages.send(req, res, kept, "hit");
            const filled = await pages.fill(key, version, context.cspNonce, shared);
            if ("page" in filled) return pages.send(req, res, filled.page, "miss");
            if (filled.response && filled.stable) return await sendRemixResponse(res, filled.response);
            await filled.response?.body?.cancel();
            if (filled.response === null && !filled.moved) break;
          }
        }
        return await sendRemixResponse(res, await pages.consistent(render));
      }

      const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: remixHeaders(req), signal: controller.signal };
      init.body = cappedBody(req, options.capOf(req), () => {
        overflowed = true;
        controller.abort();
        options.refuseTooLarge(req, res);
      });
      init.duplex = "half";
      const before = pages?.enabled ? await pages.dataVersion() : null;
      const response = await handle(new globalThis.Request(url, init), context);
      if (overflowed) {
        await response.body?.cancel();
        return;
      }
      await sendRemixResponse(res, response);
      // The change this request made (an upload, a publication, …): render the default views for the next reader.
      if (before !== null && pages && (await pages.dataVersion()) !== before) {
        warming = warming.then(warm).catch((error: unknown) => console.error("parboard: could not warm the page cache", error));
      }
    } catch (error) {
      // After a 413 the request was answered; what Remix made of the cut body does not matter.
      if (overflowed) return;
      next(error);
    }
  };
  return Object.assign(handler, { idle: () => warming });
}
