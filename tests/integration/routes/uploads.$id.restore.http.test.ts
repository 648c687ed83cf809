/**
 * Rollback and restore through the real server, without JavaScript: both confirmation pages say per period
 * and unit what the public will see afterwards, a restore brings the ranks back, a leader or an anonymous
 * reader cannot restore, and a staff account cannot roll back a second period within the hour.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startServer, type TestServer } from "../../helpers/http-server";
import { ALL_USERS, USERS, csvFile, get, login, post, previewForm, tokenIn } from "../../helpers/http-client";

let server: TestServer;
let staff: string;
let admin: string;
let leader: string;
beforeAll(async () => {
  server = await startServer({ seed: true, users: ALL_USERS });
  staff = await login(server, USERS.staff.username, USERS.staff.password);
  admin = await login(server, USERS.admin.username, USERS.admin.password);
  leader = await login(server, USERS.leader.username, USERS.leader.password);
});
afterAll(async () => {
  await server?.stop();
});

/** The visible text of the HTML, tags dropped and React's comment separators removed. */
function text(html: string): string {
  return html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, " ");
}

const rankingSchema = z.object({ rows: z.array(z.object({ commune_code: z.string(), rank: z.number().nullable(), numerator: z.number().nullable() })) });

/** As staff see it: the draft, which an upload, a rollback and a restore change at once. */
async function digitisation(code: string) {
  const report = rankingSchema.parse(await (await get(server, "/api/rankings?period=2024-Q4&indicator=digitization_rate", staff)).json());
  const row = report.rows.find((r) => r.commune_code === code);
  return { rank: row?.rank, numerator: row?.numerator };
}

/** Each upload's date as the history page writes it, by upload id. */
async function uploadDates(): Promise<Map<number, string>> {
  const html = await (await get(server, "/uploads", staff)).text();
  const ids = [...html.matchAll(/data-label="#"><div>(\d+)<\/div>/g)].map((m) => Number(m[1]));
  const dates = [...html.matchAll(/data-label="Thời gian"><div>([^<]+)<\/div>/g)].map((m) => m[1] ?? "");
  expect(ids.length).toBeGreaterThan(0);
  expect(dates).toHaveLength(ids.length);
  return new Map(ids.map((id, i) => [id, dates[i] ?? ""]));
}

async function statusOf(id: number): Promise<string> {
  const html = await (await get(server, "/uploads", staff)).text();
  const row = new RegExp(`<tr[^>]*><td class="num" data-label="#"><div>${id}</div>.*?</tr>`).exec(html)?.[0] ?? "";
  return /Đã hoàn tác/.test(row) ? "rolled_back" : /Đang áp dụng/.test(row) ? "committed" : "?";
}

async function commitCorrection(): Promise<number> {
  const file = csvFile(fs.readFileSync("tests/fixtures/upload/correction-2024-Q4.csv", "utf8"), "correction-2024-Q4.csv");
  const token = tokenIn(await (await post(server, "/upload", previewForm(file), { cookie: staff })).text());
  const commit = await post(server, "/upload", new URLSearchParams({ intent: "commit", token: token ?? "" }), { cookie: staff });
  expect(commit.status).toBe(303);
  return Number(/done=(\d+)/.exec(commit.headers.get("location") ?? "")?.[1]);
}

const confirm = () => new URLSearchParams({ confirm: "yes" });
// The sample's quarters are uploads #1 (2022-Q1) to #12 (2024-Q4), one quarter each.
const SAMPLE_Q4_2024 = 12;
const SAMPLE_Q3_2024 = 11;
const CORRECTED_UNITS = "3 đơn vị: Thị trấn Ninh Giang, Xã Ứng Hoè, Xã Nghĩa An";

describe("a rollback and a restore", () => {
  let id: number;

  it("shows before a rollback, per period and unit, which upload becomes current again and when", async () => {
    id = await commitCorrection();
    expect(await digitisation("11161")).toEqual({ rank: 1, numerator: 626 });
    const dates = await uploadDates();
    const page = text(await (await get(server, `/uploads/${id}/rollback`, staff)).text());
    expect(page).toContain(`Quý 4/2024 Lần tải #${id} (${dates.get(id)}) Lần tải #${SAMPLE_Q4_2024} (${dates.get(SAMPLE_Q4_2024)}) ${CORRECTED_UNITS}`);
    expect(page).toContain("Kỳ Đang áp dụng Sau khi hoàn tác Đơn vị");

    const rollback = await post(server, `/uploads/${id}/rollback`, confirm(), { cookie: staff });
    expect([rollback.status, rollback.headers.get("location")]).toEqual([303, `/uploads?rolledBack=${id}`]);
    expect((await digitisation("11161")).numerator).toBe(537);
  });

  it("offers a restore on the history page and shows, before it, what the public will see afterwards", async () => {
    const history = await (await get(server, "/uploads", staff)).text();
    expect(history).toMatch(new RegExp(`<a aria-label="Khôi phục lần tải #${id}"[^>]* href="/uploads/${id}/restore">Khôi phục…</a>`));
    const dates = await uploadDates();
    const page = await (await get(server, `/uploads/${id}/restore`, staff)).text();
    expect(text(page)).toContain(`Quý 4/2024 Lần tải #${SAMPLE_Q4_2024} (${dates.get(SAMPLE_Q4_2024)}) Lần tải #${id} (${dates.get(id)}) ${CORRECTED_UNITS}`);
    expect(text(page)).toContain("Kỳ Đang áp dụng Sau khi khôi phục Đơn vị");
    // A plain form: it works without JavaScript.
    expect(page).toMatch(/<form method="post"[^>]*><input type="hidden" name="confirm" value="yes"\/><button type="submit"[^>]*>Khôi phục lần tải #\d+<\/button>/);
  });

  it("lets neither a leader nor an anonymous reader restore", async () => {
    expect((await get(server, `/uploads/${id}/restore`, leader)).status).toBe(403);
    const anonymous = await get(server, `/uploads/${id}/restore`);
    expect([anonymous.status, anonymous.headers.get("location")]).toEqual([302, `/login?redirectTo=${encodeURIComponent(`/uploads/${id}/restore`)}`]);
    expect((await post(server, `/uploads/${id}/restore`, confirm(), { cookie: leader })).status).toBe(403);
    expect((await post(server, `/uploads/${id}/restore`, confirm())).status).toBe(302);
    expect(await statusOf(id)).toBe("rolled_back");
    expect((await digitisation("11161")).numerator).toBe(537);
  });

  it("restores the upload: its figures are current again, and the history says who restored it", async () => {
    const restore = await post(server, `/uploads/${id}/restore`, confirm(), { cookie: staff });
    expect([restore.status, restore.headers.get("location")]).toEqual([303, `/uploads?restored=${id}`]);
    expect(await digitisation("11161")).toEqual({ rank: 1, numerator: 626 });
    const history = text(await (await get(server, `/uploads?restored=${id}`, staff)).text());
    expect(history).toContain(`Đã khôi phục lần tải #${id}; số liệu của lần tải này được áp dụng lại.`);
    expect(history).toMatch(/Đang áp dụng khôi phục bởi staff1, \d\d:\d\d ngày \d\d\/\d\d\/\d{4}/);
    const again = await post(server, `/uploads/${id}/restore`, confirm(), { cookie: staff });
    expect(again.status).toBe(409);
    expect(text(await again.text())).toContain("Lần tải này đang được áp dụng, không có gì để khôi phục.");
    const audit = text(await (await get(server, "/admin/audit", admin)).text());
    expect(audit).toMatch(new RegExp(`staff1 Khôi phục lần tải ${id} file: correction-2024-Q4.csv`));
  });
});

describe("the staff rollback bound", () => {
  it("refuses a staff account a second period within the hour, says who can do it, and changes nothing; an admin may", async () => {
    const q4 = await commitCorrection();
    expect((await post(server, `/uploads/${q4}/rollback`, confirm(), { cookie: staff })).status).toBe(303);

    const refusal = "Trong một giờ, mỗi cán bộ chỉ được hoàn tác số liệu của một kỳ: tài khoản của bạn vừa hoàn tác số liệu quý 4/2024.";
    const whoCan = "Việc hoàn tác số liệu quý 3/2024 lúc này cần một quản trị viên, hoặc bạn thử lại sau";
    const page = await (await get(server, `/uploads/${SAMPLE_Q3_2024}/rollback`, staff)).text();
    expect(text(page)).toContain(refusal);
    expect(text(page)).toContain(whoCan);
    expect(page).not.toContain(`Hoàn tác lần tải #${SAMPLE_Q3_2024}</button>`);

    const refused = await post(server, `/uploads/${SAMPLE_Q3_2024}/rollback`, confirm(), { cookie: staff });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3500);
    expect(text(await refused.text())).toContain(whoCan);
    expect(await statusOf(SAMPLE_Q3_2024)).toBe("committed");

    const byAdmin = await post(server, `/uploads/${SAMPLE_Q3_2024}/rollback`, confirm(), { cookie: admin });
    expect([byAdmin.status, byAdmin.headers.get("location")]).toEqual([303, `/uploads?rolledBack=${SAMPLE_Q3_2024}`]);
    expect(await statusOf(SAMPLE_Q3_2024)).toBe("rolled_back");
    expect((await post(server, `/uploads/${SAMPLE_Q3_2024}/restore`, confirm(), { cookie: admin })).status).toBe(303);
  });

  it("says the same in English", async () => {
    const page = text(await (await get(server, `/uploads/${SAMPLE_Q3_2024}/rollback?lang=en`, staff)).text());
    expect(page).toContain("Within an hour, a staff account may roll back the data of one period only: your account has just rolled back Q4 2024.");
    expect(page).toContain("Rolling back Q3 2024 now needs an administrator, or try again after");
  });
});
