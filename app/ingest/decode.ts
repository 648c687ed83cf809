/**
 * Bytes → text, the way users save files (spec §1): UTF-8 with or without a byte-order mark, otherwise
 * Windows-1258, always NFC. Uses only the platform's TextDecoder, so it runs in the browser as on the server.
 */
import { makeIssue } from "./issues";
import type { Encoding, Issue } from "./types";

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | { ok: false; issue: Issue };

/** How much of the start of a file the binary check looks at. */
const SNIFF_BYTES = 8192;
/** Share of control characters above which a file is taken for binary. */
const MAX_CONTROL_SHARE = 0.05;

/** Magic numbers of files people pick by mistake: .xlsx/.zip, old .xls, PDF. */
const MAGIC: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x25, 0x50, 0x44, 0x46, 0x2d],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** NUL bytes, a known binary magic number, or many control characters in the first few KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((m) => startsWith(bytes, m))) return true;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    // Tab, LF, FF, CR are text; so is every byte ≥ 0x80 (UTF-8 sequences, Windows-1258 letters).
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control += 1;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

/**
 * Text made only of tab, line breaks, printable ASCII, Latin letters (precomposed Vietnamese included),
 * general punctuation and currency signs is already NFC: none of those code points changes or composes under NFC (checked exhaustively in the
 * tests). This spares normalising tens of megabytes of an ordinary file, which costs ~0.6 s per 70 MB.
 */
const MAYBE_NOT_NFC = /[^\t\n\r\u0020-\u02ff\u1e00-\u1eff\u2002-\u206f\u20a0-\u20bf]/;

export function toNfc(text: string): string {
  return MAYBE_NOT_NFC.test(text) ? text.normalize("NFC") : text;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  // The non-fatal decoder is markedly faster; U+FFFD in its output means either a replaced invalid sequence
  // or a genuine U+FFFD in the file, which only the fatal decoder can tell apart.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  if (!text.includes("\uFFFD")) return text;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) return null; // not UTF-8: the caller falls back to Windows-1258
    throw error;
  }
}

export function decodeReport(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      issue: makeIssue("error", "ingest.error.tooLarge", null, null, null, { size: bytes.length, max: maxBytes }),
    };
  }
  if (bytes.length === 0) return { ok: false, issue: makeIssue("error", "ingest.error.emptyFile", null, null, null) };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    // Excel's "Unicode Text" export: UTF-16 with a byte-order mark.
    return {
      ok: false,
      issue: makeIssue("error", "ingest.error.unsupportedEncoding", null, null, null, { encoding: "UTF-16" }),
    };
  }
  if (looksBinary(bytes)) return { ok: false, issue: makeIssue("error", "ingest.error.binaryFile", null, null, null) };

  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const utf8 = decodeUtf8(body);
  const encoding: Encoding = utf8 === null ? "windows-1258" : hasBom ? "utf-8-bom" : "utf-8";
  const decoded = utf8 ?? new TextDecoder("windows-1258").decode(body);
  const text = toNfc(decoded);

  if (!/\S/.test(text)) return { ok: false, issue: makeIssue("error", "ingest.error.emptyFile", null, null, null) };
  return { ok: true, text, encoding };
}
