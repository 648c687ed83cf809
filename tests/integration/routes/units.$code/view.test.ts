/**
 * The unit page's query on a real DuckDB file, with figures small enough to check by hand.
 *
 * 2023-Q2, digitisation (digitised / received): 00001 90/100 = 0.9 (1st), 00002 150/200 = 0.75 (2nd),
 * 00003 30/50 = 0.6 and 00004 24/40 = 0.6 (both 3rd), 00005 2/10 = 0.2 (5th). District 296/400 = 0.74.
 * Online (online / received): 00001 100/100, 00002 199/200, 00003 25/50, 00004 20/40, 00005 5/10.
 * Overdue: 0, 2, 5, 5, 1 → ranks 1, 3, 4, 4, 2 (fewer is better). 2023-Q1 is the same except that 00003
 * digitised 45/50 = 0.9 (tied first). 2023-Q3 has rows for 00001 and 00002 only.
 * Composite (weights 22 digitisation, 12 online; the other rates have no value):
 * 00002 = 100 × (22 × 0.75 + 12 × 0.995) / 34 = 83.647…, 00003 = 100 × (22 × 0.6 + 12 × 0.5) / 34 = 56.470….
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "~/http/page-errors.server";
import { loadUnitPage } from "~/routes/units.$code/view.server";
import { commitUpload } from "~/db/uploads.server";
import { gapSentence } from "~/i18n/gap-sentence";
import type { Counts } from "~/domain/report-fields";
import { counts, createTestDb, resultOf, type TestDb, TEST_SCORING, DRAFT } from "../../../helpers/test-db";
import { NO_TARGETS } from "~/domain/targets";

const SCORING = TEST_SCORING;

function quarter(received: number, digitized: number, online: number, overdue: number): Counts {
  return counts({ dossiers_received: received, dossiers_digitized: digitized, dossiers_online: online, dossiers_overdue: overdue });
}

const Q2 = {
  "00001": quarter(100, 90, 100, 0),
  "00002": quarter(200, 150, 199, 2),
  "00003": quarter(50, 30, 25, 5),
  "00004": quarter(40, 24, 20, 5),
  "00005": quarter(10, 2, 5, 1),
};

let t: TestDb;
let uploads: { q1: number; q2: number; fix: number };

beforeEach(async () => {
  t = await createTestDb();
  const codes = Object.keys(Q2) as (keyof typeof Q2)[];
  const q1 = await commitUpload(
    t.db,
    resultOf(codes.map((code) => ({ code, period: "2023-Q1", counts: code === "00003" ? quarter(50, 45, 25, 5) : Q2[code] }))),
    { fileName: "q1.csv", sha256: "a".repeat(64), uploadedBy: "an", source: "cli", uploadedAt: new Date("2023-04-10T03:00:00Z") },
  );
  // The first Q2 file had 20 digitised for 00003; a corrected file replaces that row.
  const q2 = await commitUpload(
    t.db,
    resultOf(codes.map((code) => ({ code, period: "2023-Q2", counts: code === "00003" ? quarter(50, 20, 25, 5) : Q2[code] }))),
    { fileName: "q2.csv", sha256: "b".repeat(64), uploadedBy: "binh", source: "web", uploadedAt: new Date("2023-07-10T03:00:00Z") },
  );
  const fix = await commitUpload(t.db, resultOf([{ code: "00003", period: "2023-Q2", counts: Q2["00003"] }]), {
    fileName: "q2-fix.csv",
    sha256: "c".repeat(64),
    uploadedBy: "chi",
    source: "web",
    uploadedAt: new Date("2023-07-20T08:30:00Z"),
  });
  await commitUpload(
    t.db,
    resultOf([
      { code: "00001", period: "2023-Q3", counts: quarter(10, 5, 5, 0) },
      { code: "00002", period: "2023-Q3", counts: quarter(10, 5, 5, 0) },
    ]),
    { fileName: "q3.csv", sha256: "d".repeat(64), uploadedBy: "an", source: "cli", uploadedAt: new Date("2023-10-10T03:00:00Z") },
  );
  uploads = { q1: q1.uploadId, q2: q2.uploadId, fix: fix.uploadId };
});

afterEach(async () => {
  await t.close();
});

function row(page: Awaited<ReturnType<typeof loadUnitPage>>, indicator: string) {
  const r = page.rows.find((x) => x.indicator === indicator);
  if (!r) throw new Error(`no row ${indicator}`);
  return r;
}

describe("unit page: one period", () => {
  it("ranks the unit on every indicator and the composite, with movement, district figures and ties", async () => {
    const page = await loadUnitPage(t.db, { code: "00003", period: "2023-Q2" }, SCORING, DRAFT, NO_TARGETS);
    expect(page.unit).toEqual({ code: "00003", name: "Xã Ba", kind: "commune", cluster: null });
    expect(page).toMatchObject({ period: "2023-Q2", kind: "quarter", periods: ["2023-Q1", "2023-Q2", "2023-Q3"], reported: true });
    expect(page.rows.map((r) => r.indicator)).toEqual([
      "digitization_rate",
      "online_rate",
      "online_payment_rate",
      "on_time_rate",
      "overdue_dossiers",
      "satisfaction_rate",
      "contest_entries",
      "initiatives",
      "composite_score",
    ]);
    const d = row(page, "digitization_rate");
    expect(d).toMatchObject({ value: 0.6, numerator: 30, denominator: 50, rank: 3, ranked: 5, previous: { rank: 1, ranked: 5 }, tiedWith: 1 });
    expect(d.district).toEqual({ value: 0.74, numerator: 296, denominator: 400, perUnit: null });
    // Overdue is a count: the district's total and its average per reporting unit.
    expect(row(page, "overdue_dossiers")).toMatchObject({ value: 5, rank: 4, tiedWith: 1, district: { value: 13, perUnit: 2.6 } });
    // A rate without any denominator has no value and no rank.
    expect(row(page, "on_time_rate")).toMatchObject({ value: null, rank: null, ranked: 0, gap: null });
    const c = row(page, "composite_score");
    expect(c.value).toBeCloseTo(56.470588, 5);
    expect(c).toMatchObject({ rank: 3, tiedWith: 1, gap: null });
    expect(c.scoreGap?.pass_code).toBe("00002");
    expect(c.scoreGap?.points).toBeCloseTo(27.176471, 5);
    // The district's own score from its summed counts: 100 × (22 × 0.74 + 12 × 349/400) / 34.
    expect(c.district.value).toBeCloseTo((100 * (22 * 0.74 + 12 * (349 / 400))) / 34, 6);
  });

  it("gives the gap to the next rank that the page turns into words", async () => {
    const three = await loadUnitPage(t.db, { code: "00003", period: "2023-Q2" }, SCORING, DRAFT, NO_TARGETS);
    // n/50 > 150/200 → n ≥ 38: 8 more than 30.
    expect(row(three, "digitization_rate").gap).toEqual({ reachable: true, change: 8, pass_code: "00002", pass_name: "Xã Hai", pass_tied: 1 });
    const say = (r: ReturnType<typeof row>) => gapSentence("vi", { indicator: r.indicator, rank: r.rank, tiedWith: r.tiedWith, gap: r.gap, scoreGap: r.scoreGap }).text;
    expect(say(row(three, "digitization_rate"))).toBe("Thêm 8 hồ sơ được số hóa sẽ vượt Xã Hai");
    // 5 overdue, the value just above is 2 (00002): 1 overdue would be strictly ahead, 4 fewer.
    expect(say(row(three, "overdue_dossiers"))).toBe("Giảm 4 hồ sơ quá hạn sẽ vượt Xã Hai");
    expect(say(row(three, "composite_score"))).toBe("Kém 27,2 điểm so với Xã Hai");

    const five = await loadUnitPage(t.db, { code: "00005", period: "2023-Q2" }, SCORING, DRAFT, NO_TARGETS);
    // n/10 > 0.6 → 7: 5 more; the value to pass is held by 00003 and 00004.
    expect(say(row(five, "digitization_rate"))).toBe("Thêm 5 hồ sơ được số hóa sẽ vượt Xã Ba và 1 đơn vị cùng hạng");

    const two = await loadUnitPage(t.db, { code: "00002", period: "2023-Q2" }, SCORING, DRAFT, NO_TARGETS);
    // 199/200 cannot pass 100/100 even with all 200 online.
    expect(row(two, "online_rate").gap).toEqual({ reachable: false, pass_code: "00001", pass_name: "Xã Một", pass_tied: 1 });
    expect(say(row(two, "online_rate"))).toBe("Dù tiếp nhận trực tuyến toàn bộ hồ sơ của kỳ này cũng chưa vượt được Xã Một");

    const one = await loadUnitPage(t.db, { code: "00001", period: "2023-Q2" }, SCORING, DRAFT, NO_TARGETS);
    expect(say(row(one, "overdue_dossiers"))).toBe("Đang đứng đầu");
  });

  it("traces the figures to the upload that holds them: the correction, with two versions", async () => {
    const page = await loadUnitPage(t.db, { code: "00003", period: "2023-Q2" }, SCORING, DRAFT, NO_TARGETS);
    expect(page.sources).toEqual([
      {
        period: "2023-Q2",
        upload_id: uploads.fix,
        line: 2,
        file_name: "q2-fix.csv",
        uploaded_by: "chi",
        uploaded_at: "2023-07-20T08:30:00Z",
        sha256: "c".repeat(64),
        versions: 2,
      },
    ]);
    // The history runs newest first; Q1's row came from the first file, line 4 (the third data row).
    expect(page.history.map((h) => h.period)).toEqual(["2023-Q3", "2023-Q2", "2023-Q1"]);
    const q1 = page.history[2];
    expect(q1?.sources).toMatchObject([{ upload_id: uploads.q1, file_name: "q1.csv", line: 4, uploaded_by: "an", versions: 1 }]);
    expect(q1?.composite).toMatchObject({ rank: 3, ranked: 5 });
    expect(q1?.indicator).toMatchObject({ rank: 1, tiedWith: 1, value: 0.9 });
    // A unit not shadowed by the correction still shows the first Q2 file.
    const four = await loadUnitPage(t.db, { code: "00004", period: "2023-Q2" }, SCORING, DRAFT, NO_TARGETS);
    expect(four.sources).toMatchObject([{ upload_id: uploads.q2, file_name: "q2.csv", line: 5, versions: 1 }]);
  });

  it("draws the unit against the district over the quarters, and its ranks", async () => {
    const page = await loadUnitPage(t.db, { code: "00003", period: "2023-Q2", indicator: "overdue_dossiers" }, SCORING, DRAFT, NO_TARGETS);
    const digit = page.trend.find((s) => s.indicator === "digitization_rate");
    expect(digit?.unit).toEqual([0.9, 0.6, null]);
    // District Q1: (90 + 150 + 45 + 24 + 2) / 400; Q3: 10 / 20.
    expect(digit?.reference).toEqual([311 / 400, 0.74, 0.5]);
    const overdue = page.trend.find((s) => s.indicator === "overdue_dossiers");
    expect(overdue).toMatchObject({ valueUnit: "count", unit: [5, 5, null], reference: [2.6, 2.6, 0] });
    expect(page.indicator).toBe("overdue_dossiers");
    expect(page.ranks.indicator.map((p) => p.rank)).toEqual([4, 4, null]);
    expect(page.ranks.indicator.map((p) => p.ranked)).toEqual([5, 5, 2]);
    expect(page.ranks.composite.map((p) => p.rank)).toEqual([3, 3, null]);
  });
});

describe("unit page: defaults, years and errors", () => {
  it("defaults to the latest quarter, and says when the unit did not report in it", async () => {
    const page = await loadUnitPage(t.db, { code: "00003" }, SCORING, DRAFT, NO_TARGETS);
    expect(page).toMatchObject({ period: "2023-Q3", reported: false, indicator: "digitization_rate", sources: [] });
    expect(row(page, "digitization_rate")).toMatchObject({ rank: null, ranked: 2, value: null, gap: null });
  });

  it("ranks a year on its summed quarters and marks it incomplete", async () => {
    const page = await loadUnitPage(t.db, { code: "00003", period: "2023" }, SCORING, DRAFT, NO_TARGETS);
    expect(page).toMatchObject({ period: "2023", kind: "year", periods: ["2023"], incomplete: true, quarters: 2 });
    expect(row(page, "digitization_rate")).toMatchObject({ numerator: 75, denominator: 100, value: 0.75 });
    expect(page.sources.map((s) => [s.period, s.upload_id])).toEqual([
      ["2023-Q1", uploads.q1],
      ["2023-Q2", uploads.fix],
    ]);
  });

  it("refuses an unknown unit and a period without data", async () => {
    await expect(loadUnitPage(t.db, { code: "99999" }, SCORING, DRAFT, NO_TARGETS)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadUnitPage(t.db, { code: "00001", period: "2019-Q1" }, SCORING, DRAFT, NO_TARGETS)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadUnitPage(t.db, { code: "00001", period: "2022" }, SCORING, DRAFT, NO_TARGETS)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows a unit of an empty database without a period", async () => {
    const empty = await createTestDb();
    try {
      const page = await loadUnitPage(empty.db, { code: "00001" }, SCORING, DRAFT, NO_TARGETS);
      expect(page).toMatchObject({ period: null, rows: [], history: [], sources: [] });
    } finally {
      await empty.close();
    }
  });
});
