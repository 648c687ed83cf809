/**
 * Writing CSV for Excel, through PapaParse's writer: a byte-order mark so that Excel reads UTF-8
 * (Vietnamese names intact), CRLF line ends, and formula injection neutralised: a text cell starting with
 * = + - @ (or a tab or carriage return) gets a leading apostrophe, so Excel shows it as text instead of
 * running it.
 *
 * A cell holding `;` or `,` is quoted whichever the delimiter: an Excel set to Vietnamese splits on `;`, an
 * English one on `,`, and without the quotes a name such as `x;=cmd|'/C calc'!A0;` would be split into a
 * cell that starts with `=` in the other locale's Excel.
 */
import Papa from "papaparse";

export type CsvCell = string | number | boolean | null;

/** Excel runs a cell as a formula when it starts with one of these. (Papa's own pattern misses "=1\n2".) */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quoted on top of what the delimiter needs: the other locale's delimiter, and white space Excel would trim. */
function extraQuotes(value: unknown): boolean {
  return typeof value === "string" && (/[;,"\r\n]/.test(value) || value !== value.trim());
}

export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: "," | ";" = ","): string {
  // A number that is not finite is an empty cell, not "NaN" or "Infinity".
  const data = rows.map((row) => row.map((cell) => (typeof cell === "number" && !Number.isFinite(cell) ? null : cell)));
  const body = Papa.unparse(data, { delimiter, newline: "\r\n", escapeFormulae: FORMULA_START, quotes: extraQuotes });
  return `\uFEFF${body}\r\n`;
}
