/**
 * The parameters of the rankings API and export (`?period=…[&indicator=ID]`, period required), read by the
 * one page-parameter parser; problems as sentences in the reader's language (`?lang=`, the cookie, or
 * Vietnamese), since people open these addresses too.
 */
import type { RankedId } from "~/domain/indicators";
import type { DataView } from "~/domain/publication";
import { getLang } from "~/i18n/lang.server";
import { periodInSentence } from "~/i18n/format";
import { t } from "~/i18n/translate";
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
    }
  | { ok: false; message: string };

export function reportRequest(request: Request, context: unknown): ReportRequest {
  const lang = getLang(request);
  const parsed = parseParams(new URL(request.url).searchParams, ["period", "indicator", "as_of"]);
  if (!parsed.ok) return { ok: false, message: paramMessage(lang, parsed.problem) };
  const { period, indicator, as_of: asOf } = parsed.params;
  if (period === undefined) return { ok: false, message: t(lang, "params.periodRequired") };
  const view = dataViewOf(context, asOf);
  return { ok: true, period, indicator, view, noData: t(lang, "notFound.periodNone", { period: periodInSentence(lang, period) }) };
}
