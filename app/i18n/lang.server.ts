/**
 * The reader's language: `?lang=` first (a shared link keeps its language), then the remembered cookie,
 * then Vietnamese.
 */
import { DEFAULT_LANG, isLang, type Lang } from "./translate";

export const LANG_COOKIE = "parboard_lang";

export function getLang(request: Request): Lang {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLang(fromQuery)) return fromQuery;
  const cookie = request.headers.get("Cookie") ?? "";
  const m = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=(vi|en)(?:;|$)`).exec(cookie);
  return m && isLang(m[1]) ? m[1] : DEFAULT_LANG;
}

/** A Set-Cookie header remembering the language for a year, when the URL chose one. */
export function langCookieHeader(request: Request): string | null {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (!isLang(fromQuery)) return null;
  return `${LANG_COOKIE}=${fromQuery}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
