/**
 * `npm run import` as a user runs it: a child process on a real DuckDB file.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { closeDb } from "~/db/instance.server";
import { openAppDb } from "~/db/setup.server";

let dir: string;
let dbPath: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-cli-"));
  dbPath = path.join(dir, "cli.duckdb");
  await openAppDb({ DATABASE_PATH: dbPath, DATA_DIR: "data" });
  await closeDb(dbPath);
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function runImport(args: string[]) {
  const res = spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
    // LANG=C: the language comes from --lang here, or the product's default (Vietnamese).
    env: { ...process.env, LANG: "C.UTF-8", PARBOARD_LANG: "", DATABASE_PATH: dbPath, INIT_CWD: process.cwd() },
    encoding: "utf8",
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Everything the database holds that an import could change. */
async function dump() {
  const db = await openAppDb({ DATABASE_PATH: dbPath, DATA_DIR: "data" });
  const any = z.record(z.string(), z.unknown());
  const out = {
    uploads: await db.query("SELECT * EXCLUDE (uploaded_at) FROM uploads ORDER BY id", [], any),
    rows: await db.query("SELECT * FROM report_rows ORDER BY upload_id, line", [], any),
  };
  await closeDb(dbPath);
  return out;
}

describe("npm run import", () => {
  it("prints every error with its line and column, exits 1, and leaves the database as it was", async () => {
    expect(runImport(["--lang", "en", "data/sample/2022-Q1.csv"]).code).toBe(0);
    const before = await dump();
    const res = runImport(["--lang", "en", "tests/fixtures/ingest/errors-counts.csv", "tests/fixtures/ingest/errors-units-periods.csv"]);
    expect(res.code).toBe(1);
    // errors-counts.csv: "12,5" on line 2, -3 on line 3, an empty count on line 4, 600 > 512 on line 5, 1.5 on line 6.
    expect(res.stderr).toMatch(/Line 2, column "dossiers_digitized".*12,5/);
    expect(res.stderr).toMatch(/Line 3, column "dossiers_overdue".*-3/);
    expect(res.stderr).toMatch(/Line 4, column "fee_dossiers"/);
    expect(res.stderr).toMatch(/Line 5, column "dossiers_online".*600/);
    expect(res.stderr).toMatch(/Line 6, column "contest_entries".*1\.5/);
    // errors-units-periods.csv: unknown unit, bad periods, a duplicate, a 4-digit code, empty cells.
    expect(res.stderr).toMatch(/Line 2, column "commune_code".*99999/);
    expect(res.stderr).toMatch(/Line 3, column "period".*2023-Q5/);
    expect(res.stderr).toMatch(/Line 6, .*line 5/i);
    expect(res.stderr).toContain("Nothing was saved");
    expect(await dump()).toEqual(before);
  });

  it("speaks Vietnamese by default", () => {
    const res = runImport(["tests/fixtures/ingest/errors-counts.csv"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Dòng 2, cột "dossiers_digitized"/);
    expect(res.stderr).toContain("Không lưu gì");
  });

  it("commits a good file and prints a one-line summary; a second import of the same quarter replaces it", async () => {
    const first = runImport(["--lang", "en", "--user", "an", "data/sample/2023-Q4.csv"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toBe("2023-Q4.csv: committed as upload #1 — 20 rows, 20 units, periods 2023-Q4 (20 new, 0 changed, 0 unchanged).");
    const again = runImport(["--lang", "en", "data/sample/2023-Q4.csv"]);
    expect(again.stdout).toContain("(0 new, 0 changed, 20 unchanged)");
    const { uploads } = await dump();
    expect(uploads.map((u) => [u.id, u.uploaded_by, u.source, u.status])).toEqual([
      [1, "an", "cli", "committed"],
      [2, expect.any(String), "cli", "committed"],
    ]);
  });

  it("commits several files together, and refuses all of them when two hold the same unit and period", async () => {
    const clash = runImport(["--lang", "en", "data/sample/2023-Q3.csv", "data/sample/2023-Q4.csv", "data/sample/2023-Q4.csv"]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/2023-Q4\.csv, line 2: unit 11155, Q4 2023 is also in 2023-Q4\.csv \(line 2\)/);
    expect(clash.stderr).toContain("Nothing was saved");
    expect((await dump()).uploads).toEqual([]);
    const both = runImport(["--lang", "en", "data/sample/2023-Q3.csv", "data/sample/2023-Q4.csv"]);
    expect(both.code).toBe(0);
    expect(both.stdout.trim().split("\n")).toEqual([
      "2023-Q3.csv: committed as upload #1 — 20 rows, 20 units, periods 2023-Q3 (20 new, 0 changed, 0 unchanged).",
      "2023-Q4.csv: committed as upload #2 — 20 rows, 20 units, periods 2023-Q4 (20 new, 0 changed, 0 unchanged).",
    ]);
  });

  it("reads a Vietnamese Excel file (BOM, semicolons, Vietnamese headers, thousands separators)", () => {
    const res = runImport(["--lang", "en", "tests/fixtures/ingest/excel-vi-semicolon-bom.csv"]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/committed as upload #1/);
  });

  it("says in one sentence that the server holds the database", async () => {
    // This process opens the file: a second process finds it locked, as it would with the server running.
    await openAppDb({ DATABASE_PATH: dbPath, DATA_DIR: "data" });
    try {
      const res = runImport(["--lang", "en", "data/sample/2023-Q4.csv"]);
      expect(res.code).toBe(1);
      expect(res.stderr.trim().split("\n")).toHaveLength(1);
      expect(res.stderr).toMatch(/^The parboard server has the database .* open \(.*PID \d+.*\): stop the server and run the command again, or upload the file on the server's Upload page\.$/m);
    } finally {
      await closeDb(dbPath);
    }
  });

  it("explains a missing file and shows the usage without files", () => {
    expect(runImport(["--lang", "en", "nope.csv"]).stderr).toMatch(/Cannot read the file .*nope\.csv/);
    const none = runImport(["--lang", "en"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("Usage: npm run import");
  });
});
