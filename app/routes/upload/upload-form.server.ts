/**
 * Reading the upload page's multipart form within a size limit. The body is counted while it streams:
 * past the limit the rest is read and dropped (up to a bound, so the browser receives the answer instead
 * of a reset connection) and the form is refused as too large. The form itself is parsed by the one form
 * reader of the app (app/http/form.server.ts), which reads any file name a browser sends.
 */
import { MalformedFormError, parseForm } from "~/http/form.server";

export type UploadForm = { kind: "form"; form: FormData } | { kind: "tooLarge" } | { kind: "malformed" };

class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/** Reads and drops up to `bound` more bytes, then cuts the connection if there is still more. */
export async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, bound: number): Promise<void> {
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    read += value.byteLength;
    if (read > bound) {
      await reader.cancel();
      return;
    }
  }
}

/** The body as a stream that fails with BodyTooLargeError once more than `limit` bytes have arrived. */
function limited(body: ReadableStream<Uint8Array>, limit: number, drainBound: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let read = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      read += value.byteLength;
      if (read <= limit) {
        controller.enqueue(value);
        return;
      }
      await drain(reader, drainBound);
      controller.error(new BodyTooLargeError(`more than ${limit} bytes`));
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/**
 * The form of a multipart request whose body may hold at most `limit` bytes. A refused body is drained up
 * to `drainBound` bytes first.
 */
export async function readUploadForm(request: Request, limit: number, drainBound: number): Promise<UploadForm> {
  if (!request.body) return { kind: "malformed" };
  const body = new Response(limited(request.body, limit, drainBound), { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } });
  try {
    return { kind: "form", form: await parseForm(body) };
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { kind: "tooLarge" };
    if (error instanceof MalformedFormError) return { kind: "malformed" };
    throw error;
  }
}
