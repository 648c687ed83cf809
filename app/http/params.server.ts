/**
 * The one parser of URL parameters for pages, the API and the exports, validated with zod. Each route names
 * the parameters it reads; a problem comes back as which parameter held what, and `paramMessage` words it
 * in the reader's language. A `.server` module: zod's schemas stay out of the browser bundles.
 */
import { z } from "zod";
import { INDICATOR_IDS, RANKED_IDS } from "~/domain/indicators";
import { parsePeriodId } from "~/domain/period";
import { isIsoDate } from "~/domain/publication";
import { t, type Lang } from "~/i18n/translate";

/** An absent or empty parameter means "the default" (a GET form sends `period=` for an empty choice). */
const optional = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === "" ? undefined : s.trim()));

export const MAX_QUERY = 100;

const unitCodeSchema = z.string().regex(/^\d{5}$/);

export function isUnitCode(code: string): boolean {
  return unitCodeSchema.safeParse(code).success;
}

const FIELDS = {
  /** `2023-Q4` or `2023`. */
  period: optional.refine((p) => p === undefined || parsePeriodId(p) !== null),
  /** An indicator or the composite. */
  indicator: optional.pipe(z.enum(RANKED_IDS).optional()),
  /** An indicator of the registry (the unit page's second rank chart; the composite is always drawn). */
  registryIndicator: optional.pipe(z.enum(INDICATOR_IDS).optional()),
  year: optional.refine((y) => y === undefined || parsePeriodId(y)?.kind === "year"),
  /** `YYYY-MM-DD`: the rankings as published on that date. */
  as_of: optional.refine((d) => d === undefined || isIsoDate(d)),
  /** The rankings CSV: `long` (the default, one line per unit and indicator, for programs) or `wide` (for Excel). */
  layout: optional.pipe(z.enum(["long", "wide"]).optional()),
  /** units-over-time.md: the units as they reported (the default), or today's units with their predecessors' counts combined. */
  basis: optional.pipe(z.enum(["as_reported", "current"]).optional()),
  /** An emulation cluster's name (free text in communes.csv); whether it exists is the route's question. */
  cluster: optional.pipe(z.string().max(200).optional()),
  /**
   * `units` may come as one comma-separated value (a shared link: `units=11155,11161`) or repeated (what a
   * GET form with checkboxes sends); both mean the same list, duplicates dropped.
   */
  units: z
    .array(z.string())
    .transform((values) => values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== ""))
    .pipe(z.array(unitCodeSchema))
    .transform((codes) => [...new Set(codes)]),
  /** A search of units by name or code (docs/decisions/012); at most 100 characters. */
  q: optional.refine((q) => q === undefined || q.length <= MAX_QUERY),
  /** A page of a long ranking or of a search, from 1. */
  page: optional.pipe(z.string().regex(/^[1-9]\d{0,5}$/).transform(Number).optional()),
};
type Fields = typeof FIELDS;
export type ParamName = keyof Fields;

/** The URL name of each field (the unit page reads its registry indicator from `indicator`). */
const URL_NAME: Record<ParamName, string> = {
  period: "period",
  indicator: "indicator",
  registryIndicator: "indicator",
  year: "year",
  units: "units",
  as_of: "as_of",
  layout: "layout",
  basis: "basis",
  cluster: "cluster",
  q: "q",
  page: "page",
};

export interface ParamProblem {
  param: ParamName;
  value: string;
}

export type ParsedParams<K extends ParamName> = { [P in K]: z.output<Fields[P]> };
export type ParamsResult<K extends ParamName> = { ok: true; params: ParsedParams<K> } | { ok: false; problem: ParamProblem };

function rawValue(search: URLSearchParams, name: ParamName): string | string[] | undefined {
  const values = search.getAll(URL_NAME[name]);
  return name === "units" ? values : values.length > 1 ? values : values[0];
}

/** Reads the named parameters; other parameters (lang, …) are not the route's business. */
export function parseParams<K extends ParamName>(search: URLSearchParams, names: readonly K[]): ParamsResult<K> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const raw = rawValue(search, name);
    const result = FIELDS[name].safeParse(raw);
    if (!result.success) return { ok: false, problem: { param: name, value: Array.isArray(raw) ? raw.join(",") : (raw ?? "") } };
    out[name] = result.data;
  }
  // Every name was parsed by its own schema just above.
  return { ok: true, params: out as ParsedParams<K> };
}

/** The sentence for a 400 answer: which parameter was wrong, what it held, what is expected. */
export function paramMessage(lang: Lang, problem: ParamProblem): string {
  switch (problem.param) {
    case "period":
      return t(lang, "params.period", { value: problem.value });
    case "year":
      return t(lang, "params.year", { value: problem.value });
    case "units":
      return t(lang, "params.units", { value: problem.value });
    case "as_of":
      return t(lang, "params.asOf", { value: problem.value });
    case "layout":
      return t(lang, "params.layout", { value: problem.value });
    case "basis":
      return t(lang, "params.basis", { value: problem.value });
    case "cluster":
      return t(lang, "params.cluster", { value: problem.value });
    case "indicator":
      return t(lang, "params.indicator", { value: problem.value, list: RANKED_IDS.join(", ") });
    case "q":
      return t(lang, "params.q", { value: problem.value.slice(0, 20), max: MAX_QUERY });
    case "page":
      return t(lang, "params.page", { value: problem.value });
    case "registryIndicator":
      return t(lang, "params.indicator", { value: problem.value, list: INDICATOR_IDS.join(", ") });
  }
}

/**
 * The canonical address of a compare view: `units` once, as comma-separated codes, where the first
 * `units` stood; every other parameter as it was. A submitted form repeats `units`; a shared link reads
 * `units=11155,11161`. Null when `units` is not repeated, so that redirecting to the result cannot loop.
 * (Remix re-encodes the loader's URL, commas as %2C, so the raw spelling of one value cannot be checked.)
 */
export function canonicalUnitsSearch(search: URLSearchParams, codes: readonly string[]): string | null {
  if (search.getAll("units").length <= 1) return null;
  const parts: string[] = [];
  let placed = false;
  for (const [name, value] of search) {
    if (name !== "units") parts.push(new URLSearchParams([[name, value]]).toString());
    else if (!placed) {
      // Codes are five digits each (checked by the schema): nothing in them needs encoding.
      if (codes.length > 0) parts.push(`units=${codes.join(",")}`);
      placed = true;
    }
  }
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}
