/**
 * `tsx scripts/snapshot-pages.ts OUT_DIR`: saves every page of the seeded demo (anonymous, staff and admin
 * views, both languages) as the real server sends it, for comparing the HTML before and after a change
 * that should not alter what readers get (a refactor). `--compare A B` prints the pages that differ once
 * what changes from run to run (nonces, tokens, upload times) is masked. Needs a build (`npm run build`).
 */
import fs from "node:fs";
import path from "node:path";
import { USERS, ALL_USERS, login } from "../tests/helpers/http-client";
import { startServer } from "../tests/helpers/http-server";

const PUBLIC_PATHS = [
  "/",
  "/?period=2023",
  "/?period=2023-Q3&indicator=online_payment_rate",
  "/?period=2024-Q2&indicator=contest_entries",
  "/?period=1999-Q1",
  "/?period=bad",
  "/units/11155",
  "/units/11155?period=2023&indicator=online_rate",
  "/units/11218?period=2024-Q3",
  "/units/99999",
  "/compare",
  "/compare?units=11155,11161,11164",
  "/compare?units=11155,11161&period=2023",
  "/contest",
  "/contest?year=2023",
  "/data",
  "/login",
  "/api/rankings?period=2024-Q4",
  "/api/rankings?period=2023&indicator=composite",
  "/export/rankings.csv?period=2024-Q4",
  "/template.csv",
];
const STAFF_PATHS = ["/", "/upload", "/uploads", "/uploads/1/rollback"];
const ADMIN_PATHS = ["/admin/users", "/admin/users/staff1", "/admin/audit"];

function fileName(who: string, lang: string, p: string): string {
  return `${who}-${lang}-${p.replace(/[^a-zA-Z0-9]+/g, "_")}.txt`;
}

/** What differs between two runs of the same data: nonces, CSRF and preview tokens, times of day. */
function mask(text: string): string {
  return text
    .replace(/nonce="[^"]*"/g, 'nonce="N"')
    .replace(/name="(csrf|token)" value="[^"]*"/g, 'name="$1" value="T"')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g, "TIME")
    .replace(/\b\d{1,2}:\d{2}(:\d{2})?\b/g, "HH:MM")
    // Built assets are named by their content hash: a moved module changes the name, not the page.
    .replace(/\/build\/[\w.$/-]+-[A-Z0-9]{8}\.(js|css)/g, "/build/ASSET")
    .replace(/"version":\s*"[0-9a-f]{8}"/g, '"version": "V"');
}

async function snapshot(out: string): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const server = await startServer({ seed: true, users: ALL_USERS });
  try {
    const staff = await login(server, USERS.staff.username, USERS.staff.password);
    const admin = await login(server, USERS.admin.username, USERS.admin.password);
    const views: [string, string | undefined, string[]][] = [
      ["anon", undefined, PUBLIC_PATHS],
      ["staff", staff, STAFF_PATHS],
      ["admin", admin, ADMIN_PATHS],
    ];
    for (const [who, cookie, paths] of views) {
      for (const lang of ["vi", "en"]) {
        for (const p of paths) {
          const res = await fetch(`${server.url}${p}`, {
            redirect: "manual",
            headers: { Cookie: [cookie, `parboard_lang=${lang}`].filter(Boolean).join("; ") },
          });
          const body = Buffer.from(await res.arrayBuffer());
          fs.writeFileSync(path.join(out, fileName(who, lang, p)), Buffer.concat([Buffer.from(`HTTP ${res.status}\n`), body]));
        }
      }
    }
    console.log(`saved ${fs.readdirSync(out).length} pages to ${out}`);
  } finally {
    await server.stop();
  }
}

/** NUL bytes React 18's streaming renderer left at its buffer boundaries (removed by app/http/). */
function nulCount(text: string): number {
  return text.split("\0").length - 1;
}

function compare(a: string, b: string): number {
  let differ = 0;
  let nulsLeft = 0;
  let nulsRight = 0;
  for (const name of fs.readdirSync(a).sort()) {
    const other = path.join(b, name);
    if (!fs.existsSync(other)) {
      console.log(`only in ${a}: ${name}`);
      differ++;
      continue;
    }
    const rawLeft = fs.readFileSync(path.join(a, name), "utf8");
    const rawRight = fs.readFileSync(other, "utf8");
    nulsLeft += nulCount(rawLeft);
    nulsRight += nulCount(rawRight);
    // React inserted the NUL bytes between whole characters: compare without them.
    const left = mask(rawLeft.replace(/\0/g, "").replace(/\uFFFD/g, ""));
    const right = mask(rawRight.replace(/\0/g, "").replace(/\uFFFD/g, ""));
    if (left !== right) {
      console.log(`differs: ${name}`);
      differ++;
    }
  }
  console.log(`${differ} of ${fs.readdirSync(a).length} pages differ (NUL bytes removed first: ${nulsLeft} in ${a}, ${nulsRight} in ${b})`);
  return differ;
}

const [first, second, third] = process.argv.slice(2);
if (first === "--compare" && second && third) {
  process.exitCode = compare(second, third) > 0 ? 1 : 0;
} else if (first) {
  await snapshot(first);
} else {
  console.error("usage: tsx scripts/snapshot-pages.ts OUT_DIR | --compare DIR_A DIR_B");
  process.exitCode = 2;
}
