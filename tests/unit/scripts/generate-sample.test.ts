/**
 * The committed sample reports (data/sample/*.csv) against what they promise: the spec's file rules,
 * a believable shape, planted edge cases, and the true 2023 story of Thị trấn Ninh Giang. The figures
 * are recomputed here from the files with exact integer arithmetic, independently of the generator and
 * of the app's ingest and ranking code.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { readRegistryFiles } from "~/config/registry.server";
import { generateSample } from "../../../scripts/generate-sample";

const ROOT = new URL("../../../", import.meta.url);
const SAMPLE_DIR = new URL("data/sample/", ROOT);
const TOWN = "11155";
/** Xã Ninh Giang, formed in 2025-Q3 from the town and three communes (data/README.md). */
const NEW_NINH_GIANG = "11300";
const YEARS = [2022, 2023, 2024];
const PERIODS = [2022, 2023, 2024, 2025, 2026].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`)).filter((p) => p <= "2026-Q3");
/** The first quarter of the merged communes (Resolution 1665/NQ-UBTVQH15, in force 1 July 2025). */
const MERGER = "2025-Q3";

// The spec §1 column order, written out rather than imported so the test is an independent check.
const HEADER = [
  "commune_code",
  "commune_name",
  "period",
  "dossiers_received",
  "dossiers_online",
  "dossiers_digitized",
  "dossiers_resolved",
  "dossiers_resolved_on_time",
  "dossiers_overdue",
  "fee_dossiers",
  "fee_dossiers_paid_online",
  "survey_responses",
  "survey_satisfied",
  "contest_entries",
  "initiatives",
] as const;
type Column = (typeof HEADER)[number];
const COUNTS = HEADER.slice(3) as readonly Column[];

const RATES = {
  digitization_rate: ["dossiers_digitized", "dossiers_received"],
  online_rate: ["dossiers_online", "dossiers_received"],
  online_payment_rate: ["fee_dossiers_paid_online", "fee_dossiers"],
  on_time_rate: ["dossiers_resolved_on_time", "dossiers_resolved"],
  satisfaction_rate: ["survey_satisfied", "survey_responses"],
} as const satisfies Record<string, readonly [Column, Column]>;
type RateId = keyof typeof RATES;

interface Row {
  line: number;
  code: string;
  name: string;
  period: string;
  counts: Map<Column, bigint>;
}

interface Ratio {
  code: string;
  n: bigint;
  d: bigint;
}

interface RegistryLine {
  code: string;
  name: string;
  cluster: string;
  valid_from: string;
  valid_to: string;
}
const registryLines = Papa.parse<RegistryLine>(readFileSync(new URL("data/communes.csv", ROOT), "utf8"), { header: true, skipEmptyLines: true }).data;
const registry = new Map(registryLines.map((u) => [u.code, u.name.normalize("NFC")]));
const lineage = Papa.parse<{ predecessor_code: string; successor_code: string; effective: string; share: string }>(
  readFileSync(new URL("data/lineage.csv", ROOT), "utf8"),
  { header: true, skipEmptyLines: true },
).data;

/** Codes of the units that exist in `period`, by the registry's validity columns. */
function validCodes(period: string): string[] {
  return registryLines.filter((u) => (u.valid_from || "0000") <= period && period <= (u.valid_to || "9999")).map((u) => u.code);
}

function sampleFiles(): string[] {
  return readdirSync(SAMPLE_DIR)
    .filter((f) => f.endsWith(".csv"))
    .sort();
}

function readBytes(file: string): Buffer {
  return readFileSync(new URL(file, SAMPLE_DIR));
}

function parseFile(file: string): Row[] {
  const parsed = Papa.parse<string[]>(readBytes(file).toString("utf8"), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...body] = parsed.data;
  expect(header).toEqual([...HEADER]);
  return body.map((cells, i) => {
    expect(cells).toHaveLength(HEADER.length);
    const counts = new Map<Column, bigint>();
    COUNTS.forEach((column, j) => {
      const raw = cells[j + 3] ?? "";
      expect(raw, `${file} line ${i + 2} ${column}`).toMatch(/^\d+$/);
      counts.set(column, BigInt(raw));
    });
    return { line: i + 2, code: cells[0] ?? "", name: cells[1] ?? "", period: cells[2] ?? "", counts };
  });
}

const byPeriod = new Map(sampleFiles().map((f) => [f.replace(/\.csv$/, ""), parseFile(f)]));
const allRows = [...byPeriod.values()].flat();

function count(row: Row, column: Column): bigint {
  const value = row.counts.get(column);
  if (value === undefined) throw new Error(`no ${column} on line ${row.line}`);
  return value;
}

function total(rows: readonly Row[], column: Column): bigint {
  return rows.reduce((sum, row) => sum + count(row, column), 0n);
}

function yearRows(year: number): Map<string, Row[]> {
  const units = new Map<string, Row[]>();
  for (const row of allRows.filter((r) => r.period.startsWith(`${year}-`))) {
    units.set(row.code, [...(units.get(row.code) ?? []), row]);
  }
  return units;
}

/** a/b compared with c/d by cross-multiplication: positive when a/b is larger. */
function compare(a: Ratio, b: Ratio): number {
  const diff = a.n * b.d - b.n * a.d;
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

/** Summed ratios of the units that have a value (denominator > 0). */
function ratios(units: Map<string, Row[]>, rate: RateId): Ratio[] {
  const [num, den] = RATES[rate];
  return [...units]
    .map(([code, rows]) => ({ code, n: total(rows, num), d: total(rows, den) }))
    .filter((r) => r.d > 0n);
}

/** Standard competition ranking ("1224"), higher is better: 1 + the number strictly better. */
function rankOf(field: Ratio[], code: string): { rank: number; field: number } {
  const mine = field.find((r) => r.code === code);
  if (!mine) throw new Error(`${code} is not ranked`);
  return { rank: 1 + field.filter((r) => compare(r, mine) > 0).length, field: field.length };
}

describe("sample data files", () => {
  it("has one file per quarter, 2022-Q1 … 2026-Q3", () => {
    expect(sampleFiles()).toEqual(PERIODS.map((p) => `${p}.csv`));
  });

  it("writes UTF-8 without a byte-order mark, LF line ends, the spec's header", () => {
    for (const file of sampleFiles()) {
      const bytes = readBytes(file);
      expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      expect(text).not.toContain("\r");
      expect(text.endsWith("\n") && !text.endsWith("\n\n")).toBe(true);
      expect(text.split("\n")[0]).toBe(HEADER.join(","));
    }
  });

  it("follows the spec's rules on every row", () => {
    for (const [period, rows] of byPeriod) {
      const seen = new Set<string>();
      for (const row of rows) {
        const where = `${period} line ${row.line}`;
        expect(validCodes(period), where).toContain(row.code);
        expect(row.name, where).toBe(registry.get(row.code));
        expect(row.name, where).toBe(row.name.normalize("NFC"));
        expect(row.period, where).toBe(period);
        expect(seen.has(row.code), `${where}: duplicate unit`).toBe(false);
        seen.add(row.code);
        for (const [num, den] of Object.values(RATES)) {
          expect(count(row, num) <= count(row, den), `${where}: ${num} ≤ ${den}`).toBe(true);
        }
      }
    }
  });

  it("misses exactly one unit-quarter, not the town's and not in 2023", () => {
    const missing = PERIODS.flatMap((period) => {
      const present = new Set(byPeriod.get(period)?.map((r) => r.code));
      return validCodes(period).filter((code) => !present.has(code)).map((code) => `${code} ${period}`);
    });
    expect(missing).toHaveLength(1);
    expect(missing[0]).not.toMatch(new RegExp(`^${TOWN} |2023-`));
  });

  it("gives the town, then the commune formed around it, the largest volume every quarter", () => {
    for (const [period, rows] of byPeriod) {
      const town = rows.find((r) => r.code === (period < MERGER ? TOWN : NEW_NINH_GIANG));
      expect(town, period).toBeDefined();
      const others = rows.filter((r) => r !== town).map((r) => count(r, "dossiers_received"));
      expect(others.every((v) => v < count(town as Row, "dossiers_received")), period).toBe(true);
    }
  });

  it("holds exact ties: equal rates over different denominators, identical counts, equal contest entries", () => {
    let equalRates = 0;
    let identicalCounts = 0;
    let equalEntries = 0;
    for (const rows of byPeriod.values()) {
      for (const [i, a] of rows.entries()) {
        for (const b of rows.slice(i + 1)) {
          for (const [num, den] of Object.values(RATES)) {
            const ra = { code: a.code, n: count(a, num), d: count(a, den) };
            const rb = { code: b.code, n: count(b, num), d: count(b, den) };
            if (ra.d === 0n || rb.d === 0n || compare(ra, rb) !== 0 || ra.n === 0n || ra.n === ra.d) continue;
            if (ra.d === rb.d) identicalCounts++;
            else equalRates++;
          }
          if (count(a, "contest_entries") === count(b, "contest_entries")) equalEntries++;
        }
      }
    }
    expect(equalRates).toBeGreaterThan(0);
    expect(identicalCounts).toBeGreaterThan(0);
    expect(equalEntries).toBeGreaterThan(0);
  });

  it("has a quarter without fee dossiers, yet every unit has fee dossiers over 2023", () => {
    expect(allRows.some((r) => count(r, "fee_dossiers") === 0n)).toBe(true);
    for (const [code, rows] of yearRows(2023)) expect(total(rows, "fee_dossiers") > 0n, code).toBe(true);
  });

  it("shows digitisation improving year on year across the district", () => {
    const district = YEARS.map((year) => {
      const rows = allRows.filter((r) => r.period.startsWith(`${year}-`));
      return { code: String(year), n: total(rows, "dossiers_digitized"), d: total(rows, "dossiers_received") };
    });
    const [y2022, y2023, y2024] = district as [Ratio, Ratio, Ratio];
    expect(compare(y2023, y2022)).toBe(1);
    expect(compare(y2024, y2023)).toBe(1);
  });

  it("is reproduced byte for byte by the generator", () => {
    const files = generateSample(readRegistryFiles(fileURLToPath(new URL("data/", ROOT))));
    expect([...files.keys()].sort()).toEqual(sampleFiles());
    for (const [file, text] of files) {
      expect(Buffer.from(text, "utf8").equals(readBytes(file)), file).toBe(true);
    }
  });
});

describe("the 2023 story of Thị trấn Ninh Giang", () => {
  const units = yearRows(2023);
  const town = units.get(TOWN) ?? [];

  it("has all 20 units reporting all four quarters", () => {
    expect(units.size).toBe(20);
    for (const [code, rows] of units) expect(new Set(rows.map((r) => r.period)).size, code).toBe(4);
  });

  it("ranks 1/20 on digitisation", () => {
    expect(rankOf(ratios(units, "digitization_rate"), TOWN)).toEqual({ rank: 1, field: 20 });
  });

  it("ranks 4/20 on online processing, three units strictly better", () => {
    const field = ratios(units, "online_rate");
    expect(rankOf(field, TOWN)).toEqual({ rank: 4, field: 20 });
    const mine = field.find((r) => r.code === TOWN) as Ratio;
    expect(field.filter((r) => r.code !== TOWN && compare(r, mine) === 0)).toEqual([]);
  });

  it("ranks 2/20 on online fee payment", () => {
    expect(rankOf(ratios(units, "online_payment_rate"), TOWN)).toEqual({ rank: 2, field: 20 });
  });

  it("has no overdue dossiers", () => {
    expect(total(town, "dossiers_overdue")).toBe(0n);
  });

  it("has 100% satisfaction", () => {
    const responses = total(town, "survey_responses");
    expect(responses > 0n).toBe(true);
    expect(total(town, "survey_satisfied")).toBe(responses);
  });

  it("sent 138 contest entries, strictly the most in the district", () => {
    expect(total(town, "contest_entries")).toBe(138n);
    for (const [code, rows] of units) {
      if (code !== TOWN) expect(total(rows, "contest_entries") < 138n, code).toBe(true);
    }
  });

  it("had 3 reform initiatives", () => {
    expect(total(town, "initiatives")).toBe(3n);
  });
});

describe("the merger of 1 July 2025 (data/lineage.csv)", () => {
  it("has the twenty old units to 2025-Q2 and only the merged communes from 2025-Q3", () => {
    expect(byPeriod.get("2025-Q2")?.map((r) => r.code)).toHaveLength(20);
    for (const [period, rows] of byPeriod) {
      if (period < MERGER) continue;
      expect(rows.map((r) => r.code), period).toEqual(["11300", "11303", "11306", "11309", "11312"]);
    }
  });

  it("forms Xã Ninh Giang from its four real predecessors (Resolution 1665/NQ-UBTVQH15)", () => {
    const predecessors = lineage.filter((l) => l.successor_code === NEW_NINH_GIANG).map((l) => registry.get(l.predecessor_code));
    expect(predecessors.sort()).toEqual(["Thị trấn Ninh Giang", "Xã Hiệp Lực", "Xã Hồng Dụ", "Xã Vĩnh Hòa"]);
    expect(registry.get(NEW_NINH_GIANG)).toBe("Xã Ninh Giang");
  });

  it("gives every old unit successors whose shares sum to exactly 1, one of them split 0.6/0.4", () => {
    const shares = new Map<string, number[]>();
    for (const l of lineage) {
      expect(l.effective).toBe(MERGER);
      shares.set(l.predecessor_code, [...(shares.get(l.predecessor_code) ?? []), l.share === "" ? 1 : Number(l.share)]);
    }
    expect([...shares.keys()].sort()).toEqual(validCodes("2025-Q2").sort());
    // Tenths, so the sum is checked exactly in integers.
    for (const [code, list] of shares) expect(list.reduce((a, b) => a + Math.round(b * 10), 0), code).toBe(10);
    expect([...shares.values()].filter((list) => list.length > 1)).toEqual([[0.6, 0.4]]);
  });

  it("keeps the area's volume across the merger: its dossiers in 2025-Q3 within 10% of 2024-Q3's", () => {
    const received = (period: string) => Number(total(byPeriod.get(period) ?? [], "dossiers_received"));
    const ratio = received("2025-Q3") / received("2024-Q3");
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
  });
});
