/**
 * Roles and what each may do. Pure and free of zod, because the page frame of every page reads it (which
 * links to show); the server is the authority and checks the same rules.
 */
export const ROLES = ["admin", "staff", "leader"] as const;
export type Role = (typeof ROLES)[number];

/** Things a signed-in user may be allowed to do; reading the dashboard needs no permission. */
export type Permission = "upload" | "rollback" | "restore" | "viewUploads" | "manageUsers" | "viewAudit" | "viewDrafts" | "publish" | "withdraw";

// Staff roll back within a bound (app/domain/rollback-limit.ts); admins without one.
const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ["upload", "rollback", "restore", "viewUploads", "manageUsers", "viewAudit", "viewDrafts", "publish", "withdraw"],
  // Staff prepare and publish a quarter; only an admin takes a publication back (shared spec publication.md).
  staff: ["upload", "rollback", "restore", "viewUploads", "viewDrafts", "publish"],
  // Leaders follow the competition: they may see who uploaded what (transparency), but change nothing and
  // see only what was published, like the public.
  leader: ["viewUploads"],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? GRANTS[role].includes(permission) : false;
}

/** The user as pages see it (never the password hash). */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
}

/** Where a user lands after login when no page was asked for: a leader on their unit, others on the overview. */
export function homeFor(user: Pick<SessionUser, "role" | "unitCode">): string {
  return user.role === "leader" && user.unitCode ? `/units/${user.unitCode}` : "/";
}
