/**
 * What the vice chairman takes to the meeting (shared spec publication.md, "Interfaces"): every dashboard
 * view links to its period's rankings as an Excel workbook and as a CSV for a Vietnamese-locale Excel (and
 * the long CSV for programs), and prints on A4 with a title block: the body, the period, when it was
 * published (or that it is a draft), and when it was printed. Page numbers come from the root's @page rule.
 */
import type { PagePublication } from "~/http/data-view.server";
import { formatDate, formatPeriod, formatTime } from "~/i18n/format";
import { t, type Lang } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { useShellData } from "./use-shell-data";

/** `/export/rankings.{xlsx,csv}` for the page's period, the same `as_of`, in the reader's language. */
export function exportHref(kind: "xlsx" | "wide" | "long", publication: Pick<PagePublication, "period" | "asOf">, lang: string): string {
  const search = new URLSearchParams({ period: publication.period });
  if (kind === "wide") search.set("layout", "wide");
  if (publication.asOf !== null) search.set("as_of", publication.asOf);
  search.set("lang", lang);
  return `/export/rankings.${kind === "xlsx" ? "xlsx" : "csv"}?${search.toString()}`;
}

/** The download links, on screen only. */
export function Downloads({ publication }: { publication: PagePublication }) {
  const lang = useLang();
  return (
    <nav className="meeting-pack" aria-label={t(lang, "pack.label")}>
      <span className="meeting-pack-title">{t(lang, "pack.label")}:</span>{" "}
      <a href={exportHref("xlsx", publication, lang)} download>
        {t(lang, "pack.xlsx")}
      </a>{" "}
      ·{" "}
      <a href={exportHref("wide", publication, lang)} download>
        {t(lang, "pack.wide")}
      </a>{" "}
      ·{" "}
      <a href={exportHref("long", publication, lang)} download>
        {t(lang, "pack.long")}
      </a>
    </nav>
  );
}

/** Whether the printed figures are a draft or when they were published (which version); null if neither. */
export function publishedLine(lang: Lang, status: PagePublication["status"]): string | null {
  if (status.status === "draft") return t(lang, "pack.draft");
  if (status.publishedAt === null) return null;
  return t(lang, status.publication === null ? "pack.publishedOn" : "pack.publishedVersion", {
    date: formatDate(lang, status.publishedAt),
    version: status.publication ?? 0,
  });
}

/**
 * When the page was made; printed, when it was printed. A page may come from the page cache, made before it
 * is printed: the server states when it was made; public/enhance.js writes the printing time in at print
 * ("beforeprint"), in Vietnam's time.
 */
export function MadeOn({ printedAt }: { printedAt: string }) {
  const lang = useLang();
  return (
    <p data-print-time={t(lang, "pack.printedOn", { date: "{date}", time: "{time}" })}>
      {t(lang, "pack.madeOn", { date: formatDate(lang, printedAt), time: formatTime(lang, printedAt) })}
    </p>
  );
}

/** The title block at the top of a printout, on paper only (the screen has the page's heading and notices). */
export function PrintTitle({ publication }: { publication: PagePublication }) {
  const lang = useLang();
  const district = useShellData()?.district;
  const body = district ? (lang === "vi" ? district.name : district.nameEn) : "";
  const published = publishedLine(lang, publication.status);
  return (
    <div className="print-title">
      <p className="print-title-body">{body}</p>
      <p>{t(lang, "pack.period", { period: formatPeriod(lang, publication.period) })}</p>
      {published ? <p>{published}</p> : null}
      <MadeOn printedAt={publication.printedAt} />
    </div>
  );
}
