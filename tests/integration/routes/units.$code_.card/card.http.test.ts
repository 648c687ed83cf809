/**
 * The notice-board card through the real server on the seeded sample: for Xã Ứng Hoè (11161) in 2024-Q4 and
 * Xã Ninh Giang (11300, formed by the merger of 2025-Q3) in 2026-Q3, in Vietnamese and English, every rank and
 * movement on the card is the one the unit page shows and `/api/rankings` gives, the trend is the composite's
 * rank of the last eight quarters, and the QR code names `PUBLIC_URL/units/CODE`; without PUBLIC_URL the card
 * says the setting is needed and still shows the ranks; wrong addresses get 404 and 400; the page cache keeps it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardMessages } from "~/i18n/card-messages";
import { startServer, type TestServer } from "../../../helpers/http-server";

let server: TestServer;

beforeAll(async () => {
  // A trailing slash, as someone may well write it: the card's address must not get a double one.
  server = await startServer({ seed: true, env: { PUBLIC_URL: "https://parboard.example.vn/" } });
});
afterAll(async () => {
  await server?.stop();
});

interface ApiRow {
  commune_code: string;
  restated: boolean;
  indicator: string;
  rank: number | null;
  ranked: number;
  previous_rank: number | null;
  previous_ranked: number | null;
  movement: number | null;
}

/** `basis=current`: today's units with their predecessors' counts combined, as a merged unit's history reads. */
async function apiRows(period: string, code: string, basis: "as_reported" | "current" = "as_reported"): Promise<ApiRow[]> {
  const res = await fetch(`${server.url}/api/rankings?period=${period}&basis=${basis}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rows: ApiRow[] };
  return body.rows.filter((r) => r.commune_code === code);
}

async function page(path: string, lang: "vi" | "en"): Promise<{ status: number; html: string; cache: string | null }> {
  const res = await fetch(`${server.url}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`, { headers: { "Accept-Encoding": "identity" } });
  return { status: res.status, html: await res.text(), cache: res.headers.get("X-Page-Cache") };
}

/** The text a reader sees in a piece of HTML: tags and React's text separators out, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The part of `html` from the first `start` to the next `end` after it. */
function slice(html: string, start: string, end: string): string {
  const i = html.indexOf(start);
  expect(i, start).toBeGreaterThanOrEqual(0);
  return html.slice(i, html.indexOf(end, i) + end.length);
}

/** The rank cell of an indicator's row in a table (the unit page's or the card's). */
function rankCell(table: string, indicator: string, cellClass: string): string {
  const row = new RegExp(`<tr[^>]*data-indicator="${indicator}"[^>]*>([\\s\\S]*?)</tr>`).exec(table)?.[1] ?? "";
  return textOf(new RegExp(`<td class="${cellClass}">([\\s\\S]*?)</td>`).exec(row)?.[1] ?? "");
}

/** What the API's row says a rank badge shows: "4/20 ▲2", "17/20 → 5/6" when the fields differ. */
function expectedBadge(row: ApiRow): string {
  if (row.rank === null) return "—";
  const now = `${row.rank}/${row.ranked}`;
  if (row.previous_rank === null || row.previous_ranked === null) return now;
  if (row.movement === null) return `${row.previous_rank}/${row.previous_ranked} → ${now}`;
  return `${now} ${row.movement > 0 ? `▲${row.movement}` : row.movement < 0 ? `▼${-row.movement}` : "–"}`;
}

const CASES = [
  { code: "11161", name: "Xã Ứng Hoè", period: "2024-Q4", basis: "as_reported", trend: ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"] },
  { code: "11300", name: "Xã Ninh Giang", period: "2026-Q3", basis: "current", trend: ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"] },
] as const;

describe.each(CASES)("the card of $name ($code) in $period", ({ code, name, period, basis, trend }) => {
  it.each(["vi", "en"] as const)("shows the ranks the unit page and the API give, in %s", async (lang) => {
    const rows = await apiRows(period, code);
    expect(rows.length).toBe(9);
    const card = await page(`/units/${code}/card?period=${period}`, lang);
    const unit = await page(`/units/${code}?period=${period}`, lang);
    expect([card.status, unit.status]).toEqual([200, 200]);
    expect(textOf(slice(card.html, "<h1", "</h1>"))).toBe(name);
    // Its own page, not the unit page with the card inside it.
    expect(card.html).not.toContain("unit-rank-table");
    const cardTable = slice(card.html, '<table class="card-rank-table"', "</table>");
    const unitTable = slice(unit.html, '<table class="unit-rank-table"', "</table>");
    for (const row of rows) {
      const shown =
        row.indicator === "composite_score" ? textOf(slice(card.html, '<p class="card-composite-rank">', "</p>")) : rankCell(cardTable, row.indicator, "card-rank-cell");
      const onUnitPage = rankCell(unitTable, row.indicator, "unit-rank-cell");
      expect(shown, row.indicator).toContain(textOf(expectedBadge(row)));
      // The words for screen readers included: the same badge as the unit page's.
      expect(shown, row.indicator).toBe(onUnitPage);
    }
  });

  it("draws the composite's rank over the last eight quarters, with its numbers as a table", async () => {
    const card = await page(`/units/${code}/card?period=${period}`, "vi");
    const table = textOf(slice(card.html, '<table class="pb-chart-table"', "</table>"));
    const expected: string[] = [];
    for (const p of trend) {
      const composite = (await apiRows(p, code, basis)).find((r) => r.indicator === "composite_score");
      // A merged unit's ranks before the merger are on its predecessors' counts, and the table says so.
      expected.push(composite?.rank === null || composite === undefined ? "—" : `${composite.rank}/${composite.ranked}${composite.restated ? " (gộp)" : ""}`);
    }
    expect(table).toContain(`Điểm tổng hợp ${expected.join(" ")}`);
    expect(card.html).toContain('aria-labelledby="card-trend-chart-title"');
  });

  it.each(["vi", "en"] as const)("carries a QR code naming the unit's page without a period, in %s", async (lang) => {
    const card = await page(`/units/${code}/card?period=${period}`, lang);
    const url = `https://parboard.example.vn/units/${code}`;
    const label = cardMessages[lang]["card.qr.label"]?.replace("{url}", url);
    expect(card.html).toContain(`<svg xmlns="http://www.w3.org/2000/svg" class="card-qr-code" role="img" aria-label="${label}"`);
    // The address under the code, allowed to wrap only before a "/".
    expect(textOf(slice(card.html, '<p class="card-qr-url">', "</p>")).replace(/ /g, "")).toBe(url);
    expect(slice(card.html, '<p class="card-qr-url">', "</p>")).toContain("<wbr/>/units");
    expect(card.html).not.toContain(cardMessages[lang]["card.qr.missing"]);
  });
});

describe("the merged unit's card", () => {
  it("marks the ranks before the merger as restated, with the quarter the unit was formed", async () => {
    const vi = await page("/units/11300/card?period=2026-Q3", "vi");
    const en = await page("/units/11300/card?period=2026-Q3", "en");
    expect(textOf(vi.html)).toContain("Thành lập quý 3/2025");
    expect(textOf(vi.html)).toContain("Thứ hạng trước quý 3/2025 tính trên số liệu các đơn vị cũ gộp lại");
    expect(textOf(en.html)).toContain("Formed Q3 2025");
  });
});

describe("the card's page", () => {
  it("is server-rendered HTML with no hydration: only public/enhance.js", async () => {
    const card = await page("/units/11161/card?period=2024-Q4", "vi");
    expect(card.html).not.toContain("__remixContext");
    expect([...card.html.matchAll(/<script\b([^>]*)>/g)].map((m) => /src="([^"]*)"/.exec(m[1] ?? "")?.[1] ?? "inline")).toEqual(["/enhance.js"]);
  });

  it("defaults to the unit's latest quarter, like the unit page: Ứng Hoè's last before the merger", async () => {
    const subtitle = async (code: string) => textOf(slice((await page(`/units/${code}/card`, "en")).html, '<p class="card-subtitle">', "</p>"));
    expect(await subtitle("11161")).toBe("Commune · Code 11161 · Q2 2025");
    expect(await subtitle("11300")).toBe("Commune · Code 11300 · Q3 2026");
  });

  it("answers an unknown unit with 404, a malformed period with 400, a period without data with 404", async () => {
    const unknown = await page("/units/99999/card", "vi");
    expect(unknown.status).toBe(404);
    expect(textOf(unknown.html)).toContain("99999");
    expect((await page("/units/abc/card", "en")).status).toBe(404);
    const bad = await page("/units/11161/card?period=2024-Q5", "en");
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain("2024-Q5");
    expect((await page("/units/11161/card?period=2024-Q4&period=2024-Q3", "vi")).status).toBe(400);
    expect((await page("/units/11161/card?period=2019-Q1", "vi")).status).toBe(404);
  });

  it("is kept by the page cache for anonymous readers: the second GET is a hit, the same bytes", async () => {
    const path = `${server.url}/units/11164/card?period=2024-Q3`;
    const first = await fetch(path, { headers: { "Accept-Encoding": "identity" } });
    const firstBody = await first.text();
    const second = await fetch(path, { headers: { "Accept-Encoding": "identity" } });
    expect(first.status).toBe(200);
    expect(second.headers.get("X-Page-Cache")).toBe("hit");
    expect(await second.text()).toBe(firstBody);
  });
});

describe("without PUBLIC_URL", () => {
  beforeAll(async () => {
    server = await server.restart({ env: { PUBLIC_URL: "" } });
  });

  it.each(["vi", "en"] as const)("says the setting is needed where the QR code would be, and still shows the ranks, in %s", async (lang) => {
    const card = await page("/units/11161/card?period=2024-Q4", lang);
    expect(card.status).toBe(200);
    const missing = cardMessages[lang]["card.qr.missing"] ?? "";
    expect(missing).toContain("PUBLIC_URL");
    expect(textOf(slice(card.html, '<p class="card-qr-missing"', "</p>"))).toBe(missing);
    expect(card.html).not.toContain("card-qr-code");
    const table = slice(card.html, '<table class="card-rank-table"', "</table>");
    const digitization = (await apiRows("2024-Q4", "11161")).find((r) => r.indicator === "digitization_rate");
    expect(digitization).toBeDefined();
    if (digitization) expect(rankCell(table, "digitization_rate", "card-rank-cell")).toContain(textOf(expectedBadge(digitization)));
  });
});
