/**
 * What every e2e page check shares: no console errors, zero axe violations, nothing wider than the
 * viewport at 360 px, and a screenshot saved under tests/e2e/artifacts/screenshots (ignored by git).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Starts collecting console errors and page errors; call `check()` at the end of the test. */
export function watchConsole(page: Page): { check(): void } {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return {
    check() {
      expect(errors, "console errors").toEqual([]);
    },
  };
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} node(s) — ${v.help}\n  ${v.nodes[0]?.target.join(" ")}`);
  expect(summary, "axe violations").toEqual([]);
}

export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `tests/e2e/artifacts/screenshots/${name}.png`, fullPage: true });
}

export const MOBILE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/** Signs in through the login form, in Vietnamese. */
export async function loginAs(page: Page, account: { username: string; password: string }): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(account.username);
  await page.getByLabel("Mật khẩu").fill(account.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeVisible();
}
