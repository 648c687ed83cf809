/**
 * The workbook read back with exceljs, as a spreadsheet program would read it: sheets, title, frozen header,
 * one row per unit, numbers stored as numbers with their display formats, ranks as text, hostile names as text.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { meetingPack } from "~/exports/meeting-pack";
import { rankingsWorkbook } from "~/exports/rankings-workbook.server";
import { BODY, QUARTER_ROWS, SCORING, UNITS } from "./pack-fixtures";

const HOSTILE = '=HYPERLINK("http://evil.example","Xã A")';
const PRINTED = new Date("2025-03-14T23:30:00Z");

async function read(rows = QUARTER_ROWS, draft = false): Promise<ExcelJS.Workbook> {
  const pack = meetingPack({
    lang: "vi",
    body: BODY,
    report: { period: "2024-Q4", kind: "quarter", rows },
    scoring: SCORING,
    status: draft
      ? { status: "draft", publication: null, publishedAt: null, newerVersion: null }
      : { status: "published", publication: 1, publishedAt: "2025-01-10T03:00:00Z", newerVersion: null },
    asOf: null,
    printedAt: PRINTED,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await rankingsWorkbook(pack, PRINTED)).buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The header is row 7: five title rows, a blank row. */
const HEADER = 7;

describe("rankingsWorkbook read back", () => {
  let workbook: ExcelJS.Workbook;
  let ranks: ExcelJS.Worksheet;
  beforeAll(async () => {
    workbook = await read();
    ranks = sheet(workbook, "Xếp hạng");
  });

  it("has the rankings sheet then the definitions sheet", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Xếp hạng", "Định nghĩa"]);
  });

  it("opens with the title rows, a blank row and the header, frozen with the code and name columns", () => {
    expect([1, 2, 3, 4].map((r) => ranks.getCell(r, 1).value)).toEqual([
      "Huyện Ninh Giang, Tỉnh Hải Dương",
      "Kết quả xếp hạng cải cách hành chính các đơn vị, quý 4/2024",
      "Công bố ngày 10/01/2025 (phiên bản 1)",
      "In ngày 15/03/2025",
    ]);
    expect(ranks.getCell(6, 1).value).toBeNull();
    expect(ranks.getRow(HEADER).values).toEqual([undefined, "Mã xã", "Tên đơn vị", "Cụm", "Điểm tổng hợp", "Điểm tổng hợp: xếp hạng", "Tỷ lệ số hóa hồ sơ (%)", "Tỷ lệ số hóa hồ sơ: xếp hạng", "Tỷ lệ số hóa hồ sơ: số hồ sơ được số hóa", "Tỷ lệ số hóa hồ sơ: tổng số hồ sơ tiếp nhận", ...Array.from({ length: 22 }, () => expect.any(String))]);
    expect(ranks.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: HEADER });
  });

  it("has one row per unit in composite rank order, and nothing after them", () => {
    expect([8, 9, 10].map((r) => ranks.getCell(r, 1).value)).toEqual([UNITS.ba.code, UNITS.mot.code, UNITS.hai.code]);
    expect(ranks.rowCount).toBe(10);
  });

  it("stores figures as numbers with display formats, and ranks and codes as text", () => {
    const mot = ranks.getRow(9);
    expect(mot.getCell(1).value).toBe("00001");
    expect(mot.getCell(4).value).toBe(87.25);
    expect(mot.getCell(4).numFmt).toBe("0.0");
    expect(mot.getCell(5).value).toBe("2/3");
    expect(mot.getCell(6).value).toBe(0.935);
    expect(mot.getCell(6).numFmt).toBe("0.0%");
    expect(mot.getCell(7).value).toBe("4/20");
    expect([mot.getCell(8).value, mot.getCell(9).value]).toEqual([187, 200]);
    expect(mot.getCell(8).numFmt).toBe("#,##0");
    // Overdue dossiers, a count: 1 234.
    expect(mot.getCell(22).value).toBe(1234);
    expect(mot.getCell(22).numFmt).toBe("#,##0");
  });

  it("leaves a rate without a value empty, with its counts 0 and 0", () => {
    const hai = ranks.getRow(10);
    expect([14, 15, 16, 17].map((c) => hai.getCell(c).value)).toEqual([null, null, 0, 0]);
  });

  it("sets column widths and a filter on the header", () => {
    expect(ranks.getColumn(1).width).toBe(10);
    expect(ranks.getColumn(2).width).toBe(18);
    expect(ranks.getColumn(6).width).toBe(14);
    expect(ranks.autoFilter).toBe("A7:AE7");
  });

  it("explains each indicator and gives the scoring configuration with every weight", () => {
    const defs = sheet(workbook, "Định nghĩa");
    expect(defs.getCell(1, 1).value).toBe("Định nghĩa các chỉ tiêu và cấu hình điểm");
    const rows = Array.from({ length: 9 }, (_, i) => defs.getRow(4 + i));
    const weights = Object.fromEntries(rows.map((r) => [r.getCell(2).value, r.getCell(6).value]));
    expect(weights).toEqual({
      composite_score: null,
      digitization_rate: 22,
      online_rate: 12,
      online_payment_rate: 10,
      on_time_rate: 20,
      overdue_dossiers: null,
      satisfaction_rate: 18,
      contest_entries: null,
      initiatives: null,
    });
    expect(rows[1]?.getCell(7).value).toBe(0.9);
    expect(rows[1]?.getCell(7).numFmt).toBe("0%");
    expect(rows[1]?.getCell(3).value).toBe("Số hồ sơ được số hóa trên tổng số hồ sơ tiếp nhận trong kỳ.");
    expect(defs.getCell(14, 1).value).toBe("Cấu hình điểm: test@000000000000");
  });
});

describe("rankingsWorkbook and hostile names", () => {
  it("writes a unit named like a formula as a text cell, never a formula", async () => {
    const rows = QUARTER_ROWS.map((r) => (r.commune_code === UNITS.mot.code ? { ...r, commune_name: HOSTILE } : r));
    const cell = sheet(await read(rows), "Xếp hạng").getCell(9, 2);
    expect(cell.value).toBe(HOSTILE);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  });
});

describe("rankingsWorkbook for a draft", () => {
  it("says draft in the status row, in bold red", async () => {
    const cell = sheet(await read(QUARTER_ROWS, true), "Xếp hạng").getCell(3, 1);
    expect(cell.value).toBe("Bản nháp — chưa công bố");
    expect(cell.font).toMatchObject({ bold: true, color: { argb: "FFB00020" } });
  });
});
