/**
 * Role checks for loaders and actions: anonymous readers are sent to the login page (and come back
 * afterwards), signed-in users without the permission get 403.
 */
import { redirect } from "@remix-run/node";
import { getRequestAuth } from "./load-context";
import { loginUrl } from "./redirect";
import { can, type Permission, type SessionUser } from "~/domain/roles";

export function getSessionUser(context: unknown): SessionUser | null {
  return getRequestAuth(context).session?.user ?? null;
}

export function requireUser(request: Request, context: unknown): SessionUser {
  const user = getSessionUser(context);
  if (user) return user;
  const url = new URL(request.url);
  // Remix's own parameters (`_data` of a client-side navigation) are not part of the page to come back to.
  url.searchParams.delete("_data");
  url.searchParams.delete("index");
  throw redirect(loginUrl(`${url.pathname}${url.search}`), { headers: { "Cache-Control": "no-store" } });
}

export function requirePermission(request: Request, context: unknown, permission: Permission): SessionUser {
  const user = requireUser(request, context);
  if (!can(user.role, permission)) throw new Response("forbidden", { status: 403, headers: { "Cache-Control": "no-store" } });
  return user;
}
