import { describe, expect, it } from "vitest";
import { checkRequestOrigin } from "~/auth/csrf";
import { fieldErrors, newUserSchema, usernameSchema } from "~/auth/forms";
import { loginUrl, safeRedirectPath } from "~/auth/redirect";
import { ROLES, can, homeFor, type Permission } from "~/auth/roles";
import { contentSecurityPolicy, securityHeaders } from "~/auth/security-headers";
import { LOGIN_LIMITS, waitFor } from "~/db/login-attempts.server";

describe("roles", () => {
  it("grants each role exactly its permissions", () => {
    const table = Object.fromEntries(
      ROLES.map((r) => [r, (["upload", "rollback", "viewUploads", "manageUsers", "viewAudit"] as Permission[]).filter((p) => can(r, p))]),
    );
    expect(table).toEqual({
      admin: ["upload", "rollback", "viewUploads", "manageUsers", "viewAudit"],
      staff: ["upload", "rollback", "viewUploads"],
      leader: ["viewUploads"],
    });
    expect(can(null, "viewUploads")).toBe(false);
  });
  it("lands a leader on their unit and everyone else on the overview", () => {
    expect(homeFor({ role: "leader", unitCode: "11155" })).toBe("/units/11155");
    expect(homeFor({ role: "staff", unitCode: null })).toBe("/");
    expect(homeFor({ role: "admin", unitCode: null })).toBe("/");
  });
});

describe("redirect after login", () => {
  it("keeps paths on this site and refuses everything else", () => {
    expect(safeRedirectPath("/compare?period=2023", "/")).toBe("/compare?period=2023");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/", "evil", "/login", "/logout?x", "/x\u0000", "", null, 3]) {
      expect(safeRedirectPath(bad, "/fallback"), String(bad)).toBe("/fallback");
    }
    expect(loginUrl("/upload")).toBe("/login?redirectTo=%2Fupload");
    expect(loginUrl("/")).toBe("/login");
  });
});

describe("cross-site requests", () => {
  const host = "127.0.0.1:3000";
  it("lets reads through and refuses writes that name another site", () => {
    expect(checkRequestOrigin({ method: "GET", origin: "https://evil.example", secFetchSite: "cross-site", host }).ok).toBe(true);
    expect(checkRequestOrigin({ method: "POST", origin: "http://127.0.0.1:3000", secFetchSite: "same-origin", host }).ok).toBe(true);
    expect(checkRequestOrigin({ method: "POST", origin: "https://evil.example", secFetchSite: undefined, host }).ok).toBe(false);
    expect(checkRequestOrigin({ method: "POST", origin: undefined, secFetchSite: "cross-site", host }).ok).toBe(false);
    expect(checkRequestOrigin({ method: "POST", origin: undefined, secFetchSite: "same-site", host }).ok).toBe(false);
    expect(checkRequestOrigin({ method: "POST", origin: "null", secFetchSite: undefined, host }).ok).toBe(false);
    expect(checkRequestOrigin({ method: "DELETE", origin: "http://127.0.0.1:3001", secFetchSite: undefined, host }).ok).toBe(false);
    // Neither header: not a browser page (curl, a script); it still needs its own session to change anything.
    expect(checkRequestOrigin({ method: "POST", origin: undefined, secFetchSite: undefined, host }).ok).toBe(true);
  });
});

describe("security headers", () => {
  it("allows scripts only from this site or with the nonce, and no framing", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const headers = securityHeaders("abc123", false);
    expect(headers).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin" });
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("abc123", true)["Strict-Transport-Security"]).toMatch(/max-age=/);
  });
});

describe("login limit arithmetic", () => {
  const minute = 60_000;
  const limit = LOGIN_LIMITS.account;
  it("waits until the fifth most recent failure leaves the window", () => {
    const now = 100 * minute;
    expect(waitFor([], limit, now)).toBe(0);
    expect(waitFor([now - 1, now - 2, now - 3, now - 4], limit, now)).toBe(0);
    const five = [now - 1 * minute, now - 2 * minute, now - 3 * minute, now - 4 * minute, now - 10 * minute];
    expect(waitFor(five, limit, now)).toBe(5 * minute);
    // Failures older than the window do not count.
    expect(waitFor([now - minute, now - minute, now - minute, now - minute, now - 20 * minute], limit, now)).toBe(0);
  });
});

describe("account forms", () => {
  it("normalises usernames and refuses odd ones", () => {
    expect(usernameSchema.parse("  NguyenVanAn ")).toBe("nguyenvanan");
    for (const bad of ["a", "-an", "an an", "nguyễn", "x".repeat(33)]) expect(usernameSchema.safeParse(bad).success, bad).toBe(false);
  });
  it("ties leaders, and only leaders, to a unit", () => {
    const base = { username: "an", displayName: "An", password: "long-enough-1" };
    expect(newUserSchema.parse({ ...base, role: "leader", unitCode: "11155" }).unitCode).toBe("11155");
    expect(newUserSchema.parse({ ...base, role: "staff", unitCode: "" }).unitCode).toBeNull();
    const noUnit = newUserSchema.safeParse({ ...base, role: "leader", unitCode: "" });
    expect(noUnit.success ? {} : fieldErrors(noUnit.error)).toEqual({ unitCode: "auth.error.leaderNeedsUnit" });
    const staffUnit = newUserSchema.safeParse({ ...base, role: "staff", unitCode: "11155" });
    expect(staffUnit.success ? {} : fieldErrors(staffUnit.error)).toEqual({ unitCode: "auth.error.unitOnlyForLeader" });
    const short = newUserSchema.safeParse({ ...base, role: "staff", password: "short" });
    expect(short.success ? {} : fieldErrors(short.error)).toEqual({ password: "auth.error.passwordShort" });
  });
});
