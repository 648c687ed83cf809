/**
 * Corrections after publication (publication.md, "As published on a date"): when the version of a quarter
 * that a reader sees is not its first, the ranks it changed against the version the public saw before it,
 * so a page can say "corrected on 01/12/2026; was 4/20". Drafts and years have none: a draft is not yet a
 * statement, and a year changes as its quarters are published, which is not a correction.
 */
import { correctionsBetween, type Correction, type DataView } from "~/domain/publication";
import { parsePeriodId } from "~/domain/period";
import type { VersionedScoring } from "~/domain/scoring";
import type { Db } from "./instance.server";
import { getStandingVersions } from "./publications.server";
import { getRankingsFor, type RankingRow } from "./rankings.server";

/** Keyed by `correctionKey(code, indicator)`; empty when the shown version is a first one. */
export async function getCorrections(
  db: Db,
  period: string,
  scoring: VersionedScoring,
  view: DataView,
  shown: readonly RankingRow[],
): Promise<Map<string, Correction>> {
  if (view.kind !== "published" || parsePeriodId(period)?.kind !== "quarter") return new Map();
  const standing = (await getStandingVersions(db, view.at)).find((p) => p.period === period);
  if (!standing || standing.version === null || standing.version < 2 || standing.published_at === null) return new Map();
  // What the public saw the moment before this version was published.
  const before = new Date(Date.parse(standing.published_at) - 1);
  const earlier = await getRankingsFor(db, "quarter", [period], scoring, { kind: "published", at: before, asOf: null });
  return correctionsBetween(earlier, shown.filter((r) => r.period === period), standing.published_at);
}
