import { defineConfig } from "@playwright/test";
import { E2E_ACCOUNTS, E2E_SESSION_SECRET } from "./tests/e2e/accounts";
import { E2E_PORT as PORT, E2E_PUBLIC_URL, PROVINCE_PORT } from "./tests/e2e/servers";

// E2E_PORT lets two runs share a machine; each gets its own database files.
const DB = `tests/e2e/artifacts/e2e-${PORT}.duckdb`;
const PROVINCE_DATA = `tests/e2e/artifacts/province-${PROVINCE_PORT}`;
const PROVINCE_DB = `tests/e2e/artifacts/province-${PROVINCE_PORT}.duckdb`;

/**
 * E2E tests in Debian's Chromium (/usr/bin/chromium) against the real server on a fresh database seeded
 * with the sample data (and a PUBLIC_URL, so that the notice-board card draws its QR code), and a second
 * server on E2E_PORT + 1 serving a generated province (`npm run generate-province`: 170 merged units in
 * clusters, lineage, 12 quarters) for tests/e2e/province-scale.spec.ts.
 * `npm run test:e2e` builds first.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/e2e/artifacts/results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: [
    {
      command: [
        `rm -f ${DB} ${DB}.wal && mkdir -p tests/e2e/artifacts`,
        `DATABASE_PATH=${DB} npx tsx scripts/seed.ts`,
        // The accounts the upload tests sign in with (tests/e2e/accounts.ts).
        ...E2E_ACCOUNTS.map(
          (a) =>
            `printf '%s\\n' '${a.password}' | DATABASE_PATH=${DB} npx tsx scripts/user.ts add --username ${a.username} --role ${a.role}${a.unit ? ` --unit ${a.unit}` : ""} --password-stdin`,
        ),
        `DATABASE_PATH=${DB} NODE_ENV=production SESSION_SECRET=${E2E_SESSION_SECRET} PUBLIC_URL=${E2E_PUBLIC_URL} PORT=${PORT} npx tsx scripts/serve.ts`,
      ].join(" && "),
      url: `http://127.0.0.1:${PORT}/`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: [
        `rm -rf ${PROVINCE_DATA} ${PROVINCE_DB} ${PROVINCE_DB}.wal && mkdir -p tests/e2e/artifacts`,
        `npx tsx scripts/generate-province.ts --out ${PROVINCE_DATA}`,
        `DATA_DIR=${PROVINCE_DATA} DATABASE_PATH=${PROVINCE_DB} npx tsx scripts/seed.ts`,
        `DATA_DIR=${PROVINCE_DATA} DATABASE_PATH=${PROVINCE_DB} NODE_ENV=production SESSION_SECRET=${E2E_SESSION_SECRET} PORT=${PROVINCE_PORT} npx tsx scripts/serve.ts`,
      ].join(" && "),
      url: `http://127.0.0.1:${PROVINCE_PORT}/`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
