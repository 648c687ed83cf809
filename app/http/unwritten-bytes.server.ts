/**
 * React 18.3's Node renderer (renderToPipeableStream) encodes text into 2,048-byte views. When a multi-byte
 * UTF-8 character does not fit at the end of a view, it sends the whole view anyway, with the 1 to 3 bytes
 * it never wrote still zero: a Vietnamese page gets NUL bytes in its HTML (facebook/react#26228, fixed in
 * React 19 only). This stream sits between React and the response and drops exactly those bytes.
 *
 * Why not renderToReadableStream, whose writer copies whole encoded chunks and has no such gap: its
 * 512-byte views each reach the compression middleware as a chunk of their own, and Remix flushes the
 * compressor after every chunk, which doubled the gzip size of the overview page (35 KB → 70 KB).
 */
import { Transform, type TransformCallback } from "node:stream";

/** The size of React 18.3's Node write buffer (VIEW_SIZE in react-dom-server.node). */
export const REACT_VIEW_SIZE = 2048;

/** A UTF-8 character is at most 4 bytes, so at most 3 of them can be left unwritten at a view's end. */
const MAX_UNWRITTEN = 3;

/**
 * The bytes of one chunk React wrote. Only a full view can carry unwritten bytes, and they are its trailing
 * zeros: no UTF-8 character ends in a zero byte, and the HTML React renders holds no NUL of its own (a NUL
 * in a text node would be a parse error that browsers drop).
 */
export function writtenPart(chunk: Buffer): Buffer {
  if (chunk.byteLength !== REACT_VIEW_SIZE) return chunk;
  let end = chunk.byteLength;
  while (end > chunk.byteLength - MAX_UNWRITTEN && chunk[end - 1] === 0) end--;
  return end === chunk.byteLength ? chunk : chunk.subarray(0, end);
}

/** A pass-through for React's pipe() that leaves out the bytes React sent but never wrote. */
export function dropUnwrittenBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      callback(null, writtenPart(chunk));
    },
  });
}
