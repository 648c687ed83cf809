import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PageCache, inlineScriptHashes, isCacheableRequest, pageFromHtml, pageKey } from "~/http/page-cache.server";

const html = (body: string, headers: Record<string, string> = {}, status = 200) =>
  new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", ...headers } });

/** A cache over a data version the test moves by hand, and a render that counts its calls. */
function setup(maxBytes = 1024 * 1024) {
  const state = { version: 1, renders: 0 };
  const cache = new PageCache({ maxBytes, dataVersion: async () => state.version, scoringHash: () => "s1" });
  return { state, cache };
}

describe("what the page cache keeps", () => {
  it("answers only anonymous GETs of public pages that do not set the language", () => {
    const q = (s = "") => new URLSearchParams(s);
    expect(isCacheableRequest("GET", "/", q("period=2024-Q4"), false)).toBe(true);
    expect(isCacheableRequest("GET", "/units/11161", q(), false)).toBe(true);
    expect(isCacheableRequest("GET", "/units/11161/card", q("period=2024-Q4"), false)).toBe(true);
    expect(isCacheableRequest("GET", "/compare", q("units=1,2"), false)).toBe(true);
    expect(isCacheableRequest("GET", "/api/rankings", q("period=2024-Q4"), false)).toBe(true);
    expect(isCacheableRequest("GET", "/", q(), true)).toBe(false);
    expect(isCacheableRequest("POST", "/", q(), false)).toBe(false);
    expect(isCacheableRequest("HEAD", "/", q(), false)).toBe(false);
    expect(isCacheableRequest("GET", "/", q("lang=en"), false)).toBe(false);
    expect(isCacheableRequest("GET", "/", q("_data=root"), false)).toBe(false);
    for (const path of ["/upload", "/publish", "/uploads", "/admin/users", "/api/other", "/export/rankings.csv", "/units/1/x", "/units/1/card/x", "/login"]) {
      expect(isCacheableRequest("GET", path, q(), false)).toBe(false);
    }
  });

  it("names the data version, the scoring, the language and the address in the key", () => {
    const base = { version: 3, scoringHash: "a", lang: "vi", url: "/?period=2024-Q4" };
    const keys = new Set([
      pageKey(base),
      pageKey({ ...base, version: 4 }),
      pageKey({ ...base, scoringHash: "b" }),
      pageKey({ ...base, lang: "en" }),
      pageKey({ ...base, url: "/?period=2024-Q3" }),
    ]);
    expect(keys.size).toBe(5);
  });

  it("takes the rendering request's nonce out and allows each inline script by its hash", () => {
    const script = 'window.__remixContext = {"a":"<\\u002fscript>"};';
    const page = pageFromHtml(
      `<html><head><script nonce="N0nce+/=">${script}</script><script src="/enhance.js" nonce="N0nce+/=" defer=""></script></head></html>`,
      "N0nce+/=",
      "text/html",
    );
    const body = page.body.toString();
    expect(body).not.toContain("N0nce");
    expect(body).toContain(`<script>${script}</script><script src="/enhance.js" defer=""></script>`);
    const hash = createHash("sha256").update(script).digest("base64");
    expect(inlineScriptHashes(body)).toEqual([hash]);
    expect(page.csp).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(page.csp).not.toContain("nonce");
    expect(pageFromHtml("<p>no scripts</p>", "x".repeat(16), "text/html").csp).toContain("script-src 'self';");
  });
});

describe("filling the page cache", () => {
  it("renders a page once for a crowd asking at the same time, and keeps it", async () => {
    const { state, cache } = setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const render = async () => {
      state.renders += 1;
      await gate;
      return html("<p>page</p>");
    };
    const { key, version } = await cache.keyFor("/", "vi");
    const crowd = Array.from({ length: 5 }, () => cache.fill(key, version, "", render));
    release();
    const filled = await Promise.all(crowd);
    expect(state.renders).toBe(1);
    for (const f of filled) expect("page" in f && f.page.body.toString()).toBe("<p>page</p>");
    expect(cache.get(key)?.body.toString()).toBe("<p>page</p>");
  });

  it("does not keep a page rendered while the data changed, an error page, or a page that sets a cookie", async () => {
    const { state, cache } = setup();
    const { key, version } = await cache.keyFor("/", "vi");
    const moving = await cache.fill(key, version, "", async () => {
      state.version += 1; // an upload committed while the page was being made
      return html("<p>half old, half new</p>");
    });
    expect(moving).toMatchObject({ stable: false });
    expect(cache.has(key)).toBe(false);

    const next = await cache.keyFor("/", "vi");
    const missing = await cache.fill(next.key, next.version, "", async () => html("<p>missing</p>", {}, 404));
    // Handed back to be sent as it is.
    expect("response" in missing && missing.response?.status).toBe(404);
    expect(cache.has(next.key)).toBe(false);
    await cache.fill(next.key, next.version, "", async () => html("<p>lang</p>", { "Set-Cookie": "parboard_lang=en" }));
    expect(cache.has(next.key)).toBe(false);
    await cache.fill(next.key, next.version, "", async () => html("<p>staff</p>", { "Cache-Control": "private, no-store" }));
    expect(cache.has(next.key)).toBe(false);
  });

  it("sends a crowd that waited on a render made while the data moved to one new render, not one each", async () => {
    const { state, cache } = setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const first = await cache.keyFor("/", "vi");
    const owner = cache.fill(first.key, first.version, "", async () => {
      await gate;
      state.version += 1; // a publication landed while the page was made
      return html("<p>old and new</p>");
    });
    const crowd = Array.from({ length: 5 }, () => cache.fill(first.key, first.version, "", async () => html("never rendered")));
    release();
    expect(await owner).toMatchObject({ stable: false });
    for (const f of await Promise.all(crowd)) expect(f).toEqual({ response: null, moved: true });

    // Everyone asks again under the new version: one render between them.
    const next = await cache.keyFor("/", "vi");
    const again = await Promise.all(
      Array.from({ length: 6 }, () =>
        cache.fill(next.key, next.version, "", async () => {
          state.renders += 1;
          await new Promise((r) => setTimeout(r, 10));
          return html("<p>new</p>");
        }),
      ),
    );
    expect(state.renders).toBe(1);
    for (const f of again) expect("page" in f && f.page.body.toString()).toBe("<p>new</p>");

    // A render that is not a page to keep (an error) sends the waiters to render their own.
    const missing = await cache.keyFor("/units/none", "vi");
    const gone = cache.fill(missing.key, missing.version, "", async () => html("<p>404</p>", {}, 404));
    const waiter = cache.fill(missing.key, missing.version, "", async () => html("never"));
    expect(await gone).toMatchObject({ stable: true });
    expect(await waiter).toEqual({ response: null, moved: false });
  });

  it("renders again while the data moves under a render, so a reader never gets half of a change", async () => {
    const { state, cache } = setup();
    const render = async () => {
      state.renders += 1;
      // The first render sees a commit land half way.
      if (state.renders === 1) state.version += 1;
      return html(`<p>render ${state.renders} at version ${state.version}</p>`);
    };
    const response = await cache.consistent(render);
    expect(await response.text()).toBe("<p>render 2 at version 2</p>");
    expect(state.renders).toBe(2);
  });

  it("holds no more bytes than its bound, dropping the least recently used page", async () => {
    const { cache } = setup(4000);
    const page = (n: number) => async () => html(`<p>${String(n).repeat(900)}</p>`);
    for (const n of [1, 2, 3, 4, 5]) {
      const { key, version } = await cache.keyFor(`/units/${n}`, "vi");
      await cache.fill(key, version, "", page(n));
    }
    expect(cache.stats.bytes).toBeLessThanOrEqual(4000);
    expect(cache.has((await cache.keyFor("/units/1", "vi")).key)).toBe(false);
    expect(cache.has((await cache.keyFor("/units/5", "vi")).key)).toBe(true);
  });
});
