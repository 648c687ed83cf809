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
