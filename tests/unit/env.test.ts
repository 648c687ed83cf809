import { describe, expect, it } from "vitest";
import { DEV_SESSION_SECRET, EnvError, parseEnv } from "~/env.server";
import { authMessages } from "~/i18n/auth-messages";

describe("SESSION_SECRET", () => {
  it("is required in production, with a sentence that says what to do", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET: required in production.*at least 32 characters/);
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "too-short" })).toThrow(/SESSION_SECRET: too short \(9 characters\)/);
    const env = parseEnv({ NODE_ENV: "production", SESSION_SECRET: "s".repeat(32) });
    expect(env).toMatchObject({ SESSION_SECRET: "s".repeat(32), sessionSecretIsDev: false, SESSION_COOKIE_SECURE: true, PARBOARD_PRIVATE: false });
  });
  it("falls back to the development secret outside production, and the cookie is not Secure there", () => {
    expect(parseEnv({})).toMatchObject({ SESSION_SECRET: DEV_SESSION_SECRET, sessionSecretIsDev: true, SESSION_COOKIE_SECURE: false });
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: "s".repeat(40), SESSION_COOKIE_SECURE: "0" }).SESSION_COOKIE_SECURE).toBe(false);
    expect(parseEnv({ PARBOARD_PRIVATE: "1" }).PARBOARD_PRIVATE).toBe(true);
  });
});

describe("TRUSTED_PROXY", () => {
  it("is a list of addresses and networks, empty by default (nobody's X-Forwarded-For is believed)", () => {
    expect(parseEnv({}).trustedProxies).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXY: "10.0.0.5, 192.168.1.0/24,::1" }).trustedProxies).toEqual(["10.0.0.5", "192.168.1.0/24", "::1"]);
  });
  it("names a value that is not an address", () => {
    expect(() => parseEnv({ TRUSTED_PROXY: "10.0.0.5,proxy.local" })).toThrow(/TRUSTED_PROXY: not an IP address or network: "proxy\.local"/);
    expect(() => parseEnv({ TRUSTED_PROXY: "10.0.0.0/33" })).toThrow(/not an IP address or network: "10\.0\.0\.0\/33"/);
  });
  it("keeps TRUST_PROXY=1 working for a proxy on this machine only, and refuses both settings at once", () => {
    expect(parseEnv({ TRUST_PROXY: "1" }).trustedProxies).toEqual(["127.0.0.1", "::1"]);
    expect(() => parseEnv({ TRUST_PROXY: "1", TRUSTED_PROXY: "10.0.0.5" })).toThrow(/TRUST_PROXY: set either TRUSTED_PROXY/);
  });
});

describe("PUBLIC_URL", () => {
  it("is optional, and an absolute http or https address loses its trailing slashes", () => {
    expect(parseEnv({}).PUBLIC_URL).toBeNull();
    expect(parseEnv({ PUBLIC_URL: "  " }).PUBLIC_URL).toBeNull();
    expect(parseEnv({ PUBLIC_URL: "https://parboard.example.vn/" }).PUBLIC_URL).toBe("https://parboard.example.vn");
    expect(parseEnv({ PUBLIC_URL: "HTTP://Bang.Example.VN:8080/cchc//" }).PUBLIC_URL).toBe("http://bang.example.vn:8080/cchc");
    expect(parseEnv({ PUBLIC_URL: "https://example.vn:443" }).PUBLIC_URL).toBe("https://example.vn");
  });
  it("refuses anything else in one sentence that names the value", () => {
    for (const bad of ["parboard.example.vn", "/units", "ftp://example.vn", "https://user:pw@example.vn", "https://example.vn/?a=1", "https://example.vn/#top", "http://"]) {
      expect(() => parseEnv({ PUBLIC_URL: bad }), bad).toThrow(EnvError);
    }
    expect(() => parseEnv({ PUBLIC_URL: "parboard.example.vn" })).toThrow(
      /PUBLIC_URL: not an absolute http or https address: "parboard\.example\.vn" \(write the address readers open, e\.g\. https:\/\/parboard\.example\.vn, without \? or #\)/,
    );
  });
});

describe("auth messages", () => {
  it("has the same keys in Vietnamese and English, none empty, with the same placeholders", () => {
    expect(Object.keys(authMessages.vi).sort()).toEqual(Object.keys(authMessages.en).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, vi] of Object.entries(authMessages.vi)) {
      const en = authMessages.en[key] ?? "";
      expect(vi.trim(), key).not.toBe("");
      expect(placeholders(vi), key).toEqual(placeholders(en));
    }
  });
});
