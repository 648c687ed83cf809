/**
 * The overview (/) in Chromium on the sample data (20 units, 2022-Q1 … 2024-Q4; Xã Văn Hội missing 2024-Q3).
 */
import { expect, test, type Page } from "@playwright/test";
import { DESKTOP, MOBILE, expectNoAxeViolations, expectNoHorizontalOverflow, saveScreenshot, watchConsole } from "./helpers";

/** The leaderboard's table row of a unit (the table sits in the chart's <details>). */
async function leaderboardRow(page: Page, unit: string) {
  const section = page.locator("section.ov-main-card");
  const details = section.locator("details.pb-chart-details");
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
  return section.getByRole("row", { name: new RegExp(unit) });
}

test.describe("overview", () => {
  test.use({ viewport: DESKTOP });

  test("ranks the town 1/20 on digitisation in 2023, with the numbers behind it", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/?period=2023&indicator=digitization_rate");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng quan Huyện Ninh Giang, năm 2023");
    await expect(page.getByRole("group", { name: "Tỷ lệ số hóa hồ sơ, năm 2023: xếp hạng 20 đơn vị" })).toBeVisible();
    const town = await leaderboardRow(page, "Thị trấn Ninh Giang");
    await expect(town).toContainText("1/20");
    await expect(town).toContainText("85,2");
    await expect(town).toContainText("6.948/8.153");
    await expect(town.getByRole("link", { name: "Thị trấn Ninh Giang" })).toHaveAttribute("href", "/units/11155?period=2023");
    // The leaderboard row's tooltip carries rank and value.
    await expect(page.locator("#ov-lb-wide title").filter({ hasText: "Thị trấn Ninh Giang: 1/20" })).toHaveCount(1);
    // The composite has its own section, saying it is not the official score and which configuration made it.
    await expect(page.getByRole("heading", { name: "Điểm tổng hợp (tham khảo QĐ 766, không phải điểm chính thức)" })).toBeVisible();
    await expect(page.getByText(/Tính theo cấu hình điểm default-766@[0-9a-f]{12}\./)).toBeVisible();
    await expect(page.getByRole("group", { name: /Thứ hạng của 20 đơn vị trên 9 chỉ tiêu, năm 2023/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Các chỉ tiêu của toàn địa bàn, năm 2023" })).toBeVisible();
    await expect(page.getByText(/Nguồn: parboard, dữ liệu tải lên đến .+; cấu hình điểm default-766@/)).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "overview-desktop");
    console.check();
  });

  test("the default view is the latest quarter on the composite; movers only between quarters that ranked the same units", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng quan Huyện Ninh Giang, quý 3/2026");
    await expect(page.getByRole("combobox", { name: "Chỉ tiêu", exact: true })).toHaveValue("composite_score");
    await expect(page.getByRole("combobox", { name: "Kỳ", exact: true })).toHaveValue("2026-Q3");
    // The five merged communes, in their two emulation clusters.
    await expect(page.locator("#ov-lb-wide a.pb-link")).toHaveCount(5);
    await expect(page.getByRole("combobox", { name: "Cụm thi đua", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Tăng hạng" })).toBeVisible();
    await expectNoAxeViolations(page);
    // The merger: 2025-Q2 ranked the 20 old units, 2025-Q3 ranks 5 communes; no one "moved".
    await page.goto("/?period=2025-Q3");
    await expect(page.getByText("Kỳ này xếp hạng 5 đơn vị, không đơn vị nào có thứ hạng trong kỳ trước (quý 2/2025)", { exact: false })).toBeVisible();
    await expect(page.locator(".ov-movers-list")).toHaveCount(0);
    // 2024-Q3 ranked 19 units (Xã Văn Hội did not report), 2024-Q4 ranks 20: the same rule.
    await page.goto("/?period=2024-Q4");
    await expect(page.getByText("Kỳ trước (quý 3/2024) xếp hạng 19 đơn vị, kỳ này 20 đơn vị", { exact: false })).toBeVisible();
    await expect(page.locator(".ov-movers-list")).toHaveCount(0);
    await expect(page.locator(".rank-fields").first()).toContainText("→");
    // The old district's quarters have no clusters to pick.
    await expect(page.getByRole("combobox", { name: "Cụm thi đua", exact: true })).toHaveCount(0);
    await page.goto("/?period=2024-Q2");
    await expect(page.getByRole("heading", { name: "Tăng hạng" })).toBeVisible();
    await expect(page.locator(".ov-movers-list").first().locator("li")).toHaveCount(3);
    await expect(page.locator(".ov-movers-list").nth(1).locator("li")).toHaveCount(3);
    console.check();
  });

  test("switching indicator and period updates the URL, and the URL restores the view", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/");
    await page.getByRole("combobox", { name: "Chỉ tiêu", exact: true }).selectOption("online_rate");
    await expect(page).toHaveURL(/[?&]indicator=online_rate/);
    await expect(page.getByRole("heading", { name: "Xếp hạng: Tỷ lệ hồ sơ trực tuyến" })).toBeVisible();
    await page.getByRole("combobox", { name: "Kỳ", exact: true }).selectOption("2023");
    await expect(page).toHaveURL(/[?&]period=2023(&|$)/);
    await expect(page).toHaveURL(/[?&]indicator=online_rate/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng quan Huyện Ninh Giang, năm 2023");
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Chỉ tiêu", exact: true })).toHaveValue("online_rate");
    await expect(page.getByRole("combobox", { name: "Kỳ", exact: true })).toHaveValue("2023");
    await expect(await leaderboardRow(page, "Thị trấn Ninh Giang")).toContainText("4/20");
    console.check();
  });

  test("the English link keeps the period and the indicator", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/?period=2023&indicator=digitization_rate");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/period=2023/);
    await expect(page).toHaveURL(/indicator=digitization_rate/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview: Ninh Giang District, 2023");
    await expect(page.getByRole("heading", { name: "Ranking: Digitisation rate" })).toBeVisible();
    await expect(await leaderboardRow(page, "Thị trấn Ninh Giang")).toContainText("85.2%");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Tiếng Việt" }).click();
    await expect(page.getByRole("heading", { name: "Xếp hạng: Tỷ lệ số hóa hồ sơ" })).toBeVisible();
    console.check();
  });

  test("says who has not reported, and marks incomplete years", async ({ page }) => {
    await page.goto("/?period=2024-Q3");
    await expect(page.getByText("19/20 đơn vị đã báo cáo; chưa có: Xã Văn Hội")).toBeVisible();
    await page.goto("/?period=2024&indicator=digitization_rate");
    await expect(page.getByText("Năm chưa đủ 4 quý: Xã Văn Hội (3/4 quý)")).toBeVisible();
    await expect(await leaderboardRow(page, "Xã Văn Hội")).toContainText("năm chưa đủ 4 quý");
    await expect(page.getByText("* năm chưa đủ 4 quý: thứ hạng tính trên các quý đã báo cáo.")).toBeVisible();
  });

  test("answers 400 for a malformed parameter and 404 for a period without data, saying why", async ({ page }) => {
    const bad = await page.goto("/?period=2023-Q5");
    expect(bad?.status()).toBe(400);
    await expect(page.getByText("Kỳ “2023-Q5” không hợp lệ.", { exact: false })).toBeVisible();
    const badIndicator = await page.goto("/?indicator=speed");
    expect(badIndicator?.status()).toBe(400);
    await expect(page.getByText("Chỉ tiêu “speed” không có trong danh mục.", { exact: false })).toBeVisible();
    const none = await page.goto("/?period=2019-Q1");
    expect(none?.status()).toBe(404);
    await expect(page.getByText("Chưa có số liệu cho quý 1/2019. Hiện có số liệu từ quý 1/2022 đến quý 3/2026", { exact: false })).toBeVisible();
  });

  test("prints an A4 summary without the navigation and pickers", async ({ page }) => {
    await page.goto("/?period=2023&indicator=digitization_rate");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".app-header")).toBeHidden();
    await expect(page.locator(".ov-toolbar")).toBeHidden();
    await expect(page.getByRole("table", { name: "Bảng xếp hạng năm 2023" })).toBeVisible();
    await expect(page.getByRole("group", { name: /Thứ hạng của 20 đơn vị/ })).toBeVisible();
    await expect(page.getByRole("group", { name: "Tỷ lệ số hóa hồ sơ, năm 2023: xếp hạng 20 đơn vị" })).toBeVisible();
    await expect(page.locator(".ov-source")).toBeVisible();
    // The page may have been made (and kept) earlier: it says so, and the printing time is written in at print.
    const stamp = page.locator("[data-print-time]");
    await expect(stamp).toHaveText(/^Trang tạo lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}$/);
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const today = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    await expect(stamp).toHaveText(new RegExp(`^In lúc \\d\\d:\\d\\d ngày ${today.replace(/\//g, "\\/")}$`));
    await saveScreenshot(page, "overview-print");
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length, "printed pages").toBe(1);
  });
});

test.describe("overview on a phone", () => {
  test.use({ viewport: MOBILE });

  test("fits 360 px without horizontal scrolling and stays accessible", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/?period=2024-Q3&indicator=digitization_rate");
    await expect(page.getByRole("group", { name: /Tỷ lệ số hóa hồ sơ, quý 3\/2024/ })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    for (const summary of await page.locator("summary").all()) await summary.click();
    await expectNoHorizontalOverflow(page);
    await expectNoAxeViolations(page);
    await page.goto("/?period=2024-Q3&indicator=digitization_rate");
    await saveScreenshot(page, "overview-mobile");
    console.check();
  });
});

test.describe("overview without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: DESKTOP });

  test("renders the charts with their names and tables, and the pickers submit as plain forms", async ({ page }) => {
    await page.goto("/?period=2023-Q4&indicator=on_time_rate");
    await expect(page.getByRole("group", { name: "Tỷ lệ giải quyết đúng hạn, quý 4/2023: xếp hạng 20 đơn vị" })).toBeVisible();
    await expect(page.getByRole("group", { name: /Điểm tổng hợp, quý 4\/2023/ })).toBeVisible();
    await expect(page.getByRole("group", { name: /Thứ hạng của 20 đơn vị trên 9 chỉ tiêu/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /^Tỷ lệ số hóa hồ sơ: .+ \(Quý 1\/2022\) → .+ \(Quý 4\/2023\)$/ })).toBeVisible();
    const row = await leaderboardRow(page, "Thị trấn Ninh Giang");
    await expect(row).toBeVisible();
    await expect(page.locator("table")).not.toHaveCount(0);
    await page.getByRole("combobox", { name: "Kỳ", exact: true }).selectOption("2022-Q2");
    await page.locator("form.period-picker").getByRole("button", { name: "Xem" }).click();
    await expect(page).toHaveURL(/period=2022-Q2/);
    await expect(page).toHaveURL(/indicator=on_time_rate/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng quan Huyện Ninh Giang, quý 2/2022");
    await page.getByRole("combobox", { name: "Chỉ tiêu", exact: true }).selectOption("satisfaction_rate");
    await page.locator("form.indicator-picker").getByRole("button", { name: "Xem" }).click();
    await expect(page).toHaveURL(/period=2022-Q2/);
    await expect(page.getByRole("heading", { name: "Xếp hạng: Tỷ lệ hài lòng" })).toBeVisible();
  });
});

test.describe("overview on a phone without JavaScript: targets and needs attention", () => {
  test.use({ javaScriptEnabled: false, viewport: MOBILE });

  test("shows who needs attention and why, and the target line on the leaderboard, within 360 px", async ({ page }) => {
    await page.goto("/?period=2024-Q4&indicator=online_rate");
    const attention = page.getByRole("region", { name: "Cần chú ý" });
    await expect(attention).toBeVisible();
    // data/sample/2024-Q4.csv: Xã Hồng Đức pays online 71 of 158 (< 50 %), has 2 overdue (> 0) and 71 of 78 satisfied (< 95 %).
    await expect(attention.getByRole("listitem").first()).toHaveText("Xã Hồng Đức: dưới mục tiêu 3 chỉ tiêu (thanh toán TT, quá hạn, hài lòng); 2 hồ sơ quá hạn");
    await expect(attention.getByRole("listitem")).toHaveCount(6);
    await expect(attention.getByRole("link", { name: "Xã Hồng Đức" })).toHaveAttribute("href", "/units/11167?period=2024-Q4");
    // The narrow drawing shows on a phone, with the 2024 online target (65 %) as a line and its label.
    const target = page.locator("#ov-lb-narrow .pb-target");
    await expect(target).toBeVisible();
    await expect(target.locator("text")).toHaveText("Mục tiêu 65\u00a0%");
    const box = await target.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
    await expect(page.getByRole("group", { name: /Tỷ lệ hồ sơ trực tuyến, quý 4\/2024/ })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, "overview-mobile-attention");
  });
});
