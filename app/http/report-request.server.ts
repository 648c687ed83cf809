/**
 * The parameters of the rankings API and export (`?period=…[&indicator=ID]`, period required), read by the
 * one page-parameter parser; problems as sentences in the reader's language (`?lang=`, the cookie, or
 * Vietnamese), since people open these addresses too.
 */
import type { RankedId } from "~/domain/indicators";
import type { DataView } from "~/domain/publication";
import { getLang } from "~/i18n/lang.server";
import { periodInSentence } from "~/i18n/format";
import { t, type Lang } from "~/i18n/translate";
import type { Db } from "~/db/instance.server";
import type { ReportScope } from "~/db/rankings.server";
import { getClusters } from "~/db/units.server";
import { dataViewOf } from "./data-view.server";
import { paramMessage, parseParams } from "./params.server";

export type ReportRequest =
  | {
      ok: true;
      period: string;
      indicator: RankedId | undefined;
      /** Which figures this reader may read (app/http/data-view.server.ts). */
      view: DataView;
      /** The sentence for a period without data. */
      noData: string;
      /** units-over-time.md: which basis, and one emulation cluster's units only. */
      scope: ReportScope;
      lang: Lang;
    }
  | { ok: false; message: string };

export function reportRequest(request: Request, context: unknown): ReportRequest {
  const lang = getLang(request);
  const parsed = parseParams(new URL(request.url).searchParams, ["period", "indicator", "as_of", "basis", "cluster"]);
  if (!parsed.ok) return { ok: false, message: paramMessage(lang, parsed.problem) };
  const { period, indicator, as_of: asOf, basis, cluster } = parsed.params;
  if (period === undefined) return { ok: false, message: t(lang, "params.periodRequired") };
  const view = dataViewOf(context, asOf);
  const noData = t(lang, "notFound.periodNone", { period: periodInSentence(lang, period) });
  return { ok: true, period, indicator, view, noData, scope: { basis: basis ?? "as_reported", cluster }, lang };
}

/** Why a report has no rows: an emulation cluster that does not exist (named with the ones that do), or no data. */
export async function reportNotFound(db: Db, request: Extract<ReportRequest, { ok: true }>): Promise<string> {
  const { cluster } = request.scope;
  if (cluster === undefined) return request.noData;
  const clusters = await getClusters(db);
  if (clusters.includes(cluster)) return request.noData;
  return t(request.lang, "notFound.cluster", { cluster, list: clusters.length > 0 ? clusters.join(", ") : "—" });
}
