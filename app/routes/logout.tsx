import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getRequestAuth } from "~/auth/load-context";
import { logout } from "~/auth/login.server";
import { sessionClearCookie } from "~/auth/session-cookie.server";
import { getAppDb } from "~/db/setup.server";
import { getEnv } from "~/env.server";
import { readForm } from "~/http/form.server";

/** Logging out is a POST (the header's button); a GET changes nothing and goes home. */
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  // The button's form holds nothing, but a body that is not a form at all is refused like everywhere else.
  await readForm(request);
  const auth = getRequestAuth(context);
  if (auth.session) await logout(await getAppDb(), auth.session, auth.clientAddress, new Date());
  return redirect("/", { headers: { "Set-Cookie": await sessionClearCookie(getEnv()) } });
}
