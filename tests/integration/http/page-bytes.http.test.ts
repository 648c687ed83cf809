/**
 * Every page, as the real server sends it, is clean UTF-8: no NUL byte and no U+FFFD replacement character.
 * React 18.3's Node renderer left NUL bytes where a Vietnamese character crossed its 2,048-byte buffer
 * (app/http/unwritten-bytes.server.ts); where a page's multi-byte characters fall depends on its length, so
 * every page is read in both languages at district scale (the sample) and at province scale (168 units).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../helpers/http-server";
import { makeSyntheticDataDir, type SyntheticDataDir } from "../../helpers/synthetic-data-dir";
import { USERS, login } from "../../helpers/http-client";

interface Page {
  path: string;
  status: number;
  staff?: boolean;
}

function pagesFor(units: [string, string, string]): Page[] {
  const [a, b, c] = units;
  return [
    { path: "/", status: 200 },
    { path: "/?period=2023", status: 200 },
    { path: "/?period=2023-Q3&indicator=online_payment_rate", status: 200 },
    { path: "/?period=2024-Q2&indicator=contest_entries", status: 200 },
    { path: `/units/${a}`, status: 200 },
    { path: `/units/${a}?period=2023&indicator=online_rate`, status: 200 },
    { path: `/units/${b}?period=2024-Q3`, status: 200 },
    { path: `/units/${c}?period=2022`, status: 200 },
    { path: `/units/${c}?period=2023-Q1&indicator=satisfaction_rate`, status: 200 },
    { path: "/compare", status: 200 },
    { path: `/compare?units=${a},${b},${c}`, status: 200 },
    { path: `/compare?units=${a},${b}&period=2023`, status: 200 },
    { path: "/contest", status: 200 },
    { path: "/contest?year=2023", status: 200 },
    { path: "/data", status: 200 },
    { path: "/login", status: 200 },
    { path: "/units/99999", status: 404 },
    { path: "/?period=bad", status: 400 },
    { path: `/units/${a}?period=bad`, status: 400 },
    { path: "/upload", status: 200, staff: true },
    { path: "/uploads", status: 200, staff: true },
  ];
}

const NUL = 0x00;
const REPLACEMENT = Buffer.from("\uFFFD", "utf8");

/** What is wrong with the bytes of a response, or null. */
function badBytes(bytes: Buffer): string | null {
  const nul = bytes.indexOf(NUL);
  if (nul >= 0) return `NUL byte at offset ${nul} (${bytes.filter((b) => b === NUL).length} in all)`;
  const fffd = bytes.indexOf(REPLACEMENT);
  if (fffd >= 0) return `U+FFFD at offset ${fffd}`;
  return null;
}

/** Reads every page in both languages; the cookie chooses the language, except where `?lang=` does. */
function describeScale(name: string, setup: () => Promise<{ server: TestServer; units: [string, string, string] }>) {
  describe(`at ${name} scale`, () => {
    let server: TestServer;
    let units: [string, string, string];
    let staff: string;
    beforeAll(async () => {
      ({ server, units } = await setup());
      staff = await login(server, USERS.staff.username, USERS.staff.password);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("sends every page, in Vietnamese and English, without NUL bytes or U+FFFD", async () => {
      const problems: string[] = [];
      let pageBytes = 0;
      for (const page of pagesFor(units)) {
        for (const lang of ["vi", "en"] as const) {
          for (const via of ["cookie", "query"] as const) {
            // `?lang=` goes through the same code on every page: the home page is enough to try it.
            if (via === "query" && page.path !== "/") continue;
            const url = via === "query" ? `${page.path}${page.path.includes("?") ? "&" : "?"}lang=${lang}` : page.path;
            const cookie = [page.staff ? staff : "", via === "cookie" ? `parboard_lang=${lang}` : ""].filter(Boolean).join("; ");
            const res = await fetch(`${server.url}${url}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
            const bytes = Buffer.from(await res.arrayBuffer());
            pageBytes += bytes.byteLength;
            if (res.status !== page.status) problems.push(`${lang} ${url}: HTTP ${res.status}, expected ${page.status}`);
            if (!res.headers.get("content-type")?.startsWith("text/html")) problems.push(`${lang} ${url}: ${res.headers.get("content-type")}`);
            const bad = badBytes(bytes);
            if (bad) problems.push(`${lang} ${url}: ${bad}`);
          }
        }
      }
      expect(problems).toEqual([]);
      // The pages are many times React's 2,048-byte buffer, so the check crosses many buffer ends.
      expect(pageBytes).toBeGreaterThan(100 * 2048);
    }, 120_000);
  });
}

describeScale("district", async () => ({
  server: await startServer({ seed: true, users: [USERS.staff] }),
  units: ["11155", "11161", "11218"],
}));

let province: SyntheticDataDir | undefined;
afterAll(() => province?.remove());

describeScale("province", async () => {
  province = makeSyntheticDataDir(168, [2022, 2023, 2024]);
  const codes = province.units.map((u) => u.code);
  return {
    server: await startServer({ seed: true, users: [USERS.staff], dataDir: province.dir }),
    units: [codes[0] ?? "", codes[83] ?? "", codes[167] ?? ""],
  };
});
