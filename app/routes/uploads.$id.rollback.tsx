import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AccessErrorBoundary } from "~/auth/access-error";
import { readForm } from "~/http/form.server";
import { passThroughHeaders } from "~/http/route-headers";
import { requirePermission } from "~/auth/guards.server";
import { getRequestAuth } from "~/auth/load-context";
import { getAppDb } from "~/db/setup.server";
import { getRollbackImpact } from "~/db/upload-history.server";
import { UploadStateError, getUpload, rollbackUpload } from "~/db/uploads.server";
import { formatCount, formatDateTime, formatPeriod } from "~/i18n/format";
import { getLang } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { ColumnHeads } from "~/components/column-heads";

const paramsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

function parseId(params: unknown): number {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new Response("bad upload id", { status: 404 });
  return parsed.data.id;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "rollback");
  const id = parseId(params);
  const db = await getAppDb();
  const upload = await getUpload(db, id);
  if (!upload) throw new Response("no such upload", { status: 404 });
  return json({ upload, impact: await getRollbackImpact(db, id), lang: getLang(request) }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requirePermission(request, context, "rollback");
  const id = parseId(params);
  const form = z.object({ confirm: z.literal("yes") }).safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) return json({ error: "rollback.error.confirm" }, { status: 400 });
  const db = await getAppDb();
  try {
    await rollbackUpload(db, id, user.username, { actor: user.username, address: getRequestAuth(context).clientAddress, now: new Date() });
  } catch (error) {
    if (error instanceof UploadStateError) {
      return json({ error: error.code === "notFound" ? "rollback.error.notFound" : "rollback.error.already" }, { status: 409 });
    }
    throw error;
  }
  return redirect(`/uploads?rolledBack=${id}`, { status: 303 });
}

export default function RollbackConfirm() {
  const { upload, impact } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const lang = useLang();
  const committed = upload.status === "committed";
  const emptied = impact.reduce((sum, p) => sum + p.emptied, 0);
  return (
    <div className="rollback-page">
      <h1>{t(lang, "rollback.title", { id: upload.id })}</h1>
      <dl className="facts">
        <div>
          <dt>{t(lang, "uploads.col.file")}</dt>
          <dd>{upload.file_name}</dd>
        </div>
        <div>
          <dt>{t(lang, "uploads.col.who")}</dt>
          <dd>
            {upload.uploaded_by}, {formatDateTime(lang, upload.uploaded_at)}
          </dd>
        </div>
        <div>
          <dt>{t(lang, "uploads.col.periods")}</dt>
          <dd>{upload.periods.map((p) => formatPeriod(lang, p)).join(", ")}</dd>
        </div>
        <div className="fact-wide">
          <dt>SHA-256</dt>
          <dd>
            <code className="hash">{upload.sha256}</code>
          </dd>
        </div>
      </dl>
      {actionData?.error ? (
        <p className="notice notice-error" role="alert">
          {t(lang, actionData.error)}
        </p>
      ) : null}
      {committed ? (
        <>
          <h2>{t(lang, "rollback.impact.title")}</h2>
          <div className="table-wrap">
            <table>
              <ColumnHeads
                columns={[
                  { label: t(lang, "upload.changes.col.period") },
                  { label: t(lang, "rollback.col.rows"), className: "num" },
                  { label: t(lang, "rollback.col.restored"), className: "num" },
                  { label: t(lang, "rollback.col.emptied"), className: "num" },
                  { label: t(lang, "rollback.col.shadowed"), className: "num" },
                ]}
              />
              <tbody>
                {impact.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{formatPeriod(lang, p.period)}</th>
                    <td className="num">{formatCount(lang, p.rows)}</td>
                    <td className="num">
                      {formatCount(lang, p.restored)}
                      {p.restoredFrom.length > 0 ? (
                        <span className="muted"> ({t(lang, "rollback.from", { ids: p.restoredFrom.map((i) => `#${i}`).join(", ") })})</span>
                      ) : null}
                    </td>
                    <td className="num">{formatCount(lang, p.emptied)}</td>
                    <td className="num">{formatCount(lang, p.rows - p.current)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {emptied > 0 ? <p className="notice notice-error">{t(lang, "rollback.emptiedWarning", { n: formatCount(lang, emptied) })}</p> : null}
          <p>{t(lang, "rollback.explain")}</p>
          <Form method="post" className="commit-bar">
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" className="danger" disabled={navigation.state === "submitting"}>
              {t(lang, "rollback.confirm", { id: upload.id })}
            </button>{" "}
            <Link to="/uploads">{t(lang, "rollback.cancel")}</Link>
          </Form>
        </>
      ) : (
        <p className="notice">
          {t(lang, "rollback.error.already")} <Link to="/uploads">{t(lang, "rollback.back")}</Link>
        </p>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t(data?.lang ?? "vi", "rollback.title", { id: data?.upload.id ?? "" })} · parboard` },
];

export const headers = passThroughHeaders;

export function ErrorBoundary() {
  return <AccessErrorBoundary />;
}
