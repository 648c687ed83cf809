/**
 * Targets in the rankings API (shared spec targets-and-actions.md): every row gains `target` and
 * `target_met`, decided on the counts; null where the year has no target for the indicator, or the row no
 * value. A quarter uses its year's targets.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startServer, type TestServer } from "../../helpers/http-server";

const rows = z.object({
  rows: z.array(z.object({ commune_code: z.string(), indicator: z.string(), numerator: z.number().nullable(), target: z.number().nullable(), target_met: z.boolean().nullable() })),
});

let server: TestServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-targets-api-"));
  fs.cpSync("data", dataDir, { recursive: true, filter: (f) => !f.endsWith(".duckdb") });
  fs.writeFileSync(
    path.join(dataDir, "targets.json"),
    JSON.stringify({ "2024": { source: "Kế hoạch CCHC năm 2024 (thử)", targets: { digitization_rate: 0.9, overdue_dossiers: 0 } } }),
  );
  server = await startServer({ seed: true, dataDir });
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function report(query: string) {
  return rows.parse(await (await fetch(`${server.url}/api/rankings?${query}`)).json()).rows;
}

describe("targets in the rankings API", () => {
  it("says for every row of 2024-Q4 its year's target and whether it is met, exactly at the boundary", async () => {
    const digitised = await report("period=2024-Q4&indicator=digitization_rate");
    expect(digitised).toHaveLength(20);
    // Xã Ứng Hoè: 537 of 626 is 85.8 %, below 90 %.
    expect(digitised.find((r) => r.commune_code === "11161")).toMatchObject({ numerator: 537, target: 0.9, target_met: false });
    for (const r of digitised) expect(r.target).toBe(0.9);
    const met = digitised.filter((r) => r.target_met).length;
    expect(met).toBeGreaterThan(0);
    expect(met).toBeLessThan(20);

    const overdue = await report("period=2024-Q4&indicator=overdue_dossiers");
    for (const r of overdue) expect(r.target_met).toBe(r.numerator === null ? null : r.numerator === 0);
    // No target for the composite or for online processing in 2024; none at all for 2023.
    for (const r of await report("period=2024-Q4&indicator=online_rate")) expect([r.target, r.target_met]).toEqual([null, null]);
    for (const r of await report("period=2024&indicator=composite_score")) expect([r.target, r.target_met]).toEqual([null, null]);
    for (const r of await report("period=2023-Q4&indicator=digitization_rate")) expect([r.target, r.target_met]).toEqual([null, null]);
    // A year is held to its own targets, on its summed counts.
    const year = await report("period=2024&indicator=digitization_rate");
    expect(year.every((r) => r.target === 0.9 && typeof r.target_met === "boolean")).toBe(true);
  });
});
