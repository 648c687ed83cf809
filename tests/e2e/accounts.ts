/**
 * The accounts the e2e server is started with (playwright.config.ts creates them with `npm run user`), and
 * its session secret. Test-only values; the e2e database is thrown away after each run.
 */
export const E2E_SESSION_SECRET = "parboard-e2e-session-secret-0123456789abcdef";

export const E2E_ACCOUNTS = [
  { username: "e2e-staff", role: "staff", unit: null, password: "staff-password-e2e" },
  { username: "e2e-leader", role: "leader", unit: "11155", password: "leader-password-e2e" },
  { username: "e2e-admin", role: "admin", unit: null, password: "admin-password-e2e" },
] as const;
