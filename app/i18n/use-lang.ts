import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LANG, isLang, type Lang } from "./translate";

/** The language chosen by the root loader, for any component below it. */
export function useLang(): Lang {
  const data = useRouteLoaderData("root");
  const lang = data && typeof data === "object" && "lang" in data ? data.lang : undefined;
  return isLang(lang) ? lang : DEFAULT_LANG;
}
