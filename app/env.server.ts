/**
 * The environment, validated once with zod. A bad value stops the process at start-up with a readable list.
 */
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("data/parboard.duckdb"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Largest accepted upload in bytes (spec: 20 MB by default). */
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** Folder holding communes.csv, district.json and scoring.json; a district replaces these files. */
  DATA_DIR: z.string().min(1).default("data"),
  /** Set by `npm run demo`: the sample data and demo accounts. */
  PARBOARD_DEMO: z
    .enum(["0", "1", ""])
    .default("")
    .transform((v) => v === "1"),
});

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
