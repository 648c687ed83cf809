/**
 * The notice-board card in Chromium (the server runs with PUBLIC_URL = E2E_PUBLIC_URL): its QR code, as the
 * browser draws it, reads back with jsQR (a decoder independent of node-qrcode) as the unit's address; it
 * prints on exactly one A4 page in both languages, for the longest names of the sample, for the merged unit
 * whose trend carries the most notes, and for a name far longer than any commune's with a draft notice; it
 * works without JavaScript and fits a 360 px phone.
 */
import { expect, test, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { DESKTOP, MOBILE, expectNoAxeViolations, expectNoHorizontalOverflow, saveScreenshot, watchConsole } from "./helpers";
import { E2E_PUBLIC_URL } from "./servers";

const CARD = "/units/11161/card?period=2024-Q4";

/** The QR code as Chromium paints it, read from a screenshot of the element. */
async function readQrCode(page: Page): Promise<string | null> {
  const png = PNG.sync.read(await page.locator("svg.card-qr-code").screenshot());
  const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength);
  return jsQR(pixels, png.width, png.height)?.data ?? null;
}

/** Pages of the PDF Chromium prints, A4 unless the page's CSS says otherwise: its page objects, not the tree's. */
async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
}

test.describe("the notice-board card", () => {
  test("shows the unit's ranks, its trend and a QR code that reads as its page's address", async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.setViewportSize(DESKTOP);
    await page.goto(CARD);
    await expect(page.getByRole("heading", { level: 1, name: "Xã Ứng Hoè" })).toBeVisible();
    await expect(page.locator(".card-body")).toHaveText("Huyện Ninh Giang");
    await expect(page.locator(".card-subtitle")).toHaveText("Xã · Mã 11161 · Quý 4/2024");
    await expect(page.locator('.card-rank-table tr[data-indicator="online_rate"] .rank-value')).toHaveText("2/20");
    await expect(page.getByRole("img", { name: "Thứ hạng điểm tổng hợp qua các kỳ" })).toBeVisible();
    const qr = page.getByRole("img", { name: `Mã QR dẫn tới ${E2E_PUBLIC_URL}/units/11161` });
    await expect(qr).toBeVisible();
    expect(await readQrCode(page)).toBe(`${E2E_PUBLIC_URL}/units/11161`);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "card-desktop");
    consoleErrors.check();
  });

  test("reads the same in English, the QR code included", async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.goto("/units/11300/card?period=2026-Q3&lang=en");
    await expect(page.getByRole("heading", { level: 2, name: "Ranks, Q3 2026" })).toBeVisible();
    await expect(page.getByText("Formed Q3 2025")).toBeVisible();
    expect(await readQrCode(page)).toBe(`${E2E_PUBLIC_URL}/units/11300`);
    await expectNoAxeViolations(page);
    consoleErrors.check();
  });

  for (const lang of ["vi", "en"] as const) {
    test(`prints on exactly one A4 page, without the site's navigation (${lang})`, async ({ page }) => {
      // The sample's longest names (Thị trấn Ninh Giang, Xã Khúc Thừa Dụ) and the merged unit whose trend
      // carries a legend, a merger rule and a note (11300 in 2024-Q4, on its predecessors' counts).
      for (const path of ["/units/11155/card?period=2024-Q4", "/units/11306/card?period=2026-Q3", "/units/11300/card?period=2024-Q4", "/units/11155/card?period=2023"]) {
        await page.goto(`${path}&lang=${lang}`);
        expect(await printedPages(page), path).toBe(1);
      }
      await page.goto(`${CARD}&lang=${lang}`);
      await page.emulateMedia({ media: "print" });
      await expect(page.locator("header.app-header")).toBeHidden();
      await expect(page.locator(".card-tools")).toBeHidden();
      await expect(page.locator(".card-qr-code")).toBeVisible();
      await saveScreenshot(page, `card-print-${lang}`);
      // A name three times as long as any in the sample, over two lines, and a draft notice: still one page.
      await page.evaluate(() => {
        const h1 = document.querySelector(".card h1");
        if (h1) h1.textContent = "Thị trấn Nông trường Sông Hồng Ninh Giang Khúc Thừa Dụ Vĩnh Lại Mới";
        const notice = document.createElement("p");
        notice.className = "publication-notice draft";
        notice.textContent = "Bản nháp: số liệu kỳ này chưa công bố, người xem chưa thấy. Công bố tại trang Công bố.";
        document.querySelector(".card-head")?.after(notice);
      });
      expect(await printedPages(page)).toBe(1);
    });
  }

  test("fits a 360 px phone without sideways scrolling", async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.setViewportSize(MOBILE);
    await page.goto(CARD);
    await expect(page.locator(".card-qr-code")).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "card-mobile");
    consoleErrors.check();
  });
});

test.describe("the notice-board card without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: DESKTOP });

  test("renders everything, the QR code reads, and the period picker still works", async ({ page }) => {
    await page.goto(CARD);
    await expect(page.locator(".card-composite .rank-value")).toHaveText("14/20");
    await expect(page.getByRole("img", { name: "Thứ hạng điểm tổng hợp qua các kỳ" })).toBeVisible();
    expect(await readQrCode(page)).toBe(`${E2E_PUBLIC_URL}/units/11161`);
    await page.getByLabel("Kỳ", { exact: true }).selectOption("2023-Q4");
    await page.locator(".card-tools .period-picker").getByRole("button").click();
    await expect(page).toHaveURL(/\/units\/11161\/card\?period=2023-Q4$/);
    await expect(page.locator(".card-subtitle")).toHaveText("Xã · Mã 11161 · Quý 4/2023");
    expect(await printedPages(page)).toBe(1);
  });
});
