import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "~/domain/csv-export";

describe("toCsv", () => {
  it("starts with a byte-order mark and ends lines with CRLF", () => {
    expect(toCsv([["a", "b"], [1, null]])).toBe("\uFEFFa,b\r\n1,\r\n");
  });
  it("neutralises text cells that Excel would run as a formula", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\t=1"]) {
      expect(neutraliseCell(evil).startsWith("'")).toBe(true);
    }
    expect(toCsv([["=1+2"]])).toBe("\uFEFF'=1+2\r\n");
    expect(neutraliseCell("Xã Hồng Phúc")).toBe("Xã Hồng Phúc");
  });
  it("leaves numbers alone and quotes delimiters, quotes and line breaks", () => {
    expect(toCsv([[0.5, "a,b", 'say "hi"', "x\ny"]])).toBe('\uFEFF0.5,"a,b","say ""hi""","x\ny"\r\n');
    expect(toCsv([["a;b", "c"]], ";")).toBe('\uFEFF"a;b";c\r\n');
  });
});
