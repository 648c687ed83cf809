/**
 * Staff upload in Chromium, with and without JavaScript: a bad file's errors by line (nothing saved), a
 * good file's changes, commit, the new ranks, rollback. A leader cannot reach the page. Every page checked
 * with axe and for console errors; screenshots in tests/e2e/artifacts/screenshots.
 */
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { z } from "zod";
import { E2E_ACCOUNTS } from "./accounts";
import { DESKTOP, MOBILE, expectNoAxeViolations, expectNoHorizontalOverflow, loginAs, saveScreenshot, watchConsole } from "./helpers";

const [STAFF, LEADER] = E2E_ACCOUNTS;
const FIXTURES = "tests/fixtures/upload";

const rankingSchema = z.object({ rows: z.array(z.object({ commune_code: z.string(), rank: z.number().nullable(), numerator: z.number().nullable() })) });

/** Digitisation rank and numerator of a unit in 2024-Q4, from the API every other program reads. */
async function digitisation(page: Page, code: string): Promise<{ rank: number | null; numerator: number | null }> {
  const res = await page.request.get("/api/rankings?period=2024-Q4&indicator=digitization_rate");
  const row = rankingSchema.parse(await res.json()).rows.find((r) => r.commune_code === code);
  return { rank: row?.rank ?? null, numerator: row?.numerator ?? null };
}

/** Rolls back the upload just committed (its id is in the URL), through the confirmation page. */
async function rollBack(page: Page, options: { axe: boolean }): Promise<void> {
  const id = /done=(\d+)/.exec(page.url())?.[1];
  expect(id).toBeDefined();
  await page.getByRole("link", { name: `Hoàn tác lần tải #${id}` }).click();
  await expect(page.getByRole("heading", { name: `Hoàn tác lần tải #${id}` })).toBeVisible();
  if (options.axe) await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Hoàn tác lần tải #${id}` }).click();
  await expect(page.getByText(`Đã hoàn tác lần tải #${id}`)).toBeVisible();
}

test.describe("with JavaScript", () => {
  test("a staff member checks a bad file, then commits a good one, sees the new ranks, and rolls it back", async ({ page }) => {
    const console = watchConsole(page);
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(new URL(w.url()).pathname));
    await page.setViewportSize(DESKTOP);
    await loginAs(page, STAFF);
    const before = await digitisation(page, "11161");
    expect(before.numerator).toBe(537);

    await page.getByRole("link", { name: "Tải lên", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Tải lên báo cáo quý" })).toBeVisible();
    await page.getByLabel("Tệp báo cáo (CSV)").setInputFiles(`${FIXTURES}/errors-2024-Q4.csv`);
    await expect(page.getByRole("heading", { name: "Lỗi (3)" })).toBeVisible();
    // The browser checked the file in the ingest Web Worker, not on the page's thread.
    expect(workers).toEqual([expect.stringMatching(/^\/build\/ingest-worker-[A-Za-z0-9]+\.js$/)]);
    const errors = page.getByRole("table", { name: "Các lỗi trong tệp, theo dòng và cột" });
    await expect(errors.getByRole("row")).toHaveCount(4);
    await expect(errors.getByRole("row").nth(1)).toContainText("3dossiers_digitized12,5Cần một số nguyên ≥ 0");
    await expect(errors.getByRole("row").nth(2)).toContainText("4commune_code99999Mã đơn vị không có trong danh mục");
    await expect(errors.getByRole("row").nth(3)).toContainText("5dossiers_online900");
    await expect(page.getByRole("link", { name: "Tải danh sách lỗi (CSV)" })).toHaveAttribute("download", "loi-errors-2024-Q4.csv");
    await expect(page.getByRole("button", { name: "Lưu dữ liệu" })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "upload-errors-desktop");
    expect(await digitisation(page, "11161")).toEqual(before);

    await page.getByLabel("Tệp báo cáo (CSV)").setInputFiles(`${FIXTURES}/correction-2024-Q4.csv`);
    await expect(page.getByRole("heading", { name: "Những gì sẽ thay đổi" })).toBeVisible();
    await expect(page.getByText("UTF-8 (có BOM)")).toBeVisible();
    await expect(page.getByText("dấu chấm phẩy (;)")).toBeVisible();
    await expect(page.getByRole("row", { name: /Xã Ứng Hoè/ })).toContainText("Số hồ sơ được số hóa: 537 → 626");
    await expect(page.getByRole("row", { name: /Thị trấn Ninh Giang/ }).last()).toContainText("Không đổi");
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "upload-preview-desktop");
    await page.setViewportSize(MOBILE);
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, "upload-preview-mobile");
    await page.setViewportSize(DESKTOP);
    expect(await digitisation(page, "11161")).toEqual(before);

    await page.getByRole("button", { name: "Lưu dữ liệu" }).click();
    await expect(page).toHaveURL(/\/uploads\?done=\d+$/);
    await expect(page.getByText(/Đã lưu lần tải #\d+ \(correction-2024-Q4\.csv\): 3 dòng, 3 đơn vị\./)).toBeVisible();
    expect(await digitisation(page, "11161")).toEqual({ rank: 1, numerator: 626 });
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "uploads-desktop");
    await page.setViewportSize(MOBILE);
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, "uploads-mobile");
    await page.setViewportSize(DESKTOP);

    await rollBack(page, { axe: true });
    expect(await digitisation(page, "11161")).toEqual(before);
    console.check();
  });

  test("a dropped file whose unit name is HTML is shown as text, and nothing runs", async ({ page }) => {
    const console = watchConsole(page);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await loginAs(page, STAFF);
    await page.goto("/upload");
    await expect(page.getByText("Có thể kéo thả tệp vào ô này.")).toBeVisible();
    const content = fs.readFileSync(`${FIXTURES}/html-name-2024-Q4.csv`, "utf8");
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "html-name-2024-Q4.csv", { type: "text/csv" }));
      return dt;
    }, content);
    await page.locator(".drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
    await expect(page.getByRole("heading", { name: "Cảnh báo (1)" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Các cảnh báo trong tệp, theo dòng và cột" })).toContainText("<img src=x onerror=alert(1)>");
    expect(await page.locator(".upload-page img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    console.check();
  });

  test("the login page: a wrong password is told plainly; axe and screenshots", async ({ page }) => {
    const console = watchConsole(page);
    await page.setViewportSize(DESKTOP);
    await page.goto("/login");
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "login-desktop");
    // Checked before the wrong password: Chromium logs the login's 401 answer as a failed resource load.
    console.check();
    await page.getByLabel("Tên đăng nhập").fill("nobody-e2e");
    await page.getByLabel("Mật khẩu").fill("wrong-password");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
    await expectNoAxeViolations(page);
    await page.setViewportSize(MOBILE);
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, "login-mobile");
  });

  test("a leader lands on their unit and cannot reach the upload page", async ({ page }) => {
    await loginAs(page, LEADER);
    await expect(page).toHaveURL(/\/units\/11155$/);
    await expect(page.getByRole("link", { name: "Tải lên", exact: true })).toHaveCount(0);
    const res = await page.goto("/upload");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Không có quyền truy cập" })).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same upload works through the server's preview and a commit button", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await loginAs(page, STAFF);
    const before = await digitisation(page, "11161");
    await page.goto("/upload");
    await expect(page.getByText("Có thể kéo thả tệp vào ô này.")).toHaveCount(0);

    await page.getByLabel("Tệp báo cáo (CSV)").setInputFiles(`${FIXTURES}/errors-2024-Q4.csv`);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect(page.getByRole("heading", { name: "Lỗi (3)" })).toBeVisible();
    const errors = page.getByRole("table", { name: "Các lỗi trong tệp, theo dòng và cột" });
    await expect(errors.getByRole("row").nth(1)).toContainText("3dossiers_digitized12,5");
    await expect(errors.getByRole("row").nth(2)).toContainText("4commune_code99999");
    await expect(errors.getByRole("row").nth(3)).toContainText("5dossiers_online900");
    await expect(page.getByRole("button", { name: "Lưu dữ liệu" })).toHaveCount(0);
    expect(await digitisation(page, "11161")).toEqual(before);

    await page.getByLabel("Tệp báo cáo (CSV)").setInputFiles(`${FIXTURES}/correction-2024-Q4.csv`);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect(page.getByRole("row", { name: /Xã Ứng Hoè/ })).toContainText("Số hồ sơ được số hóa: 537 → 626");
    await expect(page.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
    // No axe here: it runs inside the page, which has JavaScript off; the same markup is checked above.
    await saveScreenshot(page, "upload-preview-nojs-desktop");
    await page.getByRole("button", { name: "Lưu dữ liệu" }).click();
    await expect(page).toHaveURL(/\/uploads\?done=\d+$/);
    expect(await digitisation(page, "11161")).toEqual({ rank: 1, numerator: 626 });

    await rollBack(page, { axe: false });
    expect(await digitisation(page, "11161")).toEqual(before);
  });
});
