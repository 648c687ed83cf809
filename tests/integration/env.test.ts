import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

function runServer(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      env: { ...process.env, SESSION_SECRET: undefined, PORT: "1", DATABASE_PATH: "/nonexistent/never-opened.duckdb", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("the server in production", () => {
  it("refuses to start without SESSION_SECRET, saying what to set", async () => {
    const { code, output } = await runServer({ NODE_ENV: "production" });
    expect(code).not.toBe(0);
    expect(output).toContain("Invalid environment:");
    expect(output).toMatch(/SESSION_SECRET: required in production: set it to a random string of at least 32 characters/);
    expect(output).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses a secret shorter than 32 characters", async () => {
    const { code, output } = await runServer({ NODE_ENV: "production", SESSION_SECRET: "short-secret" });
    expect(code).not.toBe(0);
    expect(output).toMatch(/SESSION_SECRET: too short \(12 characters\)/);
  });
});
