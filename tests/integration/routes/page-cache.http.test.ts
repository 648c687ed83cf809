/**
 * The page cache through the real server (decision 014): after every kind of change a page can show (an
 * upload, a publication, a withdrawal, a rollback, a registry or scoring change, a language switch) each
 * public page shows the new state on the very next request; a staff draft never reaches an anonymous
 * reader and a cached public page never reaches staff; a kept page is the same bytes for everyone, with
 * its validator, `304`, its compressed copies and a CSP without a nonce.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../helpers/http-server";
import { ALL_USERS, USERS, csvFile, login, post, previewForm, tokenIn } from "../../helpers/http-client";

let server: TestServer;
let staff: string;
let admin: string;

beforeAll(async () => {
  server = await startServer({ seed: true, users: ALL_USERS });
  staff = await login(server, USERS.staff.username, USERS.staff.password);
  admin = await login(server, USERS.admin.username, USERS.admin.password);
});
afterAll(async () => {
  await server?.stop();
});

/**
 * Each public page with what tells the two states of Xã Ứng Hoè's 2024-Q4 digitisation apart: 537 of 626
 * dossiers as the sample has it, 626 of 626 after tests/fixtures/upload/correction-2024-Q4.csv.
 */
const PAGES = [
  { path: "/?period=2024-Q4&indicator=digitization_rate", before: "537/626", after: "626/626" },
  { path: "/units/11161?period=2024-Q4", before: "537/626", after: "626/626" },
  { path: "/compare?units=11161,11164&period=2024-Q4", before: "Xã Ứng Hoè · Quý 4/2024: 85,8\u00a0%", after: "Xã Ứng Hoè · Quý 4/2024: 100,0\u00a0%" },
] as const;
type State = "before" | "after";

interface Read {
  status: number;
  cache: string | null;
  etag: string | null;
  body: string;
}

async function read(pagePath: string, headers: Record<string, string> = {}): Promise<Read> {
  const res = await fetch(`${server.url}${pagePath}`, { headers: { "Accept-Encoding": "identity", ...headers } });
  return { status: res.status, cache: res.headers.get("X-Page-Cache"), etag: res.headers.get("ETag"), body: await res.text() };
}

function stateOf(page: (typeof PAGES)[number], body: string): State | "neither" {
  const text = body.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ");
  // The page may show the "after" text elsewhere (another indicator at 100 %): the "before" text decides.
  return text.includes(page.before) ? "before" : text.includes(page.after) ? "after" : "neither";
}

/** Every page as an anonymous reader sees it, twice: the second time from the cache, the same bytes. */
async function publicStates(): Promise<State[]> {
  const states: State[] = [];
  for (const page of PAGES) {
    const first = await read(page.path);
    const second = await read(page.path);
    expect(first.status).toBe(200);
    expect(second.cache).toBe("hit");
    expect(second.body).toBe(first.body);
    states.push(stateOf(page, first.body) as State);
  }
  return states;
}

async function staffStates(): Promise<(State | "neither")[]> {
  const states: (State | "neither")[] = [];
  for (const page of PAGES) {
    const res = await read(page.path, { Cookie: staff });
    expect(res.status).toBe(200);
    // Staff pages are rendered for them, every time, and never stored outside the server.
    expect(res.cache).toBeNull();
    states.push(stateOf(page, res.body));
  }
  return states;
}

const all = (state: State) => PAGES.map(() => state);

async function commitCorrection(): Promise<number> {
  const file = csvFile(fs.readFileSync("tests/fixtures/upload/correction-2024-Q4.csv", "utf8"), "correction-2024-Q4.csv");
  const token = tokenIn(await (await post(server, "/upload", previewForm(file), { cookie: staff })).text());
  const commit = await post(server, "/upload", new URLSearchParams({ intent: "commit", token: token ?? "" }), { cookie: staff });
  expect(commit.status).toBe(303);
  return Number(/done=(\d+)/.exec(commit.headers.get("location") ?? "")?.[1]);
}

describe("the page cache", () => {
  it("keeps a public page as one set of bytes: validator, 304, gzip and brotli copies, a CSP with no nonce", async () => {
    const page = PAGES[0].path;
    const first = await read(page);
    expect(first.cache).toMatch(/^(hit|miss)$/);
    const kept = await fetch(`${server.url}${page}`, { headers: { "Accept-Encoding": "identity" } });
    const body = await kept.text();
    expect(kept.headers.get("X-Page-Cache")).toBe("hit");
    expect(kept.headers.get("Cache-Control")).toBe("public, max-age=0, must-revalidate");
    expect(kept.headers.get("Vary")).toMatch(/Accept-Encoding.*Cookie/);
    expect(kept.headers.get("Content-Security-Policy")).toMatch(/script-src 'self'(; | 'sha256-)/);
    expect(kept.headers.get("Content-Security-Policy")).not.toContain("nonce-");
    expect(body).not.toMatch(/ nonce="/);
    const etag = kept.headers.get("ETag") ?? "";
    expect((await read(page, { "If-None-Match": etag })).status).toBe(304);

    // The compressed copies are made once, off the request; give them a moment.
    await new Promise((r) => setTimeout(r, 300));
    const br = await fetch(`${server.url}${page}`, { headers: { "Accept-Encoding": "br, gzip" } });
    const gz = await fetch(`${server.url}${page}`, { headers: { "Accept-Encoding": "gzip" } });
    // fetch decodes what it receives; the headers say what was sent.
    expect([br.headers.get("Content-Encoding"), br.headers.get("ETag")]).toEqual(["br", `${etag.slice(0, -1)}-br"`]);
    expect([gz.headers.get("Content-Encoding"), gz.headers.get("ETag")]).toEqual(["gzip", `${etag.slice(0, -1)}-gz"`]);
    expect(await br.text()).toBe(body);
    expect(await gz.text()).toBe(body);
    // A client holding the brotli copy revalidates it too.
    expect((await read(page, { "If-None-Match": `${etag.slice(0, -1)}-br"` })).status).toBe(304);
  });

  it("shows every change on the next request, to the public only what is published, and never one reader's page to the other", async () => {
    expect(await publicStates()).toEqual(all("before"));

    // An upload: staff see the draft at once; the public keeps the published figures.
    const upload = await commitCorrection();
    expect(await staffStates()).toEqual(all("after"));
    expect(await publicStates()).toEqual(all("before"));
    // Staff asked after the public page was kept, and the public after staff: neither got the other's.
    expect(await staffStates()).toEqual(all("after"));

    // A publication: the public sees it on the next request.
    expect((await post(server, "/publish", new URLSearchParams({ intent: "publish", period: "2024-Q4" }), { cookie: staff })).status).toBe(303);
    expect(await publicStates()).toEqual(all("after"));

    // A withdrawal: the version before stands again.
    const withdrawn = await post(server, "/publish", new URLSearchParams({ intent: "withdraw", period: "2024-Q4", reason: "sai số liệu" }), { cookie: admin });
    expect(withdrawn.status).toBe(303);
    expect(await publicStates()).toEqual(all("before"));
    expect(await staffStates()).toEqual(all("after"));

    // A rollback of the upload: staff see the old figures again.
    const rollback = await post(server, `/uploads/${upload}/rollback`, new URLSearchParams({ confirm: "yes" }), { cookie: staff });
    expect(rollback.status).toBe(303);
    expect(await staffStates()).toEqual(all("before"));
    expect(await publicStates()).toEqual(all("before"));
  });

  it("gives a staff draft's validator no meaning to the public, and the public's none to staff", async () => {
    await commitCorrection();
    const page = PAGES[0];
    const kept = await read(page.path);
    const draft = await fetch(`${server.url}${page.path}`, { headers: { Cookie: staff, "If-None-Match": kept.etag ?? "" } });
    expect(draft.status).toBe(200);
    expect(stateOf(page, await draft.text())).toBe("after");
    const publicWithStaffTag = await read(page.path, { "If-None-Match": draft.headers.get("ETag") ?? '"none"' });
    expect(publicWithStaffTag.status).toBe(200);
    expect(stateOf(page, publicWithStaffTag.body)).toBe("before");
  });

  it("makes the default views after a publication, so the first reader finds them kept", async () => {
    await commitCorrection();
    expect((await post(server, "/publish", new URLSearchParams({ intent: "publish", period: "2024-Q4" }), { cookie: staff })).status).toBe(303);
    // Made in the background after the answer to staff: four pages of the sample take well under a second.
    await new Promise((r) => setTimeout(r, 8000));
    for (const [page, lang] of [["/", "vi"], ["/contest", "vi"], ["/", "en"], ["/contest", "en"]] as const) {
      const res = await read(page, { Cookie: `parboard_lang=${lang}` });
      expect([page, lang, res.status, res.cache]).toEqual([page, lang, 200, "hit"]);
    }
  });

  it("switches language on the next request: ?lang= is rendered and sets the cookie, the cookie chooses the kept page", async () => {
    const page = "/?period=2024-Q4";
    const vi = await read(page);
    expect(vi.body).toContain('<html lang="vi"');
    const switched = await fetch(`${server.url}${page}&lang=en`);
    expect(switched.headers.get("X-Page-Cache")).toBeNull();
    expect(switched.headers.get("Set-Cookie")).toMatch(/parboard_lang=en/);
    expect(await switched.text()).toContain('<html lang="en"');
    for (let i = 0; i < 2; i++) {
      const en = await read(page, { Cookie: "parboard_lang=en" });
      expect(en.body).toContain('<html lang="en"');
      expect((await read(page, { Cookie: "parboard_lang=vi" })).body).toContain('<html lang="vi"');
      expect((await read(page)).body).toBe(vi.body);
    }
  });

  it("shows a registry or scoring change made between two runs of the server", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-page-cache-data-"));
    try {
      fs.cpSync("data", dataDir, { recursive: true });
      const communes = path.join(dataDir, "communes.csv");
      fs.writeFileSync(communes, fs.readFileSync(communes, "utf8").replace("11161,Xã Ứng Hoè,", "11161,Xã Ứng Hoè Mới,"));
      const scoring = path.join(dataDir, "scoring.json");
      fs.writeFileSync(scoring, fs.readFileSync(scoring, "utf8").replace('"name": "default-766"', '"name": "thu-nghiem"'));
      const page = "/?period=2024-Q4&indicator=composite_score";
      const before = await read(page);
      expect(before.body).not.toContain("Ứng Hoè Mới");
      expect(before.body).toContain("default-766");
      server = await server.restart({ dataDir });
      const after = await read(page);
      expect(after.status).toBe(200);
      expect(after.body).toContain("Xã Ứng Hoè Mới");
      expect(after.body).toContain("thu-nghiem");
      expect(after.body).not.toContain("default-766");
    } finally {
      server = await server.restart({});
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
