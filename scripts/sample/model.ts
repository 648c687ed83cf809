/**
 * How one unit's quarterly counts are drawn: a profile per unit (size, starting and ending rates,
 * habits), then one row per quarter from a fixed number of uniform draws. Keeping the draws per row
 * lets a row be rebuilt with a different volume (planted ties) without shifting any other row.
 */
import type { Counts } from "../../app/domain/report-fields";
import { between, hashSeed, mulberry32 } from "./prng";

export type UnitKind = "town" | "ward" | "commune" | "special_zone";

export interface RegistryUnit {
  code: string;
  name: string;
  kind: UnitKind;
}

export interface SampleQuarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface SampleRow {
  code: string;
  name: string;
  /** `YYYY-Qn` */
  period: string;
  counts: Counts;
}

export const SEED = 20231231;

/**
 * 2022-Q1 … 2026-Q3: the old district's twenty units to 2025-Q2, the merged communes from 2025-Q3
 * (data/lineage.csv). The first twelve quarters are the reform programme over which each unit moves from
 * its starting to its ending rates; later quarters keep improving slowly.
 */
export const SAMPLE_QUARTERS: readonly SampleQuarter[] = [2022, 2023, 2024, 2025, 2026]
  .flatMap((year) => ([1, 2, 3, 4] as const).map((quarter) => ({ year, quarter })))
  .filter((q) => q.year < 2026 || q.quarter <= 3);
const PROGRAMME_QUARTERS = 12;
/** Share of each unit's 2022 → 2024 improvement added again every quarter after the programme. */
const LATER_PROGRESS_PER_QUARTER = 0.02;

/** How far through its improvement a unit is in the quarter at `index` (0 = 2022-Q1, 1 = 2024-Q4). */
function progressAt(index: number): number {
  const last = PROGRAMME_QUARTERS - 1;
  return index <= last ? index / last : 1 + (index - last) * LATER_PROGRESS_PER_QUARTER;
}

/** Dossier volume by quarter: Tết slows the first quarter, year-end deadlines swell the fourth. */
const VOLUME_SEASON = [0.88, 1.0, 1.04, 1.1] as const;
/** Contest entries by quarter: the district contest is launched in spring and closes in the third quarter. */
const CONTEST_SEASON = [0.6, 1.0, 1.4, 1.0] as const;
const VOLUME_GROWTH_PER_YEAR = 0.03;
const BASE_VOLUME: Record<UnitKind, readonly [number, number]> = {
  town: [1800, 2000],
  ward: [900, 1200],
  commune: [250, 720],
  special_zone: [150, 400],
};
export const DRAWS_PER_ROW = 14;

interface Trend {
  from: number;
  to: number;
}

export interface Profile {
  /** Mean dossiers received per quarter before season and growth. */
  base: number;
  digitized: Trend;
  online: Trend;
  paidOnline: Trend;
  feeShare: number;
  resolvedShare: number;
  surveyShare: number;
  dissatisfaction: number;
  /** 0..1: how likely the unit is to let dossiers run late in a quarter. */
  lateness: number;
  contestZeal: number;
  initiativeChance: number;
}

function unitRng(code: string) {
  return mulberry32(hashSeed(`${SEED}:${code}`));
}

/**
 * The town is the district's seat and leads on most indicators; its 2023 figures are then set exactly
 * by the story step. Communes draw every habit at random.
 */
export function drawProfile(unit: RegistryUnit): Profile {
  const rng = unitRng(unit.code);
  const [lo, hi] = BASE_VOLUME[unit.kind];
  const base = Math.round(between(rng(), lo, hi));
  if (unit.kind === "town") {
    return {
      base,
      digitized: { from: 0.68, to: 0.98 },
      online: { from: 0.4, to: 0.82 },
      paidOnline: { from: 0.26, to: 0.7 },
      feeShare: 0.34,
      resolvedShare: 0.96,
      surveyShare: 0.22,
      dissatisfaction: 0.004,
      lateness: 0.15,
      contestZeal: 30,
      initiativeChance: 0.3,
    };
  }
  const lateDraw = rng();
  return {
    base,
    digitized: { from: between(rng(), 0.4, 0.7), to: between(rng(), 0.8, 0.96) },
    online: { from: between(rng(), 0.2, 0.5), to: between(rng(), 0.6, 0.9) },
    paidOnline: { from: between(rng(), 0.1, 0.32), to: between(rng(), 0.45, 0.78) },
    feeShare: between(rng(), 0.22, 0.42),
    resolvedShare: between(rng(), 0.92, 0.99),
    surveyShare: between(rng(), 0.1, 0.3),
    dissatisfaction: between(rng(), 0, 0.05),
    lateness: lateDraw < 0.3 ? 0 : between(lateDraw, 0.1, 0.7),
    contestZeal: between(rng(), 4, 22),
    initiativeChance: between(rng(), 0.03, 0.2),
  };
}

/** The uniform draws of every row of one unit, in quarter order; separate from the profile's stream. */
export function drawRowDraws(code: string, quarters: number): number[][] {
  const rng = mulberry32(hashSeed(`${SEED}:${code}:rows`));
  return Array.from({ length: quarters }, () => Array.from({ length: DRAWS_PER_ROW }, () => rng()));
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** A count that is `rate` of `total`, never above it. */
function portion(total: number, rate: number): number {
  return Math.min(total, Math.round(total * clamp01(rate)));
}

function at(trend: Trend, progress: number): number {
  return trend.from + (trend.to - trend.from) * progress;
}

function noise(u: number, amplitude: number): number {
  return (2 * u - 1) * amplitude;
}

function draw(draws: readonly number[], i: number): number {
  const u = draws[i];
  if (u === undefined) throw new Error(`sample: missing draw ${i}`);
  return u;
}

/**
 * One quarter's counts. `index` is the quarter's position in the sample (0 = 2022-Q1), which drives the
 * improvement; `received` overrides the drawn volume (used to plant ties).
 */
export function buildCounts(
  profile: Profile,
  q: SampleQuarter,
  index: number,
  draws: readonly number[],
  received?: number,
): Counts {
  const progress = progressAt(index);
  const u = (i: number) => draw(draws, i);
  const season = VOLUME_SEASON[q.quarter - 1] ?? 1;
  const growth = 1 + VOLUME_GROWTH_PER_YEAR * (q.year - 2022);
  const dossiersReceived =
    received ?? Math.round(profile.base * season * growth * (1 + noise(u(0), 0.05)));

  const digitized = portion(dossiersReceived, at(profile.digitized, progress) + noise(u(1), 0.025));
  const online = portion(dossiersReceived, at(profile.online, progress) + noise(u(2), 0.03));
  const resolved = portion(dossiersReceived, profile.resolvedShare + noise(u(3), 0.02));
  // Late handling becomes rarer as the reform takes hold.
  const lateChance = profile.lateness * (1 - 0.5 * progress);
  const resolvedLate = Math.min(resolved, u(4) < lateChance ? 1 + Math.floor(u(5) * 4) : 0);
  const pendingOverdue = u(6) < lateChance * 0.4 ? 1 + Math.floor(u(7) * 2) : 0;
  const fee = portion(dossiersReceived, profile.feeShare + noise(u(8), 0.03));
  const paidOnline = portion(fee, at(profile.paidOnline, progress) + noise(u(9), 0.03));
  const responses = portion(resolved, profile.surveyShare + noise(u(10), 0.03));
  const dissatisfied = Math.min(responses, Math.round(responses * profile.dissatisfaction * 2 * u(11)));
  const contestSeason = CONTEST_SEASON[q.quarter - 1] ?? 1;
  return {
    dossiers_received: dossiersReceived,
    dossiers_online: online,
    dossiers_digitized: digitized,
    dossiers_resolved: resolved,
    dossiers_resolved_on_time: resolved - resolvedLate,
    dossiers_overdue: resolvedLate + pendingOverdue,
    fee_dossiers: fee,
    fee_dossiers_paid_online: paidOnline,
    survey_responses: responses,
    survey_satisfied: responses - dissatisfied,
    contest_entries: Math.round(profile.contestZeal * contestSeason * between(u(12), 0.7, 1.3)),
    initiatives: u(13) < profile.initiativeChance ? 1 : 0,
  };
}
