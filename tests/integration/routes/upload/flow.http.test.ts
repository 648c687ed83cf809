/**
 * The upload without JavaScript, through the real server: a multipart post gives a server-rendered
 * preview; a commit button posts only the preview's token; the history offers a confirmed rollback.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startServer, type TestServer } from "../../../helpers/http-server";
import { ALL_USERS, USERS, csvFile, get, login, post, previewForm, tokenIn } from "../../../helpers/http-client";

const fixture = (name: string) => csvFile(fs.readFileSync(`tests/fixtures/upload/${name}`, "utf8"), name);

let server: TestServer;
let staff: string;
beforeAll(async () => {
  server = await startServer({ seed: true, users: ALL_USERS, env: { MAX_UPLOAD_BYTES: "50000" } });
  staff = await login(server, USERS.staff.username, USERS.staff.password);
});
afterAll(async () => {
  await server?.stop();
});

const rankingSchema = z.object({ rows: z.array(z.object({ commune_code: z.string(), indicator: z.string(), rank: z.number().nullable(), numerator: z.number().nullable() })) });

/** A unit's digitisation in 2024-Q4 as a reader sees it: staff the draft, anyone else what is published. */
async function digitisation(code: string, cookie?: string) {
  const report = rankingSchema.parse(await (await get(server, "/api/rankings?period=2024-Q4&indicator=digitization_rate", cookie)).json());
  const row = report.rows.find((r) => r.commune_code === code);
  return { rank: row?.rank, numerator: row?.numerator };
}

async function uploadIds(): Promise<number[]> {
  const html = await (await get(server, "/uploads", staff)).text();
  const ids = [...html.matchAll(/<td class="num" data-label="#"><div>(\d+)<\/div><\/td>/g)].map((m) => Number(m[1]));
  // The seeded sample alone has uploads: an empty list means this pattern no longer fits the page.
  expect(ids.length).toBeGreaterThan(0);
  return ids;
}

/** The visible text of the HTML, tags dropped and React's comment separators removed. */
function text(html: string): string {
  return html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/\s+/g, " ");
}

describe("an upload with errors", () => {
  it("lists every error with its line, column and value, offers no commit, and saves nothing", async () => {
    const before = await uploadIds();
    const res = await post(server, "/upload", previewForm(fixture("errors-2024-Q4.csv")), { cookie: staff });
    expect(res.status).toBe(200);
    const html = await res.text();
    const shown = text(html);
    expect(shown).toContain("Tệp có 3 lỗi nên không thể lưu");
    expect(shown).toMatch(/3 dossiers_digitized 12,5 Cần một số nguyên ≥ 0/);
    expect(shown).toMatch(/4 commune_code 99999 Mã đơn vị không có trong danh mục/);
    expect(shown).toMatch(/5 dossiers_online 900 Không được lớn hơn "dossiers_received" của cùng dòng \(756\)/);
    expect(html).toMatch(/href="data:text\/csv;charset=utf-8,[^"]+" download="loi-errors-2024-Q4.csv"/);
    expect(tokenIn(html)).toBeNull();
    expect(await uploadIds()).toEqual(before);
  });
});

describe("a correct upload, committed and rolled back", () => {
  it("previews the changes, commits on the token, changes the ranks, and a rollback restores them", async () => {
    const before = await digitisation("11161", staff);
    expect(before.numerator).toBe(537);
    expect(await digitisation("11161")).toEqual(before);
    expect(before.rank).toBeGreaterThan(1);

    const res = await post(server, "/upload", previewForm(fixture("correction-2024-Q4.csv")), { cookie: staff });
    const html = await res.text();
    const shown = text(html);
    expect(shown).toContain("Tệp hợp lệ, không có lỗi");
    expect(shown).toContain("UTF-8 (có BOM)");
    expect(shown).toContain("dấu chấm phẩy (;)");
    expect(shown).toMatch(/Xã Ứng Hoè 11161 Số hồ sơ được số hóa: 537 → 626/);
    expect(shown).toMatch(/Xã Nghĩa An 11164 Số hồ sơ tiếp nhận trực tuyến: 606 → 640 Số hồ sơ được số hóa: 609 → 700/);
    expect(shown).toMatch(/Thị trấn Ninh Giang 11155 Không đổi/);
    expect(shown).toMatch(/Quý 4\/2024 0 2 1/);
    // Still nothing saved: a preview is only a preview.
    expect((await digitisation("11161", staff)).numerator).toBe(537);

    const token = tokenIn(html);
    expect(token).not.toBeNull();
    // Another user's session cannot commit this preview.
    const admin = await login(server, USERS.admin.username, USERS.admin.password);
    expect((await post(server, "/upload", new URLSearchParams({ intent: "commit", token: token ?? "" }), { cookie: admin })).status).toBe(410);

    const commit = await post(server, "/upload", new URLSearchParams({ intent: "commit", token: token ?? "" }), { cookie: staff });
    expect(commit.status).toBe(303);
    const location = commit.headers.get("location") ?? "";
    const id = Number(/done=(\d+)/.exec(location)?.[1]);
    const after = await digitisation("11161", staff);
    expect(after).toEqual({ rank: 1, numerator: 626 });
    // The public sees the published quarter until staff publish the correction.
    expect(await digitisation("11161")).toEqual(before);

    const historyHtml = await (await get(server, location, staff)).text();
    const history = text(historyHtml);
    expect(history).toContain(`Đã lưu lần tải #${id} (correction-2024-Q4.csv): 3 dòng, 3 đơn vị.`);
    // Where to look next: the quarter's dashboard as staff see it, and (staff may publish) the Publish page.
    expect(historyHtml).toContain('<a href="/?period=2024-Q4">Xem bảng xếp hạng quý 4/2024 (bản nháp: người xem thấy sau khi công bố)</a>');
    expect(historyHtml).toContain('<a href="/publish">Công bố (trang Công bố)</a>');
    expect(history).toMatch(new RegExp(`${id} .* staff1 qua trang web correction-2024-Q4.csv SHA-256 [0-9a-f]{10}… [0-9a-f]{64} Quý 4/2024 3`));

    const confirm = text(await (await get(server, `/uploads/${id}/rollback`, staff)).text());
    expect(confirm).toContain(`Hoàn tác lần tải #${id}`);
    expect(confirm).toMatch(new RegExp(`Quý 4/2024 Lần tải #${id} \\([^)]+\\) Lần tải #12 \\([^)]+\\) 3 đơn vị: Thị trấn Ninh Giang, Xã Ứng Hoè, Xã Nghĩa An`));

    const rollback = await post(server, `/uploads/${id}/rollback`, new URLSearchParams({ confirm: "yes" }), { cookie: staff });
    expect([rollback.status, rollback.headers.get("location")]).toEqual([303, `/uploads?rolledBack=${id}`]);
    expect(await digitisation("11161", staff)).toEqual(before);
    const again = await post(server, `/uploads/${id}/rollback`, new URLSearchParams({ confirm: "yes" }), { cookie: staff });
    expect(again.status).toBe(409);
    expect(text(await again.text())).toContain("Lần tải này đã được hoàn tác trước đó.");

    const audit = text(await (await get(server, "/admin/audit", admin)).text());
    expect(audit).toMatch(new RegExp(`staff1 Hoàn tác lần tải ${id}`));
    expect(audit).toMatch(new RegExp(`staff1 Tải lên số liệu ${id} file: correction-2024-Q4.csv`));
  });
});

describe("a unit name that is HTML", () => {
  it("is escaped in the preview and, once committed, on every page; never markup", async () => {
    const html = await (await post(server, "/upload", previewForm(fixture("html-name-2024-Q4.csv")), { cookie: staff })).text();
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toMatch(/<img\b/);
    // Committed, the name is kept in report_rows.commune_name; no page may turn it into markup.
    const commit = await post(server, "/upload", new URLSearchParams({ intent: "commit", token: tokenIn(html) ?? "" }), { cookie: staff });
    expect(commit.status).toBe(303);
    const id = Number(/done=(\d+)/.exec(commit.headers.get("location") ?? "")?.[1]);
    for (const path of ["/", "/units/11161", "/units/11161?period=2024-Q4", "/compare", "/contest", "/data", "/uploads", `/uploads/${id}/rollback`, "/admin/audit"]) {
      const page = await (await get(server, path, path === "/admin/audit" ? await login(server, USERS.admin.username, USERS.admin.password) : staff)).text();
      expect(page, path).not.toMatch(/<img\b/);
    }
    const exported = await (await get(server, "/export/rankings.csv?period=2024-Q4")).text();
    expect(exported).not.toMatch(/^[=+\-@]/m);
    expect((await post(server, `/uploads/${id}/rollback`, new URLSearchParams({ confirm: "yes" }), { cookie: staff })).status).toBe(303);
  });
});

describe("a file over MAX_UPLOAD_BYTES", () => {
  it("is refused with a translated message, by its Content-Length and while it streams", async () => {
    const big = csvFile(`${"x".repeat(200_000)}\n`, "big.csv");
    const res = await post(server, "/upload", previewForm(big), { cookie: staff });
    expect(res.status).toBe(413);
    expect(text(await res.text())).toContain("Tệp vượt quá dung lượng tối đa cho phép (0,05 MB)");
    // Just over the limit but within the multipart allowance: caught while streaming.
    const near = csvFile(`${"x".repeat(60_000)}\n`, "near.csv");
    const streamed = await post(server, "/upload", previewForm(near), { cookie: staff });
    expect(streamed.status).toBe(413);
    expect(text(await streamed.text())).toContain("Tệp vượt quá dung lượng tối đa cho phép");
  });

  it("asks for a file when none was chosen", async () => {
    const form = new FormData();
    form.append("intent", "preview");
    form.append("file", new File([], ""));
    const res = await post(server, "/upload", form, { cookie: staff });
    expect(res.status).toBe(400);
    expect(text(await res.text())).toContain("Chưa chọn tệp.");
  });
});

describe("file names as browsers send them", () => {
  // Browsers send = and ; unescaped inside the quoted filename (only " CR LF become %22 %0D %0A), and
  // Remix's multipart parser split the header on them: a 500, or an empty name for one starting with "=".
  const NAMES = ["a=b;c.csv", "=SUM(A1);x.csv", "bảng tính; quý 4=2024 \"cuối\".csv", "<img src=x onerror=alert(1)>.csv"];

  it("previews, commits and lists a file under the name it was sent with, escaped, whatever characters it holds", async () => {
    const body = fs.readFileSync("tests/fixtures/upload/correction-2024-Q4.csv", "utf8");
    for (const name of NAMES) {
      // As the page's text holds it: React escapes < and > (text() turns &quot; back into ").
      const shown = name.replace(/</g, "&lt;").replace(/>/g, "&gt;");
      const res = await post(server, "/upload", previewForm(csvFile(body, name)), { cookie: staff });
      expect(res.status, name).toBe(200);
      const html = await res.text();
      expect(text(html), name).toContain(`Kết quả kiểm tra tệp ${shown}`);
      expect(html, name).not.toMatch(/<img\b/);
      const commit = await post(server, "/upload", new URLSearchParams({ intent: "commit", token: tokenIn(html) ?? "" }), { cookie: staff });
      expect(commit.status, name).toBe(303);
      const id = Number(/done=(\d+)/.exec(commit.headers.get("location") ?? "")?.[1]);
      const history = await (await get(server, commit.headers.get("location") ?? "", staff)).text();
      expect(text(history), name).toContain(`Đã lưu lần tải #${id} (${shown})`);
      expect(history, name).not.toMatch(/<img\b/);
      expect((await post(server, `/uploads/${id}/rollback`, new URLSearchParams({ confirm: "yes" }), { cookie: staff })).status).toBe(303);
    }
  });

  it("names the errors' CSV after such a file without a character Excel or a shell would act on", async () => {
    const name = '=HYPERLINK("x");a=b.csv';
    const res = await post(server, "/upload", previewForm(csvFile(fs.readFileSync("tests/fixtures/upload/errors-2024-Q4.csv", "utf8"), name)), { cookie: staff });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(text(html)).toContain(`Kết quả kiểm tra tệp ${name}`);
    expect(html).toContain('download="loi-_HYPERLINK_x_a_b.csv"');
  });

  it("commits such a file straight away on the JavaScript path (commit-file)", async () => {
    const form = new FormData();
    form.append("intent", "commit-file");
    form.append("file", csvFile(fs.readFileSync("tests/fixtures/upload/correction-2024-Q4.csv", "utf8"), "=a;b=c.csv"));
    const res = await post(server, "/upload", form, { cookie: staff });
    expect(res.status).toBe(303);
    const id = Number(/done=(\d+)/.exec(res.headers.get("location") ?? "")?.[1]);
    expect(text(await (await get(server, `/uploads?done=${id}`, staff)).text())).toContain(`Đã lưu lần tải #${id} (=a;b=c.csv)`);
    expect((await post(server, `/uploads/${id}/rollback`, new URLSearchParams({ confirm: "yes" }), { cookie: staff })).status).toBe(303);
  });
});

describe("a commit retried after its answer was lost", () => {
  const correction = () => fixture("correction-2024-Q4.csv");
  const auditCount = async (id: number) =>
    [...text(await (await get(server, "/admin/audit", await login(server, USERS.admin.username, USERS.admin.password))).text()).matchAll(new RegExp(`Tải lên số liệu ${id} `, "g"))].length;

  it("gives the retry of a no-JavaScript commit (the same token) the first commit's result, not a 410 or a second upload", async () => {
    const before = await uploadIds();
    const html = await (await post(server, "/upload", previewForm(correction()), { cookie: staff })).text();
    const commitForm = () => new URLSearchParams({ intent: "commit", token: tokenIn(html) ?? "" });
    const first = await post(server, "/upload", commitForm(), { cookie: staff });
    expect(first.status).toBe(303);
    // The answer never reached the browser; it posts the same form again.
    const retry = await post(server, "/upload", commitForm(), { cookie: staff });
    expect([retry.status, retry.headers.get("location")]).toEqual([303, first.headers.get("location")]);
    const id = Number(/done=(\d+)/.exec(first.headers.get("location") ?? "")?.[1]);
    expect(await uploadIds()).toEqual([id, ...before]);
    expect(await auditCount(id)).toBe(1);
    expect((await post(server, `/uploads/${id}/rollback`, new URLSearchParams({ confirm: "yes" }), { cookie: staff })).status).toBe(303);
  });

  it("gives the retry of a JavaScript commit (the same idempotency_key) the first commit's result; another key is another upload", async () => {
    const before = await uploadIds();
    const commitFile = (key: string) => {
      const form = new FormData();
      form.append("intent", "commit-file");
      form.append("idempotency_key", key);
      form.append("file", correction());
      return post(server, "/upload", form, { cookie: staff });
    };
    const first = await commitFile("k-3f6c1a9e-4b0d-4c8e-9a51-1d2e3f405161");
    expect(first.status).toBe(303);
    const retry = await commitFile("k-3f6c1a9e-4b0d-4c8e-9a51-1d2e3f405161");
    expect([retry.status, retry.headers.get("location")]).toEqual([303, first.headers.get("location")]);
    const id = Number(/done=(\d+)/.exec(first.headers.get("location") ?? "")?.[1]);
    expect(await uploadIds()).toEqual([id, ...before]);
    expect(await auditCount(id)).toBe(1);
    const another = await commitFile("k-8a7b6c5d-0000-4c8e-9a51-1d2e3f405161");
    const otherId = Number(/done=(\d+)/.exec(another.headers.get("location") ?? "")?.[1]);
    expect(otherId).toBeGreaterThan(id);
    for (const done of [otherId, id]) {
      expect((await post(server, `/uploads/${done}/rollback`, new URLSearchParams({ confirm: "yes" }), { cookie: staff })).status).toBe(303);
    }
  });
});
