/**
 * Whose forwarded headers the server believes (TRUSTED_PROXY, docs/decisions/004): a request's
 * X-Forwarded-For, -Host and -Proto count only when its connection comes from one of these addresses.
 * A client that reaches the port directly writes what it likes in them, so believing any sender would let
 * it choose the address the login limits and the audit log see.
 */
import { BlockList, isIP } from "node:net";

/** True when a connection from this address is a trusted proxy's. */
export type ProxyTrust = (address: string | undefined) => boolean;

/** Builds the check from the validated entries of TRUSTED_PROXY (addresses and address/prefix networks). */
export function proxyTrust(entries: readonly string[]): ProxyTrust {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    if (address === undefined || entries.length === 0) return false;
    const version = isIP(address);
    // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d; BlockList matches those against IPv4 rules.
    return version !== 0 && list.check(address, version === 6 ? "ipv6" : "ipv4");
  };
}
