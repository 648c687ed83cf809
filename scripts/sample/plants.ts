/**
 * Deliberate edge cases planted in the sample so that every screen and test meets them: exact ties
 * (identical counts, and equal rates over different denominators), a quarter with no fee dossiers,
 * and one unit-quarter never reported. None touches the town, and none breaks the 2023 story.
 */
import { buildCounts, type Profile, type SampleQuarter, type SampleRow } from "./model";

export const PLANTS = {
  /** Same dossiers received and digitised: identical digitisation rate from identical counts. */
  identicalCounts: { period: "2023-Q3", from: "11179", to: "11209" },
  /** Same online rate from different denominators (e.g. 450/600 and 330/440). */
  equalRate: { period: "2024-Q2", units: ["11164", "11224"] as const, step: 20 },
  /** Same number of contest entries. */
  equalContest: { period: "2022-Q4", from: "11176", to: "11188" },
  /** No dossier with a fee: the online payment rate has no value that quarter. */
  zeroFee: { period: "2023-Q2", unit: "11233" },
  /** The unit sent no report that quarter. */
  missing: { period: "2024-Q3", unit: "11218" },
} as const;

export interface UnitSource {
  profile: Profile;
  draws: readonly (readonly number[])[];
}

export interface PlantContext {
  quarters: readonly SampleQuarter[];
  sources: ReadonlyMap<string, UnitSource>;
  /** Rows by period, then by unit code. */
  rows: Map<string, Map<string, SampleRow>>;
}

function locate(ctx: PlantContext, period: string, code: string) {
  const index = ctx.quarters.findIndex((q) => `${q.year}-Q${q.quarter}` === period);
  const quarter = ctx.quarters[index];
  const row = ctx.rows.get(period)?.get(code);
  const source = ctx.sources.get(code);
  const draws = source?.draws[index];
  if (!quarter || !row || !source || !draws) throw new Error(`sample plants: no row for ${code} in ${period}`);
  return { quarter, index, row, source, draws };
}

/** Rebuilds a row with a different volume, so the other counts stay consistent with it. */
function rebuild(ctx: PlantContext, period: string, code: string, received: number): SampleRow {
  const { quarter, index, row, source, draws } = locate(ctx, period, code);
  row.counts = buildCounts(source.profile, quarter, index, draws, received);
  return row;
}

export function plantEdgeCases(ctx: PlantContext): void {
  {
    const { period, from, to } = PLANTS.identicalCounts;
    const a = locate(ctx, period, from).row;
    const b = rebuild(ctx, period, to, a.counts.dossiers_received);
    b.counts.dossiers_digitized = a.counts.dossiers_digitized;
  }
  {
    const { period, units, step } = PLANTS.equalRate;
    const [first, second] = units;
    const receivedA = locate(ctx, period, first).row.counts.dossiers_received;
    let receivedB = locate(ctx, period, second).row.counts.dossiers_received;
    receivedB -= receivedB % step;
    if (receivedB === receivedA - (receivedA % step)) receivedB -= step;
    const a = rebuild(ctx, period, first, receivedA - (receivedA % step));
    const b = rebuild(ctx, period, second, receivedB);
    const parts = Math.round((a.counts.dossiers_online * step) / a.counts.dossiers_received);
    a.counts.dossiers_online = (a.counts.dossiers_received / step) * parts;
    b.counts.dossiers_online = (b.counts.dossiers_received / step) * parts;
  }
  {
    const { period, from, to } = PLANTS.equalContest;
    locate(ctx, period, to).row.counts.contest_entries = locate(ctx, period, from).row.counts.contest_entries;
  }
  {
    const { period, unit } = PLANTS.zeroFee;
    const { counts } = locate(ctx, period, unit).row;
    counts.fee_dossiers = 0;
    counts.fee_dossiers_paid_online = 0;
  }
  {
    const { period, unit } = PLANTS.missing;
    locate(ctx, period, unit);
    ctx.rows.get(period)?.delete(unit);
  }
}
