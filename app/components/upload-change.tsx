/**
 * What the rollback and restore confirmation pages share: the upload's facts, and what the public will see
 * afterwards for each period and unit (app/domain/upload-impact.ts).
 */
import { Form, Link } from "@remix-run/react";
import { countOutcomes, groupImpact, type ImpactGroup, type UnitImpact, type UploadRef } from "~/domain/upload-impact";
import { formatCount, formatDateTime, formatPeriod, joinNames } from "~/i18n/format";
import { t, type Lang } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { ColumnHeads } from "./column-heads";

export interface UploadFactsProps {
  upload: { file_name: string; uploaded_by: string; uploaded_at: string; periods: string[]; sha256: string };
}

export function UploadFacts({ upload }: UploadFactsProps) {
  const lang = useLang();
  return (
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
  );
}

// A national file can hold thousands of units; like the upload preview's 500 change rows, the names stop here.
const MAX_NAMES = 500;

function uploadText(lang: Lang, ref: UploadRef | null): string {
  return ref === null ? t(lang, "impact.noData") : t(lang, "impact.upload", { id: ref.id, when: formatDateTime(lang, ref.uploadedAt) });
}

function afterText(lang: Lang, group: ImpactGroup): string {
  return group.outcome === "unchanged" ? t(lang, "impact.unchanged") : uploadText(lang, group.after);
}

function unitsText(lang: Lang, units: ImpactGroup["units"]): string {
  const shown = joinNames(units.slice(0, MAX_NAMES).map((u) => u.name));
  const names = units.length > MAX_NAMES ? t(lang, "impact.more", { names: shown, n: formatCount(lang, units.length - MAX_NAMES) }) : shown;
  return units.length === 1 ? t(lang, "impact.unit", { names }) : t(lang, "impact.units", { n: formatCount(lang, units.length), names });
}

export function UploadImpact({ impact, change }: { impact: UnitImpact[]; change: "rollback" | "restore" }) {
  const lang = useLang();
  const groups = groupImpact(impact);
  const totals = countOutcomes(groups);
  return (
    <>
      <h2>{t(lang, `${change}.impact.title`)}</h2>
      <div className="table-wrap">
        <table className="impact-table">
          <caption className="visually-hidden">{t(lang, `impact.caption.${change}`)}</caption>
          <ColumnHeads
            columns={[
              { label: t(lang, "upload.changes.col.period") },
              { label: t(lang, "impact.col.now") },
              { label: t(lang, `impact.col.after.${change}`) },
              { label: t(lang, "impact.col.units") },
            ]}
          />
          <tbody>
            {groups.map((g) => (
              <tr key={`${g.period}|${g.before?.id ?? ""}|${g.after?.id ?? ""}`} className={`impact-${g.outcome}`}>
                <th scope="row">{formatPeriod(lang, g.period)}</th>
                <td>{uploadText(lang, g.before)}</td>
                <td>{afterText(lang, g)}</td>
                <td>{unitsText(lang, g.units)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {totals.noData > 0 ? <p className="notice notice-error">{t(lang, "rollback.emptiedWarning", { n: formatCount(lang, totals.noData) })}</p> : null}
      {impact.length > 0 && totals.unchanged === impact.length ? <p className="notice">{t(lang, `${change}.nothingChanges`)}</p> : null}
    </>
  );
}

/** The confirmation of a rollback or a restore: one button that posts `confirm=yes`, and a way back. */
export function ConfirmBar({ label, tone, submitting }: { label: string; tone: "danger" | "primary"; submitting: boolean }) {
  const lang = useLang();
  return (
    <Form method="post" className="commit-bar">
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit" className={tone} disabled={submitting}>
        {label}
      </button>{" "}
      <Link to="/uploads">{t(lang, "rollback.cancel")}</Link>
    </Form>
  );
}
