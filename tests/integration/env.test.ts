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

  it("refuses a PUBLIC_URL that is not an absolute http or https address, naming it", async () => {
    const { code, output } = await runServer({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), PUBLIC_URL: "parboard.example.vn" });
    expect(code).not.toBe(0);
    expect(output).toContain('PUBLIC_URL: not an absolute http or https address: "parboard.example.vn"');
    expect(output).not.toMatch(/at .*\.ts:\d+/);
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

describe("targets.json", () => {
  it("stops the server and the CLI before anything else when a target is wrong, with one sentence naming the key", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-targets-"));
    fs.cpSync("data", dir, { recursive: true, filter: (f) => !f.endsWith(".duckdb") && !f.includes("sample") });
    const file = path.join(dir, "targets.json");
    fs.writeFileSync(file, JSON.stringify({ "2025": { source: "Kế hoạch CCHC năm 2025", targets: { digitization_rate: 90 } } }));
    try {
      const { code, output } = await runServer({ SESSION_SECRET: "x".repeat(40), DATA_DIR: dir, DATABASE_PATH: path.join(dir, "db.duckdb") });
      expect(code).not.toBe(0);
      expect(output).toContain(`${file}, khóa "2025.targets.digitization_rate": 90 không phải tỷ lệ từ 0 đến 1 (90 % viết là 0.9).`);
      expect(output).toContain(`${file}, key "2025.targets.digitization_rate": 90 is not a rate from 0 to 1 (90 % is written 0.9).`);
      expect(output).not.toMatch(/at .*\.ts:\d+/);
      expect(fs.existsSync(path.join(dir, "db.duckdb"))).toBe(false);

      fs.writeFileSync(file, JSON.stringify({ "2025": { source: "Kế hoạch", targets: { speed: 1 } } }));
      const cli = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "scripts/seed.ts"], {
          env: { ...process.env, DATA_DIR: dir, DATABASE_PATH: path.join(dir, "db.duckdb") },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (out += d.toString()));
        child.on("exit", (c) => resolve({ code: c, output: out }));
      });
      expect(cli.code).not.toBe(0);
      expect(cli.output).toContain(`${file}, khóa "2025.targets.speed": "speed" không phải chỉ tiêu nào. Các chỉ tiêu: digitization_rate,`);
      expect(fs.existsSync(path.join(dir, "db.duckdb"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
