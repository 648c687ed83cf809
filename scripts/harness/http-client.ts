/**
 * Talking to the server as a browser on the same site does: log in, post a file to /upload as multipart.
 * The multipart body is built here byte by byte, so a file name can be sent as a browser encodes it
 * (`"` → %22, CR → %0D, LF → %0A, the rest as UTF-8) or raw, as a hostile client may.
 */
import { randomBytes } from "node:crypto";

export async function loginAs(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ username, password }),
    redirect: "manual",
    headers: { Origin: url },
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("parboard_session="));
  if (res.status !== 302 || !cookie) throw new Error(`login ${username}: HTTP ${res.status}`);
  return cookie.split(";")[0] ?? "";
}

export type NameEncoding = "browser" | "raw";

/** How the HTML standard has a browser write a file name in a multipart header. */
export function browserEncodedName(name: string): string {
  return name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function multipartBody(fields: Record<string, string>, file: { name: string; bytes: Uint8Array; encoding: NameEncoding }): { body: Uint8Array<ArrayBuffer>; type: string } {
  const boundary = `----parboardHarness${randomBytes(12).toString("hex")}`;
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  const fileName = file.encoding === "browser" ? browserEncodedName(file.name) : file.name;
  parts.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`));
  parts.push(file.bytes);
  parts.push(enc.encode(`\r\n--${boundary}--\r\n`));
  const body = new Uint8Array(new ArrayBuffer(parts.reduce((n, p) => n + p.byteLength, 0)));
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.byteLength;
  }
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

export interface UploadAnswer {
  status: number;
  /** The upload id of a commit's redirect (`/uploads?done=ID`), or null. */
  uploadId: number | null;
  body: string;
}

/** Posts a file to /upload with the given intent (`preview` or `commit-file`) as a signed-in user. */
export async function postUpload(
  url: string,
  cookie: string,
  intent: "preview" | "commit-file",
  file: { name: string; bytes: Uint8Array; encoding: NameEncoding },
  options: { signal?: AbortSignal } = {},
): Promise<UploadAnswer> {
  const { body, type } = multipartBody({ intent }, file);
  const res = await fetch(`${url}/upload`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: url, Cookie: cookie, "Content-Type": type },
    signal: options.signal,
  });
  const text = await res.text();
  const done = /[?&]done=(\d+)/.exec(res.headers.get("Location") ?? "");
  return { status: res.status, uploadId: done ? Number(done[1]) : null, body: text };
}
