/**
 * The frame of every page: skip link, the district's name, navigation, the account area, the language switch.
 */
import { Form, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { loginUrl } from "~/auth/redirect";
import { can, type SessionUser } from "~/domain/roles";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { useShellData } from "./use-shell-data";

const NAV = [
  { to: "/", key: "nav.overview", end: true },
  { to: "/compare", key: "nav.compare", end: false },
  { to: "/contest", key: "nav.contest", end: false },
  { to: "/data", key: "nav.data", end: false },
] as const;

/** The current URL with `lang` set: a link that switches language and keeps the view. */
function useLangSwitchHref(other: string): string {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.set("lang", other);
  return `${location.pathname}?${params.toString()}`;
}

/** Login link, or who is signed in with the links their role opens and a logout button (a POST form). */
function AccountArea({ user }: { user: SessionUser | null }) {
  const lang = useLang();
  const location = useLocation();
  if (!user) {
    if (location.pathname === "/login") return null;
    return (
      <div className="account">
        <a href={loginUrl(`${location.pathname}${location.search}`)}>{t(lang, "auth.login.link")}</a>
      </div>
    );
  }
  return (
    <div className="account">
      {can(user.role, "upload") ? <NavLink to="/upload">{t(lang, "auth.nav.upload")}</NavLink> : null}
      {can(user.role, "publish") ? <NavLink to="/publish">{t(lang, "nav.publish")}</NavLink> : null}
      {user.role === "leader" && can(user.role, "viewUploads") ? <NavLink to="/uploads">{t(lang, "auth.nav.uploads")}</NavLink> : null}
      {can(user.role, "manageUsers") ? <NavLink to="/admin/users">{t(lang, "auth.nav.users")}</NavLink> : null}
      <span className="account-user">
        {user.displayName} <span className="account-role">({t(lang, `auth.role.${user.role}`)})</span>
      </span>
      <Form method="post" action="/logout" className="logout-form">
        <button type="submit">{t(lang, "auth.logout.button")}</button>
      </Form>
    </div>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const lang = useLang();
  const shell = useShellData();
  const other = lang === "vi" ? "en" : "vi";
  const switchHref = useLangSwitchHref(other);
  const district = shell?.district;
  return (
    <>
      <a className="skip-link" href="#main">
        {t(lang, "nav.skip")}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <p className="brand">
            <a href="/">parboard</a>
            {district ? <span className="brand-district">{lang === "vi" ? district.name : district.nameEn}</span> : null}
          </p>
          <nav aria-label={t(lang, "nav.label")}>
            <ul>
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} prefetch="intent">
                    {t(lang, item.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <AccountArea user={shell?.user ?? null} />
          <a className="lang-switch" href={switchHref} hrefLang={other} lang={other}>
            {t(lang, "lang.switchTo")}
          </a>
        </div>
      </header>
      <main className="page" id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
