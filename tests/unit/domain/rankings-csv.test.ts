import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { RANKINGS_CSV_HEADER, rankingsCsv, type ExportRow } from "~/domain/rankings-csv";

const row: ExportRow = {
  period: "2023",
  commune_code: "11155",
  commune_name: "=HYPERLINK(\"http://evil.example\",\"Xã A\")",
  indicator: "digitization_rate",
  numerator: 50,
  denominator: 100,
  value: 0.5,
  rank: 2,
  ranked: 20,
  previous_rank: 3,
  incomplete: false,
  gap: { reachable: true, change: 12, pass_code: "11230", pass_name: "@Xã Hồng Phúc", pass_tied: 1 },
  // 50 of 100 against a target of 90 %.
  target: 0.9,
  target_met: false,
};

describe("rankingsCsv", () => {
  it("neutralises a unit name that starts with = and a pass name that starts with @", () => {
    const lines = rankingsCsv([row], { name: "default", hash: "abc" }).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[1]).toBe(`2023,11155,"'=HYPERLINK(""http://evil.example"",""Xã A"")",digitization_rate,50,100,0.5,2,20,3,12,true,11230,"'@Xã Hồng Phúc",false,,0.9,false`);
  });
  it("quotes a name holding ; and neutralises the formula after it", () => {
    const lines = rankingsCsv([{ ...row, commune_name: "x;=cmd|'/C calc'!A0;", gap: null }], { name: "default", hash: "abc" }).split("\r\n");
    expect(lines[1]).toBe(`2023,11155,"x;'=cmd|'/C calc'!A0;",digitization_rate,50,100,0.5,2,20,3,,,,,false,,0.9,false`);
  });
  it("writes the scoring version on composite rows and empty cells for missing values", () => {
    const composite: ExportRow = {
      ...row,
      commune_name: "Xã B",
      indicator: "composite_score",
      numerator: null,
      denominator: null,
      value: null,
      rank: null,
      previous_rank: null,
      gap: null,
      target: null,
      target_met: null,
    };
    const lines = rankingsCsv([composite], { name: "default-766", hash: "ae38c58f0406" }).split("\r\n");
    expect(lines[1]).toBe("2023,11155,Xã B,composite_score,,,,,20,,,,,,false,default-766@ae38c58f0406,,");
  });
  it("ends each line with the year's target and whether it is met, after the columns programs already read", () => {
    expect(RANKINGS_CSV_HEADER.slice(-3)).toEqual(["scoring", "target", "target_met"]);
    const lines = rankingsCsv(
      [
        { ...row, commune_name: "Xã C", numerator: 9, denominator: 10, value: 0.9, target_met: true, gap: null },
        { ...row, commune_name: "Xã D", indicator: "overdue_dossiers", numerator: 0, denominator: null, value: 0, target: 0, target_met: true, gap: null },
        { ...row, commune_name: "Xã E", numerator: 0, denominator: 0, value: null, rank: null, target_met: null, gap: null },
      ],
      { name: "default", hash: "abc" },
    ).split("\r\n");
    expect(lines.slice(1, 4)).toEqual([
      "2023,11155,Xã C,digitization_rate,9,10,0.9,2,20,3,,,,,false,,0.9,true",
      "2023,11155,Xã D,overdue_dossiers,0,,0,2,20,3,,,,,false,,0,true",
      "2023,11155,Xã E,digitization_rate,0,0,,,20,3,,,,,false,,0.9,",
    ]);
  });
});

/**
 * An Excel set to Vietnamese opens a .csv by splitting every line on `;`, and counts a double quote as
 * quoting only at the very start of a cell: inside `2023,11155,"x;…` the quote is a plain character. So a
 * `;` or a line break inside a name starts a new cell even though the comma export quoted the name.
 */
function openAsVietnameseExcel(csv: string): string[][] {
  const lines = csv.replace(/^\uFEFF/, "").replace(/\r\n$/, "").split(/\r\n|\r|\n/);
  return lines.map((line) => Papa.parse<string[]>(line, { delimiter: ";" }).data[0] ?? []);
}

const FORMULA_TRIGGER = /^[=+\-@]/;

describe("the rankings export opened by a Vietnamese-locale Excel (cells split on ;)", () => {
  const hostile = "x;=cmd|'/C calc'!A0;";
  const csv = rankingsCsv(
    [
      { ...row, commune_name: hostile, gap: { reachable: true, change: 12, pass_code: "11230", pass_name: "=cmd|'/C calc'!A0", pass_tied: 1 } },
      { ...row, commune_code: "11161", commune_name: "Xã Ứng Hoè\n=1+2;@SUM(A1)", gap: null },
    ],
    { name: "default", hash: "abc" },
  );
  const rows = openAsVietnameseExcel(csv);

  it("gives no cell that starts with = + - @, so nothing runs as a formula", () => {
    const live = rows.flat().filter((cell) => FORMULA_TRIGGER.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));
    expect(live).toEqual([]);
  });

  it("keeps the hostile name's formula inert: the cell its `;` starts begins with '", () => {
    expect(rows[0]?.[0]).toBe(RANKINGS_CSV_HEADER.join(","));
    expect(rows[1]?.[1]).toBe("'=cmd|'/C calc'!A0");
    // The line break inside the second name starts a line of its own, whose cells must be inert too.
    expect(rows[3]?.slice(0, 2)).toEqual(["'=1+2", expect.stringMatching(/^'@SUM\(A1\)/)]);
  });

  it("stays one cell, the name as written, in an Excel that splits on , as the file was written", () => {
    const [, first] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { delimiter: "," }).data;
    expect(first?.[2]?.replace(/;'/g, ";")).toBe(hostile);
    expect(first?.[13]).toBe("'=cmd|'/C calc'!A0");
  });
});
