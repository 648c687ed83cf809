import { PassThrough, type Transform } from "node:stream";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { REACT_VIEW_SIZE, dropUnwrittenBytes, writtenPart } from "~/http/unwritten-bytes.server";

/** Many short Vietnamese text nodes: multi-byte characters fall on React's buffer ends again and again. */
function Names() {
  return (
    <ul>
      {Array.from({ length: 400 }, (_, i) => (
        <li key={i}>Xã Thử Nghiệm {i}</li>
      ))}
    </ul>
  );
}

async function renderThrough(body: PassThrough | Transform): Promise<Buffer> {
  const chunks: Buffer[] = [];
  body.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => body.on("end", resolve));
  const { pipe } = renderToPipeableStream(<Names />, { onAllReady: () => pipe(body) });
  await done;
  return Buffer.concat(chunks);
}

describe("React 18.3's Node renderer through dropUnwrittenBytes", () => {
  it("leaves NUL bytes at its buffer ends without it (facebook/react#26228)", async () => {
    const bytes = await renderThrough(new PassThrough());
    expect(bytes.includes(0)).toBe(true);
  });

  it("sends exactly what renderToString renders with it", async () => {
    const bytes = await renderThrough(dropUnwrittenBytes());
    expect(bytes.includes(0)).toBe(false);
    expect(bytes.toString("utf8")).toBe(renderToString(<Names />));
  });
});

describe("writtenPart", () => {
  it("drops up to 3 trailing zeros of a full view, and nothing else", () => {
    const full = Buffer.alloc(REACT_VIEW_SIZE, 0x61);
    full.fill(0, REACT_VIEW_SIZE - 2);
    expect(writtenPart(full).byteLength).toBe(REACT_VIEW_SIZE - 2);

    const allZero = Buffer.alloc(REACT_VIEW_SIZE);
    expect(writtenPart(allZero).byteLength).toBe(REACT_VIEW_SIZE - 3);

    const short = Buffer.from([0x61, 0, 0]);
    expect(writtenPart(short)).toBe(short);

    const clean = Buffer.alloc(REACT_VIEW_SIZE, 0x61);
    expect(writtenPart(clean)).toBe(clean);
  });
});
