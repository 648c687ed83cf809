/**
 * Pages rendered once per data version and served to anonymous readers from memory (decision 014).
 *
 * A page's key names everything it is made from: the data version (read from the database on every
 * request, so another process's change is seen at once), the scoring configuration, the language and the
 * address. Only anonymous GETs of the public pages are kept, only 200 answers that set no cookie, and only
 * when the data version was the same before and after the render (a page that may have read half of a
 * change is never kept, and is rendered again before it is sent: no reader sees a mix of old and new).
 * Signed-in readers are rendered every time: their pages name them, and a staff draft must never reach
 * the public.
 *
 * A kept page is the same bytes for every reader: its inline scripts lose the nonce of the request that
 * rendered it and are allowed by hash instead (security-headers.ts); it is compressed once, gzip and
 * brotli, off the event loop; its `ETag` lets a browser or proxy revalidate it for `304 Not Modified`.
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Request, Response } from "express";
import { LruByBytes, etagOf } from "./response-cache.server";
import { contentSecurityPolicy } from "./security-headers";

export interface CachedPage {
  /** The page as rendered, without a nonce. */
  body: Buffer;
  /** Its validator; the compressed copies have their own (`-gz`, `-br` before the closing quote). */
  etag: string;
  /** The Content-Security-Policy allowing its inline scripts by hash. */
  csp: string;
  contentType: string;
  gzip: Buffer | null;
  br: Buffer | null;
}

/** The public pages: what an anonymous reader opens, all of them read-only; and the rankings API (JSON). */
const PAGE_PATHS = [/^\/$/, /^\/contest\/?$/, /^\/compare\/?$/, /^\/data\/?$/, /^\/units\/[^/]+\/?$/, /^\/units\/[^/]+\/card\/?$/, /^\/api\/rankings\/?$/];

/** Where the page cache may answer: an anonymous GET of a public page, not one that sets the language. */
export function isCacheableRequest(method: string, pathname: string, search: URLSearchParams, signedIn: boolean): boolean {
  return method === "GET" && !signedIn && PAGE_PATHS.some((p) => p.test(pathname)) && !search.has("lang") && !search.has("_data");
}

export function pageKey(parts: { version: number; scoringHash: string; lang: string; url: string }): string {
  return JSON.stringify([parts.version, parts.scoringHash, parts.lang, parts.url]);
}

/** The SHA-256 (base64) of every inline script's text, as a CSP hash source names it. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", text = ""] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    hashes.add(createHash("sha256").update(text, "utf8").digest("base64"));
  }
  return [...hashes];
}

/** A rendered page made reader-independent: the nonce taken out, its scripts allowed by hash. */
export function pageFromHtml(html: string, nonce: string, contentType: string): CachedPage {
  const shared = nonce === "" ? html : html.split(` nonce="${nonce}"`).join("");
  return {
    body: Buffer.from(shared, "utf8"),
    etag: etagOf(shared),
    csp: contentSecurityPolicy({ hashes: inlineScriptHashes(shared) }),
    contentType,
    gzip: null,
    br: null,
  };
}

function encodedEtag(etag: string, suffix: string): string {
  return `${etag.slice(0, -1)}-${suffix}"`;
}

/**
 * Which of the page's validators (any representation's) the request's `If-None-Match` names, if any: a `304`
 * confirms the copy the reader holds, so it carries that validator back.
 */
function heldValidator(header: string | undefined, page: CachedPage): string | null {
  if (!header) return null;
  if (header.trim() === "*") return page.etag;
  const tags = new Set([page.etag, encodedEtag(page.etag, "gz"), encodedEtag(page.etag, "br")]);
  for (const tag of header.split(",")) {
    const strong = tag.trim().replace(/^W\//, "");
    if (tags.has(strong)) return strong;
  }
  return null;
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * What a render produced: the page kept; or a response not worth keeping, with whether the data stood still
 * while it was made (if not, ask again: the version has moved on); or, for a request that waited on another
 * one's render that was not kept, why: the data moved (ask again, and wait on the new render with everyone
 * else) or the answer is not a page to keep (render your own).
 */
export type Filled =
  | { page: CachedPage }
  | { response: globalThis.Response; stable: boolean }
  | { response: null; moved: boolean };

type Flight = CachedPage | "moved" | "unstorable";

export interface PageCacheOptions {
  maxBytes: number;
  /** The data version now (app/db/data-version.server.ts). */
  dataVersion(): Promise<number>;
  /** The scoring configuration's hash. */
  scoringHash(): string;
}

export class PageCache {
  private readonly pages: LruByBytes<CachedPage>;
  /** Renders under way, by key: a crowd asking for one page at once waits for one render. */
  private readonly inflight = new Map<string, Promise<Flight>>();
  private counts = { hits: 0, renders: 0 };

  constructor(private readonly options: PageCacheOptions) {
    const sizeOf = (page: CachedPage) => page.body.byteLength + (page.gzip?.byteLength ?? 0) + (page.br?.byteLength ?? 0);
    this.pages = new LruByBytes(options.maxBytes, sizeOf);
  }

  get enabled(): boolean {
    return this.options.maxBytes > 0;
  }

  /** The data version now: one read of the database. */
  dataVersion(): Promise<number> {
    return this.options.dataVersion();
  }

  async keyFor(url: string, lang: string): Promise<{ key: string; version: number }> {
    const version = await this.options.dataVersion();
    return { key: pageKey({ version, scoringHash: this.options.scoringHash(), lang, url }), version };
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) this.counts.hits += 1;
    return page;
  }

  has(key: string): boolean {
    return this.pages.get(key) !== undefined;
  }

  /**
   * A render that read one state of the data: rendered again (up to three times in all) while the data
   * version moves under it, so a page never shows half of an upload or a publication.
   */
  async consistent(render: () => Promise<globalThis.Response>): Promise<globalThis.Response> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.options.dataVersion();
      const response = await render();
      if (attempt === 3 || (await this.options.dataVersion()) === before) return response;
      await response.body?.cancel();
    }
  }

  /**
   * The page for `key`, rendered by `render` unless someone is rendering it already. A render is kept when
   * it is storable and the data version did not move while it ran; otherwise its response is handed back
   * (see `Filled`). A crowd that waited on a render made while the data moved asks again with the new version
   * and waits on one new render, instead of each rendering its own (fifty renders at once queue for seconds).
   */
  async fill(key: string, version: number, nonce: string, render: () => Promise<globalThis.Response>): Promise<Filled> {
    const running = this.inflight.get(key);
    if (running) {
      const flight = await running;
      return typeof flight === "string" ? { response: null, moved: flight === "moved" } : { page: flight };
    }
    let settle: (flight: Flight) => void = () => undefined;
    this.inflight.set(key, new Promise((resolve) => (settle = resolve)));
    try {
      const response = await render();
      this.counts.renders += 1;
      const stable = (await this.options.dataVersion()) === version;
      if (!stable || !storable(response)) {
        settle(stable ? "unstorable" : "moved");
        return { response, stable };
      }
      const page = pageFromHtml(await response.text(), nonce, response.headers.get("Content-Type") ?? "text/html; charset=utf-8");
      if (this.pages.set(key, page)) void this.compress(key, page);
      settle(page);
      return { page };
    } catch (error) {
      settle("unstorable");
      throw error;
    } finally {
      this.inflight.delete(key);
    }
  }

  /** gzip and brotli once per page, on libuv's threads; until they are ready the page goes out as it is. */
  private async compress(key: string, page: CachedPage): Promise<void> {
    try {
      const [gz, br] = await Promise.all([
        gzip(page.body, { level: 9 }),
        brotli(page.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: page.body.byteLength } }),
      ]);
      page.gzip = gz;
      page.br = br;
      this.pages.resize(key, page);
    } catch (error) {
      console.error("parboard: could not compress a cached page", error);
    }
  }

  /**
   * Sends a kept page: `304` when the reader has it, else the best encoding it accepts. `X-Page-Cache`
   * says whether it was kept already ("hit") or rendered for this request ("miss"), for operators and tests.
   */
  send(req: Request, res: Response, page: CachedPage, state: "hit" | "miss"): void {
    res.setHeader("X-Page-Cache", state);
    res.setHeader("Content-Security-Policy", page.csp);
    res.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
    // The language comes from a cookie; the encoding from Accept-Encoding.
    res.setHeader("Vary", "Accept-Encoding, Cookie");
    const encoding = page.br && page.gzip ? req.acceptsEncodings("br", "gzip", "identity") : "identity";
    const [body, etag] =
      encoding === "br" && page.br
        ? [page.br, encodedEtag(page.etag, "br")]
        : encoding === "gzip" && page.gzip
          ? [page.gzip, encodedEtag(page.etag, "gz")]
          : [page.body, page.etag];
    const held = heldValidator(req.get("If-None-Match"), page);
    if (held !== null) {
      res.setHeader("ETag", held);
      res.status(304).end();
      return;
    }
    res.setHeader("ETag", etag);
    res.status(200);
    res.setHeader("Content-Type", page.contentType);
    // An encoded body is marked as such, so the compression middleware leaves it alone.
    if (body !== page.body) res.setHeader("Content-Encoding", encoding as string);
    res.setHeader("Content-Length", String(body.byteLength));
    res.end(body);
  }

  /** Pages held and how they were served, for tests and figures. */
  get stats(): { entries: number; bytes: number; hits: number; renders: number } {
    return { ...this.pages.size, ...this.counts };
  }
}

/** A render worth keeping: a whole 200 HTML page (or JSON answer) that sets no cookie and does not forbid storing. */
function storable(response: globalThis.Response): boolean {
  const cacheControl = response.headers.get("Cache-Control") ?? "";
  return (
    response.status === 200 &&
    /^(text\/html|application\/json)\b/i.test(response.headers.get("Content-Type") ?? "") &&
    !response.headers.has("Set-Cookie") &&
    !/\b(no-store|private)\b/i.test(cacheControl)
  );
}
