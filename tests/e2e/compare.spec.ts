/**
 * The compare page on the sample data: find units by name, add them one by one, and the address carries
 * them (decision 012: a search, not a checkbox per unit, so that the page holds at national scale).
 */
import { expect, test, type Page } from "@playwright/test";
import { DESKTOP, MOBILE, expectNoAxeViolations, expectNoHorizontalOverflow, saveScreenshot, watchConsole } from "./helpers";

const THREE = ["Thị trấn Ninh Giang", "Xã Ứng Hoè", "Xã Nghĩa An"];

/** Finds each unit by part of its name typed without accents, and adds it from the results. */
async function choose(page: Page, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const typed = name.replace(/^(Xã|Thị trấn) /, "").normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
    await page.getByRole("searchbox", { name: "Tìm đơn vị theo tên hoặc mã" }).fill(typed);
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await page.getByRole("link", { name: `Thêm ${name} vào danh sách so sánh` }).click();
  }
}

function table(page: Page) {
  return page.getByRole("table", { name: /Thứ hạng \(hạng\/số đơn vị được xếp hạng\)/ });
}

test.describe("compare page", () => {
  test("pick three units, submit: the URL carries them, a reload restores the view", async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.setViewportSize(DESKTOP);
    await page.goto("/compare");
    await expect(page.getByRole("heading", { level: 1, name: "So sánh đơn vị" })).toBeVisible();
    await expect(page.getByText("Tìm và thêm từ 2 đến 5 đơn vị để so sánh.")).toBeVisible();
    await choose(page, THREE);
    // No period was asked for: the page compares the three on the last quarter all three existed in.
    await expect(page).toHaveURL(/\/compare\?units=11155,11161,11164&q=Nghia%20An$/);
    await expect(page.getByLabel("Kỳ", { exact: true })).toHaveValue("2025-Q2");
    await expect(table(page).getByRole("columnheader")).toHaveText(["Chỉ tiêu", ...THREE]);
    await page.getByLabel("Kỳ", { exact: true }).selectOption("2023");
    // The picker's script-submitted form spells the commas %2C; the units are the same.
    await expect(page).toHaveURL(/\/compare\?units=11155(,|%2C)11161(,|%2C)11164&q=Nghia(%20|\+)An&period=2023$/);
    const digitisation = table(page).locator('tr[data-indicator="digitization_rate"]');
    await expect(digitisation.locator('td[data-unit="11155"] .rank-value')).toHaveText("1/20");
    // The best of the row is marked by a star and words, not by colour alone.
    await expect(digitisation.locator('td[data-unit="11155"]')).toContainText("★");
    await expect(digitisation.locator('td[data-unit="11155"]')).toContainText("tốt nhất trong các đơn vị đang so sánh");
    await expect(table(page).locator('tr[data-indicator="online_rate"] td[data-unit="11155"] .rank-value')).toHaveText("4/20");
    await expect(page.getByRole("group", { name: "Diễn biến từng chỉ tiêu qua các năm" })).toBeVisible();
    await page.reload();
    await expect(page).toHaveURL(/units=11155(,|%2C)11161(,|%2C)11164&q=Nghia(%20|\+)An&period=2023$/);
    for (const name of THREE) await expect(page.getByRole("link", { name: `Bỏ ${name} khỏi danh sách so sánh` })).toBeVisible();
    await expect(table(page).getByRole("columnheader")).toHaveCount(4);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "compare-desktop");
    consoleErrors.check();
  });

  test("switching the language keeps the units and the period", async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.goto("/compare?units=11155,11161,11164&period=2023");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/compare\?units=11155(,|%2C)11161(,|%2C)11164&period=2023&lang=en$/);
    await expect(page.getByRole("heading", { level: 2, name: "Ranks and values, 2023" })).toBeVisible();
    await expect(page.getByRole("table", { name: /Rank \(rank\/units ranked\)/ }).getByRole("columnheader")).toHaveCount(4);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Tiếng Việt" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Thứ hạng và giá trị năm 2023" })).toBeVisible();
    consoleErrors.check();
  });

  test("too few or too many units give a friendly message on the page", async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.goto("/compare?period=2023");
    await choose(page, ["Xã Vạn Phúc"]);
    await expect(page.getByRole("status")).toHaveText("Mới chọn 1 đơn vị: cần chọn ít nhất 2 đơn vị để so sánh.");
    await expect(table(page)).toHaveCount(0);
    await choose(page, ["Xã Tân Hương", "Xã Vĩnh Hòa", "Xã Đông Xuyên", "Xã Tân Phong"]);
    await expect(page).toHaveURL(/units=11176,11179,11185,11188,11197&/);
    await expect(table(page)).toHaveCount(1);
    // Five are chosen: the search still finds units, but offers none to add.
    await page.getByRole("searchbox", { name: "Tìm đơn vị theo tên hoặc mã" }).fill("Ninh Hai");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await expect(page.getByText("Đã chọn đủ 5 đơn vị: bỏ bớt một đơn vị để thêm đơn vị khác.")).toBeVisible();
    await expect(page.getByRole("link", { name: /^Thêm / })).toHaveCount(0);
    // A shared address may name six: the page says so instead of comparing.
    await page.goto("/compare?units=11176,11179,11185,11188,11197,11200&period=2023");
    await expect(page.getByRole("status")).toContainText("Đã chọn 6 đơn vị: chỉ so sánh được tối đa 5 đơn vị cùng lúc. Hãy bỏ bớt.");
    await expect(table(page)).toHaveCount(0);
    consoleErrors.check();
  });

  test("answers 404 for a unit the registry does not hold, 400 for malformed codes", async ({ request }) => {
    const unknown = await request.get("/compare?units=11155,99999");
    expect(unknown.status()).toBe(404);
    expect(await unknown.text()).toContain("99999");
    expect((await request.get("/compare?units=11155,abc")).status()).toBe(400);
    expect((await request.get("/compare?units=11155,11161&period=23")).status()).toBe(400);
  });

  test("fits a 360 px phone without sideways scrolling", async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.setViewportSize(MOBILE);
    await page.goto("/compare?units=11155,11161,11164,11167,11173&period=2023");
    await expect(table(page).getByRole("columnheader")).toHaveCount(6);
    await expectNoHorizontalOverflow(page);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "compare-mobile");
    consoleErrors.check();
  });
});

test.describe("compare page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form submits, and the table and the named charts render", async ({ page }) => {
    await page.goto("/compare?period=2023");
    await choose(page, THREE);
    await expect(page).toHaveURL(/\/compare\?units=11155,11161,11164&period=2023&q=Nghia%20An$/);
    await expect(table(page).getByRole("columnheader")).toHaveText(["Chỉ tiêu", ...THREE]);
    await expect(page.getByRole("group", { name: "Diễn biến từng chỉ tiêu qua các năm" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Tỷ lệ số hóa hồ sơ" })).toBeVisible();
    await expect(page.locator("details.pb-chart-details table")).toHaveCount(1);
    // Removing a unit is a link too.
    await page.getByRole("link", { name: "Bỏ Xã Ứng Hoè khỏi danh sách so sánh" }).click();
    await expect(page).toHaveURL(/\/compare\?units=11155,11164&period=2023&q=Nghia%20An$/);
    await expect(table(page).getByRole("columnheader")).toHaveText(["Chỉ tiêu", "Thị trấn Ninh Giang", "Xã Nghĩa An"]);
  });
});
