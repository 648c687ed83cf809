/**
 * The compare page on the sample data: choose units with checkboxes, submit, and the address carries them.
 */
import { expect, test, type Page } from "@playwright/test";
import { DESKTOP, MOBILE, expectNoAxeViolations, expectNoHorizontalOverflow, saveScreenshot, watchConsole } from "./helpers";

const THREE = ["Thị trấn Ninh Giang", "Xã Ứng Hoè", "Xã Nghĩa An"];

async function choose(page: Page, names: readonly string[]): Promise<void> {
  for (const name of names) await page.getByRole("checkbox", { name }).check();
  await page.getByRole("button", { name: "So sánh" }).click();
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
    await expect(page.getByText("Đánh dấu từ 2 đến 5 đơn vị")).toBeVisible();
    await choose(page, THREE);
    await expect(page).toHaveURL(/\/compare\?period=2024-Q4&units=11155,11161,11164$/);
    await expect(table(page).getByRole("columnheader")).toHaveText(["Chỉ tiêu", ...THREE]);
    await page.getByLabel("Kỳ", { exact: true }).selectOption("2023");
    // The picker's script-submitted form spells the commas %2C; the units are the same.
    await expect(page).toHaveURL(/\/compare\?units=11155(,|%2C)11161(,|%2C)11164&period=2023$/);
    const digitisation = table(page).locator('tr[data-indicator="digitization_rate"]');
    await expect(digitisation.locator('td[data-unit="11155"] .rank-value')).toHaveText("1/20");
    // The best of the row is marked by a star and words, not by colour alone.
    await expect(digitisation.locator('td[data-unit="11155"]')).toContainText("★");
    await expect(digitisation.locator('td[data-unit="11155"]')).toContainText("tốt nhất trong các đơn vị đang so sánh");
    await expect(table(page).locator('tr[data-indicator="online_rate"] td[data-unit="11155"] .rank-value')).toHaveText("4/20");
    await expect(page.getByRole("group", { name: "Diễn biến từng chỉ tiêu qua các năm" })).toBeVisible();
    await page.reload();
    await expect(page).toHaveURL(/units=11155(,|%2C)11161(,|%2C)11164&period=2023$/);
    for (const name of THREE) await expect(page.getByRole("checkbox", { name })).toBeChecked();
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
    await choose(page, ["Xã Tân Hương", "Xã Vĩnh Hòa", "Xã Đông Xuyên", "Xã Tân Phong", "Xã Ninh Hải"]);
    await expect(page).toHaveURL(/units=11176,11179,11185,11188,11197,11200/);
    await expect(page.getByRole("status")).toContainText("Đã chọn 6 đơn vị: mỗi lần chỉ so sánh được tối đa 5 đơn vị.");
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
    await expect(page).toHaveURL(/\/compare\?period=2023&units=11155,11161,11164$/);
    await expect(table(page).getByRole("columnheader")).toHaveText(["Chỉ tiêu", ...THREE]);
    await expect(page.getByRole("group", { name: "Diễn biến từng chỉ tiêu qua các năm" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Tỷ lệ số hóa hồ sơ" })).toBeVisible();
    await expect(page.locator("details.pb-chart-details table")).toHaveCount(1);
  });
});
