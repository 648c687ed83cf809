import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, json, useRouteError } from "@remix-run/react";
import { AppShell } from "~/components/app-shell";
import { getShellData } from "~/db/shell.server";
import { getLang, langCookieHeader } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getLang(request);
  const cookie = langCookieHeader(request);
  const shell = await getShellData();
  return json({ lang, ...shell }, cookie ? { headers: { "Set-Cookie": cookie } } : undefined);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const lang = useLang();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const lang = useLang();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const detail = isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : null;
  return (
    <main className="page" id="main">
      <h1>{t(lang, status === 404 ? "error.notFound" : status === 400 ? "error.badRequest" : "error.server")}</h1>
      {detail ? <p>{detail}</p> : null}
      <p>
        <a href="/">{t(lang, "nav.home")}</a>
      </p>
    </main>
  );
}
