/**
 * The upload page's actions. A file arrives as multipart (checked for size by its Content-Length and again
 * while it streams) and is either previewed (kept server-side behind a token, for the commit step without
 * JavaScript) or committed straight away (the browser has already shown its own preview). Every commit is
 * validated again here, by the same ingest, and committed in one transaction.
 */
import { json, redirect, type TypedResponse } from "@remix-run/node";
import { z } from "zod";
import { importReport, previewReport, type ImportOutcome, type Preview } from "~/db/import-report.server";
import type { Db } from "~/db/instance.server";
import { commitKey, getCommitByKey } from "~/db/commit-keys.server";
import { consumePreview, deletePreview, previewBudgetFor, readPreview, removePreviewFile, savePreview } from "~/db/previews.server";
import type { CommitOnce } from "~/db/uploads.server";
import type { SessionUser } from "~/domain/roles";
import { writeFailureOf } from "~/http/write-failure.server";
import { MalformedFormError, parseForm } from "~/http/form.server";
import { cleanFileName } from "./file-name";
import { buildPreviewView, failedView, tooLargeUploadIssue, type PreviewView } from "./preview-model";
import { drain, readUploadForm } from "./upload-form.server";

/** Room for the multipart framing and the small fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** A form without a file is small. */
const MAX_FORM_BYTES = 16 * 1024;

export type UploadActionData =
  | { kind: "preview"; view: PreviewView; token: string | null }
  | { kind: "message"; key: string };

export interface UploadContext {
  db: Db;
  user: SessionUser;
  sessionHash: string;
  address: string;
  maxBytes: number;
  now: Date;
}

type ActionResult = TypedResponse<UploadActionData> | Response;

function preview(view: PreviewView, token: string | null, status = 200): TypedResponse<UploadActionData> {
  return json<UploadActionData>({ kind: "preview", view, token }, { status });
}

function message(key: string, status: number): TypedResponse<UploadActionData> {
  return json<UploadActionData>({ kind: "message", key }, { status });
}

const intentSchema = z.enum(["preview", "commit-file"]);

/** The key the page's script makes once per file (32 hex digits); other clients may send any such key. */
const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);

const tokenFormSchema = z.object({
  intent: z.enum(["commit", "discard"]),
  token: z.string().min(20).max(100),
});

function viewOf(p: Preview): PreviewView {
  return buildPreviewView({ fileName: p.fileName, size: p.size, sha256: p.sha256, result: p.result, changes: p.changes });
}

/** Where a commit sends the browser: the history, with the upload it made (the first one, for a retry). */
function committed(uploadId: number): Response {
  return redirect(`/uploads?done=${uploadId}`, { status: 303 });
}

/** The preview a commit was to consume is gone (discarded, evicted, logged out) and no commit of it was made. */
class PreviewGoneError extends Error {
  override name = "PreviewGoneError";
}

/** Validates the file again and commits it once per key, answering with the history or what is wrong. */
async function commit(
  ctx: UploadContext,
  bytes: Uint8Array,
  fileName: string,
  once: CommitOnce | undefined,
  onCommitted?: () => Promise<void>,
): Promise<ActionResult> {
  let outcome: ImportOutcome;
  try {
    outcome = await importReport(ctx.db, bytes, {
      fileName,
      uploadedBy: ctx.user.username,
      source: "web",
      maxBytes: ctx.maxBytes,
      uploadedAt: ctx.now,
      audit: { actor: ctx.user.username, address: ctx.address, now: ctx.now },
      once,
    });
  } catch (error) {
    if (error instanceof PreviewGoneError) return message("upload.error.expired", 410);
    const failure = writeFailureOf(error);
    if (!failure) throw error;
    // The operator reads DuckDB's own words in the log; the page says what happened in the reader's language.
    console.error("parboard: an upload could not be saved:", error);
    return message(failure.key, failure.status);
  }
  if (!outcome.committed) return preview(viewOf(outcome.preview), null, 422);
  await onCommitted?.();
  return committed(outcome.committed.uploadId);
}

async function fileAction(request: Request, ctx: UploadContext): Promise<ActionResult> {
  const declared = Number(request.headers.get("Content-Length") ?? "NaN");
  if (Number.isFinite(declared) && declared > ctx.maxBytes + MULTIPART_OVERHEAD) {
    if (request.body) await drain(request.body.getReader(), 10 * ctx.maxBytes);
    return preview(failedView("", declared, tooLargeUploadIssue(ctx.maxBytes)), null, 413);
  }
  const read = await readUploadForm(request, ctx.maxBytes + MULTIPART_OVERHEAD, 10 * ctx.maxBytes);
  if (read.kind === "malformed") return message("form.malformed", 400);
  if (read.kind === "tooLarge") return preview(failedView("", ctx.maxBytes, tooLargeUploadIssue(ctx.maxBytes)), null, 413);
  const form = read.form;
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) return message("upload.error.badForm", 400);
  // A form sent without a chosen file has an empty part, which the parser leaves out or keeps as "".
  const file = form.get("file");
  if (!(file instanceof Blob)) return message("upload.error.noFile", 400);
  const fileName = cleanFileName("name" in file && typeof file.name === "string" ? file.name : "");
  if (file.size === 0 && fileName === "") return message("upload.error.noFile", 400);
  // Within the body's allowance for framing, but the file alone is over the limit.
  if (file.size > ctx.maxBytes) return preview(failedView(fileName, file.size, tooLargeUploadIssue(ctx.maxBytes)), null, 413);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (intent.data === "commit-file") {
    const sent = form.get("idempotency_key");
    const clientKey = sent === null ? null : idempotencyKeySchema.safeParse(sent);
    if (clientKey && !clientKey.success) return message("upload.error.badForm", 400);
    if (!clientKey) return commit(ctx, bytes, fileName, undefined);
    // The same key again is a retry (a lost answer, a second click): it gets the first commit's result.
    const key = commitKey(ctx.user.id, "client", clientKey.data);
    const first = await getCommitByKey(ctx.db, key);
    return first ? committed(first.uploadId) : commit(ctx, bytes, fileName, { key });
  }
  const checked = await previewReport(ctx.db, bytes, fileName, ctx.maxBytes);
  // Only a file that can be committed is kept for the commit step.
  const token = checked.result.ok
    ? await savePreview(
        ctx.db,
        { sessionHash: ctx.sessionHash, userId: ctx.user.id, fileName, sha256: checked.sha256, bytes },
        ctx.now,
        previewBudgetFor(ctx.maxBytes),
      )
    : null;
  return preview(viewOf(checked), token);
}

async function tokenAction(request: Request, ctx: UploadContext): Promise<ActionResult> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_FORM_BYTES) {
    if (request.body) await drain(request.body.getReader(), 10 * MAX_FORM_BYTES);
    return message("upload.error.badForm", 413);
  }
  let form: FormData;
  try {
    form = await parseForm(request);
  } catch (error) {
    if (error instanceof MalformedFormError) return message("form.malformed", 400);
    throw error;
  }
  const parsed = tokenFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return message("upload.error.badForm", 400);
  const { intent, token } = parsed.data;
  if (intent === "discard") {
    await deletePreview(ctx.db, token);
    return redirect("/upload", { status: 303 });
  }
  const key = commitKey(ctx.user.id, "preview", token);
  const stored = await readPreview(ctx.db, token, ctx.sessionHash, ctx.now);
  if (!stored) {
    // Gone because its commit went through (the answer was lost, or this is a second click): that result.
    const first = await getCommitByKey(ctx.db, key);
    return first ? committed(first.uploadId) : message("upload.error.expired", 410);
  }
  // The preview is consumed in the commit's own transaction, with the key: a commit that fails leaves it
  // for the retry, and one that succeeds leaves the key that answers the retry.
  const once: CommitOnce = {
    key,
    alsoInTransaction: async (conn) => {
      if (!(await consumePreview(conn, token))) throw new PreviewGoneError("the preview was removed before its commit");
    },
  };
  return commit(ctx, stored.bytes, stored.fileName, once, () => removePreviewFile(ctx.db, token));
}

export async function handleUploadAction(request: Request, ctx: UploadContext): Promise<ActionResult> {
  const type = request.headers.get("Content-Type") ?? "";
  if (type.startsWith("multipart/form-data")) return fileAction(request, ctx);
  return tokenAction(request, ctx);
}
