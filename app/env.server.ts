/**
 * The environment, validated once with zod. A bad value stops the process at start-up with a readable list.
 */
import { isIP } from "node:net";
import { z } from "zod";

/** Used outside production when SESSION_SECRET is not set; the server warns at start-up. */
export const DEV_SESSION_SECRET = "parboard-development-secret-do-not-use-in-production";
export const MIN_SESSION_SECRET_LENGTH = 32;

const flag = z
  .enum(["0", "1", ""])
  .default("")
  .transform((v) => v === "1");

/** What `TRUST_PROXY=1` stands for: a reverse proxy on this machine. */
export const LOOPBACK_PROXIES = ["127.0.0.1", "::1"] as const;

/** An IP address, or a network as address/prefix (10.0.0.0/8, fd00::/8). */
function isAddressOrNetwork(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const proxyListSchema = z
  .string()
  .default("")
  .transform((v) => v.split(",").map((e) => e.trim()).filter((e) => e !== ""))
  .superRefine((entries, ctx) => {
    for (const entry of entries) {
      if (!isAddressOrNetwork(entry)) {
        ctx.addIssue({
          code: "custom",
          message: `not an IP address or network: "${entry}" (write the proxy's address as the server sees it, e.g. 127.0.0.1 or 10.0.0.0/8; several separated by commas)`,
        });
      }
    }
  });

/**
 * The address readers open the dashboard at, as the notice-board card's QR code names it: an absolute http
 * or https URL without query, fragment or credentials; trailing slashes are dropped. Empty: not set.
 */
const publicUrlSchema = z
  .string()
  .default("")
  .transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "") return null;
    const url = URL.canParse(value) ? new URL(value) : null;
    if (!url || !["http:", "https:"].includes(url.protocol) || url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
      ctx.addIssue({
        code: "custom",
        message: `not an absolute http or https address: "${value}" (write the address readers open, e.g. https://parboard.example.vn, without ? or #)`,
      });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_PATH: z.string().min(1).default("data/parboard.duckdb"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Largest accepted upload in bytes (spec: 20 MB by default). */
    MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
    /**
     * Memory for pages rendered once per data version and served to anonymous readers (decision 014), in
     * MB. 0 renders every request (for measuring a cold render, or to rule the cache out).
     */
    PAGE_CACHE_MB: z.coerce.number().int().min(0).max(65_536).default(256),
    /** Folder holding communes.csv, district.json and scoring.json; a district replaces these files. */
    DATA_DIR: z.string().min(1).default("data"),
    /** Set by `npm run demo`: the sample data and demo accounts. */
    PARBOARD_DEMO: flag,
    /** Signs the session cookie. Required (≥ 32 characters) in production; a fixed dev secret otherwise. */
    SESSION_SECRET: z.string().optional(),
    /** 1: every page, the API and the exports require login. Default: the dashboard is public. */
    PARBOARD_PRIVATE: flag,
    /**
     * The session cookie's Secure flag: on in production, off otherwise. `0` in production is for a server
     * reached over plain HTTP on an office network (the browser would otherwise drop the cookie).
     */
    SESSION_COOKIE_SECURE: z.enum(["0", "1", ""]).default(""),
    /**
     * The reverse proxies whose X-Forwarded-For (and -Host, -Proto) are believed, by the address their
     * connections come from: addresses or networks, separated by commas. Anyone else's are ignored.
     */
    TRUSTED_PROXY: proxyListSchema,
    /** Older setting: 1 = a reverse proxy on this machine, the same as TRUSTED_PROXY=127.0.0.1,::1. */
    TRUST_PROXY: flag,
    /** Where readers reach the dashboard; the card's QR code leads to `PUBLIC_URL/units/CODE`. Optional. */
    PUBLIC_URL: publicUrlSchema,
  })
  .superRefine((env, ctx) => {
    if (env.TRUST_PROXY && env.TRUSTED_PROXY.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["TRUST_PROXY"],
        message: "set either TRUSTED_PROXY (the proxy's address) or TRUST_PROXY=1 (a proxy on this machine), not both",
      });
    }
    const secret = env.SESSION_SECRET ?? "";
    if (env.NODE_ENV === "production" && secret === "") {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: `required in production: set it to a random string of at least ${MIN_SESSION_SECRET_LENGTH} characters (e.g. the output of \`openssl rand -base64 48\`)`,
      });
    } else if (secret !== "" && secret.length < MIN_SESSION_SECRET_LENGTH) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: `too short (${secret.length} characters): use at least ${MIN_SESSION_SECRET_LENGTH} random characters`,
      });
    }
  })
  .transform(({ SESSION_SECRET, SESSION_COOKIE_SECURE, TRUSTED_PROXY, TRUST_PROXY, ...env }) => ({
    ...env,
    /** Whose forwarded headers are believed (empty: nobody's). */
    trustedProxies: TRUST_PROXY ? [...LOOPBACK_PROXIES] : TRUSTED_PROXY,
    SESSION_SECRET: SESSION_SECRET || DEV_SESSION_SECRET,
    /** True when the fixed development secret is in use (never in production: the schema refuses). */
    sessionSecretIsDev: !SESSION_SECRET,
    SESSION_COOKIE_SECURE: SESSION_COOKIE_SECURE === "" ? env.NODE_ENV === "production" : SESSION_COOKIE_SECURE === "1",
  }));

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
