/**
 * The overview and contest pages' URL parameters, validated with zod. A `.server` module: only loaders
 * parse parameters, and zod's module-level schemas would otherwise ride into the browser bundle.
 */
import { z } from "zod";
import { COMPOSITE_ID, RANKED_IDS } from "./indicators";
import { parsePeriodId } from "./period";

/** Which URL parameter was wrong and what it held, so the route can say so in the reader's language. */
export interface ParamProblem {
  param: "period" | "indicator" | "year";
  value: string;
}

export type ParseResult<T> = { ok: true; params: T } | { ok: false; problem: ParamProblem };

/** An absent or empty parameter means "the default" (a GET form sends `period=` for an empty choice). */
const optionalParam = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === "" ? undefined : s.trim()));

export const overviewParamsSchema = z.object({
  period: optionalParam.refine((p) => p === undefined || parsePeriodId(p) !== null, { message: "period" }),
  indicator: optionalParam
    .refine((i) => i === undefined || (RANKED_IDS as readonly string[]).includes(i), { message: "indicator" })
    .transform((i) => RANKED_IDS.find((id) => id === i) ?? COMPOSITE_ID),
});
export type OverviewParams = z.infer<typeof overviewParamsSchema>;

export const contestParamsSchema = z.object({
  year: optionalParam.refine((y) => y === undefined || parsePeriodId(y)?.kind === "year", { message: "year" }),
});
export type ContestParams = z.infer<typeof contestParamsSchema>;

function firstProblem(error: z.ZodError, raw: Record<string, string | undefined>): ParamProblem {
  const issue = error.issues[0];
  const key = issue?.path[0];
  const param = key === "period" || key === "indicator" || key === "year" ? key : "period";
  return { param, value: raw[param] ?? "" };
}

function parseWith<S extends z.ZodType>(schema: S, raw: Record<string, string | undefined>): ParseResult<z.infer<S>> {
  const result = schema.safeParse(raw);
  return result.success ? { ok: true, params: result.data } : { ok: false, problem: firstProblem(result.error, raw) };
}

/** `?period=2023-Q4|2023&indicator=ID`; other parameters (lang, …) are not this page's business. */
export function parseOverviewParams(search: URLSearchParams): ParseResult<OverviewParams> {
  return parseWith(overviewParamsSchema, {
    period: search.get("period") ?? undefined,
    indicator: search.get("indicator") ?? undefined,
  });
}

/** `?year=2023`. */
export function parseContestParams(search: URLSearchParams): ParseResult<ContestParams> {
  return parseWith(contestParamsSchema, { year: search.get("year") ?? undefined });
}

