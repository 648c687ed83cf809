/**
 * The security headers of every response. Scripts run only from this site or with the response's nonce
 * (Remix's inline hydration scripts carry it); styles allow inline because the charts render <style>
 * elements and style attributes on the server, which a nonce cannot cover for attributes.
 * A page served from the page cache (page-cache.server.ts) is the same bytes for every reader, so it
 * cannot carry a fresh nonce: its inline scripts are allowed by their SHA-256 hashes instead.
 */
export function contentSecurityPolicy(scripts: string | { hashes: readonly string[] }): string {
  const inline = typeof scripts === "string" ? [`'nonce-${scripts}'`] : scripts.hashes.map((hash) => `'sha256-${hash}'`);
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inline].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(nonce: string, secure: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
  if (secure) headers["Strict-Transport-Security"] = "max-age=31536000";
  return headers;
}
