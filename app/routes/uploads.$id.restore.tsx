import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AccessErrorBoundary } from "~/auth/access-error";
import { passThroughHeaders } from "~/http/route-headers";
import { requirePermission } from "~/auth/guards.server";
import { getRequestAuth } from "~/auth/load-context";
import { getAppDb } from "~/db/setup.server";
import { getUploadImpact } from "~/db/upload-history.server";
import { UploadStateError, getUpload, restoreUpload } from "~/db/uploads.server";
import { t } from "~/i18n/translate";
import { readForm } from "~/http/form.server";
import { useLang } from "~/i18n/use-lang";
import { getLang } from "~/i18n/lang.server";
import { ConfirmBar, UploadFacts, UploadImpact } from "~/components/upload-change";

const paramsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

function parseId(params: unknown): number {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new Response("bad upload id", { status: 404 });
  return parsed.data.id;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "restore");
  const id = parseId(params);
  const db = await getAppDb();
  const upload = await getUpload(db, id);
  if (!upload) throw new Response("no such upload", { status: 404 });
  const impact = upload.status === "rolled_back" ? await getUploadImpact(db, id, "restore") : [];
  return json({ upload, impact, lang: getLang(request) }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requirePermission(request, context, "restore");
  const id = parseId(params);
  const form = z.object({ confirm: z.literal("yes") }).safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) return json({ error: "restore.error.confirm" }, { status: 400 });
  try {
    await restoreUpload(await getAppDb(), id, { username: user.username, role: user.role, address: getRequestAuth(context).clientAddress }, new Date());
  } catch (error) {
    if (error instanceof UploadStateError) {
      return json({ error: error.code === "notFound" ? "rollback.error.notFound" : "restore.error.notRolledBack" }, { status: 409 });
    }
    throw error;
  }
  return redirect(`/uploads?restored=${id}`, { status: 303 });
}

export default function RestoreConfirm() {
  const { upload, impact } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const lang = useLang();
  return (
    <div className="rollback-page restore-page">
      <h1>{t(lang, "restore.title", { id: upload.id })}</h1>
      <UploadFacts upload={upload} />
      {/* An upload already in effect is said once, below. */}
      {actionData?.error && upload.status === "rolled_back" ? (
        <p className="notice notice-error" role="alert">
          {t(lang, actionData.error)}
        </p>
      ) : null}
      {upload.status === "rolled_back" ? (
        <>
          <UploadImpact impact={impact} change="restore" />
          <p>{t(lang, "restore.explain")}</p>
          <ConfirmBar label={t(lang, "restore.confirm", { id: upload.id })} tone="primary" submitting={navigation.state === "submitting"} />
        </>
      ) : (
        <p className="notice">
          {t(lang, "restore.error.notRolledBack")} <Link to="/uploads">{t(lang, "rollback.back")}</Link>
        </p>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t(data?.lang ?? "vi", "restore.title", { id: data?.upload.id ?? "" })} · parboard` },
];

export const headers = passThroughHeaders;

export function ErrorBoundary() {
  return <AccessErrorBoundary />;
}
