/**
 * Writes the sample quarterly reports data/sample/2022-Q1.csv … 2026-Q3.csv: one row per unit of
 * data/communes.csv valid in the quarter (the old district's twenty units to 2025-Q2, the merged communes
 * of data/lineage.csv from 2025-Q3, their counts the sum of their predecessors' parts), believable volumes
 * and rates, planted edge cases, and the true 2023 story of Thị trấn Ninh Giang. Deterministic: a fixed seed, no clock. See docs/decisions/003-sample-data.md.
 *
 *   npm run generate-sample
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readRegistryFiles, type Unit } from "~/config/registry.server";
import { validIn, type LineageLine } from "~/domain/unit-lineage";
import { formatQuarter } from "../app/domain/period";
import { COUNT_FIELDS, FIELD_INFO, REPORT_FIELDS, type Counts } from "../app/domain/report-fields";
import {
  SAMPLE_QUARTERS,
  buildCounts,
  drawProfile,
  drawRowDraws,
  type RegistryUnit,
  type SampleQuarter,
  type SampleRow,
} from "./sample/model";
import { plantEdgeCases, type UnitSource } from "./sample/plants";
import { STORY_UNIT, checkStory, tellStory, type StoryFigures } from "./sample/story";

/** Problems of one row against the spec's rules (§1): whole counts ≥ 0, numerators ≤ denominators. */
function rowProblems(row: SampleRow): string[] {
  const problems: string[] = [];
  for (const field of COUNT_FIELDS) {
    const value = row.counts[field];
    if (!Number.isSafeInteger(value) || value < 0) problems.push(`${field}=${value} is not a whole number ≥ 0`);
    const limit = FIELD_INFO[field].atMost;
    if (limit && value > row.counts[limit]) problems.push(`${field}=${value} > ${limit}=${row.counts[limit]}`);
  }
  return problems;
}

export interface SampleBuild {
  /** Rows by period (chronological), units in registry order. */
  rows: Map<string, SampleRow[]>;
  story: StoryFigures;
}

/** The registry as the sample needs it: units with their validity, and the lineage of the merger. */
export interface SampleRegistry {
  units: readonly SampleUnit[];
  lineage: readonly Pick<LineageLine, "predecessor" | "successor" | "share">[];
}

type SampleUnit = RegistryUnit & Pick<Unit, "validFrom" | "validTo">;

/**
 * A merged unit's counts in a quarter: each predecessor's modelled row, built at its share of that
 * predecessor's volume, summed. The predecessors no longer report, so nothing else has to add up.
 */
function mergedCounts(parts: readonly { source: UnitSource; share: number }[], quarter: SampleQuarter, index: number): Counts {
  const total = Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as Counts;
  for (const { source, share } of parts) {
    const draws = source.draws[index];
    if (!draws) throw new Error(`sample: no draws for quarter ${index}`);
    const whole = buildCounts(source.profile, quarter, index, draws);
    const counts = share === 1 ? whole : buildCounts(source.profile, quarter, index, draws, Math.round(share * whole.dossiers_received));
    for (const f of COUNT_FIELDS) total[f] += counts[f];
  }
  return total;
}

export function buildSample(registry: SampleRegistry): SampleBuild {
  const town = registry.units.find((u) => u.code === STORY_UNIT);
  if (!town || town.kind !== "town") throw new Error(`sample: the registry must hold the town ${STORY_UNIT}`);

  const sources = new Map<string, UnitSource>();
  for (const unit of registry.units) {
    sources.set(unit.code, { profile: drawProfile(unit), draws: drawRowDraws(unit.code, SAMPLE_QUARTERS.length) });
  }
  const partsOf = (code: string) =>
    registry.lineage
      .filter((l) => l.successor === code)
      .map((l) => {
        const source = sources.get(l.predecessor);
        if (!source) throw new Error(`sample: no predecessor ${l.predecessor}`);
        return { source, share: l.share };
      });
  const byPeriod = new Map<string, Map<string, SampleRow>>();
  SAMPLE_QUARTERS.forEach((quarter, index) => {
    const period = formatQuarter(quarter);
    const rows = new Map<string, SampleRow>();
    for (const unit of registry.units) {
      if (!validIn(unit, period)) continue;
      const source = sources.get(unit.code);
      const draws = source?.draws[index];
      if (!source || !draws) throw new Error(`sample: no draws for ${unit.code}`);
      const parts = partsOf(unit.code);
      const counts = parts.length > 0 ? mergedCounts(parts, quarter, index) : buildCounts(source.profile, quarter, index, draws);
      rows.set(unit.code, { code: unit.code, name: unit.name, period, counts });
    }
    byPeriod.set(period, rows);
  });

  plantEdgeCases({ quarters: SAMPLE_QUARTERS, sources, rows: byPeriod });
  const all = [...byPeriod.values()].flatMap((rows) => [...rows.values()]);
  tellStory(all);

  const problems = all.flatMap((row) => rowProblems(row).map((p) => `${row.code} ${row.period}: ${p}`));
  for (const [period, rows] of byPeriod) {
    const townRow = rows.get(STORY_UNIT);
    const biggest = Math.max(...[...rows.values()].map((r) => r.counts.dossiers_received));
    if (townRow && townRow.counts.dossiers_received !== biggest) problems.push(`${period}: the town is not the largest`);
  }
  if (problems.length > 0) throw new Error(`sample: invalid rows:\n${problems.join("\n")}`);

  const story = checkStory(all);
  return { rows: new Map([...byPeriod].map(([period, rows]) => [period, [...rows.values()]])), story };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One report file: UTF-8 without BOM, comma-delimited, LF line ends, the spec §1 column order. */
export function formatSampleCsv(rows: readonly SampleRow[]): string {
  const lines = [REPORT_FIELDS.join(",")];
  for (const row of rows) {
    const cells = [row.code, row.name, row.period, ...COUNT_FIELDS.map((f) => String(row.counts[f]))];
    lines.push(cells.map(csvCell).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** File name (`2023-Q4.csv`) → CSV text, one file per quarter 2022-Q1 … 2026-Q3. */
export function generateSample(registry: SampleRegistry): Map<string, string> {
  const { rows } = buildSample(registry);
  return new Map([...rows].map(([period, list]) => [`${period}.csv`, formatSampleCsv(list)]));
}

function percent(n: number, d: number): string {
  return `${((100 * n) / d).toFixed(2)}%`;
}

function describeStory(story: StoryFigures, registry: SampleRegistry): string[] {
  const name = (code: string) => registry.units.find((u) => u.code === code)?.name ?? code;
  const lines = [];
  for (const r of story.ranks) {
    lines.push(`${r.id}: ${r.rank}/${r.field} at ${r.town.n}/${r.town.d} = ${percent(r.town.n, r.town.d)}`);
    const at = r.table.findIndex((u) => u.code === STORY_UNIT);
    for (const u of r.table.slice(Math.max(0, at - 3), at + 2)) {
      lines.push(`    ${u.code} ${name(u.code)}: ${u.n}/${u.d} = ${percent(u.n, u.d)}`);
    }
  }
  lines.push(`overdue: ${story.overdue}; satisfaction: ${story.satisfied}/${story.responses}`);
  lines.push(`contest entries: ${story.contestEntries} (next best ${story.contestRunnerUp}); initiatives: ${story.initiatives}`);
  return lines;
}

function main(): void {
  const dataDir = fileURLToPath(new URL("../data/", import.meta.url));
  const outDir = `${dataDir}sample/`;
  const registry = readRegistryFiles(dataDir);
  const { rows, story } = buildSample(registry);
  mkdirSync(outDir, { recursive: true });
  for (const [period, list] of rows) writeFileSync(`${outDir}${period}.csv`, formatSampleCsv(list), "utf8");
  console.log(`Wrote ${rows.size} files to data/sample/. 2023 story of ${STORY_UNIT}:`);
  for (const line of describeStory(story, registry)) console.log(`  ${line}`);
}

const invokedAs = process.argv[1];
if (invokedAs && import.meta.url === pathToFileURL(invokedAs).href) main();
