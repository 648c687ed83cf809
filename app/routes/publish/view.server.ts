/**
 * The publish page's data: every quarter with data, its coverage against the registry, whether it is a
 * draft, published, or published with corrections not yet published, and the history of publications.
 */
import type { Db } from "~/db/instance.server";
import { getPeriodPublications, getPublications, type PeriodPublication, type Publication } from "~/db/publications.server";
import { getUnitCoverage, getUnitSpans } from "~/db/units.server";
import { validIn } from "~/domain/unit-lineage";

export type QuarterStatus = "draft" | "published" | "changed";

export interface QuarterRow {
  period: string;
  status: QuarterStatus;
  /** The standing version, null for a draft. */
  version: number | null;
  publishedAt: string | null;
  reported: number;
  registry: number;
  /** Units valid in the quarter without a report, code and name. */
  missing: { code: string; name: string }[];
}

export interface PublishPage {
  quarters: QuarterRow[];
  history: Publication[];
}

export function statusOf(p: Pick<PeriodPublication, "version" | "changed">): QuarterStatus {
  if (p.version === null) return "draft";
  return p.changed ? "changed" : "published";
}

/** A registry unit; without a validity it exists in every quarter. */
interface RegistryEntry {
  code: string;
  name: string;
  validFrom?: string | null;
  validTo?: string | null;
}

/**
 * Pure: the rows of the page from the statuses and who reported each quarter, newest quarter first. Each
 * quarter counts against the units that existed in it, so a unit merged away is not "missing".
 */
export function publishView(
  statuses: readonly PeriodPublication[],
  reportedByPeriod: ReadonlyMap<string, ReadonlySet<string>>,
  registry: readonly RegistryEntry[],
  history: Publication[],
): PublishPage {
  const quarters = statuses
    .filter((s) => reportedByPeriod.has(s.period))
    .map((s): QuarterRow => {
      const reported = reportedByPeriod.get(s.period) ?? new Set<string>();
      const units = registry.filter((u) => validIn({ validFrom: u.validFrom ?? null, validTo: u.validTo ?? null }, s.period));
      return {
        period: s.period,
        status: statusOf(s),
        version: s.version,
        publishedAt: s.published_at,
        reported: reported.size,
        registry: units.length,
        missing: units.filter((u) => !reported.has(u.code)).map(({ code, name }) => ({ code, name })),
      };
    })
    .reverse();
  return { quarters, history };
}

export async function loadPublishPage(db: Db, now: Date): Promise<PublishPage> {
  const draft = { kind: "draft" } as const;
  const [statuses, units, registry, history] = await Promise.all([getPeriodPublications(db, now), getUnitCoverage(db, draft), getUnitSpans(db), getPublications(db)]);
  const reported = new Map<string, Set<string>>();
  for (const u of units) {
    for (const p of u.periods) {
      let codes = reported.get(p);
      if (!codes) reported.set(p, (codes = new Set()));
      codes.add(u.code);
    }
  }
  return publishView(statuses, reported, registry, history);
}
