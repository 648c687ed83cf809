/**
 * A request body counted as it streams (docs/decisions/004, "Request bodies"). Remix reads the body through
 * `cappedBody`, which ends it with an error the moment one byte more than the cap arrives, so no route
 * (and no multipart parser keeping parts in memory) ever holds more than the cap, chunked or not. Whatever
 * nobody read when the answer has gone out is dropped by `dropRestOfBody`, up to a bound.
 */
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  constructor(readonly cap: number) {
    super(`request body over its cap of ${cap} bytes`);
  }
}

/** Bytes Remix may hold unread before the body is paused (back-pressure to the client). */
const HIGH_WATER_MARK = 64 * 1024;

/**
 * The body as the web stream a Request takes, read from `source` only as fast as it is consumed. Past
 * `cap` bytes, `onOverflow` runs first (the caller answers 413) and the stream then errors, so whatever
 * was reading it stops; the source is left paused, not destroyed, so the answer can still be sent.
 */
export function cappedBody(source: Readable, cap: number, onOverflow: (error: BodyTooLargeError) => void): ReadableStream<Uint8Array> {
  let read = 0;
  let detach = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const onData = (chunk: Buffer) => {
          read += chunk.byteLength;
          if (read > cap) {
            detach();
            const error = new BodyTooLargeError(cap);
            onOverflow(error);
            controller.error(error);
            return;
          }
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 0) <= 0) source.pause();
        };
        const onEnd = () => {
          detach();
          controller.close();
        };
        const onError = (error: unknown) => {
          detach();
          controller.error(error);
        };
        // A connection that closes before the body ended: the reader gets an error, not a hang.
        const onClose = () => onError(new Error("the request body ended before its end (the client went away)"));
        detach = () => {
          source.pause();
          source.off("data", onData);
          source.off("end", onEnd);
          source.off("error", onError);
          source.off("close", onClose);
        };
        source.on("data", onData);
        source.once("end", onEnd);
        source.once("error", onError);
        source.once("close", onClose);
        // Adding a 'data' listener starts the flow; nothing is read until the stream is pulled.
        source.pause();
      },
      pull() {
        source.resume();
      },
      cancel() {
        detach();
      },
    },
    { highWaterMark: HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
  );
}

/**
 * How long a connection whose body was cut off stays half-open: the server has said all it will (the
 * answer, then end of stream) and reads no more; the client gets this long to read the answer before the
 * connection is reset (a reset can make the client's system drop an answer it has not read yet).
 */
export const CLOSE_GRACE_MS = 2000;

/**
 * Called once the answer has gone out: reads and drops what is left of the body, so the connection can
 * serve the next request and a client still sending sees the answer, but no more than `bound` bytes.
 * Past that the server stops reading, ends its side of the connection and, after CLOSE_GRACE_MS, closes it.
 */
export function dropRestOfBody(req: IncomingMessage, bound: number): void {
  if (req.complete || req.destroyed) return;
  let dropped = 0;
  // As Node does itself when nobody read a body (IncomingMessage#_dump): earlier readers are done.
  req.removeAllListeners("data");
  req.unpipe();
  const onData = (chunk: Buffer) => {
    dropped += chunk.byteLength;
    if (dropped <= bound) return;
    req.off("data", onData);
    req.pause();
    const socket = req.socket;
    socket.end();
    setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
  };
  req.on("data", onData);
  req.resume();
}
