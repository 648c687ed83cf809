/**
 * Publication through the real server (shared spec publication.md): the public sees what was published,
 * staff the draft; a partial new quarter and a correction change nothing public until published; `as_of`
 * gives what was published on a date.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startServer, type TestServer } from "../../../helpers/http-server";
import { ALL_USERS, USERS, csvFile, get, login, post, previewForm, tokenIn } from "../../../helpers/http-client";

let server: TestServer;
let staff: string;
let admin: string;

// The seed's publications are moved ten days back, so that a date five days ago names them alone.
const FIVE_DAYS_AGO = new Date(Date.now() - 5 * 24 * 3600 * 1000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startServer({
    seed: true,
    users: ALL_USERS,
    prepare: async (db) => {
      await db.transaction(async (conn) => {
        await conn.run("UPDATE publications SET published_at = published_at - INTERVAL 10 DAY");
      });
    },
  });
  staff = await login(server, USERS.staff.username, USERS.staff.password);
  admin = await login(server, USERS.admin.username, USERS.admin.password);
});
afterAll(async () => {
  await server?.stop();
});

/** The body of a page as sent, with the per-response nonce and the printout's "printed at" time masked. */
async function bytesOf(path: string, cookie?: string): Promise<string> {
  const res = await get(server, path, cookie);
  const body = (await res.text()).replace(/nonce="[^"]*"/g, 'nonce=""').replace(/Trang tạo lúc \d\d:\d\d ngày [\d/]+/g, "Trang tạo lúc …");
  return `${res.status}\n${body}`;
}

const PUBLIC_VIEWS = ["/", "/?period=2024-Q4&indicator=online_rate", "/units/11161", "/contest", "/api/rankings?period=2024-Q4", "/export/rankings.csv?period=2024-Q4", "/data"];

async function publicSnapshot(): Promise<string[]> {
  return Promise.all(PUBLIC_VIEWS.map((p) => bytesOf(p)));
}

/** Commits a CSV as staff through the server's preview and commit. */
async function upload(name: string, text: string): Promise<void> {
  const html = await (await post(server, "/upload", previewForm(csvFile(text, name)), { cookie: staff })).text();
  const token = tokenIn(html);
  expect(token, html.slice(0, 400)).not.toBeNull();
  const commit = await post(server, "/upload", new URLSearchParams({ intent: "commit", token: token ?? "" }), { cookie: staff });
  expect(commit.status).toBe(303);
}

const rankingSchema = z.object({
  status: z.enum(["published", "draft"]),
  publication: z.number().nullable(),
  as_of: z.string().nullable(),
  rows: z.array(z.object({ commune_code: z.string(), indicator: z.string(), numerator: z.number().nullable(), rank: z.number().nullable() })),
});

async function api(path: string, cookie?: string) {
  const res = await get(server, path, cookie);
  return { status: res.status, body: res.status === 200 ? rankingSchema.parse(await res.json()) : null };
}

function digitised(body: z.infer<typeof rankingSchema> | null, code: string): number | null | undefined {
  return body?.rows.find((r) => r.commune_code === code && r.indicator === "digitization_rate")?.numerator;
}

describe("a partial new quarter", () => {
  it("leaves every public page, the API and the exports exactly as they were, while staff see the draft", async () => {
    const before = await publicSnapshot();
    const sample = fs.readFileSync("data/sample/2026-Q3.csv", "utf8").trimEnd().split("\n");
    const partial = [sample[0], ...sample.slice(1, 3).map((line) => line.replace(",2026-Q3,", ",2026-Q4,"))].join("\n");
    await upload("partial-2026-Q4.csv", `${partial}\n`);

    expect(await publicSnapshot()).toEqual(before);
    expect((await api("/api/rankings?period=2026-Q4")).status).toBe(404);
    const draft = await api("/api/rankings?period=2026-Q4", staff);
    expect(draft.body?.status).toBe("draft");
    expect(draft.body?.publication).toBeNull();
    // Staff open on the newest quarter, the draft, and are told readers do not see it.
    const home = await (await get(server, "/", staff)).text();
    expect(home).toContain("quý 4/2026");
    expect(home).toContain("số liệu kỳ này chưa được công bố; người xem chưa thấy.");
    expect(await (await get(server, "/")).text()).not.toContain("quý 4/2026");
  });

  it("reaches the public once staff publish it, with the missing units confirmed", async () => {
    const refused = await post(server, "/publish", new URLSearchParams({ intent: "publish", period: "2026-Q4" }), { cookie: staff });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Quý 4/2026 còn 3 đơn vị chưa báo cáo");
    expect((await api("/api/rankings?period=2026-Q4")).status).toBe(404);
    const ok = await post(server, "/publish", new URLSearchParams({ intent: "publish", period: "2026-Q4", allowMissing: "yes" }), { cookie: staff });
    expect(ok.status).toBe(303);
    const done = await (await get(server, ok.headers.get("location") ?? "", staff)).text();
    expect(done).toContain("Đã công bố Quý 4/2026, phiên bản 1.");
    expect(done).toContain('<a href="/?period=2026-Q4">Xem bảng xếp hạng quý 4/2026</a>');
    const published = await api("/api/rankings?period=2026-Q4");
    expect(published.body).toMatchObject({ status: "published", publication: 1 });
    // Publishing again with nothing changed makes no second version.
    await post(server, "/publish", new URLSearchParams({ intent: "publish", period: "2026-Q4", allowMissing: "yes" }), { cookie: staff });
    expect((await api("/api/rankings?period=2026-Q4")).body?.publication).toBe(1);
  });
});

describe("a correction after publication", () => {
  it("changes the draft, not what the public sees, until the quarter is published again; as_of keeps the first version", async () => {
    const published = await api("/api/rankings?period=2024-Q4");
    expect(digitised(published.body, "11161")).toBe(537);
    await upload("correction-2024-Q4.csv", fs.readFileSync("tests/fixtures/upload/correction-2024-Q4.csv", "utf8"));

    expect(digitised((await api("/api/rankings?period=2024-Q4")).body, "11161")).toBe(537);
    const draft = (await api("/api/rankings?period=2024-Q4", staff)).body;
    expect(draft).toMatchObject({ status: "draft", publication: 1 });
    expect(digitised(draft, "11161")).toBe(626);

    expect((await post(server, "/publish", new URLSearchParams({ intent: "publish", period: "2024-Q4" }), { cookie: staff })).status).toBe(303);
    const republished = (await api("/api/rankings?period=2024-Q4")).body;
    expect(republished).toMatchObject({ status: "published", publication: 2 });
    expect(digitised(republished, "11161")).toBe(626);

    const then = (await api(`/api/rankings?period=2024-Q4&as_of=${FIVE_DAYS_AGO}`)).body;
    expect(then).toMatchObject({ status: "published", publication: 1, as_of: FIVE_DAYS_AGO });
    expect(digitised(then, "11161")).toBe(537);
    const page = await (await get(server, `/units/11161?period=2024-Q4&as_of=${FIVE_DAYS_AGO}`)).text();
    expect(page).toMatch(/Kết quả xếp hạng như đã công bố đến hết ngày \d{2}\/\d{2}\/\d{4} \(phiên bản 1\)/);
    expect(page).toContain("Đã có phiên bản mới hơn (2): xem bản hiện hành");
    expect(page).not.toContain("đính chính ngày");

    // The current version says which ranks the correction changed, and what they were.
    const rankOf = (body: typeof then) => body?.rows.find((r) => r.commune_code === "11161" && r.indicator === "digitization_rate")?.rank;
    expect(rankOf(republished)).not.toBe(rankOf(then));
    const today = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    const current = await (await get(server, "/units/11161?period=2024-Q4")).text();
    expect(current).toContain(`đính chính ngày ${today}; trước đó ${rankOf(then)}/20`);
    const english = await (await get(server, "/units/11161?period=2024-Q4&lang=en")).text();
    expect(english).toMatch(new RegExp(`corrected on [^;]+; was ${rankOf(then)}/20`));
    // Staff reading the draft see no correction marks: the draft is not a statement yet.
    expect(await (await get(server, "/units/11161?period=2024-Q4", staff)).text()).not.toContain("đính chính ngày");
  });

  it("answers 404 for a date before any publication, 400 for a malformed one", async () => {
    expect((await api("/api/rankings?period=2024-Q4&as_of=2020-01-01")).status).toBe(404);
    const page = await get(server, "/?as_of=2020-01-01");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Đến hết ngày 01/01/2020 chưa có kết quả xếp hạng nào được công bố.");
    expect((await get(server, "/?as_of=01-12-2026")).status).toBe(400);
  });
});

describe("withdrawal", () => {
  it("is for admins only, needs a reason, and brings the previous version back", async () => {
    const asStaff = await post(server, "/publish", new URLSearchParams({ intent: "withdraw", period: "2024-Q4", reason: "sai số liệu" }), { cookie: staff });
    expect(asStaff.status).toBe(403);
    expect((await post(server, "/publish", new URLSearchParams({ intent: "withdraw", period: "2024-Q4", reason: "" }), { cookie: admin })).status).toBe(400);
    const ok = await post(server, "/publish", new URLSearchParams({ intent: "withdraw", period: "2024-Q4", reason: "sai số liệu" }), { cookie: admin });
    expect(ok.status).toBe(303);
    const now = (await api("/api/rankings?period=2024-Q4")).body;
    expect(now?.publication).toBe(1);
    expect(digitised(now, "11161")).toBe(537);
    const audit = await (await get(server, "/admin/audit", admin)).text();
    expect(audit).toContain("sai số liệu");
  });

  it("refuses a quarter that is not published", async () => {
    expect((await post(server, "/publish", new URLSearchParams({ intent: "withdraw", period: "2019-Q1", reason: "không có" }), { cookie: admin })).status).toBe(409);
  });
});

describe("who may publish", () => {
  it("is staff and admins: a leader and an anonymous reader cannot publish or see a draft", async () => {
    const leader = await login(server, USERS.leader.username, USERS.leader.password);
    expect((await get(server, "/publish", leader)).status).toBe(403);
    expect((await post(server, "/publish", new URLSearchParams({ intent: "publish", period: "2024-Q4" }), { cookie: leader })).status).toBe(403);
    expect((await get(server, "/publish")).status).toBe(302);
    expect((await post(server, "/publish", new URLSearchParams({ intent: "publish", period: "2024-Q4" }))).status).toBe(302);
  });
});
