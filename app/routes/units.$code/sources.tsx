/**
 * Where a unit's figures came from (spec §5): for each quarter the upload that holds its current row —
 * upload number, file and line, who and when — and how many versions of that row exist.
 */
import { formatDateTime, formatPeriod } from "~/i18n/format";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { ColumnHeads } from "~/components/column-heads";

export interface Source {
  period: string;
  upload_id: number;
  line: number;
  file_name: string;
  uploaded_by: string;
  uploaded_at: string;
  sha256: string;
  versions: number;
}

/** One line per source, for table cells. */
export function SourceList({ sources, showPeriod }: { sources: readonly Source[]; showPeriod: boolean }) {
  const lang = useLang();
  if (sources.length === 0) return <>—</>;
  return (
    <ul className="unit-source-list">
      {sources.map((s) => (
        <li key={`${s.period}-${s.upload_id}`}>
          {showPeriod ? `${formatPeriod(lang, s.period)}: ` : ""}
          {t(lang, "unit.source.line", {
            id: s.upload_id,
            file: s.file_name,
            line: s.line,
            user: s.uploaded_by,
            time: formatDateTime(lang, s.uploaded_at),
          })}
          {s.versions > 1 ? ` · ${t(lang, "unit.source.versions", { n: s.versions })}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** The chosen period's sources in full, with a link to every upload. */
export function UnitSources({ sources, periodText }: { sources: readonly Source[]; periodText: string }) {
  const lang = useLang();
  return (
    <>
      {sources.length === 0 ? (
        <p>{t(lang, "unit.source.none", { period: periodText })}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="unit-sources-caption" tabIndex={0}>
          <table className="unit-sources">
            <caption id="unit-sources-caption">{t(lang, "unit.source.caption", { period: periodText })}</caption>
            <ColumnHeads
              columns={[
                { label: t(lang, "unit.col.period") },
                { label: t(lang, "unit.source.upload") },
                { label: t(lang, "unit.source.file") },
                { label: t(lang, "unit.source.fileLine"), className: "num" },
                { label: t(lang, "unit.source.by") },
                { label: t(lang, "unit.source.at") },
                { label: t(lang, "unit.source.versionCount"), className: "num" },
              ]}
            />
            <tbody>
              {sources.map((s) => (
                <tr key={`${s.period}-${s.upload_id}`}>
                  <th scope="row">{formatPeriod(lang, s.period)}</th>
                  <td>#{s.upload_id}</td>
                  <td>
                    <span className="unit-file">{s.file_name}</span>
                    <span className="unit-sha" title={s.sha256}>
                      {" "}
                      SHA-256 {s.sha256.slice(0, 12)}…
                    </span>
                  </td>
                  <td className="num">{s.line}</td>
                  <td>{s.uploaded_by}</td>
                  <td>{formatDateTime(lang, s.uploaded_at)}</td>
                  <td className="num">{s.versions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="unit-uploads-link">
        <a href="/uploads">{t(lang, "unit.source.allUploads")}</a>
      </p>
    </>
  );
}
