/**
 * The rows of the report template: column names, the Vietnamese headers, one line per unit.
 */
import type { CsvCell } from "./csv-export";
import { FIELD_INFO, REPORT_FIELDS } from "./report-fields";

export function buildTemplateRows(units: readonly { code: string; name: string }[]): CsvCell[][] {
  const header: CsvCell[] = [...REPORT_FIELDS];
  const explained: CsvCell[] = REPORT_FIELDS.map((f) => FIELD_INFO[f].vi);
  const blanks = REPORT_FIELDS.slice(2).map(() => "");
  return [header, explained, ...units.map((u) => [u.code, u.name, ...blanks])];
}
