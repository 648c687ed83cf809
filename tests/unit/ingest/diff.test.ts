import { describe, expect, it } from "vitest";

import type { Counts } from "~/domain/report-fields";
import { diffAgainstCurrent, summarizeChanges } from "~/ingest/diff";
import type { CurrentReport, ReportRow } from "~/ingest/types";

const base: Counts = {
  dossiers_received: 100,
  dossiers_online: 80,
  dossiers_digitized: 90,
  dossiers_resolved: 95,
  dossiers_resolved_on_time: 94,
  dossiers_overdue: 1,
  fee_dossiers: 30,
  fee_dossiers_paid_online: 20,
  survey_responses: 40,
  survey_satisfied: 38,
  contest_entries: 1,
  initiatives: 0,
};

function row(line: number, communeCode: string, period: string, counts: Partial<Counts> = {}): ReportRow {
  return { line, communeCode, communeName: null, period, counts: { ...base, ...counts } };
}

const current: CurrentReport[] = [
  { communeCode: "11155", period: "2023-Q4", counts: base, uploadId: 7 },
  { communeCode: "11161", period: "2023-Q4", counts: base, uploadId: 8 },
  { communeCode: "11155", period: "2023-Q3", counts: base, uploadId: 3 },
];

describe("diffAgainstCurrent", () => {
  it("tells new, changed (with each field before and after) and unchanged rows apart", () => {
    const rows = [
      row(2, "11155", "2023-Q4", { dossiers_received: 120, dossiers_digitized: 99 }),
      row(3, "11161", "2023-Q4"),
      row(4, "11164", "2023-Q4"),
      row(5, "11161", "2023-Q3"),
    ];
    expect(diffAgainstCurrent(rows, current)).toEqual([
      {
        communeCode: "11155",
        period: "2023-Q4",
        kind: "changed",
        fields: [
          { field: "dossiers_received", before: 100, after: 120 },
          { field: "dossiers_digitized", before: 90, after: 99 },
        ],
        replacesUploadId: 7,
      },
      { communeCode: "11161", period: "2023-Q4", kind: "unchanged", fields: [], replacesUploadId: 8 },
      { communeCode: "11164", period: "2023-Q4", kind: "new", fields: [], replacesUploadId: null },
      { communeCode: "11161", period: "2023-Q3", kind: "new", fields: [], replacesUploadId: null },
    ]);
  });

  it("compares a unit only with the same period", () => {
    const [change] = diffAgainstCurrent([row(2, "11155", "2023-Q3", { initiatives: 2 })], current);
    expect(change?.replacesUploadId).toBe(3);
    expect(change?.fields).toEqual([{ field: "initiatives", before: 0, after: 2 }]);
  });
});

describe("summarizeChanges", () => {
  it("counts new, changed and unchanged rows in all and per period, in period order", () => {
    const changes = diffAgainstCurrent(
      [
        row(2, "11155", "2023-Q4", { initiatives: 3 }),
        row(3, "11161", "2023-Q4"),
        row(4, "11164", "2023-Q4"),
        row(5, "11155", "2023-Q3"),
      ],
      current,
    );
    expect(summarizeChanges(changes)).toEqual({
      new: 1,
      changed: 1,
      unchanged: 2,
      byPeriod: [
        { period: "2023-Q3", new: 0, changed: 0, unchanged: 1 },
        { period: "2023-Q4", new: 1, changed: 1, unchanged: 1 },
      ],
    });
    expect(summarizeChanges([])).toEqual({ new: 0, changed: 0, unchanged: 0, byPeriod: [] });
  });
});
