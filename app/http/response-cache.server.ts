/**
 * Answers computed once per data version (decision 014): a byte-bounded least-recently-used map from a key
 * that names everything an answer depends on, including the data version (app/db/data-version.server.ts)
 * read from the database on every request, so an entry can never outlive the data it was computed from,
 * in this process or after a change made by another one.
 */
import { createHash } from "node:crypto";

export interface CachedBody {
  body: string;
  /** A strong validator of the body: `"sha256-prefix"`. */
  etag: string;
}

/**
 * A least-recently-used map bounded by the bytes its values hold: a value over a quarter of the bound is
 * not kept (the caller still has it), and the oldest values go first when the bound is passed.
 */
export class LruByBytes<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps the value if it fits; says whether it was kept. */
  set(key: string, value: V): boolean {
    const bytes = this.sizeOf(value);
    if (bytes > this.maxBytes / 4) return false;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
    return this.entries.has(key);
  }

  /** A value grew after it was stored (a compressed copy added): count its new size. */
  resize(key: string, value: V): void {
    const entry = this.entries.get(key);
    if (entry?.value !== value) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    this.set(key, value);
  }

  /** Bytes held, for tests and figures. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

/** JSON answers by key, with their validators. */
export class ResponseCache {
  private readonly lru: LruByBytes<CachedBody>;

  /** `maxBytes` bounds the bodies held; a body over a quarter of it is answered but not kept. */
  constructor(maxBytes: number) {
    this.lru = new LruByBytes(maxBytes, (entry) => Buffer.byteLength(entry.body));
  }

  get(key: string): CachedBody | undefined {
    return this.lru.get(key);
  }

  set(key: string, body: string): CachedBody {
    const entry = { body, etag: etagOf(body) };
    this.lru.set(key, entry);
    return entry;
  }

  get size(): { entries: number; bytes: number } {
    return this.lru.size;
  }
}

export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Whether the request's `If-None-Match` names this validator (`*`, a list, weak or strong). */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
