/**
 * Every form action reads its form the same way: a body that says it is a form and cannot be read as one
 * (malformed multipart framing, a missing boundary) is a 400 with a sentence, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../helpers/http-server";
import { ALL_USERS, USERS, login } from "../../helpers/http-client";

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

/** Bodies a broken client or a fuzzer sends as multipart/form-data. */
const MALFORMED: { label: string; type: string; body: string }[] = [
  { label: "a part header without a colon", type: "multipart/form-data; boundary=B", body: '--B\r\nnot a header\r\n\r\nx\r\n--B--\r\n' },
  { label: "a body cut off before its last boundary", type: "multipart/form-data; boundary=B", body: '--B\r\nContent-Disposition: form-data; name="confirm"\r\n\r\nyes' },
  { label: "no boundary at all", type: "multipart/form-data", body: "confirm=yes" },
  { label: "a quoted name left open", type: "multipart/form-data; boundary=B", body: '--B\r\nContent-Disposition: form-data; name="confirm\r\n\r\nyes\r\n--B--\r\n' },
];

function postRaw(path: string, type: string, body: string, cookie?: string, lang = "vi"): Promise<Response> {
  return fetch(`${server.url}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: server.url, "Content-Type": type, ...(cookie ? { Cookie: cookie } : {}) },
  });
}

describe("a malformed form body", () => {
  it("is a 400 with a sentence on every form action: login, logout, upload, rollback and the admin forms", async () => {
    const actions: [string, string | undefined][] = [
      ["/login", undefined],
      ["/logout", staff],
      ["/upload", staff],
      ["/uploads/1/rollback", staff],
      ["/admin/users", admin],
      ["/admin/users/leader1", admin],
    ];
    for (const [path, cookie] of actions) {
      for (const { label, type, body } of MALFORMED) {
        const res = await postRaw(path, type, body, cookie);
        const html = await res.text();
        expect(res.status, `${path}: ${label}`).toBe(400);
        expect(html, `${path}: ${label}`).toContain("Không đọc được biểu mẫu gửi lên");
      }
    }
    const english = await postRaw("/admin/users", MALFORMED[0]!.type, MALFORMED[0]!.body, admin, "en");
    expect(await english.text()).toContain("The form sent could not be read");
    // Nothing happened: the staff member is still signed in (logout did not run), upload 1 is not rolled back.
    const uploads = await (await fetch(`${server.url}/uploads`, { headers: { Cookie: staff } })).text();
    expect(uploads).toContain('href="/uploads/1/rollback"');
  });
});
