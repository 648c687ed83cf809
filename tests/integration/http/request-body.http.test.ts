/**
 * Every request body is counted as it arrives and cut off past its cap (docs/decisions/004, "Request
 * bodies"), chunked or not: the server answers 413 without reading, let alone keeping, the rest.
 * The bodies are sent over a raw socket, so the test controls the framing and sees how much the server
 * took before it closed the connection.
 */
import fs from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../helpers/http-server";
import { ALL_USERS, USERS, login } from "../../helpers/http-client";

/** Small enough for a quick test; the cap of the upload page is this plus 64 KB of multipart framing. */
const MAX_UPLOAD_BYTES = 1_000_000;
const MB = 1024 * 1024;

let server: TestServer;
let staff: string;
beforeAll(async () => {
  server = await startServer({ seed: true, users: ALL_USERS, env: { MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) } });
  staff = await login(server, USERS.staff.username, USERS.staff.password);
});
afterAll(async () => {
  await server?.stop();
});

/** The server's resident memory (or its peak since the last reset), in MB, from /proc. */
function serverMemoryMb(field: "VmRSS" | "VmHWM"): number {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
  if (kb === undefined) throw new Error(`no ${field} in /proc/${server.pid}/status`);
  return Number(kb) / 1024;
}

/** Runs `send` and says how far the server's memory rose above where it stood before, at its peak. */
async function peakGrowthMb<T>(send: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  // Writing 5 to clear_refs resets the peak (VmHWM) to the current size.
  fs.writeFileSync(`/proc/${server.pid}/clear_refs`, "5");
  const before = serverMemoryMb("VmRSS");
  const result = await send();
  return { result, growthMb: serverMemoryMb("VmHWM") - before };
}

interface Sent {
  status: number | null;
  /** The response, head and body. */
  response: string;
  /** Body bytes the socket accepted before the answer came, and in all (the kernel's buffers included). */
  sentBeforeAnswer: number | null;
  sent: number;
  /** Milliseconds from the first byte to the answer's status line. */
  answerMs: number | null;
}

/** The answer is complete: a body of its Content-Length, or the last chunk of a chunked one. */
function complete(response: string): boolean {
  const head = response.indexOf("\r\n\r\n");
  if (head < 0) return false;
  const length = /\r\ncontent-length: (\d+)/i.exec(response.slice(0, head));
  if (length) return Buffer.byteLength(response.slice(head + 4)) >= Number(length[1]);
  return response.endsWith("\r\n0\r\n\r\n");
}

/**
 * Posts a body with `Transfer-Encoding: chunked`, one chunk per piece, as fast as the server takes it,
 * and goes on sending after an early answer until the server closes the connection (or the body ends):
 * `sent` then says how much the server let in.
 */
async function postChunked(path: string, contentType: string, pieces: Iterable<Buffer>, cookie = staff): Promise<Sent> {
  const { port } = new URL(server.url);
  const socket = net.connect(Number(port), "127.0.0.1");
  const result: Sent = { status: null, response: "", sentBeforeAnswer: null, sent: 0, answerMs: null };
  const started = Date.now();
  let closed = false;
  let finished = false;
  const received: Buffer[] = [];
  const done = new Promise<void>((resolve) => {
    socket.on("data", (d: Buffer) => {
      received.push(d);
      result.response = Buffer.concat(received).toString("utf8");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(result.response);
      if (status && result.status === null) {
        result.status = Number(status[1]);
        result.sentBeforeAnswer = result.sent;
        result.answerMs = Date.now() - started;
      }
      if (finished && complete(result.response)) socket.destroy();
    });
    // A reset while sending is how the server ends a body it will not read: expected here.
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      closed = true;
      resolve();
    });
  });
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${server.url}\r\nCookie: ${cookie}\r\n` +
      `Content-Type: ${contentType}\r\nTransfer-Encoding: chunked\r\n\r\n`,
  );
  for (const piece of pieces) {
    if (closed) break;
    const ok = socket.write(Buffer.concat([Buffer.from(`${piece.byteLength.toString(16)}\r\n`), piece, Buffer.from("\r\n")]));
    result.sent += piece.byteLength;
    if (!ok) await new Promise<void>((resolve) => (closed ? resolve() : (socket.once("drain", resolve), socket.once("close", resolve))));
  }
  if (!closed) socket.write("0\r\n\r\n");
  finished = true;
  if (complete(result.response)) socket.destroy();
  await Promise.race([done, new Promise((r) => setTimeout(r, 20_000))]);
  socket.destroy();
  return result;
}

const BOUNDARY = "----parboard-test-boundary";

/** A multipart body: the preview intent, then `parts` file parts of `partBytes` each, yielded in 64 KB pieces. */
function* multipartFiles(parts: number, partBytes: number): Generator<Buffer> {
  yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="intent"\r\n\r\npreview\r\n`);
  const block = Buffer.alloc(64 * 1024, "x");
  for (let p = 0; p < parts; p++) {
    yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="part-${p}.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    for (let left = partBytes; left > 0; left -= block.byteLength) yield left >= block.byteLength ? block : block.subarray(0, left);
    yield Buffer.from("\r\n");
  }
  yield Buffer.from(`--${BOUNDARY}--\r\n`);
}

function* urlencoded(bytes: number): Generator<Buffer> {
  yield Buffer.from("username=");
  const block = Buffer.alloc(64 * 1024, "a");
  for (let left = bytes; left > 0; left -= block.byteLength) yield left >= block.byteLength ? block : block.subarray(0, left);
  yield Buffer.from("&password=whatever-it-is");
}

describe("a chunked body over its cap", () => {
  // The client goes on sending after the answer, as fast as the server takes the bytes; the server's and
  // the client's socket buffers (up to 32 MB and 4 MB here) hold part of what counts as sent.
  it("to /upload, many file parts each under the file limit: 413 once the cap is passed, the rest neither kept nor read", async () => {
    // 160 parts of 0.9 MB: 144 MB in one request, where the cap is 1 MB + 64 KB.
    const total = 160 * 900_000;
    const { result: sent, growthMb } = await peakGrowthMb(() => postChunked("/upload", `multipart/form-data; boundary=${BOUNDARY}`, multipartFiles(160, 900_000)));
    expect(sent.status).toBe(413);
    expect(sent.response).toContain("Tệp vượt quá dung lượng tối đa cho phép (0,95 MB)");
    expect(sent.sentBeforeAnswer ?? Infinity).toBeLessThan(total / 4);
    // The server read a little more after the answer (the body's length is unknown), then closed the connection.
    expect(sent.sent).toBeLessThan(total / 2);
    expect(growthMb).toBeLessThan(50);
  });

  it("to /upload as a urlencoded form (the preview token's form): 413, not read whole", async () => {
    const total = 100 * MB;
    const { result: sent, growthMb } = await peakGrowthMb(() => postChunked("/upload", "application/x-www-form-urlencoded", urlencoded(total)));
    expect(sent.status).toBe(413);
    expect(sent.sentBeforeAnswer ?? Infinity).toBeLessThan(total / 4);
    expect(sent.sent).toBeLessThan(total / 2);
    expect(growthMb).toBeLessThan(50);
  });

  it("to another form (/login): 413 past the 64 KB form limit", async () => {
    const total = 64 * MB;
    const sent = await postChunked("/login", "application/x-www-form-urlencoded", urlencoded(total), "");
    expect(sent.status).toBe(413);
    expect(sent.response).toContain("Yêu cầu bị từ chối: dữ liệu gửi lên quá lớn.");
    expect(sent.sentBeforeAnswer ?? Infinity).toBeLessThan(total / 4);
    expect(sent.sent).toBeLessThan(total / 2);
  });
});

describe("a chunked body within its cap", () => {
  it("still reaches the page: a small login form, and a file under the limit", async () => {
    const form = await postChunked("/login", "application/x-www-form-urlencoded", [Buffer.from("username=nobody&password=wrong-password")], "");
    expect(form.status).toBe(401);
    const upload = await postChunked("/upload", `multipart/form-data; boundary=${BOUNDARY}`, multipartFiles(1, 500_000));
    expect(upload.status).toBe(200);
  });
});
