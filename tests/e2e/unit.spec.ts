/**
 * The unit page on the sample data: Thị trấn Ninh Giang (11155) in 2023 is 1/20 on digitisation and 4/20 on
 * online processing (tests/fixtures/README.md); 49 more online dossiers would pass Xã Hồng Đức (11167).
 */
import { expect, test, type Page } from "@playwright/test";
import { DESKTOP, MOBILE, expectNoAxeViolations, expectNoHorizontalOverflow, saveScreenshot, watchConsole } from "./helpers";

const URL_2023 = "/units/11155?period=2023";

function rankRow(page: Page, indicator: string) {
  return page.locator(`table.unit-rank-table tr[data-indicator="${indicator}"]`);
}

test.describe("unit page", () => {
  test("shows the 2023 ranks, the gap to the next rank and where the figures came from", async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.setViewportSize(DESKTOP);
    await page.goto(URL_2023);
    await expect(page.getByRole("heading", { level: 1, name: "Thị trấn Ninh Giang" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Thứ hạng các chỉ tiêu năm 2023" })).toBeVisible();
    await expect(rankRow(page, "digitization_rate").locator(".rank-value")).toHaveText("1/20");
    await expect(rankRow(page, "digitization_rate")).toContainText("Đang đứng đầu");
    await expect(rankRow(page, "online_rate").locator(".rank-value")).toHaveText("4/20");
    await expect(rankRow(page, "online_rate")).toContainText("Thêm 49 hồ sơ trực tuyến sẽ vượt Xã Hồng Đức");
    await expect(rankRow(page, "online_rate").getByRole("link", { name: "Xã Hồng Đức" })).toHaveAttribute("href", "/units/11167?period=2023");
    await expect(rankRow(page, "contest_entries")).toContainText("138");
    // Four quarters, four uploads of the seed, each named with its file.
    const sources = page.getByRole("table", { name: /Các lần tải chứa số liệu hiện hành/ });
    await expect(sources.getByRole("row")).toHaveCount(5);
    await expect(sources).toContainText("2023-Q4.csv");
    await expect(page.getByRole("link", { name: "Xem tất cả các lần tải dữ liệu" })).toHaveAttribute("href", "/uploads");
    // Trend lines and rank charts carry accessible names.
    await expect(page.getByRole("img", { name: "Tỷ lệ số hóa hồ sơ" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Thứ hạng: Điểm tổng hợp" })).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "unit-desktop");
    consoleErrors.check();
  });

  test("switching the language keeps the unit, the period and the indicator", async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.goto(`${URL_2023}&indicator=online_rate`);
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/units\/11155\?period=2023&indicator=online_rate&lang=en$/);
    await expect(page.getByRole("heading", { level: 2, name: "Ranks by indicator, 2023" })).toBeVisible();
    await expect(rankRow(page, "online_rate")).toContainText("49 more online dossiers would pass Xã Hồng Đức");
    await expect(page.getByRole("group", { name: "Rank: Online processing rate" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Tiếng Việt" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Thứ hạng các chỉ tiêu năm 2023" })).toBeVisible();
    consoleErrors.check();
  });

  test("the period picker and the indicator picker change the URL", async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.goto(URL_2023);
    await page.getByLabel("Kỳ", { exact: true }).selectOption("2023-Q4");
    await expect(page).toHaveURL(/period=2023-Q4/);
    await expect(page.getByRole("heading", { level: 2, name: "Thứ hạng các chỉ tiêu quý 4/2023" })).toBeVisible();
    await page.getByLabel("Chỉ tiêu xem cùng điểm tổng hợp").selectOption("on_time_rate");
    await expect(page).toHaveURL(/period=2023-Q4&indicator=on_time_rate/);
    await expect(page.getByRole("group", { name: "Thứ hạng: Tỷ lệ giải quyết đúng hạn" })).toBeVisible();
    consoleErrors.check();
  });

  test("fits a 360 px phone without sideways scrolling", async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.setViewportSize(MOBILE);
    await page.goto(URL_2023);
    await expect(rankRow(page, "online_rate").locator(".rank-value")).toHaveText("4/20");
    // The gap column would be off screen: the sentences follow the table as a list.
    await expect(rankRow(page, "online_rate").locator(".unit-gap-cell")).toBeHidden();
    await expect(page.locator('.unit-gap-mobile li[data-indicator="online_rate"]')).toHaveText(
      "Tỷ lệ hồ sơ trực tuyến (4/20): Thêm 49 hồ sơ trực tuyến sẽ vượt Xã Hồng Đức",
    );
    await expectNoHorizontalOverflow(page);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "unit-mobile");
    consoleErrors.check();
  });

  test("prints a clean summary: no forms, ranks, gaps, charts and sources", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto(URL_2023);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".period-picker")).toBeHidden();
    await expect(page.locator(".unit-indicator-picker")).toBeHidden();
    await expect(page.locator("header.app-header")).toBeHidden();
    await expect(rankRow(page, "online_rate")).toContainText("Thêm 49 hồ sơ trực tuyến sẽ vượt Xã Hồng Đức");
    await expect(page.getByRole("img", { name: "Tỷ lệ hồ sơ trực tuyến" })).toBeVisible();
    await expect(page.getByRole("table", { name: /Các lần tải chứa số liệu hiện hành/ })).toBeVisible();
    await saveScreenshot(page, "unit-print");
  });

  test("answers 404 for an unknown unit or a period without data, 400 for a malformed parameter", async ({ request }) => {
    expect((await request.get("/units/99999")).status()).toBe(404);
    expect((await request.get("/units/11155?period=2019")).status()).toBe(404);
    const bad = await request.get("/units/11155?period=2023-Q9");
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain("2023-Q9");
    expect((await request.get("/units/11155?indicator=speed")).status()).toBe(400);
  });

  test("a unit without a report in the period says so instead of ranking it", async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.goto("/units/11218?period=2024-Q3");
    await expect(page.getByText("Đơn vị không có số liệu quý 3/2024")).toBeVisible();
    await expect(rankRow(page, "digitization_rate")).toContainText("Không xếp hạng");
    consoleErrors.check();
  });
});

test.describe("unit page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("renders tables and named charts, and the pickers still work", async ({ page }) => {
    await page.goto(URL_2023);
    await expect(rankRow(page, "digitization_rate").locator(".rank-value")).toHaveText("1/20");
    await expect(page.locator("svg[aria-labelledby]").first()).toBeVisible();
    await expect(page.getByRole("img", { name: "Điểm tổng hợp", exact: true })).toBeVisible();
    await expect(page.getByRole("group", { name: "Thứ hạng: Tỷ lệ số hóa hồ sơ" })).toBeVisible();
    // Why the composite moved and the path up are plain HTML and a server-drawn chart.
    await expect(page.getByRole("img", { name: /^Phần đóng góp của từng chỉ tiêu/ })).toBeVisible();
    await expect(page.locator(".unit-path-up .actions-plan")).toContainText("Điểm tổng hợp (1/20)");
    await expect(page.getByRole("table", { name: "Thứ hạng và nguồn số liệu từng kỳ" }).getByRole("row")).toHaveCount(4);
    await page.getByLabel("Chỉ tiêu xem cùng điểm tổng hợp").selectOption("satisfaction_rate");
    await page.locator(".unit-indicator-picker").getByRole("button").click();
    await expect(page).toHaveURL(/\/units\/11155\?period=2023&indicator=satisfaction_rate/);
    await expect(page.getByRole("group", { name: "Thứ hạng: Tỷ lệ hài lòng" })).toBeVisible();
  });

  test("on a phone, Xã Ứng Hoè's 2024-Q4 page says why it dropped and the path past Xã Kiến Quốc, within 360 px", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/units/11161?period=2024-Q4");
    await expect(page.locator(".actions-why-sentence")).toContainText("Tỷ lệ hài lòng −0,7");
    await expect(page.locator(".unit-path-up .actions-plan")).toContainText("để vượt Xã Kiến Quốc");
    await expect(page.locator('.actions-list li[data-indicator="satisfaction_rate"]')).toContainText("thêm 1 lượt hài lòng");
    // Nothing wider than the phone: the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
