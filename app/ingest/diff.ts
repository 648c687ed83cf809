/**
 * What an upload would change (spec §5): per (unit, period), whether the row is new, changes the current
 * data (and which fields), or repeats it.
 */
import { COUNT_FIELDS } from "~/domain/report-fields";

import type { ChangeKind, CurrentReport, ReportRow, RowChange } from "./types";

function keyOf(communeCode: string, period: string): string {
  return `${period}\u0000${communeCode}`;
}

/** One change per row, in the rows' order. `current` holds the data now in effect for each (unit, period). */
export function diffAgainstCurrent(rows: readonly ReportRow[], current: readonly CurrentReport[]): RowChange[] {
  const byKey = new Map<string, CurrentReport>();
  for (const c of current) byKey.set(keyOf(c.communeCode, c.period), c);
  return rows.map((row) => {
    const before = byKey.get(keyOf(row.communeCode, row.period));
    if (before === undefined) {
      return { communeCode: row.communeCode, period: row.period, kind: "new", fields: [], replacesUploadId: null };
    }
    const fields: RowChange["fields"] = [];
    for (const field of COUNT_FIELDS) {
      if (before.counts[field] !== row.counts[field]) {
        fields.push({ field, before: before.counts[field], after: row.counts[field] });
      }
    }
    return {
      communeCode: row.communeCode,
      period: row.period,
      kind: fields.length > 0 ? "changed" : "unchanged",
      fields,
      replacesUploadId: before.uploadId,
    };
  });
}

export interface PeriodChangeSummary {
  period: string;
  new: number;
  changed: number;
  unchanged: number;
}

export interface ChangeSummary {
  /** Totals over the whole upload. */
  new: number;
  changed: number;
  unchanged: number;
  /** The same counts per period, periods in order. */
  byPeriod: PeriodChangeSummary[];
}

/** Counts of new, changed and unchanged rows, in all and per period. */
export function summarizeChanges(changes: readonly RowChange[]): ChangeSummary {
  const total: Record<ChangeKind, number> = { new: 0, changed: 0, unchanged: 0 };
  const byPeriod = new Map<string, Record<ChangeKind, number>>();
  for (const change of changes) {
    let counts = byPeriod.get(change.period);
    if (counts === undefined) {
      counts = { new: 0, changed: 0, unchanged: 0 };
      byPeriod.set(change.period, counts);
    }
    counts[change.kind] += 1;
    total[change.kind] += 1;
  }
  return {
    ...total,
    byPeriod: [...byPeriod.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([period, counts]) => ({ period, ...counts })),
  };
}
