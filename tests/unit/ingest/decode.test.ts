import { describe, expect, it } from "vitest";

import { decodeReport, looksBinary, toNfc } from "~/ingest/decode";

import { bytesOf, fixture } from "./helpers";

describe("decodeReport", () => {
  it("reads UTF-8 and strips a byte-order mark", () => {
    expect(decodeReport(bytesOf("Mã xã\n"), 1000)).toEqual({ ok: true, text: "Mã xã\n", encoding: "utf-8" });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf("Mã xã\n")]);
    expect(decodeReport(withBom, 1000)).toEqual({ ok: true, text: "Mã xã\n", encoding: "utf-8-bom" });
  });

  it("falls back to Windows-1258 for bytes that are not UTF-8, and composes the tone marks (NFC)", () => {
    // "Xã Ứng Hoè" as Vietnamese Windows writes it: X, a + combining tilde (DE), Ư (DD) + combining acute (EC), …
    const bytes = new Uint8Array([0x58, 0x61, 0xde, 0x20, 0xdd, 0xec, 0x6e, 0x67, 0x20, 0x48, 0x6f, 0xe8]);
    expect(decodeReport(bytes, 1000)).toEqual({ ok: true, text: "Xã Ứng Hoè", encoding: "windows-1258" });
  });

  it("decodes the Windows-1258 fixture to NFC text", () => {
    const result = decodeReport(fixture("windows-1258.csv"), 10_000);
    expect(result.ok && result.encoding).toBe("windows-1258");
    expect(result.ok && result.text.startsWith("Mã xã;Tên đơn vị;Kỳ báo cáo;")).toBe(true);
    expect(result.ok && result.text === result.text.normalize("NFC")).toBe(true);
  });

  it("keeps a genuine U+FFFD of a UTF-8 file as UTF-8", () => {
    expect(decodeReport(bytesOf("a\uFFFDb"), 1000)).toEqual({ ok: true, text: "a\uFFFDb", encoding: "utf-8" });
  });

  it("checks the size first, then emptiness, then binary content", () => {
    const big = decodeReport(new Uint8Array(11), 10);
    expect(!big.ok && big.issue.key).toBe("ingest.error.tooLarge");
    expect(!big.ok && big.issue.params).toEqual({ size: 11, max: 10 });
    const empty = decodeReport(new Uint8Array(0), 10);
    expect(!empty.ok && empty.issue.key).toBe("ingest.error.emptyFile");
    const blank = decodeReport(bytesOf(" \r\n\t\r\n"), 10);
    expect(!blank.ok && blank.issue.key).toBe("ingest.error.emptyFile");
    const bom = decodeReport(new Uint8Array([0xef, 0xbb, 0xbf]), 10);
    expect(!bom.ok && bom.issue.key).toBe("ingest.error.emptyFile");
    const nul = decodeReport(bytesOf("a,b\u0000c"), 10);
    expect(!nul.ok && nul.issue.key).toBe("ingest.error.binaryFile");
  });
});

describe("looksBinary", () => {
  it("knows workbook, PDF and image magic numbers, NUL bytes and control characters", () => {
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x41]))).toBe(true); // .xlsx (zip)
    expect(looksBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe(true); // .xls
    expect(looksBinary(bytesOf("%PDF-1.7\n%âãÏÓ"))).toBe(true);
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toBe(true); // PNG
    expect(looksBinary(bytesOf("\u0001\u0002\u0003abcdefghijklmnopq"))).toBe(true);
  });

  it("takes CSV text, tabs and form feeds, UTF-8 and Windows-1258 letters for text", () => {
    expect(looksBinary(fixture("excel-vi-semicolon-bom.csv"))).toBe(false);
    expect(looksBinary(fixture("windows-1258.csv"))).toBe(false);
    expect(looksBinary(bytesOf("a\tb\fc\r\n"))).toBe(false);
  });
});

describe("toNfc", () => {
  it("composes decomposed text", () => {
    expect(toNfc("Xa\u0303 \u01AF\u0301ng")).toBe("Xã Ứng");
  });

  it("skips only text that NFC would leave unchanged (every code point of the skipped ranges checked)", () => {
    const ranges: [number, number][] = [
      [0x20, 0x2ff],
      [0x1e00, 0x1eff],
      [0x2002, 0x206f],
      [0x20a0, 0x20bf],
    ];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const s = `a${String.fromCodePoint(cp)}b`;
        expect(s.normalize("NFC")).toBe(s);
      }
    }
  });
});
