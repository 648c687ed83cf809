/**
 * Text → rows of cells with their 1-based line numbers, via PapaParse in array mode (not header mode, so
 * that every row keeps the line a text editor shows for it, quoted line breaks included).
 */
import Papa from "papaparse";

import type { Delimiter } from "./types";

/** Excel writes `sep=;` as a first line when asked to; it names the delimiter and is not the header. */
const SEP_LINE = /^sep=([,;])[ \t]*(?=\r?\n|$)/i;

function sepLine(text: string): RegExpExecArray | null {
  // Only the start matters; matching a slice keeps the regex from touching a 70 MB string.
  return SEP_LINE.exec(text.slice(0, 16));
}

function occurrences(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + s.length)) n += 1;
  return n;
}

export type LineBreak = "\n" | "\r\n";

/**
 * The text and its one kind of line break, as PapaParse needs it. A file that is all LF or all CRLF is passed
 * on as it is (rewriting 70 MB costs ~0.3 s); one that mixes them, or uses lone CR, is rewritten to LF.
 */
export function unifyLineBreaks(text: string): { text: string; newline: LineBreak } {
  const cr = occurrences(text, "\r");
  if (cr === 0) return { text, newline: "\n" };
  if (occurrences(text, "\r\n") === cr && occurrences(text, "\n") === cr) return { text, newline: "\r\n" };
  return { text: text.replace(/\r\n?/g, "\n"), newline: "\n" };
}

/**
 * The delimiter of the header line: `;` when it has more semicolons than commas outside quotes, else `,`.
 * A `sep=` line, when present, decides instead.
 */
export function detectDelimiter(text: string): Delimiter {
  const sep = sepLine(text);
  if (sep) return sep[1] === ";" ? ";" : ",";
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      inQuotes = !inQuotes; // a doubled quote toggles twice: still right
      seenContent = true;
    } else if (inQuotes) {
      continue;
    } else if (c === 10) {
      if (seenContent) break; // leading blank lines are skipped, like the header search in rows
    } else if (c === 44) {
      commas += 1;
      seenContent = true;
    } else if (c === 59) {
      semicolons += 1;
      seenContent = true;
    } else if (c !== 32 && c !== 9 && c !== 13) {
      seenContent = true;
    }
  }
  return semicolons > commas ? ";" : ",";
}

/** A `sep=` first line is blanked (its line break kept, so line numbers stay those of the file). */
export function blankSepLine(text: string): string {
  const sep = sepLine(text);
  return sep ? text.slice(sep[0].length) : text;
}

function countLineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    let i = cell.indexOf("\n");
    while (i !== -1) {
      n += 1;
      i = cell.indexOf("\n", i + 1);
    }
  }
  return n;
}

/** The line of cell `index` of a row that starts on `rowLine` (a quoted cell before it may span lines). */
export function cellLine(rowLine: number, cells: readonly string[], index: number): number {
  return rowLine + countLineBreaks(cells.slice(0, index));
}

export type RowHandler = (cells: string[], line: number, quoteError: boolean) => void;

/**
 * Calls `onRow` for every row of `text` (one kind of line break, see unifyLineBreaks), blank rows included, with
 * the line the row starts on. Rows are streamed rather than collected: a million-row file never holds a
 * million cell arrays at once. `quoteError` is set for a row where a quote was left open or misplaced; such a
 * row may have swallowed the lines after it.
 */
export function readCsvRows(text: string, delimiter: Delimiter, newline: LineBreak, onRow: RowHandler): void {
  // Without a quote character no cell can hold a line break: row n is line n.
  const mayHaveQuotedBreaks = text.includes('"');
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    step(results) {
      const cells = results.data;
      onRow(cells, line, results.errors.length > 0);
      line += mayHaveQuotedBreaks ? 1 + countLineBreaks(cells) : 1;
    },
  });
}
