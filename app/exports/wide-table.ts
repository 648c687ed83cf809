/**
 * The meeting pack's table (decision 011): one row per unit, the composite and every indicator side by side,
 * built once from the report rows of the API and the long CSV (`getRankingReport`) and written by both the
 * workbook and the wide CSV, so the two cannot disagree with each other or with the pages.
 *
 * Cells hold figures as the report gives them (rates as fractions 0–1, counts, the 0–100 score) and each
 * column names the registry's format for them; a writer decides how a format looks in its file. A figure
 * without a value is null, never 0: a rate whose denominator is 0 has no value and no rank (spec §2).
 *
 * An indicator with a target for the period's year (targets.json) has two more columns after its rank: the
 * target, in the value's format, and "đạt" / "chưa đạt" (the API's `target` and `target_met`; empty without
 * a value). Without targets for the year the table is as it was.
 */
import { COMPOSITE_ID, INDICATORS, formatsOf, getIndicator, type FormatName, type RankedId } from "~/domain/indicators";
import type { PeriodKind } from "~/domain/period";
import type { RankingRow } from "~/domain/ranking";
import { byRankThenCode } from "~/domain/ranks";
import { FIELD_INFO, type CountField } from "~/domain/report-fields";
import { NO_TARGETS, targetFor, withTargets, type Targets } from "~/domain/targets";
import { indicatorLabel } from "~/i18n/format";
import { t, type Lang } from "~/i18n/translate";

/** A rank with its field, "4/20"; each writer words it. */
export interface RankCell {
  rank: number;
  ranked: number;
}

export type WideCell = string | number | RankCell | null;

export interface WideColumn {
  /** A stable name: `commune_code`, `digitization_rate.value`, `digitization_rate.rank`, … */
  key: string;
  header: string;
  /** `text`: codes and names; `number`: a figure shown in `format`; `rank`: a rank and its field. */
  type: "text" | "number" | "rank";
  /** The registry's named format of a number column (`percent1` holds fractions); null for the others. */
  format: FormatName | null;
  /** Width in characters, for the workbook. */
  width: number;
}

export interface WideTable {
  period: string;
  kind: PeriodKind;
  /** The ranking the rows follow: the composite, or the indicator the request named. */
  orderedBy: RankedId;
  columns: WideColumn[];
  /** One row per unit with data in the period, in the order of `orderedBy`'s ranks (ties by unit code). */
  rows: WideCell[][];
  /** Units whose year has fewer than four quarters reported (0 for a quarter). */
  incomplete: number;
}

export interface WideTableInput {
  period: string;
  kind: PeriodKind;
  /** Every row of the period, every indicator and the composite (the report without an indicator filter). */
  rows: readonly RankingRow[];
  lang: Lang;
  /** Only this indicator beside the composite, and the rows in its order; absent: every indicator. */
  indicator?: RankedId | undefined;
  /** The targets by year (targets.json); none: no target columns. */
  targets?: Targets | undefined;
}

type TargetedRow = RankingRow & { target: number | null; target_met: boolean | null };

/** Narrowest and widest name column, in characters. */
const NAME_WIDTH = { min: 18, max: 40 };

/** A count field's name inside a header, after a colon: lower-case first letter. */
function fieldInHeader(lang: Lang, field: CountField): string {
  const label = FIELD_INFO[field][lang];
  return label.charAt(0).toLocaleLowerCase(lang) + label.slice(1);
}

/** The composite first, then the registry's indicators (or the one asked for). */
function shownIds(indicator: RankedId | undefined): RankedId[] {
  const all: RankedId[] = [COMPOSITE_ID, ...INDICATORS.map((i) => i.id)];
  return indicator === undefined ? all : all.filter((id) => id === COMPOSITE_ID || id === indicator);
}

function indicatorColumns(lang: Lang, id: RankedId, hasTarget: boolean): WideColumn[] {
  const label = indicatorLabel(lang, id);
  const formats = formatsOf(id);
  const value: WideColumn = {
    key: `${id}.value`,
    header: formats.kind === "rate" ? t(lang, "export.col.percent", { label }) : label,
    type: "number",
    format: formats.table,
    width: 14,
  };
  const rank: WideColumn = { key: `${id}.rank`, header: t(lang, "export.col.rank", { label }), type: "rank", format: null, width: 12 };
  const target: WideColumn[] = hasTarget
    ? [
        { key: `${id}.target`, header: t(lang, formats.kind === "rate" ? "export.col.targetPercent" : "export.col.target", { label }), type: "number", format: formats.table, width: 12 },
        { key: `${id}.target_met`, header: t(lang, "export.col.targetMet", { label }), type: "text", format: null, width: 12 },
      ]
    : [];
  if (formats.kind !== "rate") return [value, rank, ...target];
  const indicator = getIndicator(id);
  const parts: [string, CountField | undefined][] = [
    ["numerator", indicator.numerator],
    ["denominator", indicator.denominator],
  ];
  return [
    value,
    rank,
    ...target,
    ...parts.flatMap(([part, field]): WideColumn[] =>
      field === undefined
        ? []
        : [{ key: `${id}.${part}`, header: t(lang, "export.col.part", { label, field: fieldInHeader(lang, field) }), type: "number", format: "integer", width: 14 }],
    ),
  ];
}

function cellOf(lang: Lang, column: WideColumn, row: TargetedRow | undefined): WideCell {
  if (!row) return null;
  const part = column.key.slice(column.key.indexOf(".") + 1);
  switch (part) {
    case "target":
      return row.target;
    case "target_met":
      return row.target_met === null ? null : t(lang, row.target_met ? "export.targetMet" : "export.targetMissed");
    case "value":
      return row.value;
    case "rank":
      return row.rank === null ? null : { rank: row.rank, ranked: row.ranked };
    case "numerator":
      return row.numerator;
    case "denominator":
      return row.denominator;
    default:
      throw new Error(`unknown column: ${column.key}`);
  }
}

export function wideTable(input: WideTableInput): WideTable {
  const { lang, kind } = input;
  const orderedBy = input.indicator ?? COMPOSITE_ID;
  const targets = input.targets ?? NO_TARGETS;
  const units = new Map<string, { code: string; name: string; quarters: number; incomplete: boolean; byIndicator: Map<string, TargetedRow> }>();
  for (const row of withTargets(input.rows, targets)) {
    if (row.period !== input.period) throw new Error(`row of ${row.period} in the table of ${input.period}`);
    let unit = units.get(row.commune_code);
    if (!unit) {
      unit = { code: row.commune_code, name: row.commune_name, quarters: row.quarters, incomplete: row.incomplete, byIndicator: new Map() };
      units.set(row.commune_code, unit);
    }
    unit.byIndicator.set(row.indicator, row);
  }
  const longestName = Math.max(0, ...[...units.values()].map((u) => u.name.length));
  const identity: WideColumn[] = [
    { key: "commune_code", header: t(lang, "export.col.code"), type: "text", format: null, width: 10 },
    { key: "commune_name", header: t(lang, "export.col.name"), type: "text", format: null, width: Math.min(NAME_WIDTH.max, Math.max(NAME_WIDTH.min, longestName + 2)) },
    // Clusters come with a later issue; the column is there so the layout will not move when they do.
    { key: "cluster", header: t(lang, "export.col.cluster"), type: "text", format: null, width: 10 },
    ...(kind === "year" ? [{ key: "quarters", header: t(lang, "export.col.quarters"), type: "number" as const, format: "integer" as const, width: 12 }] : []),
  ];
  const ids = shownIds(input.indicator);
  const figures = ids.flatMap((id) => indicatorColumns(lang, id, targetFor(targets, input.period, id) !== null).map((column) => ({ id, column })));
  const ordered = [...units.values()]
    .map((unit) => ({ unit, rank: unit.byIndicator.get(orderedBy)?.rank ?? null, code: unit.code }))
    .sort(byRankThenCode)
    .map((o) => o.unit);
  const rows = ordered.map((unit): WideCell[] => [
    unit.code,
    unit.name,
    null,
    ...(kind === "year" ? [unit.quarters] : []),
    ...figures.map(({ id, column }) => cellOf(lang, column, unit.byIndicator.get(id))),
  ]);
  return {
    period: input.period,
    kind,
    orderedBy,
    columns: [...identity, ...figures.map((f) => f.column)],
    rows,
    incomplete: ordered.filter((u) => u.incomplete).length,
  };
}
