/**
 * The meeting pack as an Excel workbook (publication.md, decision 011), written with exceljs: sheet 1 the
 * title rows and the wide table, figures stored as numbers with display formats, the header row and the
 * unit columns frozen, a filter on the header, set to print on A4 landscape one page wide with the header
 * repeated; sheet 2 the definitions and the scoring weights. A `.server` module: exceljs stays out of the
 * browser bundles.
 *
 * Text goes in as plain strings, which a spreadsheet shows as text and never runs: a unit named
 * "=HYPERLINK(…)" is a text cell, not a formula (exceljs writes a formula only when given `{ formula }`).
 */
import ExcelJS from "exceljs";
import type { FormatName } from "~/domain/indicators";
import { formatRank } from "~/i18n/format";
import { STATUS_LINE, type MeetingPack } from "./meeting-pack";
import type { WideCell, WideColumn } from "./wide-table";

/** How each of the registry's formats looks in Excel; Excel shows them in the reader's own locale. */
export const EXCEL_FORMATS: Partial<Record<FormatName, string>> = {
  percent1: "0.0%",
  percent0: "0%",
  integer: "#,##0",
  decimal1: "0.0",
  decimal0: "0",
};

const A4 = 9;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7ECF2" } };

function excelFormat(format: FormatName | null): string | undefined {
  if (format === null) return undefined;
  const numFmt = EXCEL_FORMATS[format];
  if (numFmt === undefined) throw new Error(`no Excel format for ${format}`);
  return numFmt;
}

function writeCell(cell: ExcelJS.Cell, column: WideColumn, value: WideCell): void {
  if (value === null) return;
  if (typeof value === "object") {
    cell.value = formatRank(value.rank, value.ranked);
    cell.alignment = { horizontal: "right" };
    return;
  }
  cell.value = value;
  const numFmt = typeof value === "number" ? excelFormat(column.format) : undefined;
  if (numFmt !== undefined) cell.numFmt = numFmt;
}

function rankingsSheet(workbook: ExcelJS.Workbook, pack: MeetingPack): void {
  const { title, table } = pack;
  // The title rows, a blank row, then the header.
  const headerRow = title.length + 2;
  const sheet = workbook.addWorksheet(pack.sheetNames.rankings, {
    views: [{ state: "frozen", xSplit: 2, ySplit: headerRow }],
    pageSetup: { paperSize: A4, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  title.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    cell.font = i === 0 ? { bold: true, size: 12 } : i === 1 ? { bold: true, size: 14 } : i === STATUS_LINE && pack.draft ? { bold: true, color: { argb: "FFB00020" } } : {};
  });
  table.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: column.type === "text" ? "left" : "center" };
    cell.border = { bottom: { style: "thin" } };
  });
  sheet.getRow(headerRow).height = 60;
  table.rows.forEach((row, r) => {
    table.columns.forEach((column, c) => writeCell(sheet.getCell(headerRow + 1 + r, c + 1), column, row[c] ?? null));
  });
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: table.columns.length } };
}

function definitionsSheet(workbook: ExcelJS.Workbook, pack: MeetingPack): void {
  const { definitions } = pack;
  const sheet = workbook.addWorksheet(pack.sheetNames.definitions, {
    pageSetup: { paperSize: A4, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  [24, 22, 60, 50, 12, 16, 16].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.getCell(1, 1).value = definitions.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const headerRow = 3;
  definitions.header.forEach((header, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
  definitions.rows.forEach((d, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    [d.label, d.id, d.meaning, d.formula, d.better].forEach((text, c) => (row.getCell(c + 1).value = text));
    if (d.weight !== null) row.getCell(6).value = d.weight;
    if (d.fullAt !== null) {
      row.getCell(7).value = d.fullAt;
      row.getCell(7).numFmt = "0%";
    }
    row.alignment = { wrapText: true, vertical: "top" };
  });
  const notesRow = headerRow + definitions.rows.length + 2;
  definitions.notes.forEach((note, i) => (sheet.getCell(notesRow + i, 1).value = note));
}

/** The workbook's bytes. */
export async function rankingsWorkbook(pack: MeetingPack, printedAt: Date): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "parboard";
  workbook.created = printedAt;
  workbook.modified = printedAt;
  rankingsSheet(workbook, pack);
  definitionsSheet(workbook, pack);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
