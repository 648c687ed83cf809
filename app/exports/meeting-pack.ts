/**
 * What the meeting pack's workbook says besides the table (decision 011): the title rows (the body, the
 * period in words, published on or draft, printed on, the composite's configuration, incomplete years) and
 * the definitions sheet (what each indicator means, the weights of the scoring configuration used). Pure:
 * the route passes the clock, the district and the period's status.
 */
import { COMPOSITE_ID, INDICATORS, type Indicator, type RankedId } from "~/domain/indicators";
import type { RankingRow } from "~/domain/ranking";
import { FIELD_INFO } from "~/domain/report-fields";
import type { PeriodKind } from "~/domain/period";
import type { VersionedScoring } from "~/domain/scoring";
import { NO_TARGETS, type Targets } from "~/domain/targets";
import { formatDate, indicatorLabel, periodInSentence } from "~/i18n/format";
import { t, type Lang } from "~/i18n/translate";
import { wideTable, type WideTable } from "./wide-table";

/** The district as data/district.json names it (app/config/registry.server.ts). */
export interface Body {
  name: string;
  nameEn: string;
  province?: string | undefined;
  provinceEn?: string | undefined;
}

/** The period's status for this reader, as `getPeriodStatus` gives it (the API's status fields). */
export interface PackStatus {
  status: "published" | "draft";
  publication: number | null;
  publishedAt: string | null;
  newerVersion: number | null;
}

export interface PackInput {
  lang: Lang;
  body: Body;
  /** The period's report (`getRankingReport` without an indicator filter). */
  report: { period: string; kind: PeriodKind; rows: readonly RankingRow[] };
  /** The configuration the report's composite was computed with. */
  scoring: VersionedScoring;
  status: PackStatus;
  /** The date asked for with `as_of`, if any. */
  asOf: string | null;
  printedAt: Date;
  indicator?: RankedId | undefined;
  /** The targets by year (targets.json): the period's year's go into the table and the definitions. */
  targets?: Targets | undefined;
}

export interface DefinitionRow {
  label: string;
  id: RankedId;
  meaning: string;
  formula: string;
  better: string;
  /** The indicator's weight in the composite; null for indicators outside it and the composite itself. */
  weight: number | null;
  /** The rate from which the indicator counts in full (a fraction); null like the weight. */
  fullAt: number | null;
}

export interface Definitions {
  title: string;
  header: string[];
  rows: DefinitionRow[];
  notes: string[];
}

export interface MeetingPack {
  lang: Lang;
  sheetNames: { rankings: string; definitions: string };
  title: string[];
  /** A staff reader's draft: the status line (`title[STATUS_LINE]`) says so and the workbook shows it in red. */
  draft: boolean;
  table: WideTable;
  definitions: Definitions;
}

export function bodyName(lang: Lang, body: Body): string {
  const district = lang === "vi" ? body.name : body.nameEn;
  const province = lang === "vi" ? body.province : body.provinceEn;
  return province ? t(lang, "export.body", { district, province }) : district;
}

/** A draft for a staff reader (the public never gets one: a draft period is a 404 for them). */
export function isDraft(status: PackStatus): boolean {
  return status.status === "draft" || status.publishedAt === null;
}

/** "Published on 10/01/2025 (version 1)", or the draft mark a staff reader gets for a period not (all) published. */
export function statusLine(lang: Lang, status: PackStatus): string {
  if (isDraft(status) || status.publishedAt === null) {
    return status.publication === null ? t(lang, "export.draft") : t(lang, "export.draftChanged", { version: status.publication });
  }
  const date = formatDate(lang, status.publishedAt);
  return status.publication === null ? t(lang, "export.publishedYear", { date }) : t(lang, "export.published", { date, version: status.publication });
}

/** The title line that says published on, or draft. */
export const STATUS_LINE = 2;

export function titleLines(input: Omit<PackInput, "indicator">, table: WideTable): string[] {
  const { lang, status } = input;
  const config = `${input.scoring.name}@${input.scoring.hash}`;
  const asOf =
    input.asOf === null
      ? []
      : [
          [t(lang, "export.asOf", { date: formatDate(lang, input.asOf) }), status.newerVersion === null ? null : t(lang, "export.newer", { version: status.newerVersion })]
            .filter((s): s is string => s !== null)
            .join(". "),
        ];
  return [
    bodyName(lang, input.body),
    t(lang, "export.title", { period: periodInSentence(lang, input.report.period) }),
    statusLine(lang, status),
    ...asOf,
    t(lang, "export.printed", { date: formatDate(lang, input.printedAt.toISOString()) }),
    t(lang, "export.composite", { config }),
    ...(table.incomplete > 0 ? [t(lang, "export.incomplete", { count: table.incomplete })] : []),
  ];
}

function formulaOf(lang: Lang, indicator: Indicator): string {
  const numerator = FIELD_INFO[indicator.numerator][lang];
  return indicator.denominator === undefined ? t(lang, "export.def.count", { numerator }) : `${numerator} / ${FIELD_INFO[indicator.denominator][lang]}`;
}

/** The year of a period id ("2024-Q4", "2024"). */
function yearOf(period: string): number {
  return Number(period.slice(0, 4));
}

export function definitions(lang: Lang, scoring: VersionedScoring, period?: string, targets: Targets = NO_TARGETS): Definitions {
  const year = period === undefined ? undefined : targets.get(yearOf(period));
  const weights = scoring.config.indicators;
  const composite: DefinitionRow = {
    label: indicatorLabel(lang, COMPOSITE_ID),
    id: COMPOSITE_ID,
    meaning: t(lang, `indicator.${COMPOSITE_ID}.description`),
    formula: t(lang, "export.def.composite"),
    better: t(lang, "export.def.better.higher"),
    weight: null,
    fullAt: null,
  };
  const rows = INDICATORS.map(
    (i): DefinitionRow => ({
      label: indicatorLabel(lang, i.id),
      id: i.id,
      meaning: t(lang, `indicator.${i.id}.description`),
      formula: formulaOf(lang, i),
      better: t(lang, `export.def.better.${i.direction}`),
      weight: weights[i.id]?.weight ?? null,
      fullAt: weights[i.id]?.fullAt ?? null,
    }),
  );
  return {
    title: t(lang, "export.def.title"),
    header: ["indicator", "id", "meaning", "formula", "better", "weight", "fullAt"].map((c) => t(lang, `export.def.col.${c}`)),
    rows: [composite, ...rows],
    notes: [
      t(lang, "export.def.scoring", { config: `${scoring.name}@${scoring.hash}` }),
      ...(scoring.config.description ? [scoring.config.description] : []),
      t(lang, "export.def.ranks"),
      t(lang, "export.def.empty"),
      ...(year && year.targets.size > 0 ? [t(lang, "export.def.targets", { year: year.year, source: year.source })] : []),
    ],
  };
}

export function meetingPack(input: PackInput): MeetingPack {
  const { lang, report } = input;
  const table = wideTable({ period: report.period, kind: report.kind, rows: report.rows, lang, indicator: input.indicator, targets: input.targets });
  return {
    lang,
    sheetNames: { rankings: t(lang, "export.sheet.rankings"), definitions: t(lang, "export.sheet.definitions") },
    title: titleLines(input, table),
    draft: isDraft(input.status),
    table,
    definitions: definitions(lang, input.scoring, report.period, input.targets),
  };
}

/** `parboard-rankings-2024-Q4.xlsx`; a draft says so in its name too, since a file outlives the page it came from. */
export function exportFileName(period: string, status: PackStatus, extension: "xlsx" | "csv"): string {
  return `parboard-rankings-${period}${isDraft(status) ? "-draft" : ""}.${extension}`;
}
