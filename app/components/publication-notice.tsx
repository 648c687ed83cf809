/**
 * What the figures on a page are (shared spec publication.md): a draft that readers cannot see yet (staff
 * only), or the rankings as published on a date, with a link to the version standing today.
 */
import type { PeriodStatus } from "~/db/publications.server";
import { formatDate } from "~/i18n/format";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";

export interface PublicationNoticeProps {
  status: PeriodStatus;
  /** The date asked for with `as_of`, if any. */
  asOf: string | null;
  /** The same page without `as_of`. */
  currentHref: string;
}

export function PublicationNotice({ status, asOf, currentHref }: PublicationNoticeProps) {
  const lang = useLang();
  if (status.status === "draft") {
    return (
      <p className="publication-notice draft" role="note">
        <strong>{t(lang, "publication.draft")}</strong> {t(lang, status.publication === null ? "publication.draftNew" : "publication.draftChanged", { version: status.publication ?? 0 })}{" "}
        <a href="/publish">{t(lang, "publication.goPublish")}</a>
      </p>
    );
  }
  if (asOf === null) return null;
  return (
    <p className="publication-notice as-of" role="note">
      {t(lang, status.publication === null ? "publication.asOf" : "publication.asOfVersion", { date: formatDate(lang, asOf), version: status.publication ?? 0 })}{" "}
      <a href={currentHref}>{t(lang, status.newerVersion !== null ? "publication.newer" : "publication.current", { version: status.newerVersion ?? 0 })}</a>
    </p>
  );
}
