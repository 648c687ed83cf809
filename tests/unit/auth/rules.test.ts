import { describe, expect, it } from "vitest";
import { fieldErrors, newUserSchema, usernameSchema } from "~/auth/forms";
import { loginUrl, safeRedirectPath } from "~/auth/redirect";

describe("redirect after login", () => {
  it("keeps paths on this site and refuses everything else", () => {
    expect(safeRedirectPath("/compare?period=2023", "/")).toBe("/compare?period=2023");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/", "evil", "/login", "/logout?x", "/x\u0000", "", null, 3]) {
      expect(safeRedirectPath(bad, "/fallback"), String(bad)).toBe("/fallback");
    }
    expect(loginUrl("/upload")).toBe("/login?redirectTo=%2Fupload");
    expect(loginUrl("/")).toBe("/login");
  });

  it("percent-encodes what a Location header cannot carry, and refuses what normalises to another site", () => {
    // A Location header holds bytes: "Đ" (U+0110) made the login's redirect throw after the session was written.
    expect(safeRedirectPath("/units/11155?x=Đ", "/")).toBe("/units/11155?x=%C4%90");
    expect(safeRedirectPath("/đơn vị/a?q=Hà Nội#mục", "/")).toBe("/%C4%91%C6%A1n%20v%E1%BB%8B/a?q=H%C3%A0%20N%E1%BB%99i#m%E1%BB%A5c");
    expect(safeRedirectPath("/compare?period=2023&x=%C4%90", "/")).toBe("/compare?period=2023&x=%C4%90");
    // Paths that a URL parser turns into "//host" would leave the site once normalised.
    for (const bad of ["/.//evil.example", "/x/..//evil.example", "/%2e//evil.example", "/./login"]) {
      expect(safeRedirectPath(bad, "/fallback"), bad).toBe("/fallback");
    }
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
