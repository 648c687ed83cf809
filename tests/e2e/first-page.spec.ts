import { expect, test } from "@playwright/test";

test("the data page lists the 25 units and the 19 quarters of the sample data, each quarter against the units of its time", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto("/data");
  await expect(page.getByRole("heading", { name: "Dữ liệu đã nạp" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Đơn vị (25)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Kỳ báo cáo (19)" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Quý 3\/2024/ })).toContainText("19/20");
  // From the merger of 1 July 2025, five communes report.
  await expect(page.getByRole("row", { name: /Quý 3\/2025/ })).toContainText("5/5");
  await expect(page.getByRole("row", { name: /Thị trấn Ninh Giang/ })).toContainText("đến quý 2/2025");
  await expect(page.getByRole("row", { name: /Thị trấn Ninh Giang/ }).locator("td.num")).toHaveText("14");
  await expect(page.getByRole("row", { name: /Xã Ninh Giang/ })).toContainText("từ quý 3/2025");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Units (25)" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Xã Ninh Giang/ })).toContainText("from Q3 2025");
  expect(errors).toEqual([]);
});
