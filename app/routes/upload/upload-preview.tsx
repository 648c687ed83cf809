/**
 * The checked file: its facts, every error and warning with line, column and value, and what committing it
 * would change per period and unit. Rendered on the server (no JavaScript) and in the browser alike.
 */
import { FIELD_INFO } from "~/domain/report-fields";
import { NO_VALUE, formatCount, formatPeriod } from "~/i18n/format";
import { t, type Lang } from "~/i18n/translate";
import type { Issue, RowChange } from "~/ingest/types";
import { issueMessage, issuesCsv, type PreviewView } from "./preview-model";
import { ColumnHeads } from "~/components/column-heads";

export function formatSize(lang: Lang, bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB")} KB`;
  return t(lang, "upload.bytes", { n: formatCount(lang, bytes) });
}

function IssueTable({ issues, caption, lang }: { issues: readonly Issue[]; caption: string; lang: Lang }) {
  return (
    <div className="table-wrap">
      <table className="issue-table">
        <caption className="visually-hidden">{caption}</caption>
        <ColumnHeads
          columns={[
            { label: t(lang, "upload.issues.col.line"), className: "num" },
            { label: t(lang, "upload.issues.col.column") },
            { label: t(lang, "upload.issues.col.value") },
            { label: t(lang, "upload.issues.col.message") },
          ]}
        />
        <tbody>
          {issues.map((issue, i) => (
            <tr key={i}>
              <td className="num" data-label={t(lang, "upload.issues.col.line")}>
                <div>{issue.line ?? NO_VALUE}</div>
              </td>
              <td data-label={t(lang, "upload.issues.col.column")}>
                <div>{issue.column ?? NO_VALUE}</div>
              </td>
              <td className="cell-value" data-label={t(lang, "upload.issues.col.value")}>
                <div>{issue.value === null || issue.value === "" ? NO_VALUE : <code>{issue.value}</code>}</div>
              </td>
              <td data-label={t(lang, "upload.issues.col.message")}>
                <div>{issueMessage(issue, lang)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function csvHref(issues: readonly Issue[], lang: Lang): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(issuesCsv(issues, lang))}`;
}

function downloadName(fileName: string, kind: string): string {
  return `${kind}-${fileName.replace(/\.[^.]*$/, "").replace(/[^\p{L}\p{N}_-]+/gu, "_").slice(0, 60) || "file"}.csv`;
}

function ChangeCell({ change, lang }: { change: RowChange; lang: Lang }) {
  if (change.kind === "new") return <>{t(lang, "upload.change.new")}</>;
  if (change.kind === "unchanged") return <span className="muted">{t(lang, "upload.change.unchanged")}</span>;
  return (
    <ul className="change-list">
      {change.fields.map((f) => (
        <li key={f.field}>
          {lang === "vi" ? FIELD_INFO[f.field].vi : FIELD_INFO[f.field].en}: {formatCount(lang, f.before)} → <strong>{formatCount(lang, f.after)}</strong>
        </li>
      ))}
    </ul>
  );
}

function Changes({ view, units, lang }: { view: PreviewView; units: ReadonlyMap<string, string>; lang: Lang }) {
  return (
    <section aria-labelledby="changes-title">
      <h3 id="changes-title">{t(lang, "upload.changes.title")}</h3>
      <div className="table-wrap">
        <table className="summary-table">
          <caption className="visually-hidden">{t(lang, "upload.changes.summaryCaption")}</caption>
          <ColumnHeads
            columns={[
              { label: t(lang, "upload.changes.col.period") },
              { label: t(lang, "upload.changes.col.new"), className: "num" },
              { label: t(lang, "upload.changes.col.changed"), className: "num" },
              { label: t(lang, "upload.changes.col.unchanged"), className: "num" },
            ]}
          />
          <tbody>
            {view.summary.byPeriod.map((p) => (
              <tr key={p.period}>
                <th scope="row">{formatPeriod(lang, p.period)}</th>
                <td className="num">{formatCount(lang, p.new)}</td>
                <td className="num">{formatCount(lang, p.changed)}</td>
                <td className="num">{formatCount(lang, p.unchanged)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="change-table">
          <caption className="visually-hidden">{t(lang, "upload.changes.detailCaption")}</caption>
          <ColumnHeads
            columns={[
              { label: t(lang, "upload.changes.col.period") },
              { label: t(lang, "upload.changes.col.unit") },
              { label: t(lang, "upload.changes.col.what") },
            ]}
          />
          <tbody>
            {view.changes.map((c) => (
              <tr key={`${c.period}:${c.communeCode}`} className={`change-${c.kind}`}>
                <td>{formatPeriod(lang, c.period)}</td>
                <th scope="row">
                  {units.get(c.communeCode) ?? c.communeCode} <span className="muted">{c.communeCode}</span>
                </th>
                <td>
                  <ChangeCell change={c} lang={lang} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.changesOmitted > 0 ? <p className="muted">{t(lang, "upload.changes.omitted", { n: formatCount(lang, view.changesOmitted) })}</p> : null}
    </section>
  );
}

/** What was read from the file: size, encoding, delimiter, rows, periods (and SHA-256 when the server checked it). */
function Facts({ view, lang }: { view: PreviewView; lang: Lang }) {
  const encoding = view.encoding ? t(lang, `upload.encoding.${view.encoding}`) : NO_VALUE;
  const delimiter = view.delimiter === ";" ? t(lang, "upload.delimiter.semicolon") : view.delimiter === "," ? t(lang, "upload.delimiter.comma") : NO_VALUE;
  return (
    <dl className="facts">
      <div>
        <dt>{t(lang, "upload.fact.size")}</dt>
        <dd>{formatSize(lang, view.size)}</dd>
      </div>
      <div>
        <dt>{t(lang, "upload.fact.encoding")}</dt>
        <dd>{encoding}</dd>
      </div>
      <div>
        <dt>{t(lang, "upload.fact.delimiter")}</dt>
        <dd>{delimiter}</dd>
      </div>
      <div>
        <dt>{t(lang, "upload.fact.rows")}</dt>
        <dd>{t(lang, "upload.fact.rowsValue", { rows: formatCount(lang, view.rowCount), units: formatCount(lang, view.unitCount) })}</dd>
      </div>
      <div>
        <dt>{t(lang, "upload.fact.periods")}</dt>
        <dd>{view.periods.length > 0 ? view.periods.map((p) => formatPeriod(lang, p)).join(", ") : NO_VALUE}</dd>
      </div>
      {view.sha256 ? (
        <div className="fact-wide">
          <dt>SHA-256</dt>
          <dd>
            <code className="hash">{view.sha256}</code>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

export function UploadPreview({ view, units, lang }: { view: PreviewView; units: ReadonlyMap<string, string>; lang: Lang }) {
  return (
    <section className="upload-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{view.fileName === "" ? t(lang, "upload.preview.titleNoName") : t(lang, "upload.preview.title", { file: view.fileName })}</h2>
      {view.ok ? (
        <p className="notice notice-ok">{t(lang, view.warnings.length > 0 ? "upload.preview.okWithWarnings" : "upload.preview.ok")}</p>
      ) : (
        <p className="notice notice-error" role="alert">
          {t(lang, "upload.preview.hasErrors", { n: formatCount(lang, view.errors.length) })}
        </p>
      )}
      {view.encoding === null ? null : <Facts view={view} lang={lang} />}
      {view.errors.length > 0 ? (
        <section aria-labelledby="errors-title">
          <h3 id="errors-title">{t(lang, "upload.errors.title", { n: formatCount(lang, view.errors.length) })}</h3>
          <p>
            <a href={csvHref(view.errors, lang)} download={downloadName(view.fileName, lang === "vi" ? "loi" : "errors")}>
              {t(lang, "upload.errors.download")}
            </a>
          </p>
          <IssueTable issues={view.errors} caption={t(lang, "upload.errors.caption")} lang={lang} />
        </section>
      ) : null}
      {view.warnings.length > 0 ? (
        <section aria-labelledby="warnings-title">
          <h3 id="warnings-title">{t(lang, "upload.warnings.title", { n: formatCount(lang, view.warnings.length) })}</h3>
          <IssueTable issues={view.warnings} caption={t(lang, "upload.warnings.caption")} lang={lang} />
        </section>
      ) : null}
      {view.ok ? <Changes view={view} units={units} lang={lang} /> : null}
    </section>
  );
}
