/**
 * The URL parameters of the unit page (`/units/:code?period=…&indicator=…`) and the compare page
 * (`/compare?units=…&period=…`), validated with zod. Problems come back as sentences in the reader's
 * language, for a 400 answer.
 */
import { z } from "zod";
import { t, type Lang } from "~/i18n/translate";
import { INDICATOR_IDS } from "./indicators";
import { parsePeriodId } from "./period";

export const unitCodeSchema = z.string().regex(/^\d{5}$/);

const periodSchema = z.string().refine((p) => parsePeriodId(p) !== null);

export const unitPageParamsSchema = z.object({
  period: periodSchema.optional(),
  /** The indicator whose rank history is drawn beside the composite's. */
  indicator: z.enum(INDICATOR_IDS).optional(),
});
export type UnitPageParams = z.infer<typeof unitPageParamsSchema>;

/**
 * `units` may come as one comma-separated value (a shared link: `units=11155,11161`) or repeated (what a
 * GET form with checkboxes sends: `units=11155&units=11161`); both mean the same list, duplicates dropped.
 */
export const compareParamsSchema = z.object({
  period: periodSchema.optional(),
  units: z
    .array(z.string())
    .transform((values) => values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== ""))
    .pipe(z.array(unitCodeSchema))
    .transform((codes) => [...new Set(codes)]),
});
export type CompareParams = z.infer<typeof compareParamsSchema>;

export type ParseResult<T> = { ok: true; params: T } | { ok: false; message: string };

function searchValue(url: URL, name: string): string | undefined {
  const v = url.searchParams.get(name);
  return v === null || v === "" ? undefined : v;
}

/** One translated sentence per problem, naming the parameter and the value that was given. */
function describeIssues(lang: Lang, issues: readonly z.core.$ZodIssue[], raw: Record<string, unknown>): string {
  const messages = issues.map((issue) => {
    const name = String(issue.path[0] ?? "");
    const given = raw[name];
    const value = Array.isArray(given) ? given.join(",") : String(given ?? "");
    if (name === "period") return t(lang, "unit.params.badPeriod", { value });
    if (name === "indicator") return t(lang, "unit.params.badIndicator", { value, allowed: INDICATOR_IDS.join(", ") });
    if (name === "units") return t(lang, "unit.params.badUnits", { value });
    return issue.message;
  });
  return [...new Set(messages)].join(" ");
}

export function parseUnitPageParams(url: URL, lang: Lang): ParseResult<UnitPageParams> {
  const raw = { period: searchValue(url, "period"), indicator: searchValue(url, "indicator") };
  const result = unitPageParamsSchema.safeParse(raw);
  if (result.success) return { ok: true, params: result.data };
  return { ok: false, message: describeIssues(lang, result.error.issues, raw) };
}

export function parseCompareParams(url: URL, lang: Lang): ParseResult<CompareParams> {
  const raw = { period: searchValue(url, "period"), units: url.searchParams.getAll("units") };
  const result = compareParamsSchema.safeParse(raw);
  if (result.success) return { ok: true, params: result.data };
  return { ok: false, message: describeIssues(lang, result.error.issues, raw) };
}

/**
 * The canonical address of a compare view: `units` once, as comma-separated codes, where the first
 * `units` stood; every other parameter as it was. A submitted form repeats `units`; a shared link reads
 * `units=11155,11161`. Null when `units` is not repeated, so that redirecting to the result cannot loop.
 * (Remix re-encodes the loader's URL, commas as %2C, so the raw spelling of one value cannot be checked.)
 */
export function canonicalCompareSearch(url: URL, codes: readonly string[]): string | null {
  if (url.searchParams.getAll("units").length <= 1) return null;
  const parts: string[] = [];
  let placed = false;
  for (const [name, value] of url.searchParams) {
    if (name !== "units") parts.push(new URLSearchParams([[name, value]]).toString());
    else if (!placed) {
      // Codes are five digits each (checked by the schema): nothing in them needs encoding.
      if (codes.length > 0) parts.push(`units=${codes.join(",")}`);
      placed = true;
    }
  }
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}
