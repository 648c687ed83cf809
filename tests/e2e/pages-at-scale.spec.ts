/**
 * Search, paging and drill-down (docs/decisions/012-pages-at-scale.md) in Chromium, with and without
 * JavaScript, on the e2e server's sample district (20 units). The district shows every unit as before; the
 * same forms and links serve a province: the top-and-bottom view, paging, the cluster filter and the empty
 * states at province scale are proven in Chromium in ./province-scale.spec.ts, and at province and national
 * scale through the real server in tests/integration/http/pages-at-scale.http.test.ts.
 */
import { expect, test } from "@playwright/test";
import { DESKTOP, expectNoAxeViolations, leaderboardBars as bars, searchList as search, watchConsole } from "./helpers";

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test.describe(`search, paging and drill-down ${how}`, () => {
    test.use({ viewport: DESKTOP, javaScriptEnabled });

    test("the district shows all 20 units, each bar and heatmap cell a link to its unit", async ({ page }) => {
      const console = watchConsole(page);
      await page.goto("/?period=2023&indicator=digitization_rate");
      await expect(bars(page)).toHaveCount(20);
      await expect(page.locator("#ov-heatmap a.pb-link")).toHaveCount(20 * 9);
      await expect(page.getByRole("status")).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Thị trấn Ninh Giang: 1/20" }).first()).toHaveAttribute("href", "/units/11155?period=2023");
      // axe runs as a script in the page, so it can only check the page with JavaScript on.
      if (javaScriptEnabled) await expectNoAxeViolations(page);
      console.check();
    });

    test("a search by name without accents keeps the period and indicator, and is undone by a link", async ({ page }) => {
      const console = watchConsole(page);
      await page.goto("/?period=2023&indicator=digitization_rate");
      await search(page, "ung hoe");
      await expect(page).toHaveURL(/\/\?period=2023&indicator=digitization_rate&q=ung\+hoe$/);
      await expect(page.getByRole("status")).toHaveText("1 đơn vị khớp với “ung hoe”; đang hiện 1–1 (trang 1/1).");
      await expect(bars(page)).toHaveCount(1);
      await expect(bars(page).first()).toHaveAttribute("aria-label", /^Xã Ứng Hoè: \d+\/20$/);
      // The period picker keeps the search.
      await expect(page.locator('form.period-picker input[name="q"]')).toHaveValue("ung hoe");
      await page.getByRole("link", { name: "Bỏ tìm kiếm" }).click();
      await expect(page).toHaveURL(/\/\?period=2023&indicator=digitization_rate$/);
      await expect(bars(page)).toHaveCount(20);
      console.check();
    });

    test("a search that matches nothing says so; a page past the end says how many there are", async ({ page }) => {
      const console = watchConsole(page);
      await page.goto("/");
      await search(page, "Hà Nội");
      await expect(page.getByRole("status")).toHaveText("Không có đơn vị nào có tên hoặc mã khớp với “Hà Nội”.");
      await expect(bars(page)).toHaveCount(0);
      await page.goto("/?page=3");
      await expect(page.getByRole("status")).toHaveText("Không có trang 3: danh sách chỉ có 1 trang.");
      await page.getByRole("link", { name: "Đến trang cuối (trang 1)" }).click();
      // The latest quarter ranks the five communes formed in 2025.
      await expect(page.getByRole("status")).toHaveText("Đơn vị thứ 1–5 trong 5 đơn vị (trang 1/1).");
      await page.getByRole("link", { name: "Hiện tất cả đơn vị" }).click();
      await expect(page.getByRole("status")).toHaveCount(0);
      await expect(bars(page)).toHaveCount(5);
      // axe runs as a script in the page, so it can only check the page with JavaScript on.
      if (javaScriptEnabled) await expectNoAxeViolations(page);
      console.check();
    });

    test("a heatmap cell leads to the unit's page for the period shown", async ({ page }) => {
      const console = watchConsole(page);
      await page.goto("/?period=2024-Q3");
      const cell = page.getByRole("link", { name: /^Xã Ứng Hoè · Tỷ lệ số hóa hồ sơ: \d+\/19 / });
      await expect(cell).toHaveCount(1);
      // A link in the SVG is a tab stop of its own.
      await cell.focus();
      await expect(cell).toBeFocused();
      await cell.click();
      await expect(page).toHaveURL(/\/units\/11161\?period=2024-Q3$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Ứng Hoè");
      console.check();
    });

    test("the contest page searches by code and its bars lead to the unit", async ({ page }) => {
      const console = watchConsole(page);
      await page.goto("/contest?year=2023");
      await search(page, "1116");
      await expect(page).toHaveURL(/\/contest\?year=2023&q=1116$/);
      await expect(page.getByRole("status")).toContainText("đơn vị khớp với “1116”");
      const bar = page.locator("#ct-entries-wide a.pb-link").first();
      const href = await bar.getAttribute("href");
      expect(href).toMatch(/^\/units\/1116\d\?period=2023$/);
      await bar.click();
      await expect(page).toHaveURL(new RegExp(`${href?.replace("?", "\\?")}$`));
      console.check();
    });
  });
}

test("a malformed page number is a 400 with a sentence", async ({ page }) => {
  const res = await page.goto("/?page=abc");
  expect(res?.status()).toBe(400);
  await expect(page.getByText("Trang “abc” không hợp lệ: hãy ghi số trang là số nguyên từ 1, ví dụ page=2.")).toBeVisible();
});
