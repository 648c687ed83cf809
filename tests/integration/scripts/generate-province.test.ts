/**
 * `npm run generate-province` writes a province the server accepts (scripts/bench/province.ts): the
 * registry passes the server's own checks (readRegistryFiles: validity, lineage, shares summing to 1),
 * holds about 170 units today in clusters, mergers of 2–5 and splits with shares, and `npm run seed` with
 * DATA_DIR loads and publishes its 12 quarters, old units before 2025-Q3 and merged units after.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { readRegistryFiles } from "~/config/registry.server";
import { closeDb } from "~/db/instance.server";
import { openAppDb } from "~/db/setup.server";
import { getClusters, getUnitsValidIn } from "~/db/units.server";
import { buildProvince, PROVINCE_REFORM } from "../../../scripts/bench/province";

let dir: string;
const province = buildProvince();

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, LANG: "C.UTF-8", PARBOARD_LANG: "", ...env }, encoding: "utf8" });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-generate-province-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the generated province", () => {
  it("is the same province every time (fixed seed)", () => {
    expect(buildProvince()).toEqual(province);
  });

  it("is written by the CLI and read by the server's registry checks without error", () => {
    const out = path.join(dir, "province");
    const res = run("scripts/generate-province.ts", ["--out", out]);
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    expect(res.stdout).toContain("170 units today in 7 clusters");
    const { units, lineage } = readRegistryFiles(out);
    expect(units).toHaveLength(province.units.length);
    expect(lineage).toHaveLength(province.lineage.length);
    expect(fs.readdirSync(path.join(out, "sample"))).toHaveLength(12);
    // A second run does not write over a folder that holds something.
    const again = run("scripts/generate-province.ts", ["--out", out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("is not empty");
  });

  it("has about 170 units today in clusters, mergers of 2 to 5, splits with shares, unchanged units and reused codes", () => {
    const { units, lineage } = readRegistryFiles(path.join(dir, "province"));
    const today = units.filter((u) => u.validTo === null);
    expect(today).toHaveLength(170);
    const sizes = new Map<string, number>();
    for (const u of today) sizes.set(u.cluster ?? "", (sizes.get(u.cluster ?? "") ?? 0) + 1);
    expect([...sizes.keys()].sort()).toEqual(Array.from({ length: 7 }, (_, i) => `Cụm thi đua số ${i + 1}`));
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(20);
    // Merged units: from 2025-Q3, each from 2 to 5 old units.
    const merged = today.filter((u) => u.validFrom === PROVINCE_REFORM);
    const predecessors = merged.map((u) => lineage.filter((l) => l.successor === u.code).length);
    expect(Math.min(...predecessors)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...predecessors)).toBe(5);
    expect(new Set(predecessors).size).toBe(4);
    // Unchanged units: no lineage, there throughout.
    const unchanged = today.filter((u) => u.validFrom === null);
    expect(unchanged.length).toBeGreaterThan(5);
    expect(lineage.some((l) => unchanged.some((u) => u.code === l.successor || u.code === l.predecessor))).toBe(false);
    // Splits: one old unit to 2 or 3 new ones, shares below 1 adding up to exactly 1.
    const split = new Map<string, number[]>();
    for (const l of lineage.filter((x) => x.share < 1)) split.set(l.predecessor, [...(split.get(l.predecessor) ?? []), l.share]);
    expect(split.size).toBeGreaterThanOrEqual(3);
    for (const shares of split.values()) {
      expect([2, 3]).toContain(shares.length);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(1);
    }
    // Some new units keep a predecessor's code, as the real resolutions did.
    expect(lineage.filter((l) => l.predecessor === l.successor).length).toBeGreaterThan(10);
    // Every old unit ends on 2025-Q2 and goes somewhere.
    const old = units.filter((u) => u.validTo !== null);
    expect(new Set(old.map((u) => u.validTo))).toEqual(new Set(["2025-Q2"]));
    expect(old.every((u) => lineage.some((l) => l.predecessor === u.code))).toBe(true);
  });

  it("is seeded by npm run seed with DATA_DIR: old units report to 2025-Q2, merged units from 2025-Q3", async () => {
    const dbPath = path.join(dir, "province.duckdb");
    const res = run("scripts/seed.ts", ["--lang", "en"], { DATA_DIR: path.join(dir, "province"), DATABASE_PATH: dbPath });
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    const db = await openAppDb({ DATABASE_PATH: dbPath, DATA_DIR: path.join(dir, "province") });
    try {
      const reported = await db.query(
        "SELECT period, count(*)::INTEGER AS n FROM current_reports GROUP BY period ORDER BY period",
        [],
        z.object({ period: z.string(), n: z.number() }),
      );
      const oldCount = province.units.filter((u) => u.validTo !== null || u.validFrom === null).length;
      expect(reported).toHaveLength(12);
      expect(reported.find((r) => r.period === "2025-Q2")?.n).toBe(oldCount);
      expect(reported.find((r) => r.period === "2025-Q3")?.n).toBe(170);
      expect(await getUnitsValidIn(db, "2026-Q3")).toHaveLength(170);
      expect(await getUnitsValidIn(db, "2024-Q1")).toHaveLength(oldCount);
      expect(await getClusters(db)).toHaveLength(7);
      const published = await db.query("SELECT count(DISTINCT period)::INTEGER AS n FROM publications", [], z.object({ n: z.number() }));
      expect(published[0]?.n).toBe(12);
    } finally {
      await closeDb(dbPath);
    }
  }, 120_000);
});
