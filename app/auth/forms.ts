/**
 * The account forms' schemas: the same zod schemas check the login form, the admin page and the CLI.
 */
import { z } from "zod";
import { ROLES } from "~/domain/roles";

export const roleSchema = z.enum(ROLES);

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Lower-case letters, digits, dot, dash and underscore: easy to type on any keyboard, no look-alike letters. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, "auth.error.username");

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, "auth.error.passwordShort")
  .max(MAX_PASSWORD_LENGTH, "auth.error.passwordLong");

export const displayNameSchema = z.string().trim().min(1, "auth.error.displayName").max(100, "auth.error.displayName");

export const unitCodeSchema = z.string().regex(/^\d{5}$/, "auth.error.unit");

export const loginFormSchema = z.object({
  // Not usernameSchema: a login form answers "wrong username or password", never "bad username format".
  username: z.string().trim().toLowerCase().min(1, "auth.error.required").max(64, "auth.error.required"),
  password: z.string().min(1, "auth.error.required").max(MAX_PASSWORD_LENGTH, "auth.error.required"),
  redirectTo: z.string().max(500).optional(),
});

export const newUserSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    unitCode: z
      .string()
      .trim()
      .transform((v) => (v === "" ? null : v))
      .pipe(unitCodeSchema.nullable())
      .optional()
      .transform((v) => v ?? null),
    password: passwordSchema,
  })
  .superRefine((u, ctx) => {
    if (u.role === "leader" && u.unitCode === null) ctx.addIssue({ code: "custom", path: ["unitCode"], message: "auth.error.leaderNeedsUnit" });
    if (u.role !== "leader" && u.unitCode !== null) ctx.addIssue({ code: "custom", path: ["unitCode"], message: "auth.error.unitOnlyForLeader" });
  });
export type NewUser = z.infer<typeof newUserSchema>;

/** A form's zod issues as message keys per field (the messages are translated by the page). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message.startsWith("auth.") ? issue.message : "auth.error.invalid";
  }
  return out;
}
