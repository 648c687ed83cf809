import { describe, expect, it } from "vitest";
import { proxyTrust } from "~/http/trusted-proxy.server";

describe("proxyTrust", () => {
  it("trusts nobody when no proxy is configured", () => {
    const trust = proxyTrust([]);
    for (const a of ["127.0.0.1", "::1", "10.0.0.1", undefined]) expect(trust(a), String(a)).toBe(false);
  });
  it("trusts exactly the listed addresses and networks, IPv4 clients of a dual-stack socket included", () => {
    const trust = proxyTrust(["127.0.0.1", "::1", "10.20.0.0/16", "fd00::/8"]);
    for (const a of ["127.0.0.1", "::ffff:127.0.0.1", "::1", "10.20.3.4", "fd12::5"]) expect(trust(a), a).toBe(true);
    for (const a of ["127.0.0.2", "10.21.0.1", "192.0.2.1", "fe80::1", "not-an-address", undefined]) expect(trust(a), String(a)).toBe(false);
  });
});
