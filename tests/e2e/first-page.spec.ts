import { expect, test } from "@playwright/test";

test("the data page lists the 20 units and the 12 quarters of the sample data", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto("/data");
  await expect(page.getByRole("heading", { name: "Dữ liệu đã nạp" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Đơn vị (20)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Kỳ báo cáo (12)" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Quý 3\/2024/ })).toContainText("19/20");
  await expect(page.getByRole("row", { name: /Thị trấn Ninh Giang/ })).toContainText("12");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Units (20)" })).toBeVisible();
  expect(errors).toEqual([]);
});
