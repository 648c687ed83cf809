/**
 * The pages at province scale in Chromium, with and without JavaScript (docs/decisions/012-pages-at-scale.md
 * and 013-units-over-time.md), on the second e2e server: the generated province of scripts/bench/province.ts,
 * 170 units today in 7 emulation clusters, formed on 2025-Q3 from about 500 old units, 2023-Q4 … 2026-Q3.
 * Search by name and by code, paging and a page past its end, one cluster (ranks within it beside the
 * overall rank, its totals, a cluster that does not exist), drill-down from a heatmap cell to a merged
 * unit's page (its predecessors) and to an old unit's page (where it went), and no label printed over
 * another at three-digit ranks. The district's view of the same forms is ./pages-at-scale.spec.ts.
 */
import { expect, test, type Page } from "@playwright/test";
import { buildProvince, provinceResult, PROVINCE_BEFORE_REFORM, type ProvinceUnit } from "../../scripts/bench/province";
import { DESKTOP, MOBILE, expectNoAxeViolations, expectNoOverlappingText, leaderboardBars as bars, searchList as search, watchConsole } from "./helpers";
import { PROVINCE_URL } from "./servers";

test.use({ baseURL: PROVINCE_URL });

const province = buildProvince();
const TODAY = province.current.length;
const OLD = province.units.filter((u) => u.validTo === PROVINCE_BEFORE_REFORM || u.validFrom === null).length;

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the generated province has no ${what}`);
  return value;
}

const CLUSTER = "Cụm thi đua số 3";
const CLUSTER_SIZE = province.current.filter((u) => u.cluster === CLUSTER).length;
// The cluster's digitised and received dossiers in 2026-Q3, summed from the generated reports.
const clusterRows = provinceResult(province).rows.filter((r) => r.period === "2026-Q3" && province.current.some((u) => u.code === r.communeCode && u.cluster === CLUSTER));
const CLUSTER_DIGITIZED = clusterRows.reduce((sum, r) => sum + r.counts.dossiers_digitized, 0);
const CLUSTER_RECEIVED = clusterRows.reduce((sum, r) => sum + r.counts.dossiers_received, 0);
const vi = (n: number) => n.toLocaleString("vi-VN");
// Xã Xuân Minh (30002) was formed on 2025-Q3 from four old units, none of whose codes a new unit took.
const MERGED = must(
  province.current.find((u) => u.code === "30002"),
  "unit 30002",
);
const PREDECESSORS: ProvinceUnit[] = province.lineage
  .filter((l) => l.successor === MERGED.code)
  .map((l) => must(province.units.find((u) => u.code === l.predecessor && u.validTo !== null), `old unit ${l.predecessor}`));
const OLD_UNIT = must(PREDECESSORS[0], "predecessor of 30002");

/** Narrows the overview to one cluster with its picker: at once with JavaScript, by its button without. */
async function chooseCluster(page: Page, cluster: string, javaScriptEnabled: boolean): Promise<void> {
  const picker = page.getByRole("combobox", { name: "Cụm thi đua", exact: true });
  await picker.selectOption(cluster);
  if (!javaScriptEnabled) await page.locator("form", { has: picker }).getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]cluster=${encodeURIComponent(cluster).replace(/%20/g, "\\+")}(&|$)`));
}

test("the province's test data is what these tests assume", () => {
  expect(TODAY).toBe(170);
  expect(MERGED.name).toBe("Xã Xuân Minh");
  expect(PREDECESSORS).toHaveLength(4);
  expect(CLUSTER_SIZE).toBeGreaterThan(20);
  expect(CLUSTER_SIZE).toBeLessThanOrEqual(30);
});

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test.describe(`a province of ${TODAY} units ${how}`, () => {
    test.use({ viewport: DESKTOP, javaScriptEnabled });

    test("shows the top and the bottom, and finds a unit by its name without accents or by the start of its code", async ({ page }) => {
      const console = watchConsole(page);
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng quan Tỉnh Thử Nghiệm, quý 3/2026");
      await expect(page.getByRole("status")).toHaveText(`Đang hiện 10 đơn vị đứng đầu và 10 đơn vị đứng cuối trong ${TODAY} đơn vị.`);
      await expect(bars(page)).toHaveCount(20);
      await expect(bars(page).last()).toHaveAttribute("aria-label", new RegExp(`: ${TODAY}/${TODAY}$`));
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      await search(page, "xuan minh");
      await expect(page).toHaveURL(/\/\?period=2026-Q3&indicator=composite_score&q=xuan\+minh$/);
      await expect(page.getByRole("status")).toHaveText("1 đơn vị khớp với “xuan minh”; đang hiện 1–1 (trang 1/1).");
      await expect(bars(page)).toHaveCount(1);
      await expect(bars(page).first()).toHaveAttribute("aria-label", new RegExp(`^${MERGED.name}: \\d+/${TODAY}$`));

      await search(page, "3000");
      await expect(page.getByRole("status")).toHaveText("9 đơn vị khớp với “3000”; đang hiện 1–9 (trang 1/1).");
      await expect(bars(page)).toHaveCount(9);
      for (const href of await bars(page).evaluateAll((links) => links.map((a) => a.getAttribute("href")))) expect(href).toMatch(/^\/units\/3000\d\?period=2026-Q3$/);

      await search(page, "Hà Nội");
      await expect(page.getByRole("status")).toHaveText("Không có đơn vị nào có tên hoặc mã khớp với “Hà Nội”.");
      await expect(bars(page)).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Bỏ tìm kiếm" })).toBeVisible();
      console.check();
    });

    test("pages through the whole ranking, and a page past the end says how many pages there are", async ({ page }) => {
      const console = watchConsole(page);
      await page.goto("/");
      await page.getByRole("link", { name: "Xem toàn bộ bảng xếp hạng, từng trang" }).click();
      await expect(page.getByRole("status")).toHaveText(`Đơn vị thứ 1–50 trong ${TODAY} đơn vị (trang 1/4).`);
      await expect(bars(page)).toHaveCount(50);
      await page.getByRole("link", { name: "Trang sau →" }).click();
      await expect(page).toHaveURL(/[?&]page=2$/);
      await expect(page.getByRole("status")).toHaveText(`Đơn vị thứ 51–100 trong ${TODAY} đơn vị (trang 2/4).`);
      await expect(bars(page)).toHaveCount(50);
      // Ties may share a rank across the page boundary, but page 2 starts no higher than rank 50.
      const first = Number(/: (\d+)\//.exec((await bars(page).first().getAttribute("aria-label")) ?? "")?.[1]);
      expect(first).toBeGreaterThanOrEqual(50);
      await expect(page.getByRole("link", { name: "← Trang trước" })).toHaveAttribute("href", /[?&]page=1$/);

      await page.goto("/?page=9");
      await expect(page.getByRole("status")).toHaveText("Không có trang 9: danh sách chỉ có 4 trang.");
      await expect(bars(page)).toHaveCount(0);
      if (javaScriptEnabled) await expectNoAxeViolations(page);
      await page.getByRole("link", { name: "Đến trang cuối (trang 4)" }).click();
      await expect(page.getByRole("status")).toHaveText(`Đơn vị thứ 151–170 trong ${TODAY} đơn vị (trang 4/4).`);
      await expect(bars(page)).toHaveCount(20);
      console.check();
    });

    test("one cluster: its units ranked within it beside their overall rank, its totals, and a search kept inside it", async ({ page }) => {
      const console = watchConsole(page);
      await page.goto("/");
      await chooseCluster(page, CLUSTER, javaScriptEnabled);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tổng quan Tỉnh Thử Nghiệm, quý 3/2026 · ${CLUSTER}`);
      await expect(page.getByText(`Đang xem ${CLUSTER}: thứ hạng tính trong cụm`)).toBeVisible();
      // A cluster of at most 30 units is shown whole, ranked 1 … n within it.
      await expect(bars(page)).toHaveCount(CLUSTER_SIZE);
      await expect(page.getByRole("link", { name: new RegExp(`: 1/${CLUSTER_SIZE}$`) }).first()).toBeAttached();
      const table = page.locator("#ov-lb-wide").locator("xpath=ancestor::figure").locator("table.ov-table");
      await expect(table.locator("thead th")).toHaveText(["Hạng trong cụm", "Đơn vị", "Hạng chung", "Điểm"]);
      await expect(table.locator("tbody tr")).toHaveCount(CLUSTER_SIZE);
      for (const overall of await table.locator("tbody tr td:nth-child(3)").allTextContents()) expect(overall).toMatch(new RegExp(`^\\d+/${TODAY}$`));
      await expect(table.locator("tbody tr").first().locator("td").first()).toContainText(`1/${CLUSTER_SIZE}`);
      await expect(page.getByRole("heading", { name: `Số liệu chung của ${CLUSTER}` })).toBeVisible();
      // The cluster's totals are its period's summed counts: no change or trend columns that would be empty.
      const totals = page.locator("table.ov-totals");
      await expect(totals.locator("caption")).toHaveText(`Các chỉ tiêu của ${CLUSTER}, quý 3/2026`);
      await expect(totals.locator("thead th")).toHaveText(["Chỉ tiêu", "Giá trị", "Số đạt/tổng số"]);
      await expect(totals.getByRole("row", { name: /^Tỷ lệ số hóa hồ sơ/ })).toContainText(`${vi(CLUSTER_DIGITIZED)}/${vi(CLUSTER_RECEIVED)}`);
      // Movement is counted on all units only: the cluster's page claims none.
      await expect(page.getByRole("heading", { name: "Tăng, giảm hạng nhiều nhất" })).toHaveCount(0);
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      // A unit of another cluster is not found inside this one, and the search keeps the cluster.
      await search(page, "xuan minh");
      await expect(page).toHaveURL(/[?&]cluster=[^&]+&q=xuan\+minh$/);
      await expect(page.getByRole("status")).toHaveText("Không có đơn vị nào có tên hoặc mã khớp với “xuan minh”.");
      console.check();
    });

    test("a cluster that does not exist is a page saying which clusters there are, not a server error", async ({ page }) => {
      const response = await page.goto(`/?cluster=${encodeURIComponent("Cụm thi đua số 99")}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByText(`Không có cụm thi đua “Cụm thi đua số 99”. Các cụm: ${province.clusters.join(", ")}.`)).toBeVisible();
      await expect(page.getByRole("link", { name: "Trang chủ" })).toBeVisible();
      // An error page names itself (root.tsx's meta) and passes axe like any other.
      await expect(page).toHaveTitle("Không tìm thấy trang · parboard");
      if (javaScriptEnabled) await expectNoAxeViolations(page);
    });

    test("a heatmap cell leads to a merged unit's page, which lists the old units it was formed from", async ({ page }) => {
      const console = watchConsole(page);
      await page.goto(`/?q=${MERGED.code}`);
      const cell = page.getByRole("link", { name: new RegExp(`^${MERGED.name} · Điểm tổng hợp: \\d+/${TODAY} `) });
      await expect(cell).toHaveCount(1);
      await cell.focus();
      await expect(cell).toBeFocused();
      await cell.click();
      await expect(page).toHaveURL(new RegExp(`/units/${MERGED.code}\\?period=2026-Q3$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(MERGED.name);
      const note = page.locator(".unit-lineage");
      await expect(note).toContainText("Đơn vị được thành lập từ quý 3/2025 trên cơ sở");
      await expect(note.getByRole("link")).toHaveText(PREDECESSORS.map((u) => `${u.name} (${u.code})`));
      await expect(note).toContainText("gộp số liệu các đơn vị cũ");
      if (javaScriptEnabled) await expectNoAxeViolations(page);
      console.check();
    });

    test("a heatmap cell of 2024 leads to an old unit's page, which says where it went", async ({ page }) => {
      const console = watchConsole(page);
      await page.goto(`/?period=2024-Q4&q=${OLD_UNIT.code}`);
      await expect(page.getByRole("status")).toHaveText(`1 đơn vị khớp với “${OLD_UNIT.code}”; đang hiện 1–1 (trang 1/1).`);
      const cell = page.getByRole("link", { name: new RegExp(`^${OLD_UNIT.name} · Điểm tổng hợp: \\d+/${OLD} `) });
      await cell.click();
      await expect(page).toHaveURL(new RegExp(`/units/${OLD_UNIT.code}\\?period=2024-Q4$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(OLD_UNIT.name);
      const note = page.locator(".unit-lineage");
      await expect(note).toHaveText(`Đơn vị này không còn từ quý 3/2025; từ kỳ này thuộc ${MERGED.name} (${MERGED.code}).`);
      await note.getByRole("link", { name: `${MERGED.name} (${MERGED.code})` }).click();
      await expect(page).toHaveURL(new RegExp(`/units/${MERGED.code}\\?period=2025-Q3$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(MERGED.name);
      console.check();
    });
  });
}

test.describe("labels at three-digit ranks", () => {
  // The bottom of today's ranking ("170/170", "▼117") and a page of 2025-Q2's 519 old units ("500/519").
  const pages = ["/", "/?period=2025-Q2&indicator=digitization_rate&page=10"];
  for (const [viewport, svg] of [
    [DESKTOP, "#ov-lb-wide"],
    [MOBILE, "#ov-lb-narrow"],
  ] as const) {
    test(`are never printed over each other in the leaderboard at ${viewport.width} px`, async ({ page }) => {
      await page.setViewportSize(viewport);
      for (const path of pages) {
        await page.goto(path);
        await expect(page.locator(`${svg} a.pb-link`).last()).toHaveAttribute("aria-label", /: \d{3}\/\d{3}$/);
        // Rank, movement, name and value of each of at least 20 rows.
        expect(await expectNoOverlappingText(page, svg)).toBeGreaterThanOrEqual(20 * 3);
      }
    });
  }
});
