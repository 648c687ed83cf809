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
