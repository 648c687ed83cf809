import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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

describe("the registry over time", () => {
  it("stops the server before it serves anything when lineage.csv is wrong, with the sentence naming the line", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-registry-"));
    for (const f of ["district.json", "scoring.json"]) fs.copyFileSync(path.join("data", f), path.join(dir, f));
    fs.writeFileSync(
      path.join(dir, "communes.csv"),
      "code,name,kind,valid_from,valid_to\n11155,Thị trấn Ninh Giang,town,,2025-Q2\n11197,Xã Vĩnh Hòa,commune,,2025-Q2\n11155,Xã Ninh Giang,commune,2025-Q3,\n",
    );
    fs.writeFileSync(path.join(dir, "lineage.csv"), "predecessor_code,successor_code,effective,share\n11155,11155,2025-Q3,1\n11197,11155,2025-Q3,0.5\n");
    try {
      const { code, output } = await runServer({ SESSION_SECRET: "x".repeat(40), DATA_DIR: dir, DATABASE_PATH: path.join(dir, "db.duckdb") });
      expect(code).not.toBe(0);
      expect(output).toContain(`${path.join(dir, "lineage.csv")}, dòng 3: tỷ lệ chia của đơn vị 11197 từ 2025-Q3 cộng lại bằng 0.5, cần đúng bằng 1.`);
      expect(output).toContain("line 3: the shares of unit 11197 from 2025-Q3 add up to 0.5");
      expect(output).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
