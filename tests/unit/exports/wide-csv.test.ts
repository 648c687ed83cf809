import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvNumber, wideCsv } from "~/exports/wide-csv";
import { wideTable } from "~/exports/wide-table";
import { QUARTER_ROWS, TEST_TARGETS, UNITS, row } from "./pack-fixtures";

function parse(csv: string): string[][] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { delimiter: ";", skipEmptyLines: true }).data;
}

describe("wideCsv: the wide table for a Vietnamese-locale Excel", () => {
  const table = wideTable({ period: "2024-Q4", kind: "quarter", rows: QUARTER_ROWS, lang: "vi" });
  const csv = wideCsv(table, "vi");
  const lines = parse(csv);

  it("has a byte-order mark, ; between cells, CRLF line ends, the Vietnamese headers and one line per unit", () => {
    expect(csv.startsWith("\uFEFFMã xã;Tên đơn vị;Cụm;Điểm tổng hợp;")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(1 + 3 + 1);
    // Headers holding a comma are quoted ("số hồ sơ có phí, lệ phí"), so they parse back whole.
    expect(lines[0]).toEqual(table.columns.map((c) => c.header));
    expect(lines).toHaveLength(1 + 3);
    expect(lines.every((l) => l.length === 31)).toBe(true);
  });

  it("writes rates as percentages with a decimal comma, the score with one decimal, counts as plain whole numbers", () => {
    expect(lines[2]?.slice(0, 9)).toEqual(["00001", "Xã Một", "", "87,3", "2 trên 3", "93,5", "4 trên 20", "187", "200"]);
    // 1 234 overdue dossiers: no grouping dot, which Excel could read as a decimal point.
    expect(lines[2]?.[21]).toBe("1234");
  });

  it("shows 99.96 % as 99,9 like the pages (never a 100 that is not whole), and a whole rate as 100,0", () => {
    expect(lines[3]?.slice(5, 9)).toEqual(["99,9", "2 trên 20", "9996", "10000"]);
    expect(lines[1]?.slice(5, 9)).toEqual(["100,0", "1 trên 20", "50", "50"]);
  });

  it("leaves a rate without a value empty, not 0 or NaN, and keeps its counts", () => {
    expect(lines[3]?.slice(13, 17)).toEqual(["", "", "0", "0"]);
  });

  it("keeps ; and the decimal comma for English readers, with English headers and ranks", () => {
    const en = parse(wideCsv(wideTable({ period: "2024-Q4", kind: "quarter", rows: QUARTER_ROWS, lang: "en" }), "en"));
    expect(en[0]?.slice(0, 2)).toEqual(["Unit code", "Unit name"]);
    expect(en[2]?.slice(3, 7)).toEqual(["87,3", "2 of 3", "93,5", "4 of 20"]);
  });

  it("neutralises a unit name that Excel would run as a formula", () => {
    const hostile = '=HYPERLINK("http://evil.example","Xã A")';
    const rows = QUARTER_ROWS.map((r) => (r.commune_code === UNITS.mot.code ? { ...r, commune_name: hostile } : r));
    const parsed = parse(wideCsv(wideTable({ period: "2024-Q4", kind: "quarter", rows, lang: "vi" }), "vi"));
    expect(parsed[2]?.[1]).toBe(`'${hostile}`);
    // A name with a comma and a formula after it, for an Excel that splits on commas.
    const comma = QUARTER_ROWS.map((r) => (r.commune_code === UNITS.mot.code ? { ...r, commune_name: "x,=cmd|'/C calc'!A0" } : r));
    expect(parse(wideCsv(wideTable({ period: "2024-Q4", kind: "quarter", rows: comma, lang: "vi" }), "vi"))[2]?.[1]).toBe("x,'=cmd|'/C calc'!A0");
  });

  it("writes a year's quarters reported as a whole number", () => {
    const year = wideTable({ period: "2024", kind: "year", rows: [row(UNITS.mot, "composite_score", { period: "2024", value: 80.04, rank: 1, ranked: 1, quarters: 3, incomplete: true })], lang: "vi" });
    expect(parse(wideCsv(year, "vi"))[1]?.slice(0, 6)).toEqual(["00001", "Xã Một", "", "3", "80,0", "1 trên 1"]);
  });

  it("writes a target as a percentage like the value beside it, and whether it is met in words", () => {
    const targeted = parse(wideCsv(wideTable({ period: "2024-Q4", kind: "quarter", rows: QUARTER_ROWS, lang: "vi", targets: TEST_TARGETS }), "vi"));
    const [header = [], ...units] = targeted;
    const col = (name: string) => header.indexOf(name);
    const mot = units.find((u) => u[0] === UNITS.mot.code) ?? [];
    expect([mot[col("Tỷ lệ số hóa hồ sơ (%)")], mot[col("Tỷ lệ số hóa hồ sơ: mục tiêu (%)")], mot[col("Tỷ lệ số hóa hồ sơ: đạt mục tiêu")]]).toEqual(["93,5", "95,0", "chưa đạt"]);
    expect([mot[col("Số hồ sơ quá hạn: mục tiêu")], mot[col("Số hồ sơ quá hạn: đạt mục tiêu")]]).toEqual(["0", "chưa đạt"]);
    const hai = units.find((u) => u[0] === UNITS.hai.code) ?? [];
    expect(hai[col("Tỷ lệ thanh toán trực tuyến: đạt mục tiêu")]).toBe("");
  });
});

describe("csvNumber", () => {
  it("rounds half away from zero as the pages do, without grouping", () => {
    expect(csvNumber("percent1", 0.93549)).toBe("93,5");
    expect(csvNumber("percent1", 0.9355)).toBe("93,6");
    expect(csvNumber("percent1", 0)).toBe("0,0");
    expect(csvNumber("decimal1", 1234.56)).toBe("1234,6");
    expect(csvNumber("integer", 1234567)).toBe("1234567");
  });

  it("refuses a format the wide table does not use", () => {
    expect(() => csvNumber("raw", 1)).toThrow("no wide CSV format for raw");
  });
});
