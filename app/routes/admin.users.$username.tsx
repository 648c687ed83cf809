import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AccessErrorBoundary } from "~/auth/access-error";
import { readForm } from "~/http/form.server";
import { passThroughHeaders } from "~/http/route-headers";
import { AccountError, disableAccount, enableAccount, resetPassword } from "~/auth/accounts.server";
import { MIN_PASSWORD_LENGTH, passwordSchema, usernameSchema } from "~/auth/forms";
import { requirePermission } from "~/auth/guards.server";
import { getRequestAuth } from "~/auth/load-context";
import { getAppDb } from "~/db/setup.server";
import { countSessions } from "~/db/sessions.server";
import { getUserByUsername } from "~/db/users.server";
import { formatDateTime } from "~/i18n/format";
import { getLang } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";

function parseUsername(params: { username?: string }): string {
  const parsed = usernameSchema.safeParse(params.username ?? "");
  if (!parsed.success) throw new Response("no such account", { status: 404 });
  return parsed.data;
}

const DONE = ["reset", "disabled", "enabled"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "manageUsers");
  const db = await getAppDb();
  const user = await getUserByUsername(db, parseUsername(params));
  if (!user) throw new Response("no such account", { status: 404 });
  const done = z.enum(DONE).nullable().catch(null).parse(new URL(request.url).searchParams.get("done"));
  return json({ user, sessions: await countSessions(db, user.id), done, lang: getLang(request) }, { headers: { "Cache-Control": "private, no-store" } });
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reset"), password: passwordSchema }),
  z.object({ intent: z.literal("disable") }),
  z.object({ intent: z.literal("enable") }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const admin = requirePermission(request, context, "manageUsers");
  const username = parseUsername(params);
  const form = actionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) {
    const key = form.error.issues.find((i) => i.path[0] === "password")?.message ?? "auth.error.invalid";
    return json({ error: key.startsWith("auth.") ? key : "auth.error.invalid" }, { status: 400 });
  }
  const db = await getAppDb();
  const actor = { name: admin.username, address: getRequestAuth(context).clientAddress };
  const now = new Date();
  try {
    if (form.data.intent === "reset") await resetPassword(db, username, form.data.password, actor, now);
    else if (form.data.intent === "disable") await disableAccount(db, username, actor, now);
    else await enableAccount(db, username, actor, now);
  } catch (error) {
    if (error instanceof AccountError) return json({ error: `auth.account.${error.code}` }, { status: 409 });
    throw error;
  }
  const done = form.data.intent === "reset" ? "reset" : form.data.intent === "disable" ? "disabled" : "enabled";
  return redirect(`/admin/users/${username}?done=${done}`, { status: 303 });
}

export default function UserDetail() {
  const { user, sessions, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const lang = useLang();
  const busy = navigation.state === "submitting";
  return (
    <div className="admin-page">
      <p>
        <Link to="/admin/users">{t(lang, "admin.users.back")}</Link>
      </p>
      <h1>{t(lang, "admin.user.title", { username: user.username })}</h1>
      {done ? (
        <p className="notice notice-ok" role="status">
          {t(lang, `admin.user.done.${done}`)}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="notice notice-error" role="alert">
          {t(lang, actionData.error, { min: MIN_PASSWORD_LENGTH })}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t(lang, "auth.field.displayName")}</dt>
          <dd>{user.displayName}</dd>
        </div>
        <div>
          <dt>{t(lang, "auth.field.role")}</dt>
          <dd>
            {t(lang, `auth.role.${user.role}`)}
            {user.unitCode ? ` (${user.unitCode})` : ""}
          </dd>
        </div>
        <div>
          <dt>{t(lang, "admin.user.created")}</dt>
          <dd>
            {formatDateTime(lang, user.createdAt)}, {user.createdBy}
          </dd>
        </div>
        <div>
          <dt>{t(lang, "admin.user.passwordChanged")}</dt>
          <dd>{formatDateTime(lang, user.passwordChangedAt)}</dd>
        </div>
        <div>
          <dt>{t(lang, "admin.users.col.status")}</dt>
          <dd>{user.disabledAt ? t(lang, "admin.users.disabled", { when: formatDateTime(lang, user.disabledAt) }) : t(lang, "admin.users.active")}</dd>
        </div>
        <div>
          <dt>{t(lang, "admin.user.sessions")}</dt>
          <dd>{sessions}</dd>
        </div>
      </dl>

      <h2 id="reset-title">{t(lang, "admin.user.resetTitle")}</h2>
      <Form method="post" className="stack-form" aria-labelledby="reset-title">
        <div className="field">
          <label htmlFor="password">{t(lang, "auth.field.newPassword")}</label>
          <input id="password" name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} maxLength={200} autoComplete="new-password" aria-describedby="password-hint" />
          <p id="password-hint" className="muted field-hint">
            {t(lang, "auth.passwordRule", { min: MIN_PASSWORD_LENGTH })} {t(lang, "admin.user.resetNote")}
          </p>
        </div>
        <button type="submit" name="intent" value="reset" disabled={busy}>
          {t(lang, "admin.user.reset")}
        </button>
      </Form>

      <h2>{user.disabledAt ? t(lang, "admin.user.enableTitle") : t(lang, "admin.user.disableTitle")}</h2>
      <Form method="post">
        <p>{user.disabledAt ? t(lang, "admin.user.enableText") : t(lang, "admin.user.disableText")}</p>
        <button type="submit" name="intent" value={user.disabledAt ? "enable" : "disable"} className={user.disabledAt ? undefined : "danger"} disabled={busy}>
          {user.disabledAt ? t(lang, "admin.user.enable") : t(lang, "admin.user.disable")}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t(data?.lang ?? "vi", "admin.user.title", { username: data?.user.username ?? "" })} · parboard` },
];

export const headers = passThroughHeaders;

export function ErrorBoundary() {
  return <AccessErrorBoundary />;
}
