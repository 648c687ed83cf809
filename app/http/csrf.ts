/**
 * Refusing cross-site requests that change something. A browser says where a request comes from: modern
 * ones with Sec-Fetch-Site, all of them with Origin on a cross-origin POST. A request that names another
 * site (or `null`, an opaque origin) is refused; one that names neither is not from a browser page and
 * cannot carry a victim's cookie by accident, so it passes (it still needs a session of its own).
 */
export interface RequestOrigin {
  method: string;
  /** The Origin header, if any. */
  origin: string | undefined;
  /** The Sec-Fetch-Site header, if any. */
  secFetchSite: string | undefined;
  /** The Host the request was sent to (host[:port]). */
  host: string | undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

export function checkRequestOrigin(req: RequestOrigin): OriginVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  if (req.secFetchSite !== undefined && req.secFetchSite !== "same-origin") {
    return { ok: false, reason: `Sec-Fetch-Site: ${req.secFetchSite}` };
  }
  if (req.origin !== undefined) {
    let host: string;
    try {
      host = new URL(req.origin).host;
    } catch {
      // "null" and other values that are not a URL: an opaque or forged origin.
      return { ok: false, reason: `Origin: ${req.origin}` };
    }
    if (req.host === undefined || host.toLowerCase() !== req.host.toLowerCase()) return { ok: false, reason: `Origin: ${req.origin}` };
  }
  return { ok: true };
}
