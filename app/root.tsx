import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, isRouteErrorResponse, json, useRouteError } from "@remix-run/react";
import { getSessionUser } from "~/auth/guards.server";
import { useNonce } from "~/http/nonce";
import { AppShell } from "~/components/app-shell";
import { PageScripts } from "~/components/page-scripts";
import type { ShellData } from "~/components/use-shell-data";
import { getDistrict } from "~/config/registry.server";
import { getLoadedPeriods } from "~/db/periods.server";
import { getAppDb } from "~/db/setup.server";
import { getEnv } from "~/env.server";
import { dataViewOf } from "~/http/data-view.server";
import { parseParams } from "~/http/params.server";
import { getLang, langCookieHeader } from "~/i18n/lang.server";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import stylesheet from "~/styles/app.css";
import accountStylesheet from "~/styles/upload.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: accountStylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = getLang(request);
  const cookie = langCookieHeader(request);
  const user = getSessionUser(context);
  const env = getEnv();
  // A private dashboard shows an anonymous reader (on the login page) nothing about its data.
  // The period picker offers what this reader may see (a malformed as_of is the page's 400 to give).
  const asOf = parseParams(new URL(request.url).searchParams, ["as_of"]);
  const view = dataViewOf(context, asOf.ok ? asOf.params.as_of : undefined);
  const periods = env.PARBOARD_PRIVATE && !user ? { quarters: [], years: [] } : await getLoadedPeriods(await getAppDb(), view);
  const shell: ShellData = { lang, district: getDistrict(env.DATA_DIR), periods, user };
  return json(shell, cookie ? { headers: { "Set-Cookie": cookie } } : undefined);
}

/** A4 with "Trang 2/3" at the foot of every printed page; the word is ours, quoted as a CSS string. */
function pageRule(word: string): string {
  const quoted = JSON.stringify(`${word} `).replace(/</g, "\\3C ");
  return `@page { size: A4; margin: 12mm 12mm 14mm; @bottom-right { content: ${quoted} counter(page) "/" counter(pages); font: 8pt sans-serif; color: #595959; } }`;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const lang = useLang();
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* Every printout is A4 with its page numbers, in the reader's language (a margin box cannot read the page's lang). */}
        <style dangerouslySetInnerHTML={{ __html: pageRule(t(lang, "pack.page")) }} />
      </head>
      <body>
        {children}
        <PageScripts nonce={nonce} />
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

function errorTitleKey(status: number): string {
  if (status === 404) return "error.notFound";
  if (status === 400) return "error.badRequest";
  if (status === 403) return "auth.forbidden.title";
  return "error.server";
}

/** An error page's title, in the reader's language (a page names itself otherwise). */
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return [];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [{ title: `${t(data?.lang ?? "vi", errorTitleKey(status))} · parboard` }];
};

export function ErrorBoundary() {
  const error = useRouteError();
  const lang = useLang();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const detail = isRouteErrorResponse(error) && typeof error.data === "string" && status !== 403 ? error.data : null;
  // Inside the shell, so that an error page keeps the navigation and the language switch.
  return (
    <AppShell>
      <h1>{t(lang, errorTitleKey(status))}</h1>
      {status === 403 ? <p>{t(lang, "auth.forbidden.text")}</p> : null}
      {detail ? <p>{detail}</p> : null}
      <p>
        <a href="/">{t(lang, "nav.home")}</a>
      </p>
    </AppShell>
  );
}
