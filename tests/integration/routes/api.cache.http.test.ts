/**
 * The rankings API answers from a cache keyed by the data version (decision 014), validated by ETag: the
 * same answer until the data changes, the new one on the first request after a commit or a publication, a
 * staff draft never given to the public, and `304 Not Modified` for a client that has the answer.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../helpers/http-server";
import { ALL_USERS, USERS, csvFile, login, post, previewForm, tokenIn } from "../../helpers/http-client";

let server: TestServer;
let staff: string;

beforeAll(async () => {
  server = await startServer({ seed: true, users: ALL_USERS });
  staff = await login(server, USERS.staff.username, USERS.staff.password);
});
afterAll(async () => {
  await server?.stop();
});

const PATH = "/api/rankings?period=2024-Q4&indicator=digitization_rate";

async function api(headers: Record<string, string> = {}) {
  // One representation (gzip and brotli copies have validators of their own, decision 014).
  const res = await fetch(`${server.url}${PATH}`, { headers: { "Accept-Encoding": "identity", ...headers } });
  const text = await res.text();
  return { status: res.status, etag: res.headers.get("ETag"), cacheControl: res.headers.get("Cache-Control"), text };
}

function digitised(text: string): number | undefined {
  const body = JSON.parse(text) as { rows: { commune_code: string; numerator: number }[] };
  return body.rows.find((r) => r.commune_code === "11161")?.numerator;
}

describe("GET /api/rankings from the cache", () => {
  it("gives the same answer and validator twice, and 304 with no body to a client that has it", async () => {
    const first = await api();
    const second = await api();
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"[\w-]{27}"$/);
    expect(second).toEqual(first);
    expect(first.cacheControl).toBe("public, max-age=0, must-revalidate");
    const again = await api({ "If-None-Match": first.etag ?? "" });
    expect(again).toMatchObject({ status: 304, etag: first.etag, text: "" });
    expect((await api({ "If-None-Match": `"other", W/${first.etag}` })).status).toBe(304);
    expect((await api({ "If-None-Match": '"other"' })).status).toBe(200);
  });

  it("keeps the public answer through a staff correction, gives staff the draft at once, and the public the new one when published", async () => {
    const before = await api();
    expect(digitised(before.text)).toBe(537);
    const html = await (await post(server, "/upload", previewForm(csvFile(fs.readFileSync("tests/fixtures/upload/correction-2024-Q4.csv", "utf8"), "c.csv")), { cookie: staff })).text();
    const commit = await post(server, "/upload", new URLSearchParams({ intent: "commit", token: tokenIn(html) ?? "" }), { cookie: staff });
    expect(commit.status).toBe(303);

    // Recomputed for the new data version, the public answer is the same bytes: the same validator.
    const after = await api({ "If-None-Match": before.etag ?? "" });
    expect(after.status).toBe(304);
    const draft = await fetch(`${server.url}${PATH}`, { headers: { Cookie: staff } });
    const draftText = await draft.text();
    expect(draft.headers.get("Cache-Control")).toBe("private, no-store");
    expect(digitised(draftText)).toBe(626);
    // The public never gets the staff draft, even asking with its validator.
    const publicWithDraftTag = await api({ "If-None-Match": draft.headers.get("ETag") ?? "" });
    expect(publicWithDraftTag.status).toBe(200);
    expect(digitised(publicWithDraftTag.text)).toBe(537);

    const published = await post(server, "/publish", new URLSearchParams({ intent: "publish", period: "2024-Q4" }), { cookie: staff });
    expect(published.status).toBe(303);
    const now = await api({ "If-None-Match": before.etag ?? "" });
    expect(now.status).toBe(200);
    expect(digitised(now.text)).toBe(626);
    expect(now.etag).not.toBe(before.etag);
  });
});
