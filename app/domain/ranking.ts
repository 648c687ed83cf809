/**
 * One unit's ranking on one indicator in one period: the row of the API and the long export (spec §6), as
 * app/db/rankings.server.ts computes it. Every page's rows are read from these.
 */
import type { Gap } from "./gap";
import type { RankedId } from "./indicators";

/** Rates as fractions 0–1, counts as counts, the composite as 0–100. */
export interface RankingRow {
  period: string;
  commune_code: string;
  commune_name: string;
  indicator: RankedId;
  numerator: number | null;
  denominator: number | null;
  /** Rates as fractions 0–1, counts as counts, the composite as 0–100; null where there is no value. */
  value: number | null;
  rank: number | null;
  /** Units ranked on this indicator in this period (those with a value): the "20" of "4/20". */
  ranked: number;
  /** The unit's rank in the previous period of the same kind, and how many units were ranked then ("17/20"). */
  previous_rank: number | null;
  previous_ranked: number | null;
  /**
   * Places gained (positive) or lost since the previous period; null unless both periods ranked exactly the
   * same units on this indicator (a merger, a unit that did not report or had nothing to count): then the
   * two ranks are stated side by side ("17/20 → 5/6"), never as a movement.
   */
  movement: number | null;
  previous_value: number | null;
  /** Quarters the unit reported in the period (1 for a quarter, up to 4 for a year). */
  quarters: number;
  /** A year with fewer than four quarters reported. */
  incomplete: boolean;
  gap: Gap | null;
  /** The unit's emulation cluster (cụm thi đua), and its rank among the cluster's units ranked. */
  cluster: string | null;
  cluster_rank: number | null;
  cluster_ranked: number | null;
  /** `as_reported`, or `current`: today's units with their predecessors' counts combined (units-over-time.md). */
  basis: "as_reported" | "current";
  /** Counts combined from predecessors; `estimated` where a share below 1 was used (shown with "≈"). */
  restated: boolean;
  estimated: boolean;
  /** The predecessors' codes, on restated rows. */
  predecessors?: string[];
}
