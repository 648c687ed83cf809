/**
 * The overview page's query on a real DuckDB file, with figures small enough to check by hand.
 *
 * Every unit receives 100 dossiers a quarter and digitises D of them; D of them are also received online
 * and nothing else is reported. So digitisation = online = D/100, the other composite rates have no value
 * (denominator 0), and the composite = 100 × (22·D/100 + 12·D/100) / (22 + 12) = D.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "~/http/page-errors.server";
import { parseTargets } from "~/domain/targets";
import { loadOverview, type OverviewData, type OverviewPage } from "~/routes/_index/view.server";
import { commitUpload, rollbackUpload } from "~/db/uploads.server";
import { startServer, type TestServer } from "../../../helpers/http-server";
import { ALL_USERS, USERS, login } from "../../../helpers/http-client";
import { counts, createTestDb, resultOf, type TestDb, DRAFT, TEST_SCORING } from "../../../helpers/test-db";

const SCORING = TEST_SCORING;

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const quarter = (d: number, extra: Parameters<typeof counts>[0] = {}) =>
  counts({ dossiers_received: 100, dossiers_digitized: d, dossiers_online: d, ...extra });

async function load(rows: { code: string; period: string; d: number }[], uploadedAt = new Date("2024-04-05T03:00:00Z")) {
  return commitUpload(t.db, resultOf(rows.map((r) => ({ code: r.code, period: r.period, counts: quarter(r.d) }))), {
    fileName: "t.csv",
    sha256: "x",
    uploadedBy: "test",
    source: "cli",
    uploadedAt,
  });
}

/** 2023-Q4: all five units, D = 90, 80, 70, 60, 50 (ranks 1–5). 2024-Q1: Phường Năm (00005) did not report. */
async function loadTwoQuarters() {
  await load([
    { code: "00001", period: "2023-Q4", d: 90 },
    { code: "00002", period: "2023-Q4", d: 80 },
    { code: "00003", period: "2023-Q4", d: 70 },
    { code: "00004", period: "2023-Q4", d: 60 },
    { code: "00005", period: "2023-Q4", d: 50 },
  ]);
  // 2024-Q1: 00003 95 (1st, was 3rd: +2), 00004 90 (2nd, was 4th: +2), 00002 80 (3rd, was 2nd: −1),
  // 00001 50 (4th, was 1st: −3).
  await load(
    [
      { code: "00001", period: "2024-Q1", d: 50 },
      { code: "00002", period: "2024-Q1", d: 80 },
      { code: "00003", period: "2024-Q1", d: 95 },
      { code: "00004", period: "2024-Q1", d: 90 },
    ],
    new Date("2024-07-10T08:30:00Z"),
  );
}

function ok(page: OverviewPage): OverviewData {
  if (page.kind !== "ok") throw new Error("expected data");
  return page;
}

describe("loadOverview", () => {
  it("says there is nothing to show on an empty database", async () => {
    expect(await loadOverview(t.db, { indicator: "composite_score" }, SCORING, DRAFT)).toEqual({ kind: "empty" });
  });

  it("defaults to the latest quarter and lists who has not reported", async () => {
    await loadTwoQuarters();
    const page = ok(await loadOverview(t.db, { indicator: "composite_score" }, SCORING, DRAFT));
    expect(page.period).toBe("2024-Q1");
    expect(page.periodKind).toBe("quarter");
    expect(page.previousPeriod).toBe("2023-Q4");
    expect(page.hasPrevious).toBe(true);
    expect(page.registryCount).toBe(5);
    expect(page.units.map((u) => u.code)).toEqual(["00001", "00002", "00003", "00004"]);
    expect(page.missing).toEqual([{ code: "00005", name: "Phường Năm" }]);
    expect(page.units.every((u) => !u.incomplete && u.quarters === 1)).toBe(true);
  });

  it("ranks the composite (= D here) and picks risers and fallers, equal moves by code", async () => {
    await loadTwoQuarters();
    // Phường Năm reports late for 2024-Q1 with D = 10: fifth, as before, so both quarters rank the same units.
    await load([{ code: "00005", period: "2024-Q1", d: 10 }]);
    const page = ok(await loadOverview(t.db, { period: "2024-Q1", indicator: "digitization_rate" }, SCORING, DRAFT));
    const composite = page.rows.filter((r) => r.indicator === "composite_score");
    expect(composite.map((r) => [r.code, r.value, r.rank, r.ranked, r.previous])).toEqual([
      ["00003", 95, 1, 5, { rank: 3, ranked: 5, movement: 2 }],
      ["00004", 90, 2, 5, { rank: 4, ranked: 5, movement: 2 }],
      ["00002", 80, 3, 5, { rank: 2, ranked: 5, movement: -1 }],
      ["00001", 50, 4, 5, { rank: 1, ranked: 5, movement: -3 }],
      ["00005", 10, 5, 5, { rank: 5, ranked: 5, movement: 0 }],
    ]);
    // 00003 and 00004 both gained 2 places: the lower code comes first.
    expect(page.movers.risers.map((m) => [m.code, m.movement, m.previous.rank, m.rank])).toEqual([
      ["00003", 2, 3, 1],
      ["00004", 2, 4, 2],
    ]);
    expect(page.movers.fallers.map((m) => [m.code, m.movement])).toEqual([
      ["00001", -3],
      ["00002", -1],
    ]);
    expect(page.moversFields).toBeNull();
    const town = page.rows.find((r) => r.indicator === "digitization_rate" && r.code === "00003");
    expect(town).toMatchObject({ numerator: 95, denominator: 100, value: 0.95, rank: 1, ranked: 5, previous: { rank: 3, ranked: 5, movement: 2 } });
    expect(page.indicator).toBe("digitization_rate");
    expect(page.scoring).toMatchObject({ name: TEST_SCORING.name, hash: TEST_SCORING.hash });
    // The weights panel: digitisation's 22 of the 82 weight points is 26.8 of 100.
    expect(page.scoring.weights.find((w) => w.indicator === "digitization_rate")).toEqual({ indicator: "digitization_rate", weight: 22, share: (100 * 22) / 82, fullAt: 1 });
  });

  it("names no movers when a unit did not report: 4 ranked now against 5 before is not a movement", async () => {
    await loadTwoQuarters();
    const page = ok(await loadOverview(t.db, { period: "2024-Q1", indicator: "composite_score" }, SCORING, DRAFT));
    const composite = page.rows.filter((r) => r.indicator === "composite_score");
    expect(composite.map((r) => [r.code, r.rank, r.ranked, r.previous])).toEqual([
      ["00003", 1, 4, { rank: 3, ranked: 5, movement: null }],
      ["00004", 2, 4, { rank: 4, ranked: 5, movement: null }],
      ["00002", 3, 4, { rank: 2, ranked: 5, movement: null }],
      ["00001", 4, 4, { rank: 1, ranked: 5, movement: null }],
    ]);
    expect(page.movers).toEqual({ risers: [], fallers: [] });
    expect(page.moversFields).toEqual({ before: 5, now: 4 });
  });

  it("holds each indicator to the year's target and names who needs attention (decision 018)", async () => {
    await loadTwoQuarters();
    await load([{ code: "00005", period: "2024-Q1", d: 10 }]);
    const targets = parseTargets({ "2024": { source: "Kế hoạch thử", targets: { digitization_rate: 0.9, online_rate: 0.85 } } }, "targets.json");
    const page = ok(await loadOverview(t.db, { period: "2024-Q1", indicator: "digitization_rate" }, SCORING, DRAFT, targets));
    expect(page.targets).toEqual({ year: 2024, source: "Kế hoạch thử" });
    // D = 95, 90, 80, 50, 10 of 100: two units reach 90 %; the body's 325/500 = 65 % does not.
    expect(page.totals.find((s) => s.indicator === "digitization_rate")?.target).toEqual({ value: 0.9, met: false, units: { met: 2, of: 5 } });
    expect(page.totals.find((s) => s.indicator === "online_rate")?.target).toEqual({ value: 0.85, met: false, units: { met: 2, of: 5 } });
    expect(page.totals.find((s) => s.indicator === "satisfaction_rate")?.target).toBeNull();
    expect(page.rows.find((r) => r.code === "00004" && r.indicator === "digitization_rate")).toMatchObject({ target: 0.9, target_met: true });
    // Both quarters ranked the same five units: 00001 fell from 1st to 4th. Below target on both: 00002, 00001, 00005.
    expect(page.attentionMovement).toBe(true);
    expect(page.attention.map((l) => [l.code, l.belowTarget, l.fall])).toEqual([
      ["00001", ["digitization_rate", "online_rate"], 3],
      ["00002", ["digitization_rate", "online_rate"], null],
      ["00005", ["digitization_rate", "online_rate"], null],
    ]);
    // Without targets: no target anywhere, and only the fall is a reason.
    const none = ok(await loadOverview(t.db, { period: "2024-Q1", indicator: "digitization_rate" }, SCORING, DRAFT));
    expect(none.targets).toBeNull();
    expect(none.totals.every((s) => s.target === null)).toBe(true);
    expect(none.attention.map((l) => [l.code, l.belowTarget, l.fall])).toEqual([["00001", [], 3]]);
  });

  it("gives district totals from summed counts, with the periods up to the one read", async () => {
    await loadTwoQuarters();
    const page = ok(await loadOverview(t.db, { period: "2024-Q1", indicator: "composite_score" }, SCORING, DRAFT));
    const digitisation = page.totals.find((s) => s.indicator === "digitization_rate");
    // 2023-Q4: (90+80+70+60+50)/500 = 0.7; 2024-Q1: (50+80+95+90)/400 = 315/400 = 0.7875.
    expect(digitisation?.points).toEqual([
      { period: "2023-Q4", value: 0.7, numerator: 350, denominator: 500, units: 5 },
      { period: "2024-Q1", value: 0.7875, numerator: 315, denominator: 400, units: 4 },
    ]);
    const earlier = ok(await loadOverview(t.db, { period: "2023-Q4", indicator: "composite_score" }, SCORING, DRAFT));
    expect(earlier.totals.find((s) => s.indicator === "digitization_rate")?.points.map((p) => p.period)).toEqual(["2023-Q4"]);
    // The first quarter loaded has nothing to compare with.
    expect(earlier.hasPrevious).toBe(false);
    expect(earlier.movers).toEqual({ risers: [], fallers: [] });
    // A count indicator's total is the sum; a rate without any denominator has no value.
    expect(page.totals.find((s) => s.indicator === "overdue_dossiers")?.points.at(-1)?.value).toBe(0);
    expect(page.totals.find((s) => s.indicator === "satisfaction_rate")?.points.at(-1)?.value).toBeNull();
  });

  it("marks units whose year has fewer than four quarters", async () => {
    await loadTwoQuarters();
    const page = ok(await loadOverview(t.db, { period: "2023", indicator: "composite_score" }, SCORING, DRAFT));
    expect(page.periodKind).toBe("year");
    expect(page.previousPeriod).toBe("2022");
    expect(page.units.map((u) => [u.code, u.quarters, u.incomplete])).toEqual([
      ["00001", 1, true],
      ["00002", 1, true],
      ["00003", 1, true],
      ["00004", 1, true],
      ["00005", 1, true],
    ]);
    expect(page.missing).toEqual([]);
    const y2024 = ok(await loadOverview(t.db, { period: "2024", indicator: "composite_score" }, SCORING, DRAFT));
    expect(y2024.missing).toEqual([{ code: "00005", name: "Phường Năm" }]);
  });

  it("refuses a well-formed period without data, carrying what is loaded", async () => {
    await loadTwoQuarters();
    for (const period of ["2019-Q1", "2024-Q2", "2025"]) {
      const error = await loadOverview(t.db, { period, indicator: "composite_score" }, SCORING, DRAFT).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      const loaded = period === "2025" ? ["2023", "2024"] : ["2023-Q4", "2024-Q1"];
      expect(error).toMatchObject({ problem: { what: "period", period, loaded } });
    }
  });

  it("dates the data by the newest upload that still supplies a current figure", async () => {
    await loadTwoQuarters();
    expect(ok(await loadOverview(t.db, { indicator: "composite_score" }, SCORING, DRAFT)).lastUploadAt).toBe("2024-07-10T08:30:00Z");
    // A later upload rolled back no longer dates the data.
    const late = await load([{ code: "00001", period: "2024-Q1", d: 99 }], new Date("2024-09-01T00:00:00Z"));
    expect(ok(await loadOverview(t.db, { indicator: "composite_score" }, SCORING, DRAFT)).lastUploadAt).toBe("2024-09-01T00:00:00Z");
    await rollbackUpload(t.db, late.uploadId, { username: "test", role: "admin", address: null }, new Date("2024-09-02T00:00:00Z"));
    expect(ok(await loadOverview(t.db, { indicator: "composite_score" }, SCORING, DRAFT)).lastUploadAt).toBe("2024-07-10T08:30:00Z");
  });
});

describe("the overview and contest pages over HTTP, before any data is loaded", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ seed: false, users: ALL_USERS });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const PAGES = ["/", "/?period=2023-Q1&indicator=online_rate", "/contest", "/contest?year=2023", "/data"];

  it("tell a reader that nothing is published yet, with no server command and no empty chart", async () => {
    for (const path of PAGES) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).toContain("Chưa có kết quả xếp hạng nào được công bố.");
      expect(html, path).not.toContain("npm run");
      expect(html, path).not.toContain("<svg");
    }
    const en = await (await fetch(`${server.url}/?lang=en`)).text();
    expect(en).toContain("No rankings have been published yet.");
  });

  it("show staff how to load data: the upload page first, then the server's commands", async () => {
    const cookie = await login(server, USERS.staff.username, USERS.staff.password);
    for (const path of PAGES) {
      const html = await (await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } })).text();
      expect(html, path).toContain("Chưa có số liệu báo cáo nào.");
      expect(html, path).toMatch(/Tải tệp báo cáo quý lên tại trang(<!-- -->)? ?<a href="\/upload">Tải số liệu lên<\/a>/);
      expect(html, path).toContain("npm run seed");
    }
  });

  it("still refuse malformed parameters with 400 and a sentence that says what to write", async () => {
    const res = await fetch(`${server.url}/?period=2023-Q9`, { headers: { Cookie: "parboard_lang=en" } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("The period “2023-Q9” is not valid. Write a quarter as 2023-Q4 or a year as 2023.");
    expect((await fetch(`${server.url}/contest?year=soon`)).status).toBe(400);
  });
});
