/**
 * The upload page's action on a real database file, called with a Request as Remix calls it: for what the
 * HTTP tests cannot provoke, such as a database that fails to commit.
 */
import fs from "node:fs";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { readRegistry } from "~/config/registry.server";
import { getUploads } from "~/db/uploads.server";
import { t } from "~/i18n/translate";
import { cleanFileName } from "~/routes/upload/file-name";
import { handleUploadAction, type UploadContext } from "~/routes/upload/upload-action.server";
import { DISK_FULL, failConnections } from "../../../helpers/failing-connection";
import { createTestDb, type TestDb } from "../../../helpers/test-db";

const FIXTURE = "tests/fixtures/upload/correction-2024-Q4.csv";

let t0: TestDb;
beforeEach(async () => {
  t0 = await createTestDb(readRegistry("data"));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t0.close();
});

function context(): UploadContext {
  return {
    db: t0.db,
    user: { id: 1, username: "staff1", displayName: "Cán bộ thử", role: "staff", unitCode: null },
    sessionHash: "s".repeat(64),
    address: "10.0.0.1",
    maxBytes: 1024 * 1024,
    now: new Date("2025-01-10T08:00:00Z"),
  };
}

function fileRequest(intent: string, name: string, fields: Record<string, string> = {}): Request {
  const form = new FormData();
  form.append("intent", intent);
  for (const [field, value] of Object.entries(fields)) form.append(field, value);
  // The platform's FormData serialises the name as browsers do: " CR LF as %22 %0D %0A, the rest as is.
  form.append("file", new File([fs.readFileSync(FIXTURE)], name, { type: "text/csv" }));
  return new Request("http://parboard.test/upload", { method: "POST", body: form });
}

function commitFileRequest(fields: Record<string, string> = {}): Request {
  const form = new FormData();
  form.append("intent", "commit-file");
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new File([fs.readFileSync(FIXTURE)], "correction-2024-Q4.csv", { type: "text/csv" }));
  return new Request("http://parboard.test/upload", { method: "POST", body: form });
}

const messageSchema = z.object({ kind: z.literal("message"), key: z.string() });

describe("a commit the database cannot save", () => {
  it("answers with the cause in the reader's language (disk full), logs DuckDB's own error, and saves nothing", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    failConnections({ commit: DISK_FULL });
    const res = await handleUploadAction(commitFileRequest(), context());
    expect(res.status).toBe(507);
    const { key } = messageSchema.parse(await res.json());
    expect(t("vi", key)).toContain("ổ đĩa của máy chủ đã đầy");
    expect(t("en", key)).toContain("the server's disk is full");
    expect(t("vi", key)).not.toMatch(/\bat \w|Error:/);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]?.at(-1))).toContain("No space left on device");
    expect(String(logged.mock.calls[0]?.at(-1))).not.toContain("no transaction is active");
    expect(await getUploads(t0.db)).toEqual([]);
  });
});

const previewSchema = z.object({ kind: z.literal("preview"), view: z.object({ fileName: z.string(), ok: z.boolean() }), token: z.string().nullable() });

describe("file names", () => {
  it("previews a file whatever its name holds (= ; quotes, any letter, control characters) and keeps the name as sent", async () => {
    const special = fc.constantFrom("=", ";", '"', "'", "\\", "/", "%", " ", "\t", "\r", "\n", "\u0000", "Đ", "ứ", "😀", "\u202E", "<", ">", "&", "*", ":", "?", "filename=", "; name=x");
    const name = fc.array(fc.oneof(special, fc.string({ unit: "binary", maxLength: 3 })), { maxLength: 12 }).map((parts) => `${parts.join("")}.csv`);
    await fc.assert(
      fc.asyncProperty(name, async (sent) => {
        // Names that spell an escape themselves (a literal "%22") come back as the character: the encoding is ambiguous.
        fc.pre(!/%(22|0a|0d)/i.test(sent));
        const res = await handleUploadAction(fileRequest("preview", sent), context());
        expect(res.status).toBe(200);
        const { view, token } = previewSchema.parse(await res.json());
        // Half a surrogate pair cannot be sent: the browser's UTF-8 encoder makes it U+FFFD.
        expect(view.fileName).toBe(cleanFileName(sent.replace(/\p{Cs}/gu, "\uFFFD")));
        expect(view.ok).toBe(true);
        expect(token).not.toBeNull();
      }),
      { numRuns: 60, seed: 20250110 },
    );
  });
});

const previewAnswer = z.object({ kind: z.literal("preview"), token: z.string() });

function tokenRequest(token: string): Request {
  return new Request("http://parboard.test/upload", { method: "POST", body: new URLSearchParams({ intent: "commit", token }) });
}

describe("a commit that fails after the preview was taken", () => {
  it("leaves the preview in place, so the retry commits it instead of answering 410", async () => {
    const { token } = previewAnswer.parse(await (await handleUploadAction(fileRequest("preview", "q4.csv"), context())).json());
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failing = failConnections({ commit: DISK_FULL });
    expect((await handleUploadAction(tokenRequest(token), context())).status).toBe(507);
    failing.mockRestore();
    expect(logged).toHaveBeenCalledTimes(1);
    const retry = await handleUploadAction(tokenRequest(token), context());
    expect(retry.status).toBe(303);
    const uploads = await getUploads(t0.db);
    expect([retry.headers.get("location"), uploads.length]).toEqual([`/uploads?done=${uploads[0]?.id}`, 1]);
  });

  it("commits once when the same JavaScript commit (one idempotency_key) arrives twice at the same moment", async () => {
    const key = "k-5e1d0c3b-2a19-4f8e-8d7c-6b5a49382716";
    const [a, b] = await Promise.all([
      handleUploadAction(fileRequest("commit-file", "q4.csv", { idempotency_key: key }), context()),
      handleUploadAction(fileRequest("commit-file", "q4.csv", { idempotency_key: key }), context()),
    ]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.get("location")).toBe(b.headers.get("location"));
    expect((await getUploads(t0.db)).length).toBe(1);
  });
});
