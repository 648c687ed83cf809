/**
 * Data rows → ReportRows and issues. Built once per file from the header (which column holds which field),
 * then called for each row; every check of spec §1 runs on every row and all issues are logged, none stops
 * the file.
 *
 * Speed: the benchmark reads a million rows, so the per-row path allocates only what it returns (the row and
 * its counts, with strings shared from the registry and the period cache). Cells are read by the hand-written
 * readers in cells.ts rather than by a zod schema per cell; the rows they produce satisfy `reportRowSchema`,
 * which the property tests check.
 */
import { formatQuarter, nextPeriodId, parseQuarter } from "~/domain/period";
import { COUNT_FIELDS, FIELD_INFO, REQUIRED_FIELDS, type Counts } from "~/domain/report-fields";

import { COUNT_EMPTY, COUNT_NEGATIVE, COUNT_NOT_WHOLE, isFourDigits, isUnitCode, parseCount } from "./cells";
import { fieldOfHeader, type HeaderMap } from "./headers";
import { addError, addWarning, type IssueLog } from "./issues";
import { namesMatch } from "./names";
import { cellLine } from "./parse-csv";
import { MAX_COUNT, type ReportRow, type UnitLifespan } from "./types";
import { createFirstLines, indexUnits, unitSlot } from "./unit-index";

export const PERIOD_EXPECTED = "YYYY-Qn (2023-Q4, Q4/2023, Quý 4/2023, Quý IV/2023, Quý 4 năm 2023)";

/** Distinct spellings remembered (periods, names); a garbage file must not grow a cache without bound. */
const CACHE_MAX = 1000;

export interface RowValidator {
  push(cells: string[], line: number): void;
  /** The valid rows and their periods; logs `noRows` when the file had no data row at all. */
  finish(): { rows: ReportRow[]; periods: string[] };
}

interface PeriodSlot {
  id: string;
  slot: number;
}

function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== "") return false;
  return true;
}

const TOTAL_WORDS = new Set(["tổng cộng", "tổng", "cộng", "tổng số", "total"]);

/**
 * A total row as offices write it: no unit code, and "Tổng cộng", "Cộng", "Tổng" (or "Total") in the code or
 * the name cell, in any case, with a trailing colon or full stop.
 */
export function isTotalRow(cells: readonly string[], codeCol: number, nameCol: number): boolean {
  const word = (col: number) => (cells[col] ?? "").normalize("NFC").trim().toLowerCase().replace(/[\s:.]+$/u, "").replace(/\s+/gu, " ");
  if (codeCol !== -1 && word(codeCol) !== "" && !TOTAL_WORDS.has(word(codeCol))) return false;
  return [codeCol, nameCol].some((col) => col !== -1 && TOTAL_WORDS.has(word(col)));
}

/**
 * Built field by field in COUNT_FIELDS order, so that every counts object shares one shape; the values come
 * from an Int32Array so that they are stored as small integers, not as a boxed double per field.
 */
function countsOf(v: Int32Array): Counts {
  return {
    dossiers_received: v[0] ?? 0,
    dossiers_online: v[1] ?? 0,
    dossiers_digitized: v[2] ?? 0,
    dossiers_resolved: v[3] ?? 0,
    dossiers_resolved_on_time: v[4] ?? 0,
    dossiers_overdue: v[5] ?? 0,
    fee_dossiers: v[6] ?? 0,
    fee_dossiers_paid_online: v[7] ?? 0,
    survey_responses: v[8] ?? 0,
    survey_satisfied: v[9] ?? 0,
    contest_entries: v[10] ?? 0,
    initiatives: v[11] ?? 0,
  };
}

export function createRowValidator(
  header: HeaderMap,
  units: ReadonlyMap<string, string>,
  log: IssueLog,
  lifespans: ReadonlyMap<string, readonly UnitLifespan[]> = new Map(),
): RowValidator {
  const { names, width, columnOf } = header;
  const codeCol = columnOf.commune_code;
  const nameCol = columnOf.commune_name;
  const periodCol = columnOf.period;
  const countCols = Int32Array.from(COUNT_FIELDS, (f) => columnOf[f]);
  // Numerator and denominator positions in COUNT_FIELDS, flattened in pairs, where both columns exist.
  const ratioPairs: number[] = [];
  COUNT_FIELDS.forEach((f, k) => {
    const den = FIELD_INFO[f].atMost;
    if (den !== undefined && countCols[k] !== -1 && columnOf[den] !== -1) ratioPairs.push(k, COUNT_FIELDS.indexOf(den));
  });
  const complete = REQUIRED_FIELDS.every((f) => columnOf[f] !== -1);
  const unnamed = header.fields.flatMap((f, i) => (f === null && names[i] === "" ? [i] : []));
  const unnamedReported = new Set<number>();

  const registry = indexUnits(units);
  const firstLines = createFirstLines(registry.codes.length);
  const vals = new Int32Array(COUNT_FIELDS.length);
  const periodCache = new Map<string, PeriodSlot | null>();
  const periodSlots = new Map<string, number>();
  const nameChecks = new Map<string, boolean>();
  const rows: ReportRow[] = [];
  let dataRows = 0;
  // The office's total row ("Tổng cộng"), left out of the rows and checked against their sums at the end.
  let total: { line: number; cells: string[] } | null = null;

  function columnName(col: number): string {
    return names[col] ?? "";
  }

  /** A row for a unit in a quarter it does not exist in: say when it ended (and where it went) or began. */
  function reportOutsideLife(code: string, period: string, spans: readonly UnitLifespan[], at: number, column: string): void {
    const ended = spans.filter((s) => s.to !== null && s.to < period).sort((a, b) => ((a.to ?? "") < (b.to ?? "") ? 1 : -1))[0];
    if (ended) {
      const params = { code, name: ended.name, period, after: nextPeriodId(ended.to ?? period), successors: ended.successors.join(", ") };
      addError(log, ended.successors.length > 0 ? "ingest.error.unitEnded" : "ingest.error.unitEndedAlone", at, column, code, params);
      return;
    }
    const next = spans.filter((s) => s.from !== null && s.from > period).sort((a, b) => ((a.from ?? "") < (b.from ?? "") ? -1 : 1))[0];
    addError(log, "ingest.error.unitNotYet", at, column, code, { code, name: next?.name ?? code, period, from: next?.from ?? period });
  }

  function readPeriod(s: string): PeriodSlot | null {
    const hit = periodCache.get(s);
    if (hit !== undefined) return hit;
    const q = parseQuarter(s);
    let found: PeriodSlot | null = null;
    if (q !== null) {
      const id = formatQuarter(q);
      let slot = periodSlots.get(id);
      if (slot === undefined) {
        slot = periodSlots.size;
        periodSlots.set(id, slot);
      }
      found = { id, slot };
    }
    if (periodCache.size < CACHE_MAX) periodCache.set(s, found);
    return found;
  }

  function nameIsRegistered(slot: number, name: string, registered: string): boolean {
    const key = `${slot}\u0000${name}`;
    let ok = nameChecks.get(key);
    if (ok === undefined) {
      ok = namesMatch(name, registered);
      if (nameChecks.size < CACHE_MAX) nameChecks.set(key, ok);
    }
    return ok;
  }

  function reportCode(s: string, at: number): void {
    const column = columnName(codeCol);
    if (isUnitCode(s)) addError(log, "ingest.error.unknownUnit", at, column, s);
    else if (s === "") addError(log, "ingest.error.requiredCode", at, column, s);
    else if (isFourDigits(s) && unitSlot(registry, `0${s}`) !== -1) {
      addError(log, "ingest.error.codeLeadingZero", at, column, s, { hint: `0${s}` });
    } else addError(log, "ingest.error.badCode", at, column, s);
  }

  function reportCount(v: number, cells: readonly string[], line: number, col: number): void {
    const at = cellLine(line, cells, col);
    const s = (cells[col] ?? "").trim();
    if (v === COUNT_EMPTY) addError(log, "ingest.error.required", at, columnName(col), s);
    else if (v === COUNT_NOT_WHOLE) addError(log, "ingest.error.notWholeNumber", at, columnName(col), s);
    else if (v === COUNT_NEGATIVE) addError(log, "ingest.error.negative", at, columnName(col), s);
    else addError(log, "ingest.error.tooBig", at, columnName(col), s, { max: MAX_COUNT });
  }

  function checkWidth(cells: readonly string[], line: number): boolean {
    if (cells.length === width) return true;
    // Extra cells are fine when empty (trailing delimiters); missing cells never are.
    let ok = cells.length > width;
    for (let i = width; ok && i < cells.length; i++) if ((cells[i] ?? "").trim() !== "") ok = false;
    if (!ok) addError(log, "ingest.error.wrongCellCount", line, null, null, { expected: width, actual: cells.length });
    return ok;
  }

  function push(cells: string[], line: number): void {
    if (isBlankRow(cells)) return;
    if (dataRows === 0 && codeCol !== -1 && fieldOfHeader(cells[codeCol] ?? "") === "commune_code") {
      return; // a second header row: the template's explanation row, or the headers in the other language
    }
    if (total === null && isTotalRow(cells, codeCol, nameCol)) {
      total = { line, cells: [...cells] };
      return;
    }
    dataRows += 1;
    if (!checkWidth(cells, line)) return;
    let bad = false;

    let slot = -1;
    if (codeCol !== -1) {
      const s = (cells[codeCol] ?? "").trim();
      slot = unitSlot(registry, s);
      if (slot === -1) {
        bad = true;
        reportCode(s, cellLine(line, cells, codeCol));
      }
    }

    let period: PeriodSlot | null = null;
    if (periodCol !== -1) {
      const s = (cells[periodCol] ?? "").trim();
      period = s === "" ? null : readPeriod(s);
      if (period === null) {
        bad = true;
        const at = cellLine(line, cells, periodCol);
        if (s === "") addError(log, "ingest.error.requiredPeriod", at, columnName(periodCol), s);
        else addError(log, "ingest.error.badPeriod", at, columnName(periodCol), s, { expected: PERIOD_EXPECTED });
      }
    }

    for (let k = 0; k < countCols.length; k++) {
      const col = countCols[k] ?? -1;
      if (col === -1) continue;
      const v = parseCount(cells[col] ?? "");
      vals[k] = v;
      if (v < 0) {
        bad = true;
        reportCount(v, cells, line, col);
      }
    }
    for (let i = 0; i < ratioPairs.length; i += 2) {
      const k = ratioPairs[i] ?? 0;
      const num = vals[k] ?? 0;
      const den = vals[ratioPairs[i + 1] ?? 0] ?? 0;
      if (num < 0 || den < 0 || num <= den) continue;
      bad = true;
      const col = countCols[k] ?? 0;
      const denCol = countCols[ratioPairs[i + 1] ?? 0] ?? 0;
      const at = cellLine(line, cells, col);
      addError(log, "ingest.error.exceedsDenominator", at, columnName(col), (cells[col] ?? "").trim(), {
        numerator: columnName(col),
        denominator: columnName(denCol),
        denominatorValue: den,
      });
    }

    const code = slot === -1 ? null : (registry.codes[slot] ?? null);
    // Rule 1 of units-over-time.md: the code must name a unit that exists in the row's quarter.
    const spans = code === null ? undefined : lifespans.get(code);
    let span: UnitLifespan | undefined;
    if (spans !== undefined && code !== null && period !== null) {
      const id = period.id;
      span = spans.find((s) => (s.from === null || s.from <= id) && (s.to === null || id <= s.to));
      if (span === undefined) {
        bad = true;
        reportOutsideLife(code, id, spans, cellLine(line, cells, codeCol), columnName(codeCol));
      }
    }
    if (code !== null && period !== null) {
      const first = firstLines.firstOrRecord(period.slot, slot, line);
      if (first !== 0) {
        bad = true;
        addError(log, "ingest.error.duplicateRow", cellLine(line, cells, codeCol), columnName(codeCol), code, {
          firstLine: first,
          code,
          period: period.id,
        });
      }
    }

    let name: string | null = null;
    if (nameCol !== -1) {
      const s = (cells[nameCol] ?? "").trim();
      const registered = span?.name ?? (slot === -1 ? undefined : registry.names[slot]);
      if (s === "") name = null;
      else if (s === registered) name = registered; // the registry's string, shared, instead of a slice of the file
      else {
        name = s;
        if (registered !== undefined && !nameIsRegistered(slot, s, registered)) {
          addWarning(log, "ingest.warning.nameMismatch", cellLine(line, cells, nameCol), columnName(nameCol), s, {
            registered,
          });
        }
      }
    }

    for (const col of unnamed) {
      if (unnamedReported.has(col) || (cells[col] ?? "").trim() === "") continue;
      unnamedReported.add(col);
      addWarning(log, "ingest.warning.unnamedColumn", cellLine(line, cells, col), null, cells[col] ?? "", {
        index: col + 1,
      });
    }

    if (bad || !complete || code === null || period === null) return;
    rows.push({ line, communeCode: code, communeName: name, period: period.id, counts: countsOf(vals) });
  }

  /** The total row is said, and each count column whose total differs from the rows' sum is named. */
  function checkTotal(row: { line: number; cells: string[] }): void {
    addWarning(log, "ingest.warning.totalRow", row.line, null, null, { line: row.line });
    COUNT_FIELDS.forEach((field, k) => {
      const col = countCols[k] ?? -1;
      if (col === -1) return;
      const written = parseCount(row.cells[col] ?? "");
      if (written < 0) return; // an empty or unreadable total cell says nothing to check
      const sum = rows.reduce((n, r) => n + r.counts[field], 0);
      if (written !== sum) addWarning(log, "ingest.warning.totalMismatch", cellLine(row.line, row.cells, col), columnName(col), (row.cells[col] ?? "").trim(), { sum, line: row.line, value: (row.cells[col] ?? "").trim() });
    });
  }

  function finish(): { rows: ReportRow[]; periods: string[] } {
    if (dataRows === 0) addError(log, "ingest.error.noRows", null, null, null);
    if (total !== null) checkTotal(total);
    const periods = new Set(rows.map((r) => r.period));
    return { rows, periods: [...periods].sort() };
  }

  return { push, finish };
}
