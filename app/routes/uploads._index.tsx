import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AccessErrorBoundary } from "~/auth/access-error";
import { passThroughHeaders } from "~/http/route-headers";
import { requirePermission } from "~/auth/guards.server";
import { can } from "~/domain/roles";
import { getAppDb } from "~/db/setup.server";
import { getUploads } from "~/db/uploads.server";
import { NO_VALUE, formatCount, formatDateTime, formatPeriod, periodInSentence } from "~/i18n/format";
import { getLang } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { ColumnHeads } from "~/components/column-heads";

const bannerSchema = z.object({
  done: z.coerce.number().int().positive().optional().catch(undefined),
  rolledBack: z.coerce.number().int().positive().optional().catch(undefined),
  restored: z.coerce.number().int().positive().optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requirePermission(request, context, "viewUploads");
  const search = new URL(request.url).searchParams;
  const banner = bannerSchema.parse({
    done: search.get("done") ?? undefined,
    rolledBack: search.get("rolledBack") ?? undefined,
    restored: search.get("restored") ?? undefined,
  });
  const uploads = await getUploads(await getAppDb());
  const done = banner.done === undefined ? null : (uploads.find((u) => u.id === banner.done) ?? null);
  return json(
    {
      uploads,
      done,
      rolledBack: banner.rolledBack ?? null,
      restored: banner.restored ?? null,
      canRollback: can(user.role, "rollback"),
      canRestore: can(user.role, "restore"),
      canUpload: can(user.role, "upload"),
      canPublish: can(user.role, "publish"),
      lang: getLang(request),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function Uploads() {
  const { uploads, done, rolledBack, restored, canRollback, canRestore, canUpload, canPublish } = useLoaderData<typeof loader>();
  const lang = useLang();
  return (
    <div className="uploads-page">
      <h1>{t(lang, "uploads.title")}</h1>
      {done ? (
        <p className="notice notice-ok" role="status">
          {t(lang, "uploads.done", { id: done.id, file: done.file_name, rows: formatCount(lang, done.row_count), units: formatCount(lang, done.unit_count) })}
        </p>
      ) : null}
      {done ? (
        // Where to look next: each period's dashboard as staff see it (the draft), then publishing it.
        <ul className="uploads-next">
          {done.periods.map((p) => (
            <li key={p}>
              <a href={`/?period=${p}`}>{t(lang, "uploads.done.view", { period: periodInSentence(lang, p) })}</a>
            </li>
          ))}
          {canPublish ? (
            <li>
              <a href="/publish">{t(lang, "uploads.done.publish")}</a>
            </li>
          ) : null}
        </ul>
      ) : null}
      {rolledBack ? (
        <p className="notice notice-ok" role="status">
          {t(lang, "uploads.rolledBackBanner", { id: rolledBack })}
        </p>
      ) : null}
      {restored ? (
        <p className="notice notice-ok" role="status">
          {t(lang, "uploads.restoredBanner", { id: restored })}
        </p>
      ) : null}
      <p>
        {t(lang, "uploads.intro")}
        {canUpload ? (
          <>
            {" "}
            <Link to="/upload">{t(lang, "uploads.uploadLink")}</Link>
          </>
        ) : null}
      </p>
      {uploads.length === 0 ? <p>{t(lang, "uploads.empty")}</p> : null}
      <div className="table-wrap">
        <table className="uploads-table">
          <caption className="visually-hidden">{t(lang, "uploads.caption")}</caption>
          <ColumnHeads
            columns={[
              { label: "#", className: "num" },
              { label: t(lang, "uploads.col.when") },
              { label: t(lang, "uploads.col.who") },
              { label: t(lang, "uploads.col.file") },
              { label: t(lang, "uploads.col.periods") },
              { label: t(lang, "uploads.col.rows"), className: "num" },
              { label: t(lang, "uploads.col.status") },
            ]}
          />
          <tbody>
            {uploads.map((u) => (
              <tr key={u.id} className={u.status === "rolled_back" ? "is-rolled-back" : undefined}>
                <td className="num" data-label="#">
                  <div>{u.id}</div>
                </td>
                <td data-label={t(lang, "uploads.col.when")}>
                  <div>{formatDateTime(lang, u.uploaded_at)}</div>
                </td>
                <td data-label={t(lang, "uploads.col.who")}>
                  <div>
                    {u.uploaded_by}
                    <br />
                    <span className="muted">{t(lang, `uploads.source.${u.source}`)}</span>
                  </div>
                </td>
                <td className="file-cell" data-label={t(lang, "uploads.col.file")}>
                  <div>
                    {u.file_name}
                    <details className="hash-details">
                      <summary>
                        SHA-256 <code>{u.sha256.slice(0, 10)}…</code>
                      </summary>
                      <code className="hash">{u.sha256}</code>
                    </details>
                  </div>
                </td>
                <td data-label={t(lang, "uploads.col.periods")}>
                  <div>{u.periods.map((p) => formatPeriod(lang, p)).join(", ")}</div>
                </td>
                <td className="num" data-label={t(lang, "uploads.col.rows")}>
                  <div>
                    {formatCount(lang, u.row_count)}
                    <br />
                    <span className="muted">{t(lang, "uploads.units", { n: formatCount(lang, u.unit_count) })}</span>
                  </div>
                </td>
                <td data-label={t(lang, "uploads.col.status")}>
                  <div>
                    {u.status === "committed" ? (
                      <>
                        {t(lang, "uploads.status.committed")}
                        {u.restored_by && u.restored_at ? (
                          <>
                            <br />
                            <span className="muted">{t(lang, "uploads.restoredBy", { who: u.restored_by, when: formatDateTime(lang, u.restored_at) })}</span>
                          </>
                        ) : null}
                        {canRollback ? (
                          <>
                            <br />
                            <Link to={`/uploads/${u.id}/rollback`} aria-label={t(lang, "uploads.rollbackLabel", { id: u.id })}>
                              {t(lang, "uploads.rollback")}
                            </Link>
                          </>
                        ) : null}
                      </>
                    ) : (
                      <>
                        {t(lang, "uploads.status.rolledBack")}
                        <br />
                        <span className="muted">
                          {t(lang, "uploads.rolledBackBy", { who: u.rolled_back_by ?? NO_VALUE, when: u.rolled_back_at ? formatDateTime(lang, u.rolled_back_at) : NO_VALUE })}
                        </span>
                        {canRestore ? (
                          <>
                            <br />
                            <Link to={`/uploads/${u.id}/restore`} aria-label={t(lang, "uploads.restoreLabel", { id: u.id })}>
                              {t(lang, "uploads.restore")}
                            </Link>
                          </>
                        ) : null}
                      </>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t(data?.lang ?? "vi", "uploads.title")} · parboard` }];

export const headers = passThroughHeaders;

export function ErrorBoundary() {
  return <AccessErrorBoundary />;
}
