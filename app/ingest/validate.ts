/**
 * The single entry point of the ingest: a file's bytes → rows and issues (spec §1). The browser runs it for
 * the preview, the server and `npm run import` run it again before committing. It never throws.
 */
import { decodeReport } from "./decode";
import { fieldOfHeader, mapHeader, type HeaderMap } from "./headers";
import { addError, addWarning, createIssueLog, finishIssues, makeIssue } from "./issues";
import { blankSepLine, detectDelimiter, readCsvRows, unifyLineBreaks } from "./parse-csv";
import { createRowValidator, type RowValidator } from "./rows";
import {
  ingestContextSchema,
  type Delimiter,
  type Encoding,
  type IngestContext,
  type IngestResult,
  type Issue,
} from "./types";

function failed(issue: Issue, encoding: Encoding | null = null, delimiter: Delimiter | null = null): IngestResult {
  return { ok: false, encoding, delimiter, rows: [], errors: [issue], warnings: [], periods: [] };
}

function unreadable(detail: string): IngestResult {
  return failed(makeIssue("error", "ingest.error.unreadable", null, null, null, { detail }));
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

/** A row that names at least one of the report's columns: the header (a title row names none). */
function namesAColumn(cells: readonly string[]): boolean {
  return cells.some((c) => c.trim() !== "" && fieldOfHeader(c) !== null);
}

/**
 * Title rows an office puts above the header ("UỶ BAN NHÂN DÂN …", "BÁO CÁO KẾT QUẢ …") are skipped, up to
 * this many: a file whose first rows name no column at all is more likely data without a header, and is
 * refused as such at its first line.
 */
export const MAX_TITLE_ROWS = 10;

function validate(bytes: Uint8Array, ctx: IngestContext): IngestResult {
  const context = ingestContextSchema.safeParse(ctx);
  if (!context.success) {
    const problems = context.error.issues
      .map((i) => `${i.path.map(String).join(".") || "context"}: ${i.message}`)
      .join("; ");
    return unreadable(`invalid ingest context: ${problems}`);
  }
  if (!(bytes instanceof Uint8Array)) return unreadable("input is not a byte array");

  const decoded = decodeReport(bytes, ctx.maxBytes);
  if (!decoded.ok) return failed(decoded.issue);
  const { encoding } = decoded;
  const log = createIssueLog();
  if (encoding === "windows-1258") addWarning(log, "ingest.warning.windows1258", null, null, null, { encoding });

  const { text, newline } = unifyLineBreaks(decoded.text);
  const delimiter = detectDelimiter(text);
  // header undefined: the header row is still to come; null: there is none that can be read.
  // titles: the non-blank rows above the header that name no column, with the first of them kept in case no
  // header ever comes (then the error points at it, as it did before title rows were skipped).
  const state: { header: HeaderMap | null | undefined; validator: RowValidator | null; titles: { cells: string[]; line: number }[] } = {
    header: undefined,
    validator: null,
    titles: [],
  };
  const noHeader = () => {
    const first = state.titles[0];
    state.header = first ? mapHeader(first.cells, first.line, log) : null;
  };
  readCsvRows(blankSepLine(text), delimiter, newline, (cells, line, quoteError) => {
    if (quoteError) {
      addError(log, "ingest.error.badQuotes", line, null, null);
      if (state.header === undefined) state.header = null;
      return;
    }
    if (state.header === undefined) {
      if (isBlank(cells)) return;
      if (!namesAColumn(cells)) {
        state.titles.push({ cells: [...cells], line });
        if (state.titles.length > MAX_TITLE_ROWS) noHeader();
        return;
      }
      state.header = mapHeader(cells, line, log);
      const [first, last] = [state.titles[0], state.titles.at(-1)];
      if (first && last) addWarning(log, "ingest.warning.titleRows", first.line, null, null, { count: state.titles.length, first: first.line, last: last.line, header: line });
      if (state.header !== null) state.validator = createRowValidator(state.header, ctx.units, log, ctx.lifespans);
      return;
    }
    state.validator?.push(cells, line);
  });

  if (state.header === undefined && state.titles.length > 0) noHeader();
  if (state.header === undefined) {
    return failed(makeIssue("error", "ingest.error.emptyFile", null, null, null), encoding, delimiter);
  }
  const { rows, periods } = state.validator?.finish() ?? { rows: [], periods: [] };
  const { errors, warnings } = finishIssues(log);
  return { ok: errors.length === 0, encoding, delimiter, rows, errors, warnings, periods };
}

/**
 * Reads and checks a report file completely: every problem of every row is reported (up to a limit, see
 * issues.ts). `ok` is true exactly when there are no errors. Never throws: anything unexpected becomes an
 * `ingest.error.unreadable` issue.
 */
export function validateReport(bytes: Uint8Array, ctx: IngestContext): IngestResult {
  try {
    return validate(bytes, ctx);
  } catch (error) {
    return unreadable(error instanceof Error ? error.message : String(error));
  }
}
