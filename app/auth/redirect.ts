/**
 * Where to go after login: only a path on this site. `//evil.example`, `/\evil.example` and absolute URLs
 * would send the user elsewhere, so they fall back to the default.
 */

/** Any origin will do: a path is resolved against it only to be normalised and percent-encoded. */
const BASE = "http://parboard.invalid";

/**
 * The path as a Location header can carry it: a header holds bytes, so a letter such as "Đ" in a query
 * would make the redirect throw (after the login had already written its session). The URL parser
 * percent-encodes it, and what it normalises (`/./`, `/../`) is checked again afterwards.
 */
export function safeRedirectPath(target: unknown, fallback: string): string {
  if (typeof target !== "string" || target === "") return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  if (/[\p{Cc}\\]/u.test(target)) return fallback;
  const url = new URL(target, BASE);
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== BASE || path.startsWith("//")) return fallback;
  // Do not bounce back to the login or logout pages themselves.
  if (/^\/(login|logout)(?:[/?#]|$)/.test(path)) return fallback;
  return path;
}

/** The login page's URL that brings the user back to `path` afterwards. */
export function loginUrl(path: string): string {
  const back = safeRedirectPath(path, "");
  return back === "" || back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`;
}
