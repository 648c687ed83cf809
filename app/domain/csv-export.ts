/**
 * Writing CSV for Excel: a byte-order mark so that Excel reads UTF-8 (Vietnamese names intact), quoting
 * where needed, and formula injection neutralised: a text cell starting with = + - @ (or a tab or carriage
 * return) gets a leading apostrophe, so Excel shows it as text instead of running it.
 */
export type CsvCell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function encodeCell(cell: CsvCell, delimiter: string): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  const text = neutraliseCell(cell);
  return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: "," | ";" = ","): string {
  return "\uFEFF" + rows.map((row) => row.map((c) => encodeCell(c, delimiter)).join(delimiter)).join("\r\n") + "\r\n";
}
