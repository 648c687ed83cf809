/**
 * Stopping the real server (SIGTERM, as an operator or a service manager does) right after a change, while
 * it renders the default pages for the next reader in the background: it waits for that work, closes the
 * database and exits 0, and what was committed is there on the next start. Closing the database under a
 * running query used to bring the process down with a native crash (exit by signal, no code).
 */
import fs from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../helpers/http-server";
import { ALL_USERS, USERS } from "../../helpers/http-client";
import { loginAs, postUpload } from "../../../scripts/harness/http-client";
import { sampleVariant } from "../../../scripts/harness/report-files";
import { startServerProcess } from "../../../scripts/harness/server-process";

let dir: string;
let dbPath: string;
beforeAll(async () => {
  ({ dir, dbPath } = await prepareDatabase({ seed: true, users: ALL_USERS }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("stopping the server while it warms pages after a commit", () => {
  it("waits for the background work, exits 0 and keeps every commit", async () => {
    // Several stops at different moments after the commit: at once, and a few milliseconds into the warming.
    for (const [i, delayMs] of [0, 5, 20, 60].entries()) {
      const server = await startServerProcess({ dbPath });
      const staff = await loginAs(server.url, USERS.staff.username, USERS.staff.password);
      const res = await postUpload(server.url, staff, "commit-file", { name: `stop-${i}.csv`, bytes: sampleVariant(700 + i), encoding: "browser" });
      expect(res.status, res.body.slice(0, 300)).toBe(303);
      await new Promise((r) => setTimeout(r, delayMs));
      const code = await server.stop();
      expect(code, server.output()).toBe(0);
      expect(server.output()).not.toMatch(/could not warm|closed/i);
    }
    // Every commit is in the file, which opens cleanly afterwards.
    const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
    try {
      const conn = await instance.connect();
      const names = (await conn.runAndReadAll("SELECT file_name FROM uploads WHERE file_name LIKE 'stop-%' ORDER BY 1")).getRows().map((r) => r[0]);
      conn.closeSync();
      expect(names).toEqual(["stop-0.csv", "stop-1.csv", "stop-2.csv", "stop-3.csv"]);
    } finally {
      instance.closeSync();
    }
  });
});
