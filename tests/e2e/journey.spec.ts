/**
 * The vice chairman's path through the dashboard in one go: overview → a unit → compare → contest,
 * following the links a reader would click, in the default language.
 */
import { expect, test } from "@playwright/test";
import { watchConsole } from "./helpers";

test("overview → unit → compare → contest by following links", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/?period=2023&indicator=digitization_rate");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("năm 2023");

  // The town leads digitisation in 2023; in the leaderboard's table its name links to its unit page.
  await page.getByText("Xem bảng số liệu").first().click();
  await page.getByRole("link", { name: "Thị trấn Ninh Giang" }).first().click();
  await expect(page).toHaveURL(/\/units\/11155\?period=2023/);
  await expect(page.getByRole("heading", { level: 1, name: "Thị trấn Ninh Giang" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Tỷ lệ hồ sơ trực tuyến/ }).first()).toContainText("4/20");

  await page.getByRole("link", { name: "So sánh với đơn vị khác" }).click();
  await expect(page).toHaveURL(/\/compare\?/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.getByRole("navigation").getByRole("link", { name: "Hội thi" }).click();
  await expect(page).toHaveURL(/\/contest/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  console.check();
});
