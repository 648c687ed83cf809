import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AccessErrorBoundary } from "~/auth/access-error";
import { readForm } from "~/http/form.server";
import { passThroughHeaders } from "~/http/route-headers";
import { loginFormSchema } from "~/auth/forms";
import { getRequestAuth } from "~/auth/load-context";
import { attemptLogin } from "~/auth/login.server";
import { safeRedirectPath } from "~/auth/redirect";
import { homeFor } from "~/domain/roles";
import { sessionSetCookie } from "~/auth/session-cookie.server";
import { getAppDb } from "~/db/setup.server";
import { deleteSession } from "~/db/sessions.server";
import { getEnv } from "~/env.server";
import { getLang } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";

/** A plain form that works without JavaScript: no hydration (docs/decisions/007). */
export const handle = { hydrate: false };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session } = getRequestAuth(context);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (session) throw redirect(safeRedirectPath(redirectTo, homeFor(session.user)));
  return json({ redirectTo: safeRedirectPath(redirectTo, ""), lang: getLang(request) }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = getRequestAuth(context);
  const form = loginFormSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) return json({ error: t(getLang(request), "auth.login.missing") }, { status: 400 });
  // Where to go next is settled before anything is written: the redirect cannot fail after the session exists.
  const back = safeRedirectPath(form.data.redirectTo, "");
  const db = await getAppDb();
  // Signing in again (as someone else, say) ends the session this browser had.
  if (auth.session) await deleteSession(db, auth.session.idHash);
  const outcome = await attemptLogin(
    db,
    { username: form.data.username, password: form.data.password, address: auth.clientAddress, userAgent: request.headers.get("User-Agent") },
    new Date(),
  );
  const lang = getLang(request);
  if (outcome.kind === "blocked") {
    const seconds = outcome.retryAfterSeconds;
    const error = seconds < 60 ? t(lang, "auth.login.blockedSeconds", { seconds }) : t(lang, "auth.login.blocked", { minutes: Math.ceil(seconds / 60) });
    return json({ error }, { status: 429, headers: { "Retry-After": String(seconds) } });
  }
  if (outcome.kind === "invalid") return json({ error: t(lang, "auth.login.invalid") }, { status: 401 });
  const cookie = await sessionSetCookie(getEnv(), outcome.session.id, outcome.session.expiresAt);
  return redirect(back || homeFor(outcome.user), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const lang = useLang();
  const error = actionData?.error ?? null;
  return (
    <div className="auth-page">
      <h1>{t(lang, "auth.login.title")}</h1>
      <p className="muted">{t(lang, "auth.login.intro")}</p>
      <Form method="post" className="stack-form" aria-describedby={error ? "login-error" : undefined}>
        {error ? (
          <p id="login-error" className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="field">
          <label htmlFor="username">{t(lang, "auth.field.username")}</label>
          <input id="username" name="username" type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} required maxLength={64} aria-invalid={error ? true : undefined} />
        </div>
        <div className="field">
          <label htmlFor="password">{t(lang, "auth.field.password")}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} aria-invalid={error ? true : undefined} />
        </div>
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {t(lang, "auth.login.submit")}
        </button>
      </Form>
      <p className="muted">{t(lang, "auth.login.help")}</p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t(data?.lang ?? "vi", "auth.login.title")} · parboard` }];

export const headers = passThroughHeaders;

export function ErrorBoundary() {
  return <AccessErrorBoundary />;
}
