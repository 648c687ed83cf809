/**
 * The contest page (/contest) in Chromium on the sample data: 2023 is the town's story year (138 entries,
 * first in the district); Xã Văn Hội has an incomplete 2024.
 */
import { expect, test } from "@playwright/test";
import { DESKTOP, MOBILE, expectNoAxeViolations, expectNoHorizontalOverflow, saveScreenshot, watchConsole } from "./helpers";

test.describe("contest", () => {
  test.use({ viewport: DESKTOP });

  test("ranks the town first with 138 entries in 2023, with the quarters stacked", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/contest?year=2023");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hội thi cải cách hành chính năm 2023, Huyện Ninh Giang");
    const town = page.getByRole("table", { name: "Xếp hạng hội thi cải cách hành chính năm 2023" }).getByRole("row", { name: /Thị trấn Ninh Giang/ });
    await expect(town).toContainText("1/20");
    await expect(town).toContainText("138");
    await expect(town.getByRole("link", { name: "Thị trấn Ninh Giang" })).toHaveAttribute("href", "/units/11155?period=2023");
    await expect(page.getByRole("group", { name: "Số bài dự thi CCHC năm 2023 của 20 đơn vị, theo quý" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Số sáng kiến CCHC năm 2023 của 20 đơn vị, theo quý" })).toBeVisible();
    // 24 + 31 + 47 + 36 = 138, one segment per quarter.
    await expect(page.locator("#ct-entries-wide title").filter({ hasText: /^Thị trấn Ninh Giang · Quý 3: 47$/ })).toHaveCount(1);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "contest-desktop");
    console.check();
  });

  test("defaults to the latest year, marks the incomplete one and switches year in the URL", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/contest");
    await expect(page.getByRole("combobox", { name: "Kỳ", exact: true })).toHaveValue("2026");
    await page.getByRole("combobox", { name: "Kỳ", exact: true }).selectOption("2024");
    await expect(page).toHaveURL(/[?&]year=2024/);
    await expect(page.getByText("Năm chưa đủ 4 quý: Xã Văn Hội (3/4 quý)")).toBeVisible();
    const vanHoi = page.getByRole("table", { name: /Xếp hạng hội thi/ }).getByRole("row", { name: /Xã Văn Hội/ });
    await expect(vanHoi).toContainText("năm chưa đủ 4 quý (3/4 quý)");
    await page.getByRole("combobox", { name: "Kỳ", exact: true }).selectOption("2022");
    await expect(page).toHaveURL(/[?&]year=2022/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("năm 2022");
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Kỳ", exact: true })).toHaveValue("2022");
    console.check();
  });

  test("answers 400 for a malformed year and 404 for a year without data", async ({ page }) => {
    expect((await page.goto("/contest?year=2023-Q4"))?.status()).toBe(400);
    await expect(page.getByText("Năm “2023-Q4” không hợp lệ.", { exact: false })).toBeVisible();
    expect((await page.goto("/contest?year=2019"))?.status()).toBe(404);
    await expect(page.getByText("Chưa có số liệu cho năm 2019. Hiện có số liệu từ năm 2022 đến năm 2026", { exact: false })).toBeVisible();
  });
});

test.describe("contest on a phone", () => {
  test.use({ viewport: MOBILE });

  test("fits 360 px and stays accessible", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/contest?year=2023");
    await expect(page.getByRole("group", { name: /Số bài dự thi CCHC năm 2023/ })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "contest-mobile");
    console.check();
  });
});

test.describe("contest without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: DESKTOP });

  test("draws the bars with their tables and the year picker submits as a form", async ({ page }) => {
    await page.goto("/contest?year=2023");
    await expect(page.getByRole("group", { name: /Số bài dự thi CCHC năm 2023/ })).toBeVisible();
    await page.locator("details").first().locator("summary").click();
    await expect(page.getByRole("table", { name: "Số bài dự thi CCHC năm 2023 của 20 đơn vị, theo quý" })).toBeVisible();
    await page.getByRole("combobox", { name: "Kỳ", exact: true }).selectOption("2024");
    await page.getByRole("button", { name: "Xem" }).click();
    await expect(page).toHaveURL(/year=2024/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("năm 2024");
  });
});
