/**
 * The URL parameters of the rankings API, the export and the pages, validated with zod.
 */
import { z } from "zod";
import { RANKED_IDS } from "./indicators";
import { parsePeriodId } from "./period";

export const rankingParamsSchema = z.object({
  period: z.string({ error: "period is required (2023-Q4 or 2023)" }).refine((p) => parsePeriodId(p) !== null, {
    error: (issue) => `period must look like 2023-Q4 or 2023, not "${String(issue.input)}"`,
  }),
  indicator: z
    .enum(RANKED_IDS, { error: (issue) => `unknown indicator: ${String(issue.input)} (one of ${RANKED_IDS.join(", ")})` })
    .optional(),
});
export type RankingParams = z.infer<typeof rankingParamsSchema>;

/** Reads the parameters from a URL; returns the first problem as a sentence for a 400 answer. */
export function parseRankingParams(url: URL): { ok: true; params: RankingParams } | { ok: false; message: string } {
  const raw = {
    period: url.searchParams.get("period") ?? undefined,
    indicator: url.searchParams.get("indicator") ?? undefined,
  };
  const result = rankingParamsSchema.safeParse(raw);
  if (result.success) return { ok: true, params: result.data };
  return { ok: false, message: result.error.issues.map((i) => i.message).join("; ") };
}
