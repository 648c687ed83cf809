/**
 * The composite score (spec §3): score = 100 × Σ wᵢ·min(1, rateᵢ / fullAtᵢ) / Σ wᵢ over the rate indicators
 * that have a value. Weights and full-at thresholds come from a configuration file a district can change.
 */
import { z } from "zod";
import { INDICATORS } from "./indicators";

const compositeIds = INDICATORS.filter((i) => i.composite).map((i) => i.id);

export const scoringConfigSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    indicators: z.record(
      z.string(),
      z.object({
        weight: z.number().positive(),
        fullAt: z.number().positive().max(1),
      }),
    ),
  })
  .superRefine((config, ctx) => {
    for (const id of Object.keys(config.indicators)) {
      if (!compositeIds.includes(id as (typeof compositeIds)[number])) {
        ctx.addIssue({ code: "custom", path: ["indicators", id], message: `not a composite indicator: ${id} (use one of ${compositeIds.join(", ")})` });
      }
    }
    if (Object.keys(config.indicators).length === 0) {
      ctx.addIssue({ code: "custom", path: ["indicators"], message: "at least one indicator needs a weight" });
    }
  });

export type ScoringConfig = z.infer<typeof scoringConfigSchema>;

/** A configuration with the version every computed score carries: its name and a hash of its content. */
export interface VersionedScoring {
  config: ScoringConfig;
  name: string;
  /** First 12 hex digits of the SHA-256 of the file's bytes. */
  hash: string;
}

/** The score from rates (null where the rate has no value); null when no weighted rate has a value. */
export function computeScore(config: ScoringConfig, rates: Readonly<Record<string, number | null>>): number | null {
  let weighted = 0;
  let weights = 0;
  for (const [id, { weight, fullAt }] of Object.entries(config.indicators)) {
    const rate = rates[id];
    if (rate === null || rate === undefined) continue;
    weighted += weight * Math.min(1, rate / fullAt);
    weights += weight;
  }
  return weights === 0 ? null : (100 * weighted) / weights;
}

/** What a page shows of the configuration: its version and each weighted rate's weight, share and fullAt. */
export interface ScoringSummary {
  name: string;
  hash: string;
  /** In the configuration's order; `share` is the rate's part of 100 points when every rate has a value. */
  weights: { indicator: string; weight: number; share: number; fullAt: number }[];
}

export function scoringSummary(scoring: VersionedScoring): ScoringSummary {
  const entries = Object.entries(scoring.config.indicators);
  const total = entries.reduce((sum, [, { weight }]) => sum + weight, 0);
  return {
    name: scoring.name,
    hash: scoring.hash,
    weights: entries.map(([indicator, { weight, fullAt }]) => ({ indicator, weight, share: (100 * weight) / total, fullAt })),
  };
}
