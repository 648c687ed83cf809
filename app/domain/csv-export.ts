/**
 * Writing CSV for Excel, through PapaParse's writer: a byte-order mark so that Excel reads UTF-8
 * (Vietnamese names intact), CRLF line ends, and formula injection neutralised: a text cell starting with
 * = + - @ (or a tab or carriage return) gets a leading apostrophe, so Excel shows it as text instead of
 * running it.
 *
 * A cell holding `;` or `,` is quoted whichever the delimiter: an Excel set to Vietnamese splits on `;`, an
 * English one on `,`. Quotes alone do not protect a file opened in the other locale's Excel, though: it
 * counts a quote only at the start of a cell, so in the comma file's `2023,11155,"x;=cmd|'/C calc'!A0;"` the
 * name's `;` still starts a cell `=cmd|'/C calc'!A0`, and a line break inside a quoted cell still starts a
 * line. So inside a text cell, a formula character right after the other locale's delimiter or a line break
 * (spaces, tabs and quotes between them aside) gets the same apostrophe as a cell that starts with one:
 * `x;'=cmd|'/C calc'!A0;`. A readable name never has one there; a hostile one shows the apostrophe.
 */
import Papa from "papaparse";

export type CsvCell = string | number | boolean | null;

/** Excel runs a cell as a formula when it starts with one of these. (Papa's own pattern misses "=1\n2".) */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quoted on top of what the delimiter needs: the other locale's delimiter, and white space Excel would trim. */
function extraQuotes(value: unknown): boolean {
  return typeof value === "string" && (/[;,"\r\n]/.test(value) || value !== value.trim());
}

/** Where the other locale's Excel starts a new cell or line inside this cell, before a formula character. */
const INNER_FORMULA_START: Record<"," | ";", RegExp> = {
  ",": /([;\r\n])(?=[ \t\r"]*[=+\-@])/g,
  ";": /([,\r\n])(?=[ \t\r"]*[=+\-@])/g,
};

function cellFor(cell: CsvCell, delimiter: "," | ";"): CsvCell {
  // A number that is not finite is an empty cell, not "NaN" or "Infinity".
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  return typeof cell === "string" ? cell.replace(INNER_FORMULA_START[delimiter], "$1'") : cell;
}

export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: "," | ";" = ","): string {
  const data = rows.map((row) => row.map((cell) => cellFor(cell, delimiter)));
  const body = Papa.unparse(data, { delimiter, newline: "\r\n", escapeFormulae: FORMULA_START, quotes: extraQuotes });
  return `\uFEFF${body}\r\n`;
}
