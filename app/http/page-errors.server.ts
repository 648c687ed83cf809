/**
 * The answers a page gives when it cannot show what was asked: 400 for a malformed parameter, 404 for a
 * period without data or a unit the registry does not hold. Every page throws these, so the same mistake
 * gets the same sentence everywhere; the root ErrorBoundary shows it inside the shell.
 */
import { formatDate, periodInSentence } from "~/i18n/format";
import { t, type Lang } from "~/i18n/translate";
import { paramMessage, type ParamProblem } from "./params.server";

export type NotFound =
  /** A period without data; `loaded` holds the periods of its kind that have data. */
  | { what: "period"; period: string; loaded: readonly string[] }
  | { what: "units"; codes: readonly string[] }
  /** `as_of` a date before anything was published. */
  | { what: "asOf"; date: string }
  /** An emulation cluster the registry does not have; `clusters` are those it has. */
  | { what: "cluster"; cluster: string; clusters: readonly string[] };

function notFoundMessage(lang: Lang, problem: NotFound): string {
  if (problem.what === "units") return t(lang, "notFound.unit", { code: problem.codes.join(", ") });
  if (problem.what === "asOf") return t(lang, "notFound.asOf", { date: formatDate(lang, problem.date) });
  if (problem.what === "cluster") return t(lang, "notFound.cluster", { cluster: problem.cluster, list: problem.clusters.join(", ") || "—" });
  const sorted = [...problem.loaded].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return t(lang, "notFound.periodNone", { period: periodInSentence(lang, problem.period) });
  return t(lang, "notFound.period", {
    period: periodInSentence(lang, problem.period),
    first: periodInSentence(lang, first),
    last: periodInSentence(lang, last),
  });
}

/** What a page's data function throws when the period or a unit asked for does not exist. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(readonly problem: NotFound) {
    super(
      problem.what === "units"
        ? `unknown unit: ${problem.codes.join(", ")}`
        : problem.what === "asOf"
          ? `nothing published by ${problem.date}`
          : problem.what === "cluster"
            ? `unknown cluster: ${problem.cluster}`
            : `no data for period ${problem.period}`,
    );
  }
}

/** The page's data, or the 404 answer in the reader's language when it throws NotFoundError. */
export async function orNotFound<T>(lang: Lang, data: Promise<T>): Promise<T> {
  try {
    return await data;
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(lang, error.problem);
    throw error;
  }
}

/** A 404 with the sentence, thrown from a loader. */
export function notFound(lang: Lang, problem: NotFound): Response {
  return new Response(notFoundMessage(lang, problem), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A 400 naming the parameter, thrown from a loader. */
export function badRequest(lang: Lang, problem: ParamProblem): Response {
  return new Response(paramMessage(lang, problem), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
