import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb, closeDb } from "~/db/instance.server";
import { MIGRATIONS } from "~/db/migrations.server";
import { commitUpload, commitUploads, getCurrentReports, getUploads, rollbackUpload, UploadNotCommittableError, UploadStateError } from "~/db/uploads.server";
import { counts, createTestDb, resultOf, type TestDb } from "../../helpers/test-db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const meta = (fileName: string) => ({ fileName, sha256: "a".repeat(64), uploadedBy: "staff", source: "cli" as const });

async function snapshot() {
  const rows = await t.db.query("SELECT count(*) AS n FROM report_rows", [], z.object({ n: z.number() }));
  return { rows: rows[0]?.n, uploads: (await getUploads(t.db)).map((u) => [u.id, u.status]), current: await getCurrentReports(t.db, ["2023-Q1", "2023-Q2"]) };
}

describe("uploads", () => {
  it("commits an upload with its record and rows, and the current view reads them", async () => {
    const summary = await commitUpload(t.db, resultOf([
      { code: "00001", period: "2023-Q1", counts: counts({ dossiers_received: 10, dossiers_digitized: 7 }) },
      { code: "00002", period: "2023-Q2", counts: counts({ dossiers_received: 5 }) },
    ]), meta("q1.csv"));
    expect(summary).toEqual({ uploadId: 1, rowCount: 2, unitCount: 2, periods: ["2023-Q1", "2023-Q2"] });
    const [upload] = await getUploads(t.db);
    expect(upload).toMatchObject({ id: 1, file_name: "q1.csv", uploaded_by: "staff", status: "committed", periods: ["2023-Q1", "2023-Q2"], row_count: 2, unit_count: 2 });
    expect(upload?.sha256).toHaveLength(64);
    const current = await t.db.query(
      "SELECT period, dossiers_received, dossiers_digitized FROM current_reports WHERE commune_code = '00001'",
      [],
      z.object({ period: z.string(), dossiers_received: z.number(), dossiers_digitized: z.number() }),
    );
    expect(current).toEqual([{ period: "2023-Q1", dossiers_received: 10, dossiers_digitized: 7 }]);
  });

  it("replaces a unit's period in the current view but keeps the old version, and a rollback restores exactly it", async () => {
    const first = await commitUpload(t.db, resultOf([
      { code: "00001", period: "2023-Q1", counts: counts({ dossiers_received: 10 }) },
      { code: "00002", period: "2023-Q1", counts: counts({ dossiers_received: 20 }) },
    ]), meta("first.csv"));
    const before = await getCurrentReports(t.db, ["2023-Q1"]);
    const second = await commitUpload(t.db, resultOf([{ code: "00001", period: "2023-Q1", counts: counts({ dossiers_received: 11 }) }]), meta("fix.csv"));
    const after = await getCurrentReports(t.db, ["2023-Q1"]);
    expect(after.map((r) => [r.communeCode, r.counts.dossiers_received, r.uploadId])).toEqual([
      ["00001", 11, second.uploadId],
      ["00002", 20, first.uploadId],
    ]);
    const kept = await t.db.query("SELECT upload_id, dossiers_received FROM report_rows WHERE commune_code = '00001' ORDER BY upload_id", [], z.object({ upload_id: z.number(), dossiers_received: z.number() }));
    expect(kept).toEqual([{ upload_id: 1, dossiers_received: 10 }, { upload_id: 2, dossiers_received: 11 }]);

    const staff = { username: "staff", role: "staff", address: null } as const;
    const now = new Date("2024-03-01T08:00:00Z");
    await rollbackUpload(t.db, second.uploadId, staff, now);
    expect(await getCurrentReports(t.db, ["2023-Q1"])).toEqual(before);
    const uploads = await getUploads(t.db);
    expect(uploads.find((u) => u.id === second.uploadId)).toMatchObject({ status: "rolled_back", rolled_back_by: "staff" });
    await expect(rollbackUpload(t.db, second.uploadId, staff, now)).rejects.toBeInstanceOf(UploadStateError);
    await expect(rollbackUpload(t.db, 999, staff, now)).rejects.toThrow("does not exist");
  });

  it("refuses a result with errors and saves nothing", async () => {
    const bad = { ...resultOf([{ code: "00001", period: "2023-Q1", counts: counts() }]), ok: false, errors: [{ severity: "error" as const, line: 2, column: "period", value: "x", key: "ingest.error.badPeriod", params: {} }] };
    const before = await snapshot();
    await expect(commitUpload(t.db, bad, meta("bad.csv"))).rejects.toBeInstanceOf(UploadNotCommittableError);
    expect(await snapshot()).toEqual(before);
  });

  it("leaves nothing behind when a commit fails half-way (a row the database rejects)", async () => {
    await commitUpload(t.db, resultOf([{ code: "00001", period: "2023-Q1", counts: counts({ dossiers_received: 3 }) }]), meta("ok.csv"));
    const before = await snapshot();
    // A negative count passes no ingest; here it reaches the database, whose CHECK rejects it mid-append.
    const rows = Array.from({ length: 5000 }, (_, i) => ({ code: "00002", period: `2023-Q${(i % 2) + 1}`, counts: counts({ dossiers_received: i === 4999 ? -1 : 1 }) }));
    await expect(commitUpload(t.db, resultOf(rows), meta("broken.csv"))).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    // The sequence may have moved on, but no upload record or row of the failed commit is left.
    const next = await commitUpload(t.db, resultOf([{ code: "00003", period: "2023-Q1", counts: counts() }]), meta("next.csv"));
    expect((await getUploads(t.db)).map((u) => u.file_name)).toEqual(["next.csv", "ok.csv"]);
    expect(next.uploadId).toBeGreaterThan(1);
  });

  it("commits several files in one transaction: when the second fails, the first is not saved either", async () => {
    const before = await snapshot();
    const good = resultOf([{ code: "00001", period: "2023-Q1", counts: counts({ dossiers_received: 5 }) }]);
    const broken = resultOf([{ code: "00002", period: "2023-Q1", counts: counts({ dossiers_received: -1 }) }]);
    await expect(commitUploads(t.db, [{ result: good, meta: meta("a.csv") }, { result: broken, meta: meta("b.csv") }])).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    const saved = await commitUploads(t.db, [{ result: good, meta: meta("a.csv") }, { result: good, meta: meta("c.csv") }]);
    expect(saved.map((s) => s.rowCount)).toEqual([1, 1]);
    expect((await getUploads(t.db)).map((u) => u.file_name)).toEqual(["c.csv", "a.csv"]);
  });

  it("records two commits started at once, one after the other", async () => {
    const a = commitUpload(t.db, resultOf([{ code: "00001", period: "2023-Q1", counts: counts({ dossiers_received: 1 }) }]), meta("a.csv"));
    const b = commitUpload(t.db, resultOf([{ code: "00001", period: "2023-Q1", counts: counts({ dossiers_received: 2 }) }]), meta("b.csv"));
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.uploadId).not.toBe(rb.uploadId);
    expect((await getUploads(t.db)).map((u) => u.file_name).sort()).toEqual(["a.csv", "b.csv"]);
    const current = await getCurrentReports(t.db, ["2023-Q1"]);
    // The later upload shadows the earlier one.
    expect(current).toHaveLength(1);
    expect(current[0]?.uploadId).toBe(Math.max(ra.uploadId, rb.uploadId));
  });

  it("keeps one instance per file: a second getDb returns the same database", async () => {
    expect(await getDb(t.file)).toBe(t.db);
  });

  it("applies migrations once and survives a reopen", async () => {
    await commitUpload(t.db, resultOf([{ code: "00001", period: "2023-Q1", counts: counts() }]), meta("a.csv"));
    await closeDb(t.file);
    const reopened = await getDb(t.file);
    const versions = await reopened.query("SELECT version FROM schema_migrations", [], z.object({ version: z.number() }));
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    expect(await getUploads(reopened)).toHaveLength(1);
    t.db = reopened;
  });
});

describe("schema", () => {
  it("keeps only the views something reads: current_reports, not the unused facts view", async () => {
    const views = await t.db.query("SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name", [], z.object({ view_name: z.string() }));
    expect(views.map((v) => v.view_name)).toEqual(["current_reports"]);
  });
});
