import { describe, expect, it } from "vitest";

import type { Issue } from "~/ingest/types";
import { reportRowSchema } from "~/ingest/types";
import { formatIssue } from "~/ingest/format-issue";
import { validateReport } from "~/ingest/validate";

import { bytesOf, CANONICAL_HEADER, fixture, loadRegistry, makeContext } from "./helpers";

const ctx = makeContext();
const registry = loadRegistry();

/** The located part of an issue, which every error test asserts. */
function where(issue: Issue | undefined): Pick<Issue, "line" | "column" | "value" | "key"> | undefined {
  return issue && { line: issue.line, column: issue.column, value: issue.value, key: issue.key };
}

describe("validateReport on files as users save them", () => {
  it("reads the canonical UTF-8 file", () => {
    const r = validateReport(fixture("valid-canonical.csv"), ctx);
    expect(r.ok).toBe(true);
    expect(r.encoding).toBe("utf-8");
    expect(r.delimiter).toBe(",");
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.periods).toEqual(["2023-Q4"]);
    expect(r.rows.map((row) => [row.line, row.communeCode, row.communeName])).toEqual([
      [2, "11155", "Thị trấn Ninh Giang"],
      [3, "11161", "Xã Ứng Hoè"],
      [4, "11164", "Xã Nghĩa An"],
    ]);
    expect(r.rows[0]?.counts).toEqual({
      dossiers_received: 1234,
      dossiers_online: 1020,
      dossiers_digitized: 987,
      dossiers_resolved: 1190,
      dossiers_resolved_on_time: 1150,
      dossiers_overdue: 6,
      fee_dossiers: 420,
      fee_dossiers_paid_online: 388,
      survey_responses: 310,
      survey_satisfied: 296,
      contest_entries: 2,
      initiatives: 1,
    });
    for (const row of r.rows) expect(reportRowSchema.parse(row)).toEqual(row);
  });

  it("reads Vietnamese Excel's CSV UTF-8: BOM, semicolons, CRLF, Vietnamese headers, 1.234, Quý 4/2023, empty rows", () => {
    const r = validateReport(fixture("excel-vi-semicolon-bom.csv"), ctx);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.encoding).toBe("utf-8-bom");
    expect(r.delimiter).toBe(";");
    expect(r.rows.map((row) => [row.line, row.communeCode, row.communeName, row.period])).toEqual([
      [2, "11155", "Thị trấn Ninh Giang", "2023-Q4"],
      [3, "11167", "Xã Hồng Đức", "2023-Q4"],
      [4, "11173", "Xã An Đức", "2023-Q4"],
    ]);
    expect(r.rows[0]?.counts.dossiers_received).toBe(1234);
    expect(r.rows[0]?.counts.dossiers_resolved).toBe(1190);
    expect(r.rows[1]?.counts.dossiers_received).toBe(512); // " 512 ": surrounding spaces
    expect(r.rows[2]?.counts.dossiers_received).toBe(2045);
  });

  it("matches headers without accents, in any case, in English, and reads 1 234 with (no-break) spaces", () => {
    const r = validateReport(fixture("headers-no-accents.csv"), ctx);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]?.counts).toMatchObject({ dossiers_received: 1234, dossiers_online: 1100, dossiers_digitized: 1200 });
    // 1\u00a0050, 1\u202f000, "1,020", 1\u00a0001
    expect(r.rows[1]?.counts).toMatchObject({
      dossiers_received: 1050,
      dossiers_online: 1000,
      dossiers_digitized: 1020,
      dossiers_resolved_on_time: 1001,
    });
    expect(r.rows.map((row) => row.period)).toEqual(["2023-Q4", "2023-Q4"]);
  });

  it("reads a Windows-1258 file, says so, and gives names NFC-equal to the registry", () => {
    const r = validateReport(fixture("windows-1258.csv"), ctx);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.encoding).toBe("windows-1258");
    expect(r.delimiter).toBe(";");
    expect(r.warnings.map(where)).toEqual([
      { line: null, column: null, value: null, key: "ingest.warning.windows1258" },
    ]);
    expect(r.rows).toHaveLength(4);
    for (const row of r.rows) {
      expect(row.communeName).toBe(registry.get(row.communeCode));
      expect(row.communeName).toBe(row.communeName?.normalize("NFC"));
    }
    expect(r.rows[0]?.communeName).toBe("Xã Ứng Hoè");
  });

  it("normalises decomposed (NFD) headers and names to NFC", () => {
    const bytes = fixture("nfd-names.csv");
    expect(new TextDecoder().decode(bytes)).not.toBe(new TextDecoder().decode(bytes).normalize("NFC"));
    const r = validateReport(bytes, ctx);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.rows.map((row) => row.communeName)).toEqual(["Xã Ninh Hải", "Xã Đồng Tâm"]);
    expect(r.rows[1]?.communeName).toBe(registry.get("11203"));
  });

  it("keeps file line numbers across a quoted name with a line break", () => {
    const r = validateReport(fixture("multiline-name.csv"), ctx);
    expect(r.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(r.errors.map(where)).toEqual([
      { line: 5, column: "dossiers_digitized", value: "12,5", key: "ingest.error.notWholeNumber" },
    ]);
  });

  it("reads Excel's sep=; first line as the delimiter, not as the header", () => {
    const r = validateReport(fixture("excel-sep-line.csv"), ctx);
    expect(r.errors).toEqual([]);
    expect(r.delimiter).toBe(";");
    expect(r.rows.map((row) => [row.line, row.communeCode])).toEqual([[3, "11155"]]);
  });

  it("skips the template's second header row", () => {
    const r = validateReport(fixture("template-two-headers.csv"), ctx);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((row) => [row.line, row.communeCode])).toEqual([[3, "11161"]]);
  });

  it("reads a back-fill of several quarters and lists its periods in order", () => {
    const row = (code: string, period: string): string => `${code},,${period},10,5,5,10,10,0,1,1,1,1,0,0`;
    const text = [CANONICAL_HEADER, row("11155", "2023-Q4"), row("11155", "Q1/2023"), row("11161", "2022 Q3")].join("\n");
    const r = validateReport(bytesOf(text), ctx);
    expect(r.errors).toEqual([]);
    expect(r.periods).toEqual(["2022-Q3", "2023-Q1", "2023-Q4"]);
    expect(r.rows[0]?.communeName).toBeNull();
  });
});

describe("validateReport errors name line, column and value", () => {
  it("rejects 12,5, a negative count, an empty count, a numerator above its denominator and 1.5", () => {
    const r = validateReport(fixture("errors-counts.csv"), ctx);
    expect(r.ok).toBe(false);
    expect(r.rows).toEqual([]);
    expect(r.errors.map(where)).toEqual([
      { line: 2, column: "dossiers_digitized", value: "12,5", key: "ingest.error.notWholeNumber" },
      { line: 3, column: "dossiers_overdue", value: "-3", key: "ingest.error.negative" },
      { line: 4, column: "fee_dossiers", value: "", key: "ingest.error.required" },
      { line: 5, column: "dossiers_online", value: "600", key: "ingest.error.exceedsDenominator" },
      { line: 6, column: "contest_entries", value: "1.5", key: "ingest.error.notWholeNumber" },
    ]);
    expect(r.errors[3]?.params).toEqual({
      numerator: "dossiers_online",
      denominator: "dossiers_received",
      denominatorValue: 512,
    });
  });

  it("rejects an unknown unit, bad periods, a duplicate unit and period, a short code and empty keys", () => {
    const r = validateReport(fixture("errors-units-periods.csv"), ctx);
    expect(r.ok).toBe(false);
    expect(r.errors.map(where)).toEqual([
      { line: 2, column: "commune_code", value: "99999", key: "ingest.error.unknownUnit" },
      { line: 3, column: "period", value: "2023-Q5", key: "ingest.error.badPeriod" },
      { line: 4, column: "period", value: "Quý V/2023", key: "ingest.error.badPeriod" },
      { line: 6, column: "commune_code", value: "11185", key: "ingest.error.duplicateRow" },
      { line: 7, column: "commune_code", value: "1118", key: "ingest.error.badCode" },
      { line: 8, column: "commune_code", value: "", key: "ingest.error.requiredCode" },
      { line: 8, column: "period", value: "", key: "ingest.error.requiredPeriod" },
    ]);
    expect(r.errors[1]?.params.expected).toBe("YYYY-Qn (2023-Q4, Q4/2023, Quý 4/2023, Quý IV/2023, Quý 4 năm 2023)");
    expect(r.errors[3]?.params).toEqual({ firstLine: 5, code: "11185", period: "2023-Q4" });
    // The first of the duplicates is a valid row; the second is not.
    expect(r.rows.map((row) => row.line)).toEqual([5]);
  });

  it("suggests the 5-digit code when Excel dropped a leading zero", () => {
    const units = new Map(registry).set("01501", "Xã Thử Nghiệm");
    const r = validateReport(fixture("code-leading-zero.csv"), makeContext({ units }));
    expect(r.errors.map(where)).toEqual([
      { line: 2, column: "commune_code", value: "1501", key: "ingest.error.codeLeadingZero" },
    ]);
    expect(r.errors[0]?.params).toEqual({ hint: "01501" });
  });

  it("keeps leading zeros of a 5-digit code", () => {
    const units = new Map(registry).set("01501", "Xã Thử Nghiệm");
    const text = `${CANONICAL_HEADER}\n01501,Xã Thử Nghiệm,2023-Q4,10,5,5,10,10,0,1,1,1,1,0,0\n`;
    const r = validateReport(bytesOf(text), makeContext({ units }));
    expect(r.errors).toEqual([]);
    expect(r.rows[0]?.communeCode).toBe("01501");
  });

  it("reports every missing required column with its Vietnamese and English header", () => {
    const r = validateReport(fixture("missing-column.csv"), ctx);
    expect(r.errors.map(where)).toEqual([
      { line: 1, column: "period", value: null, key: "ingest.error.missingColumn" },
      { line: 1, column: "dossiers_digitized", value: null, key: "ingest.error.missingColumn" },
    ]);
    expect(r.errors[0]?.params).toEqual({ expected: "Kỳ báo cáo / Period", field: "period", vi: "Kỳ báo cáo", en: "Period" });
    expect(r.rows).toEqual([]);
  });

  it("does not require the unit name column", () => {
    const header = CANONICAL_HEADER.replace("commune_name,", "");
    const r = validateReport(bytesOf(`${header}\n11155,2023-Q4,10,5,5,10,10,0,1,1,1,1,0,0\n`), ctx);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]?.communeName).toBeNull();
  });

  it("rejects the same column twice", () => {
    const r = validateReport(fixture("duplicate-column.csv"), ctx);
    expect(r.errors.map(where)).toEqual([
      { line: 1, column: "Tổng số hồ sơ tiếp nhận", value: null, key: "ingest.error.duplicateColumn" },
    ]);
    expect(r.errors[0]?.params).toEqual({ field: "dossiers_received", firstColumn: "dossiers_received" });
  });

  it("rejects an empty file and a file of blank lines", () => {
    for (const name of ["empty.csv", "whitespace-only.csv"]) {
      const r = validateReport(fixture(name), ctx);
      expect(r.ok).toBe(false);
      expect(r.errors.map(where)).toEqual([{ line: null, column: null, value: null, key: "ingest.error.emptyFile" }]);
    }
  });

  it("rejects a file with only delimiters as empty", () => {
    const r = validateReport(bytesOf(";;;;\r\n;;;;\r\n"), ctx);
    expect(r.errors.map(where)).toEqual([{ line: null, column: null, value: null, key: "ingest.error.emptyFile" }]);
  });

  it("rejects a file with only a header", () => {
    const r = validateReport(fixture("header-only.csv"), ctx);
    expect(r.errors.map(where)).toEqual([{ line: null, column: null, value: null, key: "ingest.error.noRows" }]);
  });

  it("rejects a file without a header row with one error, not fourteen", () => {
    const r = validateReport(fixture("no-header.csv"), ctx);
    expect(r.errors.map(where)).toEqual([{ line: 1, column: null, value: null, key: "ingest.error.noHeader" }]);
    expect(r.warnings).toEqual([]);
  });

  it("skips the office's title rows above the header, says so, and reads the rows as without them", () => {
    const row = "11155,Thị trấn Ninh Giang,Quý IV/2023,10,5,5,10,10,0,1,1,1,1,0,0";
    const titled = ["UỶ BAN NHÂN DÂN HUYỆN NINH GIANG,,,", "BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH QUÝ IV/2023,,", ",,,", "(Kèm theo Công văn số 123/UBND),,", CANONICAL_HEADER, row].join("\r\n");
    const r = validateReport(bytesOf(titled), ctx);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map(where)).toEqual([{ line: 1, column: null, value: null, key: "ingest.warning.titleRows" }]);
    // Lines 1, 2 and 4 are titles (3 is blank); the header is line 5, the row line 6.
    expect(r.warnings[0]?.params).toEqual({ count: 3, first: 1, last: 4, header: 5 });
    expect(r.rows.map((x) => [x.line, x.period])).toEqual([[6, "2023-Q4"]]);
    const plain = validateReport(bytesOf([CANONICAL_HEADER, row].join("\r\n")), ctx);
    expect(r.rows.map(({ line: _, ...rest }) => rest)).toEqual(plain.rows.map(({ line: _, ...rest }) => rest));
  });

  it("leaves out the total row and checks its sums, naming a column that does not add up", () => {
    const rows = ["11155,Thị trấn Ninh Giang,2023-Q4,10,5,5,10,10,0,1,1,1,1,0,0", "11161,Xã Ứng Hoè,2023-Q4,20,6,7,20,19,1,2,1,4,3,2,1"];
    // Sums: received 30, online 11, digitised 12; the office wrote 31 received.
    const withTotal = [CANONICAL_HEADER, ...rows, ",Tổng cộng:,,31,11,12,30,29,1,3,2,5,4,2,1"].join("\n");
    const r = validateReport(bytesOf(withTotal), ctx);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.communeCode)).toEqual(["11155", "11161"]);
    expect(r.warnings.map(where)).toEqual([
      { line: 4, column: null, value: null, key: "ingest.warning.totalRow" },
      { line: 4, column: "dossiers_received", value: "31", key: "ingest.warning.totalMismatch" },
    ]);
    expect(r.warnings[1]?.params).toMatchObject({ sum: 30 });
    // Written as offices do: "Cộng" in the code column, "TỔNG" in capitals; a total that adds up says only that it was left out.
    for (const total of ["Cộng,,,30,11,12,30,29,1,3,2,5,4,2,1", ",TỔNG,,30,11,12,30,29,1,3,2,5,4,2,1"]) {
      const ok = validateReport(bytesOf([CANONICAL_HEADER, ...rows, total].join("\n")), ctx);
      expect(ok.errors, total).toEqual([]);
      expect(ok.warnings.map((w) => w.key), total).toEqual(["ingest.warning.totalRow"]);
    }
    // A unit whose name happens to be "Cộng" but has a code is a unit, not a total.
    expect(validateReport(bytesOf([CANONICAL_HEADER, "99999,Cộng,2023-Q4,1,1,1,1,1,0,0,0,0,0,0,0"].join("\n")), ctx).errors.map((e) => e.key)).toEqual(["ingest.error.unknownUnit"]);
  });

  it("takes more than ten rows naming no column for data without a header, refused at its first line", () => {
    const rows = Array.from({ length: 12 }, (_, i) => `1115${i % 10},Xã ${i},2023-Q4,10,5,5,10,10,0,1,1,1,1,0,0`);
    const r = validateReport(bytesOf([...rows, CANONICAL_HEADER].join("\n")), ctx);
    expect(r.errors.map(where)).toEqual([{ line: 1, column: null, value: null, key: "ingest.error.noHeader" }]);
    expect(r.rows).toEqual([]);
  });

  it("rejects binary files: an .xlsx workbook and a PNG image", () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]);
    for (const bytes of [xlsx, png]) {
      const r = validateReport(bytes, ctx);
      expect(r.errors.map(where)).toEqual([{ line: null, column: null, value: null, key: "ingest.error.binaryFile" }]);
    }
  });

  it("rejects a file over the size limit before reading it", () => {
    const bytes = fixture("valid-canonical.csv");
    const r = validateReport(bytes, makeContext({ maxBytes: 100 }));
    expect(r.errors.map(where)).toEqual([{ line: null, column: null, value: null, key: "ingest.error.tooLarge" }]);
    expect(r.errors[0]?.params).toEqual({ size: bytes.length, max: 100 });
    expect(r.encoding).toBeNull();
  });

  it("rejects a line with one cell too many (an unquoted comma in a name)", () => {
    const r = validateReport(fixture("wrong-cell-count.csv"), ctx);
    expect(r.errors.map(where)).toEqual([{ line: 3, column: null, value: null, key: "ingest.error.wrongCellCount" }]);
    expect(r.errors[0]?.params).toEqual({ expected: 15, actual: 16 });
    expect(r.rows.map((row) => row.line)).toEqual([2]);
  });

  it("accepts trailing empty cells (Excel's trailing delimiters) but not a short line", () => {
    const text = `${CANONICAL_HEADER},,\n11155,,2023-Q4,10,5,5,10,10,0,1,1,1,1,0,0,,\n11161,,2023-Q4,10,5,5,10,10,0,1,1,1,1,0,0\n11164,,2023-Q4,10,5\n`;
    const r = validateReport(bytesOf(text), ctx);
    expect(r.errors.map(where)).toEqual([{ line: 4, column: null, value: null, key: "ingest.error.wrongCellCount" }]);
    expect(r.rows.map((row) => row.line)).toEqual([2, 3]);
  });

  it("rejects a stray quote and goes on reading", () => {
    const r = validateReport(fixture("bad-quotes.csv"), ctx);
    expect(r.errors.map(where)).toEqual([{ line: 3, column: null, value: null, key: "ingest.error.badQuotes" }]);
    expect(r.rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it("collects every error of every row, capped with a final count", () => {
    const bad = Array.from({ length: 600 }, (_, i) => `99999,,2023-Q${(i % 4) + 1},x,5,5,10,10,0,1,1,1,1,0,0`);
    const r = validateReport(bytesOf([CANONICAL_HEADER, ...bad].join("\n")), ctx);
    expect(r.errors).toHaveLength(1001);
    expect(r.errors[0]).toMatchObject({ line: 2, key: "ingest.error.unknownUnit" });
    expect(r.errors[1]).toMatchObject({ line: 2, column: "dossiers_received", value: "x", key: "ingest.error.notWholeNumber" });
    expect(r.errors[1000]).toMatchObject({ key: "ingest.error.tooManyErrors", params: { total: 1200, shown: 1000 } });
  });
});

describe("validateReport warnings never block a file", () => {
  it("warns of an unknown column and a name that is not the registered one, and nothing else", () => {
    const r = validateReport(fixture("warnings.csv"), ctx);
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map(where)).toEqual([
      { line: 1, column: "Ghi chú", value: null, key: "ingest.warning.unknownColumn" },
      { line: 2, column: "commune_name", value: "Xã Nghĩa Hưng", key: "ingest.warning.nameMismatch" },
    ]);
    expect(r.warnings[1]?.params).toEqual({ registered: "Xã Nghĩa An" });
    expect(r.rows).toHaveLength(4);
  });

  it("warns once of data in a column without a header", () => {
    const text = `${CANONICAL_HEADER},,note\n11155,,2023-Q4,10,5,5,10,10,0,1,1,1,1,0,0,x,\n11161,,2023-Q4,10,5,5,10,10,0,1,1,1,1,0,0,y,\n`;
    const r = validateReport(bytesOf(text), ctx);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map(where)).toEqual([
      { line: 1, column: "note", value: null, key: "ingest.warning.unknownColumn" },
      { line: 2, column: null, value: "x", key: "ingest.warning.unnamedColumn" },
    ]);
    expect(r.warnings[1]?.params).toEqual({ index: 16 });
  });
});

describe("validateReport never throws", () => {
  it("turns a broken context into an error issue", () => {
    const r = validateReport(bytesOf(CANONICAL_HEADER), { units: new Map([["abc", "x"]]), maxBytes: -1 });
    expect(r.ok).toBe(false);
    expect(r.errors.map((i) => i.key)).toEqual(["ingest.error.unreadable"]);
  });

  it("rejects UTF-16 (Excel's Unicode Text) with its own message", () => {
    const r = validateReport(new Uint8Array([0xff, 0xfe, 0x4d, 0x00, 0xe3, 0x00]), ctx);
    expect(r.errors.map(where)).toEqual([{ line: null, column: null, value: null, key: "ingest.error.unsupportedEncoding" }]);
    expect(r.errors[0]?.params).toEqual({ encoding: "UTF-16" });
  });
});

describe("units over time (rule 1 of units-over-time.md)", () => {
  // Xã Vĩnh Hòa (11197) ends in 2025-Q2 and goes to the new Xã Ninh Giang (11155, the town's code reused);
  // Xã Tân Phong is new from 2025-Q3 with an unused code.
  const lifespans = new Map([
    ["11197", [{ from: null, to: "2025-Q2", name: "Xã Vĩnh Hòa", successors: ["Xã Ninh Giang (11155)"] }]],
    [
      "11155",
      [
        { from: null, to: "2025-Q2", name: "Thị trấn Ninh Giang", successors: ["Xã Ninh Giang (11155)"] },
        { from: "2025-Q3", to: null, name: "Xã Ninh Giang", successors: [] },
      ],
    ],
    ["11200", [{ from: null, to: "2025-Q2", name: "Xã Hồng Dụ", successors: [] }]],
    ["11203", [{ from: "2025-Q3", to: null, name: "Xã Tân Phong", successors: [] }]],
  ]);
  const over = makeContext({ lifespans });
  const row = (code: string, name: string, period: string) => `${code},${name},${period},100,50,50,90,80,1,10,5,20,18,1,0`;

  it("refuses a row for a unit after it ended, saying where it went, and one before a unit began", () => {
    const text = [CANONICAL_HEADER, row("11197", "Xã Vĩnh Hòa", "2025-Q3"), row("11200", "Xã Hồng Dụ", "2025-Q4"), row("11203", "Xã Tân Phong", "2025-Q2")].join("\n");
    const r = validateReport(bytesOf(`${text}\n`), over);
    expect(r.ok).toBe(false);
    expect(r.errors.map(where)).toEqual([
      { line: 2, column: "commune_code", value: "11197", key: "ingest.error.unitEnded" },
      { line: 3, column: "commune_code", value: "11200", key: "ingest.error.unitEndedAlone" },
      { line: 4, column: "commune_code", value: "11203", key: "ingest.error.unitNotYet" },
    ]);
    expect(formatIssue(r.errors[0]!, "vi")).toBe(
      'Dòng 2, cột "commune_code": giá trị "11197" — Xã Vĩnh Hòa (11197) không còn từ quý 3/2025; từ kỳ này thuộc Xã Ninh Giang (11155). Hãy báo cáo quý 3/2025 theo đơn vị mới.',
    );
    expect(formatIssue(r.errors[2]!, "en")).toContain("Xã Tân Phong (11203) exists only from Q3 2025; report Q2 2025 under the old units.");
  });

  it("accepts each unit inside its span, and checks a reused code's name against the unit of that quarter", () => {
    const text = [CANONICAL_HEADER, row("11197", "Xã Vĩnh Hòa", "2025-Q2"), row("11155", "Thị trấn Ninh Giang", "2025-Q2"), row("11155", "Xã Ninh Giang", "2025-Q3")].join("\n");
    const r = validateReport(bytesOf(`${text}\n`), over);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.rows.map((x) => [x.communeCode, x.period])).toEqual([
      ["11197", "2025-Q2"],
      ["11155", "2025-Q2"],
      ["11155", "2025-Q3"],
    ]);
  });
});
