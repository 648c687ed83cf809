/**
 * Which JavaScript a page gets. Read-only dashboard pages are complete as server-rendered HTML (charts as
 * SVG, pickers as GET forms), so they skip React's hydration and load only public/enhance.js: pickers that
 * submit on change, and chart tooltips on hover, focus and touch. A route opts out of hydration with
 * `export const handle = { hydrate: false }`; pages that need React in the browser (the upload preview,
 * the account forms) keep it. See docs/decisions/007-javascript-budget.md.
 */
import { Scripts, ScrollRestoration, useMatches } from "@remix-run/react";

function wantsHydration(handle: unknown): boolean {
  return !(typeof handle === "object" && handle !== null && "hydrate" in handle && handle.hydrate === false);
}

export function PageScripts({ nonce }: { nonce: string | undefined }) {
  const matches = useMatches();
  const hydrate = matches.every((m) => wantsHydration(m.handle));
  if (!hydrate) return <script src="/enhance.js" nonce={nonce} defer />;
  return (
    <>
      <ScrollRestoration nonce={nonce} />
      <Scripts nonce={nonce} />
    </>
  );
}
