/**
 * `/publish` (staff and admins): each quarter's coverage and status, a publish button (publishing with
 * units missing needs a tick), and for an admin a withdrawal with a reason. Plain forms: it works without
 * JavaScript. Every act is audited in its own transaction (app/db/publications.server.ts).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AccessErrorBoundary } from "~/auth/access-error";
import { requirePermission } from "~/auth/guards.server";
import { getRequestAuth } from "~/auth/load-context";
import { ColumnHeads } from "~/components/column-heads";
import { useShellData } from "~/components/use-shell-data";
import { publishPeriod, withdrawPublication } from "~/db/publications.server";
import { getAppDb } from "~/db/setup.server";
import { parsePeriodId } from "~/domain/period";
import { can } from "~/domain/roles";
import { readForm } from "~/http/form.server";
import { passThroughHeaders } from "~/http/route-headers";
import { formatDateTime, formatPeriod, joinNames, periodInSentence } from "~/i18n/format";
import { getLang } from "~/i18n/lang.server";
import { t, type Lang } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { loadPublishPage, type QuarterRow } from "./view.server";

export const headers = passThroughHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "publish");
  const page = await loadPublishPage(await getAppDb(), new Date());
  return json({ ...page, done: doneOf(new URL(request.url).searchParams), lang: getLang(request) }, { headers: { "Cache-Control": "private, no-store" } });
}

/** What the last act did, from the address it redirected to (`?published=2024-Q4&version=2`). */
function doneOf(search: URLSearchParams): { key: "publish.done" | "publish.withdrawn"; period: string; version: number } | null {
  for (const [param, key] of [["published", "publish.done"], ["withdrawn", "publish.withdrawn"]] as const) {
    const period = search.get(param);
    const version = Number(search.get("version"));
    if (period !== null && parsePeriodId(period)?.kind === "quarter" && Number.isInteger(version) && version > 0) return { key, period, version };
  }
  return null;
}

const quarterSchema = z.string().refine((p) => parsePeriodId(p)?.kind === "quarter");
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish"), period: quarterSchema, note: z.string().max(500).optional(), allowMissing: z.literal("yes").optional() }),
  z.object({ intent: z.literal("withdraw"), period: quarterSchema, reason: z.string().trim().min(3).max(500) }),
]);

export type PublishActionData = { error: string; params?: Record<string, string | number> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requirePermission(request, context, "publish");
  const parsed = actionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return json<PublishActionData>({ error: "publish.error.form" }, { status: 400 });
  const db = await getAppDb();
  const by = { actor: user.username, address: getRequestAuth(context).clientAddress, now: new Date() };
  const form = parsed.data;
  if (form.intent === "withdraw") {
    if (!can(user.role, "withdraw")) throw new Response("forbidden", { status: 403, headers: { "Cache-Control": "no-store" } });
    const outcome = await withdrawPublication(db, { period: form.period, reason: form.reason }, by);
    if (outcome.kind === "notPublished") return json<PublishActionData>({ error: "publish.error.notPublished", params: { period: form.period } }, { status: 409 });
    return redirect(`/publish?withdrawn=${form.period}&version=${outcome.version}`, { status: 303 });
  }
  const outcome = await publishPeriod(db, { period: form.period, note: form.note?.trim() || null, allowMissing: form.allowMissing === "yes" }, by);
  switch (outcome.kind) {
    case "noData":
      return json<PublishActionData>({ error: "publish.error.noData", params: { period: form.period } }, { status: 404 });
    case "missingUnits":
      return json<PublishActionData>({ error: "publish.error.missing", params: { period: form.period, count: outcome.missing.length } }, { status: 409 });
    case "unchanged":
    case "published":
      return redirect(`/publish?published=${form.period}&version=${outcome.version}`, { status: 303 });
  }
}

function StatusText({ row }: { row: QuarterRow }) {
  const lang = useLang();
  if (row.status === "draft") return <strong className="status-draft">{t(lang, "publish.status.draft")}</strong>;
  const when = row.publishedAt ? formatDateTime(lang, row.publishedAt) : "";
  return (
    <span className={row.status === "changed" ? "status-changed" : "status-published"}>
      {t(lang, "publish.status.published", { version: row.version ?? 0, when })}
      {row.status === "changed" ? (
        <>
          {" "}
          <strong>{t(lang, "publish.status.changed")}</strong>
        </>
      ) : null}
    </span>
  );
}

function PublishForm({ row }: { row: QuarterRow }) {
  const lang = useLang();
  if (row.status === "published") return <span className="muted">{t(lang, "publish.upToDate")}</span>;
  const missing = row.missing.length > 0;
  return (
    <Form method="post" className="publish-form">
      <input type="hidden" name="intent" value="publish" />
      <input type="hidden" name="period" value={row.period} />
      <label>
        {t(lang, "publish.note")} <input type="text" name="note" maxLength={500} />
      </label>
      {missing ? (
        <label className="publish-confirm">
          <input type="checkbox" name="allowMissing" value="yes" required /> {t(lang, "publish.confirmMissing", { count: row.missing.length })}
        </label>
      ) : null}
      <button type="submit">{t(lang, row.status === "draft" ? "publish.button" : "publish.buttonAgain", { period: formatPeriod(lang, row.period) })}</button>
    </Form>
  );
}

function WithdrawForm({ row }: { row: QuarterRow }) {
  const lang = useLang();
  return (
    <Form method="post" className="withdraw-form">
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="period" value={row.period} />
      <label>
        {t(lang, "publish.reason")} <input type="text" name="reason" minLength={3} maxLength={500} required />
      </label>
      <button type="submit">{t(lang, "publish.withdraw", { version: row.version ?? 0 })}</button>
    </Form>
  );
}

/** An error's period as readers write it ("Quý 4/2024"), not its id. */
function periodInWords(lang: Lang, params: Record<string, string | number> | undefined): Record<string, string | number> | undefined {
  if (!params || typeof params.period !== "string") return params;
  return { ...params, period: formatPeriod(lang, params.period) };
}

export default function PublishPage() {
  const { quarters, history, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lang = useLang();
  const user = useShellData()?.user ?? null;
  const mayWithdraw = can(user?.role, "withdraw");
  return (
    <div className="publish-page">
      <h1>{t(lang, "publish.title")}</h1>
      <p>{t(lang, "publish.intro")}</p>
      {actionData ? (
        <p className="form-error" role="alert">
          {t(lang, actionData.error, periodInWords(lang, actionData.params))}
        </p>
      ) : done ? (
        <p className="form-success" role="status">
          {t(lang, done.key, { period: formatPeriod(lang, done.period), version: done.version })}{" "}
          <a href={`/?period=${done.period}`}>{t(lang, "publish.see", { period: periodInSentence(lang, done.period) })}</a>
        </p>
      ) : null}
      {quarters.length === 0 ? <p>{t(lang, "publish.empty")}</p> : null}
      <div className="table-wrap">
        <table className="publish-table">
          <caption className="visually-hidden">{t(lang, "publish.title")}</caption>
          <ColumnHeads
            columns={[
              { label: t(lang, "publish.col.period") },
              { label: t(lang, "publish.col.coverage") },
              { label: t(lang, "publish.col.status") },
              { label: t(lang, "publish.col.action") },
            ]}
          />
          <tbody>
            {quarters.map((row) => (
              <tr key={row.period}>
                <th scope="row">{formatPeriod(lang, row.period)}</th>
                <td>
                  {t(lang, "publish.coverage", { reported: row.reported, total: row.registry })}
                  {row.missing.length > 0 ? (
                    <div className="muted">{t(lang, "publish.missing", { names: joinNames(row.missing.map((u) => u.name)) })}</div>
                  ) : null}
                </td>
                <td>
                  <StatusText row={row} />
                </td>
                <td>
                  <PublishForm row={row} />
                  {mayWithdraw && row.version !== null ? <WithdrawForm row={row} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t(lang, "publish.history")}</h2>
      <ul className="publish-history">
        {history.map((p) => (
          <li key={`${p.period}-${p.version}`}>
            {t(lang, "publish.historyLine", { period: formatPeriod(lang, p.period), version: p.version, who: p.published_by, when: formatDateTime(lang, p.published_at) })}
            {p.note ? ` — ${p.note}` : ""}
            {p.withdrawn_at ? ` ${t(lang, "publish.historyWithdrawn", { when: formatDateTime(lang, p.withdrawn_at), reason: p.withdraw_reason ?? "" })}` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t(data?.lang ?? "vi", "publish.title")} · parboard` }];

export const ErrorBoundary = AccessErrorBoundary;
