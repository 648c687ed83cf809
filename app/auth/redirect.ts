/**
 * Where to go after login: only a path on this site. `//evil.example`, `/\evil.example` and absolute URLs
 * would send the user elsewhere, so they fall back to the default.
 */
export function safeRedirectPath(target: unknown, fallback: string): string {
  if (typeof target !== "string" || target === "") return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  if (/[\p{Cc}\\]/u.test(target)) return fallback;
  // Do not bounce back to the login or logout pages themselves.
  if (/^\/(login|logout)(?:[/?#]|$)/.test(target)) return fallback;
  return target;
}

/** The login page's URL that brings the user back to `path` afterwards. */
export function loginUrl(path: string): string {
  const back = safeRedirectPath(path, "");
  return back === "" || back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`;
}
