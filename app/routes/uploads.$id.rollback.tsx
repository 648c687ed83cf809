import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AccessErrorBoundary } from "~/auth/access-error";
import { readForm } from "~/http/form.server";
import { passThroughHeaders } from "~/http/route-headers";
import { requirePermission } from "~/auth/guards.server";
import { getRequestAuth } from "~/auth/load-context";
import { getAppDb } from "~/db/setup.server";
import { getRollbackRefusal, getUploadImpact } from "~/db/upload-history.server";
import { RollbackLimitError, UploadStateError, getUpload, rollbackUpload } from "~/db/uploads.server";
import { formatDateTime, periodInSentence } from "~/i18n/format";
import { getLang } from "~/i18n/lang.server";
import { t, type Lang } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { ConfirmBar, UploadFacts, UploadImpact } from "~/components/upload-change";

const paramsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

function parseId(params: unknown): number {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new Response("bad upload id", { status: 404 });
  return parsed.data.id;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requirePermission(request, context, "rollback");
  const id = parseId(params);
  const db = await getAppDb();
  const upload = await getUpload(db, id);
  if (!upload) throw new Response("no such upload", { status: 404 });
  const committed = upload.status === "committed";
  // Said before the button is pressed: what the public will see, and whether this account may do it now.
  const impact = committed ? await getUploadImpact(db, id, "rollback") : [];
  const refusal = committed ? await getRollbackRefusal(db, upload.periods, user, new Date()) : null;
  return json({ upload, impact, refusal, lang: getLang(request) }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requirePermission(request, context, "rollback");
  const id = parseId(params);
  const form = z.object({ confirm: z.literal("yes") }).safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) return json({ error: "rollback.error.confirm" }, { status: 400 });
  const db = await getAppDb();
  const now = new Date();
  try {
    await rollbackUpload(db, id, { username: user.username, role: user.role, address: getRequestAuth(context).clientAddress }, now);
  } catch (error) {
    if (error instanceof UploadStateError) {
      return json({ error: error.code === "notFound" ? "rollback.error.notFound" : "rollback.error.already" }, { status: 409 });
    }
    if (error instanceof RollbackLimitError) {
      // Waiting helps only when another period holds the bound; an upload of several periods needs an admin.
      const { refusal } = error;
      if (refusal.kind === "manyPeriods") return json({ refusal }, { status: 403 });
      const retryAfter = Math.max(1, Math.ceil((refusal.retryAt.getTime() - now.getTime()) / 1000));
      return json({ refusal }, { status: 429, headers: { "Retry-After": String(retryAfter) } });
    }
    throw error;
  }
  return redirect(`/uploads?rolledBack=${id}`, { status: 303 });
}

type RefusalData = { kind: "manyPeriods"; periods: string[] } | { kind: "otherPeriod"; held: string[]; retryAt: string };

/** The refusal as a sentence that says who can do it instead, and when this account may. */
function refusalText(lang: Lang, refusal: RefusalData, periods: readonly string[]): string {
  const inSentence = (list: readonly string[]) => list.map((p) => periodInSentence(lang, p)).join(", ");
  if (refusal.kind === "manyPeriods") return t(lang, "rollback.limit.manyPeriods", { n: refusal.periods.length, periods: inSentence(refusal.periods) });
  return t(lang, "rollback.limit.otherPeriod", { held: inSentence(refusal.held), periods: inSentence(periods), time: formatDateTime(lang, refusal.retryAt) });
}

export default function RollbackConfirm() {
  const { upload, impact, refusal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const lang = useLang();
  const committed = upload.status === "committed";
  const error = actionData && "error" in actionData ? actionData.error : null;
  const refused = (actionData && "refusal" in actionData ? actionData.refusal : null) ?? refusal;
  return (
    <div className="rollback-page">
      <h1>{t(lang, "rollback.title", { id: upload.id })}</h1>
      <UploadFacts upload={upload} />
      {error ? (
        <p className="notice notice-error" role="alert">
          {t(lang, error)}
        </p>
      ) : null}
      {committed ? (
        <>
          <UploadImpact impact={impact} change="rollback" />
          <p>{t(lang, "rollback.explain")}</p>
          {refused ? (
            <p className="notice notice-error" role="alert">
              {refusalText(lang, refused, upload.periods)} <Link to="/uploads">{t(lang, "rollback.back")}</Link>
            </p>
          ) : (
            <ConfirmBar label={t(lang, "rollback.confirm", { id: upload.id })} tone="danger" submitting={navigation.state === "submitting"} />
          )}
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
