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

export class ResponseCache {
  private readonly entries = new Map<string, CachedBody & { bytes: number }>();
  private bytes = 0;

  /** `maxBytes` bounds the bodies held; a body over a quarter of it is answered but not kept. */
  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedBody | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, body: string): CachedBody {
    const entry = { body, etag: etagOf(body), bytes: Buffer.byteLength(body) };
    if (entry.bytes > this.maxBytes / 4) return entry;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.bytes;
    }
    return entry;
  }

  /** Bytes held, for tests and figures. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
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
