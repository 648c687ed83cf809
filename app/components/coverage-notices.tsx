/**
 * The page-level states shared by the overview and contest pages: nothing loaded yet (how to load it),
 * units that have not reported in the period, and years with fewer than four quarters.
 */
import type { NamedUnit } from "~/domain/ranks";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { joinNames } from "~/i18n/format";

export function EmptyState() {
  const lang = useLang();
  return (
    <section className="ov-empty" aria-labelledby="ov-empty-lead">
      <p id="ov-empty-lead">{t(lang, "overview.empty.lead")}</p>
      <ul>
        <li>{withCode(t(lang, "overview.empty.seed", { command: "\u0000" }), "npm run seed")}</li>
        <li>{withCode(t(lang, "overview.empty.import", { command: "\u0000" }), lang === "vi" ? "npm run import -- TỆP.csv" : "npm run import -- FILE.csv")}</li>
        <li>
          {t(lang, "overview.empty.upload")} <a href="/upload">{t(lang, "overview.empty.uploadLink")}</a>.
        </li>
      </ul>
    </section>
  );
}

/** Puts `code` where the message has its placeholder, as <code>, without building HTML from strings. */
function withCode(message: string, code: string) {
  const [before, after] = message.split("\u0000");
  return (
    <>
      {before}
      <code>{code}</code>
      {after}
    </>
  );
}

export interface CoverageNoticeProps {
  reported: number;
  total: number;
  missing: readonly NamedUnit[];
  incomplete: readonly (NamedUnit & { quarters: number })[];
}

/** "19/20 đơn vị đã báo cáo; chưa có: Xã Văn Hội", and the incomplete years; nothing when all is there. */
export function CoverageNotice({ reported, total, missing, incomplete }: CoverageNoticeProps) {
  const lang = useLang();
  if (missing.length === 0 && incomplete.length === 0) return null;
  return (
    <div className="ov-notice" role="note">
      {missing.length > 0 ? (
        <p className="ov-partial">{t(lang, "overview.partial", { reported, total, names: joinNames(missing.map((u) => u.name)) })}</p>
      ) : null}
      {incomplete.length > 0 ? (
        <p className="ov-incomplete">
          {t(lang, "overview.incomplete.lead")}{" "}
          {joinNames(incomplete.map((u) => t(lang, "overview.incomplete.unit", { name: u.name, n: u.quarters })))}
        </p>
      ) : null}
    </div>
  );
}
