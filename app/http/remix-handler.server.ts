/**
 * Remix behind Express: @remix-run/express's createRequestHandler, except that the body Remix reads is
 * counted (body-stream.server.ts). Past its cap the request is answered 413 here at once, Remix's own
 * answer to the cut body is dropped, and its request signal is aborted first, so Remix does not log the
 * parse error it meets as a server error. The adapter's own handler reads the body straight from the
 * socket, with no limit, which is why it is not used; its header and response copying is repeated here
 * (the package exports only the handler).
 */
import { createRequestHandler as createRemixHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request, RequestHandler, Response } from "express";
import { cappedBody } from "./body-stream.server";
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

export function createRequestHandler(options: RemixHandlerOptions): RequestHandler {
  const handle = createRemixHandler(options.build, options.mode);
  return async (req, res, next) => {
    const controller = new AbortController();
    // The client went away before the answer was complete: loaders and actions may stop.
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    let overflowed = false;
    try {
      const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: remixHeaders(req), signal: controller.signal };
      if (req.method !== "GET" && req.method !== "HEAD") {
        init.body = cappedBody(req, options.capOf(req), () => {
          overflowed = true;
          controller.abort();
          options.refuseTooLarge(req, res);
        });
        init.duplex = "half";
      }
      const response = await handle(new globalThis.Request(remixUrl(req, options.trust), init), options.getLoadContext(req, res));
      if (overflowed) {
        await response.body?.cancel();
        return;
      }
      await sendRemixResponse(res, response);
    } catch (error) {
      // After a 413 the request was answered; what Remix made of the cut body does not matter.
      if (overflowed) return;
      next(error);
    }
  };
}
