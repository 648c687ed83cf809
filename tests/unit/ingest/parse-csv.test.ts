import { describe, expect, it } from "vitest";

import { blankSepLine, cellLine, detectDelimiter, readCsvRows, unifyLineBreaks } from "~/ingest/parse-csv";

function rowsOf(text: string, delimiter: "," | ";" = ","): [number, string[]][] {
  const { text: unified, newline } = unifyLineBreaks(text);
  const out: [number, string[]][] = [];
  readCsvRows(unified, delimiter, newline, (cells, line) => out.push([line, cells]));
  return out;
}

describe("detectDelimiter", () => {
  it("counts commas and semicolons of the header line outside quotes", () => {
    expect(detectDelimiter("a,b,c\n1;2;3;4;5\n")).toBe(",");
    expect(detectDelimiter("Mã xã;Số hồ sơ có phí, lệ phí;Kỳ báo cáo\n")).toBe(";");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter('a;"b,c,d"\n')).toBe(";");
  });

  it("skips leading blank lines and obeys Excel's sep= line", () => {
    expect(detectDelimiter("\r\n\r\na;b;c\r\n")).toBe(";");
    expect(detectDelimiter("sep=;\r\na,b,c\r\n")).toBe(";");
    expect(detectDelimiter("SEP=,\na;b;c\n")).toBe(",");
  });

  it("defaults to a comma", () => {
    expect(detectDelimiter("abc\n")).toBe(",");
  });
});

describe("unifyLineBreaks", () => {
  it("passes all-LF and all-CRLF text through and rewrites mixed or lone-CR text", () => {
    expect(unifyLineBreaks("a\nb\n")).toEqual({ text: "a\nb\n", newline: "\n" });
    expect(unifyLineBreaks("a\r\nb\r\n")).toEqual({ text: "a\r\nb\r\n", newline: "\r\n" });
    expect(unifyLineBreaks("a\r\nb\nc\rd")).toEqual({ text: "a\nb\nc\nd", newline: "\n" });
  });
});

describe("blankSepLine", () => {
  it("blanks the sep= line but keeps its line break", () => {
    expect(blankSepLine("sep=;\r\na;b\r\n")).toBe("\r\na;b\r\n");
    expect(blankSepLine("a;b\n")).toBe("a;b\n");
  });
});

describe("readCsvRows", () => {
  it("gives each row the line it starts on, quoted line breaks included", () => {
    const text = 'h1,h2\n1,"two\nlines"\n\n3,"three\r\nmore\nlines"\n4,x\n';
    expect(rowsOf(text)).toEqual([
      [1, ["h1", "h2"]],
      [2, ["1", "two\nlines"]],
      [4, [""]],
      [5, ["3", "three\nmore\nlines"]],
      [8, ["4", "x"]],
      [9, [""]],
    ]);
  });

  it("reads CRLF files with quoted CRLF inside a cell", () => {
    expect(rowsOf('a;b\r\n"x\r\ny";z\r\nq;r\r\n', ";")).toEqual([
      [1, ["a", "b"]],
      [2, ["x\r\ny", "z"]],
      [4, ["q", "r"]],
      [5, [""]],
    ]);
  });

  it("unescapes doubled quotes and keeps delimiters inside quotes", () => {
    expect(rowsOf('a,"Xã ""Hồng"" Phúc, thôn 1",c')).toEqual([[1, ["a", 'Xã "Hồng" Phúc, thôn 1', "c"]]]);
  });

  it("flags a quote left open", () => {
    const flagged: number[] = [];
    readCsvRows('a,b\n"x,y\nz,w\n', ",", "\n", (_cells, line, quoteError) => {
      if (quoteError) flagged.push(line);
    });
    expect(flagged).toEqual([2]);
  });
});

describe("cellLine", () => {
  it("adds the line breaks of the cells before", () => {
    expect(cellLine(5, ["a", "b\nc", "d\n\ne", "f"], 3)).toBe(8);
    expect(cellLine(5, ["a", "b"], 1)).toBe(5);
  });
});
