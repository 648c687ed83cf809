import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AccessErrorBoundary } from "~/auth/access-error";
import { readForm } from "~/http/form.server";
import { passThroughHeaders } from "~/http/route-headers";
import { AccountError, createAccount } from "~/auth/accounts.server";
import { MIN_PASSWORD_LENGTH, fieldErrors, newUserSchema } from "~/auth/forms";
import { requirePermission } from "~/auth/guards.server";
import { getRequestAuth } from "~/auth/load-context";
import { ROLES } from "~/domain/roles";
import { getUnits } from "~/db/units.server";
import { getAppDb } from "~/db/setup.server";
import { getUsers } from "~/db/users.server";
import { NO_VALUE, formatDateTime } from "~/i18n/format";
import { getLang } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { ColumnHeads } from "~/components/column-heads";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "manageUsers");
  const db = await getAppDb();
  const [users, units] = await Promise.all([getUsers(db), getUnits(db)]);
  const created = new URL(request.url).searchParams.get("created");
  return json(
    { users, units: units.map((u) => ({ code: u.code, name: u.name })), created: users.some((u) => u.username === created) ? created : null, lang: getLang(request) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = requirePermission(request, context, "manageUsers");
  const form = newUserSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) return json({ fields: fieldErrors(form.error), error: null }, { status: 400 });
  try {
    await createAccount(await getAppDb(), form.data, { name: admin.username, address: getRequestAuth(context).clientAddress }, new Date());
  } catch (error) {
    if (error instanceof AccountError) return json({ fields: {} as Record<string, string>, error: `auth.account.${error.code}` }, { status: 409 });
    throw error;
  }
  return redirect(`/admin/users?created=${encodeURIComponent(form.data.username)}`, { status: 303 });
}

function FieldError({ id, keyName }: { id: string; keyName: string | undefined }) {
  const lang = useLang();
  return keyName ? (
    <p id={id} className="field-error">
      {t(lang, keyName, { min: MIN_PASSWORD_LENGTH })}
    </p>
  ) : null;
}

export default function Users() {
  const { users, units, created } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const lang = useLang();
  const fields: Record<string, string> = actionData?.fields ?? {};
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  const invalid = (name: string) => (fields[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  return (
    <div className="admin-page">
      <h1>{t(lang, "admin.users.title")}</h1>
      {created ? (
        <p className="notice notice-ok" role="status">
          {t(lang, "admin.users.created", { username: created })}
        </p>
      ) : null}
      <p>
        <Link to="/admin/audit">{t(lang, "admin.audit.link")}</Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t(lang, "admin.users.caption")}</caption>
          <ColumnHeads
            columns={[
              { label: t(lang, "auth.field.username") },
              { label: t(lang, "auth.field.displayName") },
              { label: t(lang, "auth.field.role") },
              { label: t(lang, "auth.field.unit") },
              { label: t(lang, "admin.users.col.status") },
            ]}
          />
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link to={`/admin/users/${u.username}`}>{u.username}</Link>
                </th>
                <td>{u.displayName}</td>
                <td>{t(lang, `auth.role.${u.role}`)}</td>
                <td>{u.unitCode ? `${unitName.get(u.unitCode) ?? ""} (${u.unitCode})` : NO_VALUE}</td>
                <td>
                  {u.disabledAt ? t(lang, "admin.users.disabled", { when: formatDateTime(lang, u.disabledAt) }) : t(lang, "admin.users.active")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="new-user">{t(lang, "admin.users.new")}</h2>
      {actionData?.error ? (
        <p className="notice notice-error" role="alert">
          {t(lang, actionData.error)}
        </p>
      ) : null}
      <Form method="post" className="stack-form" aria-labelledby="new-user">
        <div className="field">
          <label htmlFor="username">{t(lang, "auth.field.username")}</label>
          <input id="username" name="username" required maxLength={32} autoComplete="off" autoCapitalize="none" spellCheck={false} {...invalid("username")} />
          <p className="muted field-hint">{t(lang, "admin.users.usernameHint")}</p>
          <FieldError id="username-error" keyName={fields.username} />
        </div>
        <div className="field">
          <label htmlFor="displayName">{t(lang, "auth.field.displayName")}</label>
          <input id="displayName" name="displayName" required maxLength={100} autoComplete="off" {...invalid("displayName")} />
          <FieldError id="displayName-error" keyName={fields.displayName} />
        </div>
        <div className="field">
          <label htmlFor="role">{t(lang, "auth.field.role")}</label>
          <select id="role" name="role" defaultValue="staff" {...invalid("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(lang, `auth.role.${r}`)} — {t(lang, `auth.roleHelp.${r}`)}
              </option>
            ))}
          </select>
          <FieldError id="role-error" keyName={fields.role} />
        </div>
        <div className="field">
          <label htmlFor="unitCode">{t(lang, "auth.field.unitForLeader")}</label>
          <select id="unitCode" name="unitCode" defaultValue="" {...invalid("unitCode")}>
            <option value="">{t(lang, "admin.users.noUnit")}</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name} ({u.code})
              </option>
            ))}
          </select>
          <FieldError id="unitCode-error" keyName={fields.unitCode} />
        </div>
        <div className="field">
          <label htmlFor="password">{t(lang, "auth.field.initialPassword")}</label>
          <input id="password" name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} maxLength={200} autoComplete="new-password" {...invalid("password")} />
          <p className="muted field-hint">{t(lang, "auth.passwordRule", { min: MIN_PASSWORD_LENGTH })}</p>
          <FieldError id="password-error" keyName={fields.password} />
        </div>
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {t(lang, "admin.users.create")}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t(data?.lang ?? "vi", "admin.users.title")} · parboard` }];

export const headers = passThroughHeaders;

export function ErrorBoundary() {
  return <AccessErrorBoundary />;
}
