import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, cappedBody } from "~/http/body-stream.server";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

describe("cappedBody", () => {
  it("passes a body within its cap through whole", async () => {
    const source = new PassThrough();
    const body = cappedBody(source, 10_000, () => {
      throw new Error("no overflow expected");
    });
    source.end(Buffer.alloc(10_000, 1));
    expect(await readAll(body)).toBe(10_000);
  });

  it("errors the moment the count passes the cap, tells the caller first, and stops reading the source", async () => {
    const source = new PassThrough();
    const told: number[] = [];
    const body = cappedBody(source, 100_000, (error) => told.push(error.cap));
    // Written as it would arrive from a socket, in 16 KB pieces, far more than the cap.
    let written = 0;
    const writer = (async () => {
      while (written < 10_000_000 && !source.destroyed) {
        written += 16 * 1024;
        if (!source.write(Buffer.alloc(16 * 1024))) await new Promise((r) => source.once("drain", r));
        if (told.length > 0) return;
      }
    })();
    await expect(readAll(body)).rejects.toBeInstanceOf(BodyTooLargeError);
    await writer;
    expect(told).toEqual([100_000]);
    // The source is paused, not destroyed: the answer can still go out on its connection.
    expect(source.isPaused()).toBe(true);
    expect(source.destroyed).toBe(false);
    expect(written).toBeLessThan(300_000);
  });

  it("errors instead of hanging when the source closes before its end", async () => {
    const source = new PassThrough();
    const body = cappedBody(source, 100_000, () => undefined);
    source.write(Buffer.alloc(10));
    source.destroy();
    await expect(readAll(body)).rejects.toThrow(/ended before its end/);
  });
});
