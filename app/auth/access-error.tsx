/**
 * The error boundary of the account and upload pages: inside the page frame (header and navigation stay),
 * with a sentence for "not allowed" and the usual ones otherwise.
 */
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";

export function AccessErrorBoundary() {
  const error = useRouteError();
  const lang = useLang();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  let title = "error.server";
  let text: string | null = null;
  if (status === 403) {
    title = "auth.forbidden.title";
    text = t(lang, "auth.forbidden.text");
  } else if (status === 404) title = "error.notFound";
  else if (status === 400) {
    title = "error.badRequest";
    // The sentence of a 400 (a form that could not be read, say) is already in the reader's language.
    text = isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : null;
  }
  return (
    <>
      <h1>{t(lang, title)}</h1>
      {text ? <p>{text}</p> : null}
      <p>
        <a href="/">{t(lang, "nav.home")}</a>
      </p>
    </>
  );
}
