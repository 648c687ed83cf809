import { describe, expect, it } from "vitest";
import { ROLES, can, homeFor, type Permission } from "~/domain/roles";

describe("roles", () => {
  it("grants each role exactly its permissions", () => {
    const table = Object.fromEntries(
      ROLES.map((r) => [r, (["upload", "rollback", "restore", "viewUploads", "manageUsers", "viewAudit"] as Permission[]).filter((p) => can(r, p))]),
    );
    expect(table).toEqual({
      admin: ["upload", "rollback", "restore", "viewUploads", "manageUsers", "viewAudit"],
      staff: ["upload", "rollback", "restore", "viewUploads"],
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
