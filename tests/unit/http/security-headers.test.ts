import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "~/http/security-headers";

describe("security headers", () => {
  it("allows scripts only from this site or with the nonce, and no framing", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const headers = securityHeaders("abc123", false);
    expect(headers).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin" });
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("abc123", true)["Strict-Transport-Security"]).toMatch(/max-age=/);
  });

  it("allows a cached page's inline scripts by their hashes, and nothing inline without one", () => {
    expect(contentSecurityPolicy({ hashes: ["abc=", "def="] })).toContain("script-src 'self' 'sha256-abc=' 'sha256-def='; ");
    expect(contentSecurityPolicy({ hashes: [] })).toContain("script-src 'self'; ");
  });
});
