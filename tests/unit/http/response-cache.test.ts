import { describe, expect, it } from "vitest";
import { ResponseCache, etagOf, notModified } from "~/http/response-cache.server";

describe("ResponseCache", () => {
  it("keeps bodies up to its bytes, dropping the least recently used first", () => {
    const cache = new ResponseCache(40);
    cache.set("a", "x".repeat(10));
    cache.set("b", "y".repeat(10));
    cache.set("c", "z".repeat(10));
    expect(cache.get("a")?.body).toBe("x".repeat(10)); // a is now the most recent
    cache.set("d", "w".repeat(10)); // 40 bytes: all fit
    cache.set("e", "v".repeat(10)); // 50: b, the least recent, goes
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.size).toEqual({ entries: 4, bytes: 40 });
  });

  it("answers a body over a quarter of its room without keeping it", () => {
    const cache = new ResponseCache(40);
    const big = cache.set("big", "x".repeat(11));
    expect(big.etag).toBe(etagOf("x".repeat(11)));
    expect(cache.get("big")).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it("replaces an entry under the same key, counting its bytes once", () => {
    const cache = new ResponseCache(100);
    cache.set("a", "x".repeat(10));
    cache.set("a", "é".repeat(10)); // 20 bytes in UTF-8
    expect(cache.size).toEqual({ entries: 1, bytes: 20 });
  });
});

describe("notModified", () => {
  const etag = etagOf("body");
  const ask = (value?: string) => new Request("http://x/", { headers: value === undefined ? {} : { "If-None-Match": value } });
  it("matches the validator alone, in a list, weak, or *; nothing else", () => {
    expect(notModified(ask(etag), etag)).toBe(true);
    expect(notModified(ask(`"a", ${etag}`), etag)).toBe(true);
    expect(notModified(ask(`W/${etag}`), etag)).toBe(true);
    expect(notModified(ask("*"), etag)).toBe(true);
    expect(notModified(ask('"a"'), etag)).toBe(false);
    expect(notModified(ask(), etag)).toBe(false);
  });
});
