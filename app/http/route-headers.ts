/**
 * Remix applies a loader's or action's headers to the HTML page only through the route's `headers`
 * export: this one keeps the caching rule (pages for signed-in users are never stored) and Retry-After.
 */
import type { HeadersFunction } from "@remix-run/node";

export const passThroughHeaders: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const out = new Headers();
  for (const name of ["Cache-Control", "Retry-After"]) {
    const value = actionHeaders.get(name) ?? loaderHeaders.get(name);
    if (value) out.set(name, value);
  }
  return out;
};
