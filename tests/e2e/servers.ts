/**
 * Where the e2e servers listen (playwright.config.ts starts both): the sample district on E2E_PORT, and a
 * generated province (scripts/bench/province.ts: 170 merged units in 7 clusters, 12 quarters) on the
 * port after it, each with a database file of its own, so two runs with different E2E_PORTs share a machine.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3199);
export const PROVINCE_PORT = E2E_PORT + 1;
export const PROVINCE_URL = `http://127.0.0.1:${PROVINCE_PORT}`;

/** The sample server's PUBLIC_URL: the notice-board card's QR code names `${E2E_PUBLIC_URL}/units/CODE`. */
export const E2E_PUBLIC_URL = "https://parboard.example.vn";
