/**
 * What a request that changes something may carry: a form (urlencoded or multipart) of a known length.
 * Anything else is answered before Remix reads it: a wrong type with 415, a body of unknown length or
 * over 64 KB with 411/413. The upload page takes large files and applies its own limit.
 */
export const FORM_BODY_LIMIT = 64 * 1024;

export type BodyVerdict = { ok: true } | { ok: false; status: 411 | 413 | 415 };

export function checkRequestBody(input: {
  method: string;
  path: string;
  contentType: string | undefined;
  contentLength: string | undefined;
  transferEncoding: string | undefined;
}): BodyVerdict {
  const method = input.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return { ok: true };
  const type = (input.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const isUpload = input.path === "/upload" || input.path.startsWith("/upload?");
  const allowed = type === "application/x-www-form-urlencoded" || type === "multipart/form-data";
  const length = input.contentLength === undefined ? null : Number(input.contentLength);
  if (length === 0 && input.transferEncoding === undefined) return { ok: true };
  if (!allowed) return { ok: false, status: 415 };
  // The upload page checks size itself, by header and while the file streams, and answers with a page
  // that says what the limit is.
  if (isUpload) return { ok: true };
  if (length === null || !Number.isFinite(length)) return { ok: false, status: 411 };
  return length > FORM_BODY_LIMIT ? { ok: false, status: 413 } : { ok: true };
}
