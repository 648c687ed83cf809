/**
 * What the audit log records. Not in app/db/audit.server.ts because the audit page lists them in its filter
 * in the browser too, where a *.server module is an empty object.
 */
export const AUDIT_ACTIONS = [
  "login.success",
  "login.failure",
  "login.blocked",
  "logout",
  "upload.commit",
  "upload.rollback",
  "upload.restore",
  "period.publish",
  "period.withdraw",
  "user.create",
  "user.reset",
  "user.disable",
  "user.enable",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
