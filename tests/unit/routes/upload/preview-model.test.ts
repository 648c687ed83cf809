import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { diffAgainstCurrent } from "~/ingest/diff";
import type { CurrentReport } from "~/ingest/types";
import { validateReport } from "~/ingest/validate";
import { handleIngestRequest, type IngestWorkerMessage } from "~/ingest/worker";
import { MAX_CHANGES_SHOWN, buildPreviewView, failedView, issueMessage, issuesCsv, tooLargeIssue } from "~/routes/upload/preview-model";

const units = new Map([
  ["11155", "Thị trấn Ninh Giang"],
  ["11161", "Xã Ứng Hoè"],
  ["11164", "Xã Nghĩa An"],
]);
const HEADER = "commune_code,commune_name,period,dossiers_received,dossiers_online,dossiers_digitized,dossiers_resolved,dossiers_resolved_on_time,dossiers_overdue,fee_dossiers,fee_dossiers_paid_online,survey_responses,survey_satisfied,contest_entries,initiatives";
const bytes = (s: string) => new TextEncoder().encode(s);

describe("the upload preview", () => {
  it("orders changes by period, changed first, and counts every row in the summary", () => {
    const result = validateReport(
      bytes(`${HEADER}\n11155,,2023-Q4,10,5,5,10,10,0,4,2,3,3,1,0\n11161,,2023-Q4,20,5,5,10,10,0,4,2,3,3,1,0\n11164,,2023-Q4,30,5,5,10,10,0,4,2,3,3,1,0\n`),
      { units, maxBytes: 10_000 },
    );
    expect(result.ok).toBe(true);
    const current: CurrentReport[] = [
      { communeCode: "11155", period: "2023-Q4", uploadId: 1, counts: { ...result.rows[0]!.counts } },
      { communeCode: "11164", period: "2023-Q4", uploadId: 1, counts: { ...result.rows[2]!.counts, dossiers_received: 29 } },
    ];
    const view = buildPreviewView({ fileName: "q4.csv", size: 300, sha256: null, result, changes: diffAgainstCurrent(result.rows, current) });
    expect(view.changes.map((c) => [c.communeCode, c.kind])).toEqual([
      ["11164", "changed"],
      ["11161", "new"],
      ["11155", "unchanged"],
    ]);
    expect(view.changes[0]?.fields).toEqual([{ field: "dossiers_received", before: 29, after: 30 }]);
    expect(view.summary).toMatchObject({ new: 1, changed: 1, unchanged: 1 });
    expect(view).toMatchObject({ ok: true, rowCount: 3, unitCount: 3, periods: ["2023-Q4"], encoding: "utf-8", delimiter: ",", changesOmitted: 0 });
  });

  it("shows at most MAX_CHANGES_SHOWN rows, keeping the changed ones", () => {
    const rows = Array.from({ length: MAX_CHANGES_SHOWN + 10 }, (_, i) => ({
      communeCode: String(10000 + i),
      period: "2023-Q1",
      kind: i === MAX_CHANGES_SHOWN + 5 ? ("changed" as const) : ("new" as const),
      fields: [],
      replacesUploadId: null,
    }));
    const result = { ok: true, encoding: "utf-8" as const, delimiter: "," as const, rows: [], errors: [], warnings: [], periods: ["2023-Q1"] };
    const view = buildPreviewView({ fileName: "big.csv", size: 1, sha256: null, result, changes: rows });
    expect(view.changes).toHaveLength(MAX_CHANGES_SHOWN);
    expect(view.changes[0]?.kind).toBe("changed");
    expect(view.changesOmitted).toBe(10);
    expect(view.summary.new).toBe(MAX_CHANGES_SHOWN + 9);
  });

  it("writes the issues as CSV for Excel, formula-like values neutralised, in the reader's language", () => {
    const result = validateReport(bytes(`${HEADER}\n11155,,2023-Q4,=1+1,5,5,10,10,0,4,2,3,3,1,0\n`), { units, maxBytes: 10_000 });
    const csv = issuesCsv(result.errors, "vi");
    expect(csv.startsWith("\uFEFFMức độ;Dòng;Cột;Giá trị;Nội dung\r\n")).toBe(true);
    expect(csv).toContain(`Lỗi;2;dossiers_received;"'=1+1";`);
    expect(issuesCsv(result.errors, "en")).toContain(`Error,2,dossiers_received,"'=1+1",`);
    expect(issueMessage(result.errors[0]!, "vi")).toBe("Cần một số nguyên ≥ 0");
  });

  it("refuses a file over the limit before reading it, with the ingest's own message", () => {
    const view = failedView("huge.csv", 30 * 1024 * 1024, tooLargeIssue(30 * 1024 * 1024, 20 * 1024 * 1024));
    expect(view.ok).toBe(false);
    expect(issueMessage(view.errors[0]!, "vi")).toMatch(/^Tệp quá lớn \(30 MB\); dung lượng tối đa cho phép là 20 MB/);
  });
});

describe("the ingest worker", () => {
  it("reports reading progress, then gives exactly what validateReport gives", async () => {
    const text = fs.readFileSync("tests/fixtures/ingest/errors-counts.csv");
    const registry = new Map(fs.readFileSync("data/communes.csv", "utf8").trim().split("\n").slice(1).map((l) => [l.split(",")[0]!, l.split(",")[1]!] as [string, string]));
    const messages: IngestWorkerMessage[] = [];
    await handleIngestRequest({ file: new Blob([text]), units: [...registry], lifespans: [], maxBytes: 1_000_000 }, (m) => messages.push(m));
    const reading = messages.filter((m) => m.type === "reading");
    expect(reading.at(-1)).toEqual({ type: "reading", loaded: text.byteLength, total: text.byteLength });
    expect(messages.some((m) => m.type === "checking")).toBe(true);
    const last = messages.at(-1);
    expect(last?.type).toBe("result");
    expect(last?.type === "result" ? last.result : null).toEqual(validateReport(new Uint8Array(text), { units: registry, maxBytes: 1_000_000 }));
  });
});
