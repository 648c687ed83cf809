import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AccessErrorBoundary } from "~/auth/access-error";
import { passThroughHeaders } from "~/http/route-headers";
import { requirePermission } from "~/auth/guards.server";
import { auditActionSchema, getAuditLog } from "~/db/audit.server";
import { AUDIT_ACTIONS } from "~/domain/audit-actions";
import { getAppDb } from "~/db/setup.server";
import { NO_VALUE, formatDateTime } from "~/i18n/format";
import { getLang } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { ColumnHeads } from "~/components/column-heads";

const LIMIT = 300;

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "viewAudit");
  const action = auditActionSchema.optional().catch(undefined).parse(new URL(request.url).searchParams.get("action") ?? undefined);
  const entries = (await getAuditLog(await getAppDb(), { limit: LIMIT, action })).map((e) => ({ ...e, detail: detailText(e.detail) }));
  return json({ entries, action: action ?? "", lang: getLang(request) }, { headers: { "Cache-Control": "private, no-store" } });
}

const detailSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]));

/** The detail JSON as "key: value" pairs; anything else is shown as stored. */
function detailText(detail: string | null): string {
  if (detail === null) return "";
  const parsed = detailSchema.safeParse(JSON.parse(detail));
  if (!parsed.success) return detail;
  return Object.entries(parsed.data)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : String(v)}`)
    .join(" · ");
}

export default function Audit() {
  const { entries, action } = useLoaderData<typeof loader>();
  const lang = useLang();
  return (
    <div className="admin-page">
      <h1>{t(lang, "admin.audit.title")}</h1>
      <p className="muted">{t(lang, "admin.audit.intro", { n: LIMIT })}</p>
      <Form method="get" className="inline-form">
        <label htmlFor="action">{t(lang, "admin.audit.filter")}</label>
        <select id="action" name="action" defaultValue={action}>
          <option value="">{t(lang, "admin.audit.all")}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(lang, `audit.${a}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t(lang, "picker.show")}</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t(lang, "admin.audit.title")}</caption>
          <ColumnHeads
            columns={[
              { label: t(lang, "admin.audit.col.when") },
              { label: t(lang, "admin.audit.col.who") },
              { label: t(lang, "admin.audit.col.what") },
              { label: t(lang, "admin.audit.col.target") },
              { label: t(lang, "admin.audit.col.detail") },
              { label: t(lang, "admin.audit.col.address") },
            ]}
          />
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(lang, e.logged_at)}</td>
                <td>{e.actor ?? NO_VALUE}</td>
                <td>{t(lang, `audit.${e.action}`)}</td>
                <td>{e.target ?? ""}</td>
                <td>{e.detail}</td>
                <td>{e.address ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t(data?.lang ?? "vi", "admin.audit.title")} · parboard` }];

export const headers = passThroughHeaders;

export function ErrorBoundary() {
  return <AccessErrorBoundary />;
}
