/**
 * The wide table as CSV for an Excel set to Vietnamese (publication.md, decision 011): UTF-8 with a
 * byte-order mark, `;` between cells, a decimal comma, and figures as a reader would type them in, so that
 * Excel reads every figure as a number: rates as percentages with one decimal ("93,5" under a "(%)" header),
 * the composite with one decimal, counts as plain whole numbers (no grouping, which Excel could misread).
 * The same `;` and decimal comma whatever the language of the headers: the file is for that Excel; the
 * workbook and the long CSV serve the others.
 *
 * A rank is written in words, "4 trên 20" ("4 of 20"), not "4/20": Excel turns "4/12" into a date (4
 * December in Vietnamese, 12 April in English). Text cells are neutralised by toCsv (formula injection).
 */
import { toCsv, type CsvCell } from "~/domain/csv-export";
import type { FormatName } from "~/domain/indicators";
import { percentShown } from "~/i18n/format";
import { t, type Lang } from "~/i18n/translate";
import type { WideCell, WideColumn, WideTable } from "./wide-table";

const decimalComma = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
const wholeNumber = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0, useGrouping: false });

/** A figure as Vietnamese Excel reads a number: "93,5", "1234". */
export function csvNumber(format: FormatName | null, value: number): string {
  switch (format) {
    case "percent1":
      return decimalComma.format(percentShown(value, 1));
    case "decimal1":
      return decimalComma.format(value);
    case "integer":
      return wholeNumber.format(value);
    default:
      throw new Error(`no wide CSV format for ${String(format)}`);
  }
}

function csvCell(lang: Lang, column: WideColumn, cell: WideCell): CsvCell {
  if (cell === null) return null;
  if (typeof cell === "object") return t(lang, "export.rankOf", { rank: cell.rank, ranked: cell.ranked });
  if (typeof cell === "number") return Number.isFinite(cell) ? csvNumber(column.format, cell) : null;
  return cell;
}

export function wideCsv(table: WideTable, lang: Lang): string {
  const header: CsvCell[] = table.columns.map((c) => c.header);
  const rows = table.rows.map((row) =>
    row.map((cell, i) => {
      const column = table.columns[i];
      if (!column) throw new Error(`cell ${i} has no column`);
      return csvCell(lang, column, cell);
    }),
  );
  return toCsv([header, ...rows], ";");
}
