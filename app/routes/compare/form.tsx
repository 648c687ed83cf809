/**
 * The choice of units to compare, by search (decision 012): the chosen units with a link that removes each,
 * a GET form that searches the registry by name or code (`q`), and the matches with a link that adds each.
 * Every state is an address (`units=a,b&q=…&period=…`), so it works without JavaScript and can be shared;
 * a province of 3,321 units is never sent as 3,321 checkboxes.
 */
import type { UnitSearch } from "./view.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";

export interface CompareFormProps {
  chosen: readonly { code: string; name: string }[];
  search: UnitSearch;
  /** The period the reader asked for, kept by every link and the search; null lets the page choose. */
  period: string | null;
  max: number;
}

/** The address of the compare page with these units (in this order), the search and the period. */
export function compareHref(codes: readonly string[], period: string | null, q: string | null): string {
  const parts: string[] = [];
  // Codes are five digits each (the URL parser checks them): nothing in them needs encoding.
  if (codes.length > 0) parts.push(`units=${codes.join(",")}`);
  if (period) parts.push(`period=${encodeURIComponent(period)}`);
  if (q) parts.push(`q=${encodeURIComponent(q)}`);
  return `/compare${parts.length > 0 ? `?${parts.join("&")}` : ""}`;
}

export function CompareForm({ chosen, search, period, max }: CompareFormProps) {
  const lang = useLang();
  const codes = chosen.map((u) => u.code);
  const chosenSet = new Set(codes);
  const full = codes.length >= max;
  return (
    <section className="compare-picker" aria-labelledby="compare-chosen-heading">
      <h2 id="compare-chosen-heading">{t(lang, "compare.chosen.heading", { count: codes.length, max })}</h2>
      {chosen.length === 0 ? (
        <p className="muted">{t(lang, "compare.chosen.none")}</p>
      ) : (
        <ul className="compare-chosen">
          {chosen.map((u) => (
            <li key={u.code}>
              <span>
                {u.name} <span className="muted">({u.code})</span>
              </span>{" "}
              <a href={compareHref(codes.filter((c) => c !== u.code), period, search.query)} aria-label={t(lang, "compare.removeName", { name: u.name })}>
                {t(lang, "compare.remove")}
              </a>
            </li>
          ))}
        </ul>
      )}
      <form method="get" action="/compare" className="compare-search" role="search">
        {codes.length > 0 ? <input type="hidden" name="units" value={codes.join(",")} /> : null}
        {period ? <input type="hidden" name="period" value={period} /> : null}
        <label htmlFor="compare-q">{t(lang, "compare.search.label")}</label>
        <input id="compare-q" type="search" name="q" defaultValue={search.query ?? ""} maxLength={100} autoComplete="off" />
        <button type="submit">{t(lang, "compare.search.submit")}</button>
      </form>
      {search.query === null ? null : (
        <div className="compare-results">
          <h3>{t(lang, "compare.results.heading", { q: search.query })}</h3>
          {search.count === 0 ? (
            <p role="status">{t(lang, "compare.results.none", { q: search.query })}</p>
          ) : (
            <>
              {search.count > search.matches.length ? (
                <p role="status">{t(lang, "compare.results.count", { n: search.count, shown: search.matches.length })}</p>
              ) : null}
              {full ? <p className="muted">{t(lang, "compare.full", { max })}</p> : null}
              <ul className="compare-found">
                {search.matches.map((u) => (
                  <li key={u.code}>
                    <span>
                      {u.name} <span className="muted">({u.code})</span>
                    </span>{" "}
                    {chosenSet.has(u.code) ? (
                      <span className="muted">{t(lang, "compare.added")}</span>
                    ) : full ? null : (
                      <a href={compareHref([...codes, u.code], period, search.query)} aria-label={t(lang, "compare.addName", { name: u.name })}>
                        {t(lang, "compare.add")}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
