/**
 * The header row → canonical fields. Headers match case- and accent-insensitively, in either language
 * (spec §1): the snake_case name, the Vietnamese header and the English label are all accepted.
 */
import { FIELD_INFO, REPORT_FIELDS, REQUIRED_FIELDS, type ReportField } from "~/domain/report-fields";

import { addError, addWarning, type IssueLog } from "./issues";

/**
 * The comparison form of a header: no diacritics (đ → d), lower case, every run of spaces, underscores and
 * punctuation collapsed to one space. `Số hồ sơ được số hóa`, `SO HO SO DUOC SO HOA` and
 * `so_ho_so_duoc_so_hoa` all become `so ho so duoc so hoa`.
 */
export function headerKey(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function buildAliases(): Map<string, ReportField> {
  const aliases = new Map<string, ReportField>();
  for (const field of REPORT_FIELDS) {
    for (const name of [field, FIELD_INFO[field].vi, FIELD_INFO[field].en]) aliases.set(headerKey(name), field);
  }
  return aliases;
}

const ALIASES = buildAliases();

/** The canonical field a header names, or null. */
export function fieldOfHeader(header: string): ReportField | null {
  return ALIASES.get(headerKey(header)) ?? null;
}

export interface HeaderMap {
  /** Line of the header row. */
  line: number;
  /** Per column: the header as written (trimmed). */
  names: string[];
  /** Per column: the field it holds, or null for an unknown, unnamed or duplicate column. */
  fields: (ReportField | null)[];
  /** Per field: its column, or -1 when the file lacks it. */
  columnOf: Record<ReportField, number>;
  /** Number of columns, not counting empty header cells at the end (Excel's trailing delimiters). */
  width: number;
}

/**
 * Maps the header row. Logs unknown columns (warning), duplicate and missing columns (errors). Returns null,
 * with one `noHeader` error, when no cell names a field at all: the first line is then data or something else,
 * and a missing-column error for each of the 14 columns would only hide that.
 */
export function mapHeader(cells: readonly string[], line: number, log: IssueLog): HeaderMap | null {
  const names = cells.map((c) => c.trim());
  let width = names.length;
  while (width > 0 && names[width - 1] === "") width -= 1;
  names.length = width;

  const fields: (ReportField | null)[] = names.map(() => null);
  const columnOf = Object.fromEntries(REPORT_FIELDS.map((f) => [f, -1])) as Record<ReportField, number>;
  const unknown: number[] = [];
  const duplicates: { index: number; field: ReportField }[] = [];
  names.forEach((name, index) => {
    if (name === "") return;
    const field = fieldOfHeader(name);
    if (field === null) unknown.push(index);
    else if (columnOf[field] !== -1) duplicates.push({ index, field });
    else {
      columnOf[field] = index;
      fields[index] = field;
    }
  });

  if (fields.every((f) => f === null)) {
    addError(log, "ingest.error.noHeader", line, null, null);
    return null;
  }
  for (const index of unknown) addWarning(log, "ingest.warning.unknownColumn", line, names[index] ?? "", null);
  for (const { index, field } of duplicates) {
    addError(log, "ingest.error.duplicateColumn", line, names[index] ?? "", null, {
      field,
      firstColumn: names[columnOf[field]] ?? field,
    });
  }
  for (const field of REQUIRED_FIELDS) {
    if (columnOf[field] !== -1) continue;
    const { vi, en } = FIELD_INFO[field];
    addError(log, "ingest.error.missingColumn", line, field, null, { expected: `${vi} / ${en}`, field, vi, en });
  }
  return { line, names, fields, columnOf, width };
}
