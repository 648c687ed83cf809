import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toCsv } from "~/domain/csv-export";

describe("toCsv", () => {
  it("starts with a byte-order mark and ends lines with CRLF", () => {
    expect(toCsv([["a", "b"], [1, null]])).toBe("\uFEFFa,b\r\n1,\r\n");
    expect(toCsv([])).toBe("\uFEFF\r\n");
  });
  it("neutralises text cells that Excel would run as a formula, quoting them", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\t=1"]) {
      expect(toCsv([[evil]]).slice(1), JSON.stringify(evil)).toBe(`"'${evil.replace(/"/g, '""')}"\r\n`);
    }
    // A line break starts a line in an Excel that does not honour the quotes (see below): what follows it is neutralised too.
    expect(toCsv([["\r=1"]]).slice(1)).toBe(`"'\r'=1"\r\n`);
    expect(toCsv([["=1\n+2"]]).slice(1)).toBe(`"'=1\n'+2"\r\n`);
    expect(toCsv([["=1+2"]])).toBe("\uFEFF\"'=1+2\"\r\n");
    expect(toCsv([["Xã Hồng Phúc", "a-b", "x=1"]])).toBe("\uFEFFXã Hồng Phúc,a-b,x=1\r\n");
  });
  it("leaves numbers and booleans alone, even negative ones, and writes an empty cell for a number that is not finite", () => {
    expect(toCsv([[-3, 0.5, true, false, Number.NaN, Number.POSITIVE_INFINITY, null]])).toBe("\uFEFF-3,0.5,true,false,,,\r\n");
  });
  it("quotes delimiters, quotes, line breaks and white space at either end", () => {
    expect(toCsv([[0.5, "a,b", 'say "hi"', "x\ny", " pad", "pad\t"]])).toBe('\uFEFF0.5,"a,b","say ""hi""","x\ny"," pad","pad\t"\r\n');
    expect(toCsv([["a;b", "c"]], ";")).toBe('\uFEFF"a;b";c\r\n');
  });
  it("quotes a cell holding the other locale's delimiter, so that an Excel splitting on it keeps the cell whole", () => {
    const name = "x;=cmd|'/C calc'!A0;";
    const inert = "x;'=cmd|'/C calc'!A0;";
    expect(toCsv([["11155", name, 3]])).toBe(`\uFEFF11155,"${inert}",3\r\n`);
    expect(toCsv([["11155", "Số hồ sơ có phí, lệ phí", 3]], ";")).toBe('\uFEFF11155;"Số hồ sơ có phí, lệ phí";3\r\n');
    // Read back with the delimiter it was written with, the name is one cell, its inner formula neutralised.
    expect(Papa.parse<string[]>(toCsv([["11155", name, 3]], ",").slice(1).trim(), { delimiter: "," }).data[0]).toEqual(["11155", inert, "3"]);
    expect(Papa.parse<string[]>(toCsv([["11155", name, 3]], ";").slice(1).trim(), { delimiter: ";" }).data[0]).toEqual(["11155", name, "3"]);
    expect(toCsv([["x,=1", "x;=1"]], ";")).toBe('\uFEFF"x,\'=1";"x;=1"\r\n');
  });
  it("neutralises a formula right after the other locale's delimiter, even with spaces or quotes between", () => {
    expect(toCsv([["a; =1", 'a;"+1', "a;\t@x", "a;b=1", "a,=1"]]).slice(1)).toBe(`"a;' =1","a;'""+1","a;'\t@x","a;b=1","a,=1"\r\n`);
  });
});
