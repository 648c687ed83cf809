/**
 * What every e2e page check shares: no console errors, zero axe violations, nothing wider than the
 * viewport at 360 px, no chart labels printed over each other, a screenshot saved under
 * tests/e2e/artifacts/screenshots (ignored by git), and the overview's search box and leaderboard bars.
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

/** The search box of a long ranking (app/components/list-nav.tsx), as a reader names it. */
export const SEARCH_LABEL = "Tìm đơn vị (tên hoặc mã)";

/** Searches a ranking by name or code through its form, as a reader does. */
export async function searchList(page: Page, text: string): Promise<void> {
  await page.getByRole("searchbox", { name: SEARCH_LABEL }).fill(text);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
}

/** The overview leaderboard's bars (links named "unit: rank") in the wide drawing. */
export function leaderboardBars(page: Page) {
  return page.locator("#ov-lb-wide a.pb-link");
}

/**
 * No two labels (<text>) of the SVG overlap on screen, and no label runs into a bar (`rect.pb-bar`):
 * bounding boxes compared, less half a pixel for the glyphs' side bearings. A rank such as "168/170", a
 * movement "▼117" printed over a unit's name, or a long name under its bar, fails. Returns how many labels
 * were compared, so a test can also say the chart had labels to compare.
 */
export async function expectNoOverlappingText(page: Page, svgSelector: string): Promise<number> {
  const result = await page.locator(svgSelector).evaluate((svg) => {
    const boxesOf = (selector: string) =>
      [...svg.querySelectorAll(selector)]
        .map((el) => ({ text: el.textContent?.trim() || "a bar", box: el.getBoundingClientRect() }))
        .filter((t) => t.text !== "" && t.box.width > 0 && t.box.height > 0);
    const labels = boxesOf("text");
    const bars = boxesOf("rect.pb-bar");
    const slack = 0.5;
    const overlaps: string[] = [];
    const check = (a: (typeof labels)[number], b: (typeof labels)[number]) => {
      const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (x > slack && y > slack) overlaps.push(`“${a.text}” over “${b.text}” (${x.toFixed(1)}×${y.toFixed(1)} px)`);
    };
    labels.forEach((a, i) => {
      for (const b of labels.slice(i + 1)) check(a, b);
      for (const bar of bars) check(a, bar);
    });
    return { count: labels.length, overlaps };
  });
  expect(result.overlaps, `overlapping labels in ${svgSelector}`).toEqual([]);
  return result.count;
}
