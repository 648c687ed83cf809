/**
 * The page-level states shared by the overview and contest pages: nothing loaded yet (how to load it),
 * units that have not reported in the period, and years with fewer than four quarters.
 */
import { can } from "~/domain/roles";
import type { NamedUnit } from "~/domain/ranks";
import { useShellData } from "~/components/use-shell-data";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { joinNames } from "~/i18n/format";

/**
 * Nothing to show yet. A reader is told that nothing has been published and that it will appear here; staff
 * who may upload get the ways to load data (issue 14: the public page used to tell visitors to run a command).
 */
export function EmptyState() {
  const lang = useLang();
  const user = useShellData()?.user ?? null;
  if (!can(user?.role, "upload")) {
    return (
      <section className="ov-empty" aria-labelledby="ov-empty-lead">
        <p id="ov-empty-lead">{t(lang, "overview.empty.public")}</p>
      </section>
    );
  }
  return (
    <section className="ov-empty" aria-labelledby="ov-empty-lead">
      <p id="ov-empty-lead">{t(lang, "overview.empty.lead")}</p>
      <ul>
        <li>
          {t(lang, "overview.empty.upload")} <a href="/upload">{t(lang, "overview.empty.uploadLink")}</a>.
        </li>
        <li>{withCode(t(lang, "overview.empty.import", { command: "\u0000" }), lang === "vi" ? "npm run import -- TỆP.csv" : "npm run import -- FILE.csv")}</li>
        <li>{withCode(t(lang, "overview.empty.seed", { command: "\u0000" }), "npm run seed")}</li>
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
