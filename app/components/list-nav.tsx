/**
 * Search and paging of a long ranking (docs/decisions/012-pages-at-scale.md), shared by the overview and
 * the contest page: a GET form with one text field (`q`, a name or a code), a line saying which part of the
 * ranking is shown, and links to the other pages. Everything is in the URL and works without JavaScript.
 * Other URL state (period, indicator, later a cluster) rides along as hidden fields and in every link.
 */
import { unitListDefaults } from "~/domain/unit-list";
import { formatCount } from "~/i18n/format";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";

export interface ListNavState {
  mode: "all" | "ends" | "page";
  total: number;
  query: string | null;
  matches: number;
  page: number;
  pages: number;
  first: number;
  /** Units shown on this page. */
  shown: number;
}

export interface ListNavProps {
  id: string;
  /** The page's path, e.g. "/" or "/contest". */
  action: string;
  list: ListNavState;
  /** Other search params to keep (name → value). */
  keep: Record<string, string | undefined>;
}

/** The address of this view with `q` and `page` set (absent ones left out). */
export function listHref(action: string, keep: Record<string, string | undefined>, q: string | null, page: number | null): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(keep)) if (value !== undefined && value !== "") params.set(name, value);
  if (q !== null && q !== "") params.set("q", q);
  if (page !== null) params.set("page", String(page));
  const search = params.toString();
  return `${action}${search ? `?${search}` : ""}`;
}

export function ListNav({ id, action, list, keep }: ListNavProps) {
  const lang = useLang();
  const n = (x: number) => formatCount(lang, x);
  const href = (page: number | null, q: string | null = list.query) => listHref(action, keep, q, page);
  const past = list.mode === "page" && list.shown === 0 && list.matches > 0;
  const status = (() => {
    // A short ranking is shown whole, as it always was: nothing to say.
    if (list.mode === "all") return null;
    if (list.mode === "ends") return t(lang, "list.ends", { ends: n(list.shown / 2), total: n(list.total) });
    if (list.query !== null && list.matches === 0) return t(lang, "list.noMatch", { q: list.query });
    if (past) return t(lang, "list.pastEnd", { page: n(list.page), pages: n(list.pages) });
    const range = { from: n(list.first + 1), to: n(list.first + list.shown), page: n(list.page), pages: n(list.pages) };
    return list.query !== null
      ? t(lang, "list.matches", { ...range, q: list.query, matches: n(list.matches) })
      : t(lang, "list.page", { ...range, total: n(list.total) });
  })();
  const links: { key: string; href: string; text: string; rel?: string }[] = [];
  if (list.mode === "ends") links.push({ key: "whole", href: href(1), text: t(lang, "list.whole") });
  if (list.mode === "page") {
    if (list.query !== null) links.push({ key: "clear", href: href(null, null), text: t(lang, "list.clear") });
    else if (list.total > 0) links.push({ key: "ends", href: href(null), text: t(lang, list.total <= unitListDefaults.showAllUpTo ? "list.showAll" : "list.topBottom") });
    if (past) links.push({ key: "last", href: href(list.pages), text: t(lang, "list.last", { page: n(list.pages) }) });
    if (!past && list.page > 1) links.push({ key: "prev", href: href(list.page - 1), text: t(lang, "list.prev"), rel: "prev" });
    if (!past && list.page < list.pages) links.push({ key: "next", href: href(list.page + 1), text: t(lang, "list.next"), rel: "next" });
  }
  return (
    <div className="list-nav" id={id}>
      <form method="get" action={action} className="list-search" role="search">
        {Object.entries(keep).map(([name, v]) => (v === undefined || v === "" ? null : <input key={name} type="hidden" name={name} value={v} />))}
        <label htmlFor={`${id}-q`}>{t(lang, "list.search.label")}</label>
        <input id={`${id}-q`} type="search" name="q" defaultValue={list.query ?? ""} maxLength={100} autoComplete="off" />
        <button type="submit">{t(lang, "list.search.submit")}</button>
      </form>
      {status ? (
        <p className="list-status" role="status">
          {status}
        </p>
      ) : null}
      {links.length > 0 ? (
        <nav className="list-pages" aria-label={t(lang, "list.pages.label")}>
          {links.map((l) => (
            <a key={l.key} href={l.href} rel={l.rel}>
              {l.text}
            </a>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
