/**
 * Publication in Chromium, with and without JavaScript: staff upload a correction, readers still see the
 * published figures, staff publish the quarter again from the publish page, readers see the new version with the
 * corrected rank marked, an admin withdraws it with a reason. Each test leaves the database as it found it
 * (the correction rolled back, the new version withdrawn), since the other specs share the server.
 * Every dashboard view shows its download links, and they answer with the files they name.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { z } from "zod";
import { E2E_ACCOUNTS } from "./accounts";
import { DESKTOP, MOBILE, expectNoAxeViolations, expectNoHorizontalOverflow, loginAs, saveScreenshot, watchConsole } from "./helpers";

const [STAFF, , ADMIN] = E2E_ACCOUNTS;
const CORRECTION = "tests/fixtures/upload/correction-2024-Q4.csv";

const apiSchema = z.object({
  status: z.string(),
  publication: z.number().nullable(),
  rows: z.array(z.object({ commune_code: z.string(), indicator: z.string(), numerator: z.number().nullable() })),
});

/** What an anonymous reader gets from the API for Xã Ứng Hoè's digitised dossiers in 2024-Q4. */
async function publicFigure(browser: Browser): Promise<{ publication: number | null; numerator: number | null | undefined }> {
  const reader = await browser.newContext();
  const res = await reader.request.get("/api/rankings?period=2024-Q4&indicator=digitization_rate");
  const body = apiSchema.parse(await res.json());
  await reader.close();
  return { publication: body.publication, numerator: body.rows.find((r) => r.commune_code === "11161")?.numerator };
}

/** Uploads the correction as staff; with JavaScript the browser previews it, without it the server does. */
async function uploadCorrection(page: Page, js: boolean): Promise<string> {
  await page.goto("/upload");
  await page.getByLabel("Tệp báo cáo (CSV)").setInputFiles(CORRECTION);
  if (!js) await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.getByRole("row", { name: /Xã Ứng Hoè/ })).toContainText("537 → 626");
  await page.getByRole("button", { name: "Lưu dữ liệu" }).click();
  await expect(page).toHaveURL(/\/uploads\?done=\d+$/);
  const id = /done=(\d+)/.exec(page.url())?.[1];
  expect(id).toBeDefined();
  return id ?? "";
}

/** Puts the shared database back: the admin withdraws version 2, staff roll the correction back. */
async function restore(browser: Browser, uploadId: string, version: number, js: boolean): Promise<void> {
  const context = await browser.newContext({ javaScriptEnabled: js });
  const admin = await context.newPage();
  await loginAs(admin, ADMIN);
  await admin.goto("/publish");
  const row = admin.getByRole("row", { name: /Quý 4\/2024/ });
  await row.getByLabel("Lý do thu hồi").fill("thử nghiệm e2e: trả lại bản cũ");
  await row.getByRole("button", { name: `Thu hồi phiên bản ${version}` }).click();
  await expect(admin.getByText(`Đã thu hồi phiên bản ${version} của Quý 4/2024.`)).toBeVisible();
  await admin.goto(`/uploads/${uploadId}/rollback`);
  await admin.getByRole("button", { name: `Hoàn tác lần tải #${uploadId}` }).click();
  await expect(admin.getByText(`Đã hoàn tác lần tải #${uploadId}`)).toBeVisible();
  await context.close();
  expect(await publicFigure(browser)).toEqual({ publication: 1, numerator: 537 });
}

/** Publishes 2024-Q4 again from the publish page; the new version's number (versions are never reused). */
async function publishAgain(page: Page): Promise<number> {
  await page.goto("/publish");
  const row = page.getByRole("row", { name: /Quý 4\/2024/ });
  await expect(row).toContainText("Có số liệu sửa chưa công bố");
  await row.getByRole("button", { name: "Công bố lại Quý 4/2024" }).click();
  const done = page.getByText(/^Đã công bố Quý 4\/2024, phiên bản \d+\./);
  await expect(done).toBeVisible();
  const version = Number(/phiên bản (\d+)/.exec((await done.textContent()) ?? "")?.[1]);
  expect(version).toBeGreaterThanOrEqual(2);
  return version;
}

test.describe("with JavaScript", () => {
  test("a correction reaches readers only when staff publish the quarter again, marked as corrected", async ({ page, browser }) => {
    const console = watchConsole(page);
    await page.setViewportSize(DESKTOP);
    expect(await publicFigure(browser)).toEqual({ publication: 1, numerator: 537 });
    await loginAs(page, STAFF);
    const uploadId = await uploadCorrection(page, true);
    // Readers still see version 1; staff see the draft, marked.
    expect(await publicFigure(browser)).toEqual({ publication: 1, numerator: 537 });
    await page.goto("/?period=2024-Q4");
    await expect(page.getByRole("note").filter({ hasText: "Bản nháp:" })).toBeVisible();

    await page.getByRole("link", { name: "Công bố…" }).click();
    await expect(page.getByRole("heading", { name: "Công bố kết quả xếp hạng" })).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "publish-desktop");
    await page.setViewportSize(MOBILE);
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, "publish-mobile");
    await page.setViewportSize(DESKTOP);
    const version = await publishAgain(page);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Xem bảng xếp hạng quý 4/2024" }).click();
    await expect(page).toHaveURL(/\/\?period=2024-Q4$/);

    expect(await publicFigure(browser)).toEqual({ publication: version, numerator: 626 });
    const reader = await browser.newPage();
    await reader.goto("/units/11161?period=2024-Q4");
    await expect(reader.getByText(/đính chính ngày \d{2}\/\d{2}\/\d{4}; trước đó \d+\/20/).first()).toBeVisible();
    await reader.close();

    await restore(browser, uploadId, version, true);
    console.check();
  });

  test("every dashboard view links its Excel and CSV downloads, and they are the files they name", async ({ page }) => {
    const console = watchConsole(page);
    await page.setViewportSize(DESKTOP);
    for (const path of ["/", "/units/11161", "/compare?units=11155,11161", "/contest"]) {
      await page.goto(path);
      const pack = page.getByRole("navigation", { name: "Tải về kết quả xếp hạng" });
      const xlsx = pack.getByRole("link", { name: "Excel (.xlsx)" });
      const wide = pack.getByRole("link", { name: "CSV cho Excel tiếng Việt" });
      await expect(xlsx, path).toBeVisible();
      await expect(wide, path).toBeVisible();
      const book = await page.request.get((await xlsx.getAttribute("href")) ?? "");
      expect(book.status(), path).toBe(200);
      expect(book.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      // An .xlsx is a zip file: it starts with "PK".
      expect((await book.body()).subarray(0, 2).toString("latin1")).toBe("PK");
      const csv = await page.request.get((await wide.getAttribute("href")) ?? "");
      expect(csv.status(), path).toBe(200);
      expect((await csv.text()).split("\n")[0]).toContain(";");
    }
    // The contest page's links name its year.
    await expect(page.getByRole("link", { name: "Excel (.xlsx)" })).toHaveAttribute("href", /period=2026&/);
    console.check();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same publication works through plain forms", async ({ page, browser }) => {
    await page.setViewportSize(DESKTOP);
    await loginAs(page, STAFF);
    const uploadId = await uploadCorrection(page, false);
    expect(await publicFigure(browser)).toEqual({ publication: 1, numerator: 537 });
    const version = await publishAgain(page);
    await saveScreenshot(page, "publish-done-nojs-desktop");
    expect(await publicFigure(browser)).toEqual({ publication: version, numerator: 626 });
    await restore(browser, uploadId, version, false);
  });
});
