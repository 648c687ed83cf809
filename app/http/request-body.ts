/**
 * What a request may carry (docs/decisions/004, "Request bodies"). A request that changes something
 * carries a form (urlencoded or multipart); anything else is answered 415 before Remix reads it. Every
 * body has a cap: the upload page's is the largest file plus room for the multipart framing, every other
 * form's is 64 KB. A body that declares more than its cap is refused at once with 413; one that does not
 * declare its length (chunked) is counted as it streams and cut off at the cap (body-stream.server.ts).
 */
export const FORM_BODY_LIMIT = 64 * 1024;

/** Room for the multipart framing and the small fields around the file on the upload page. */
export const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * After answering a request whose body was not read to its end, how much more the server reads and drops
 * (never keeps) before it stops reading and closes the connection. A browser sends its form with a
 * Content-Length and reads the answer only once it has sent the whole body, so a declared body is read to
 * its end, up to ten times its cap, and the browser sees the answer rather than a reset connection. A body
 * of unknown length (chunked) comes from a script, which reads while it sends: a little is dropped, no more.
 */
export function drainBound(declaredLength: string | undefined, cap: number): number {
  const declared = declaredLength === undefined ? Number.NaN : Number(declaredLength);
  return Number.isFinite(declared) && declared >= 0 ? Math.min(declared, 10 * cap) : FORM_BODY_LIMIT;
}

export function isUploadPath(path: string): boolean {
  return path === "/upload" || path === "/upload/";
}

/** The most a request to this path may send, in bytes. */
export function bodyCap(path: string, maxUploadBytes: number): number {
  return isUploadPath(path) ? maxUploadBytes + MULTIPART_OVERHEAD : FORM_BODY_LIMIT;
}

export type BodyVerdict = { ok: true } | { ok: false; status: 413 | 415 };

export function checkRequestBody(input: {
  method: string;
  contentType: string | undefined;
  contentLength: string | undefined;
  transferEncoding: string | undefined;
  cap: number;
}): BodyVerdict {
  const method = input.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return { ok: true };
  const type = (input.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const allowed = type === "application/x-www-form-urlencoded" || type === "multipart/form-data";
  const length = input.contentLength === undefined ? null : Number(input.contentLength);
  if (length === 0 && input.transferEncoding === undefined) return { ok: true };
  if (!allowed) return { ok: false, status: 415 };
  // Without a Content-Length (chunked), the count while the body streams enforces the cap.
  return length !== null && length > input.cap ? { ok: false, status: 413 } : { ok: true };
}
