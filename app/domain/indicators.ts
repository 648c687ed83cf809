/**
 * The indicator registry (spec §2): the one list that the ranking SQL, the API, the export, the pages and
 * the template read. Adding an indicator is one entry here (and its labels in both languages below).
 */
import type { CountField } from "./report-fields";

export type Direction = "higher" | "lower";

export interface Indicator {
  id: string;
  /** A rate is numerator / denominator (0–1); a count is the numerator alone. */
  unit: "rate" | "count";
  numerator: CountField;
  /** Present for rates only. */
  denominator?: CountField;
  direction: Direction;
  /** Whether the composite score includes it (its weight comes from data/scoring.json). */
  composite: boolean;
  label: { vi: string; en: string };
  /** One sentence for tooltips and the glossary. */
  description: { vi: string; en: string };
  /** What one unit of the numerator is called in the gap sentence ("12 more {dossiers digitised}"). */
  numeratorNoun: { vi: string; en: string };
}

export const INDICATORS = [
  {
    id: "digitization_rate",
    unit: "rate",
    numerator: "dossiers_digitized",
    denominator: "dossiers_received",
    direction: "higher",
    composite: true,
    label: { vi: "Tỷ lệ số hóa hồ sơ", en: "Digitisation rate" },
    description: {
      vi: "Số hồ sơ được số hóa trên tổng số hồ sơ tiếp nhận trong kỳ.",
      en: "Dossiers digitised out of all dossiers received in the period.",
    },
    numeratorNoun: { vi: "hồ sơ được số hóa", en: "dossiers digitised" },
  },
  {
    id: "online_rate",
    unit: "rate",
    numerator: "dossiers_online",
    denominator: "dossiers_received",
    direction: "higher",
    composite: true,
    label: { vi: "Tỷ lệ hồ sơ trực tuyến", en: "Online processing rate" },
    description: {
      vi: "Số hồ sơ tiếp nhận trực tuyến trên tổng số hồ sơ tiếp nhận trong kỳ.",
      en: "Dossiers received online out of all dossiers received in the period.",
    },
    numeratorNoun: { vi: "hồ sơ trực tuyến", en: "online dossiers" },
  },
  {
    id: "online_payment_rate",
    unit: "rate",
    numerator: "fee_dossiers_paid_online",
    denominator: "fee_dossiers",
    direction: "higher",
    composite: true,
    label: { vi: "Tỷ lệ thanh toán trực tuyến", en: "Online fee payment rate" },
    description: {
      vi: "Số hồ sơ thanh toán phí, lệ phí trực tuyến trên số hồ sơ có phí, lệ phí.",
      en: "Dossiers whose fee was paid online out of dossiers with a fee or charge.",
    },
    numeratorNoun: { vi: "hồ sơ thanh toán trực tuyến", en: "fees paid online" },
  },
  {
    id: "on_time_rate",
    unit: "rate",
    numerator: "dossiers_resolved_on_time",
    denominator: "dossiers_resolved",
    direction: "higher",
    composite: true,
    label: { vi: "Tỷ lệ giải quyết đúng hạn", en: "On-time resolution rate" },
    description: {
      vi: "Số hồ sơ giải quyết trước hạn, đúng hạn trên số hồ sơ đã giải quyết.",
      en: "Dossiers resolved early or on time out of dossiers resolved.",
    },
    numeratorNoun: { vi: "hồ sơ giải quyết đúng hạn", en: "dossiers resolved on time" },
  },
  {
    id: "overdue_dossiers",
    unit: "count",
    numerator: "dossiers_overdue",
    direction: "lower",
    composite: false,
    label: { vi: "Số hồ sơ quá hạn", en: "Overdue dossiers" },
    description: {
      vi: "Hồ sơ giải quyết quá hạn và hồ sơ còn tồn quá hạn cuối kỳ (càng ít càng tốt).",
      en: "Dossiers resolved late plus those pending past their deadline at period end (fewer is better).",
    },
    numeratorNoun: { vi: "hồ sơ quá hạn", en: "overdue dossiers" },
  },
  {
    id: "satisfaction_rate",
    unit: "rate",
    numerator: "survey_satisfied",
    denominator: "survey_responses",
    direction: "higher",
    composite: true,
    label: { vi: "Tỷ lệ hài lòng", en: "Satisfaction rate" },
    description: {
      vi: "Số lượt đánh giá hài lòng trên tổng số lượt đánh giá.",
      en: "Satisfied ratings out of all satisfaction ratings received.",
    },
    numeratorNoun: { vi: "lượt hài lòng", en: "satisfied ratings" },
  },
  {
    id: "contest_entries",
    unit: "count",
    numerator: "contest_entries",
    direction: "higher",
    composite: false,
    label: { vi: "Số bài dự thi CCHC", en: "Contest entries" },
    description: {
      vi: "Số bài dự thi gửi Hội thi cải cách hành chính của huyện.",
      en: "Entries sent to the district's administrative-reform contest.",
    },
    numeratorNoun: { vi: "bài dự thi", en: "contest entries" },
  },
  {
    id: "initiatives",
    unit: "count",
    numerator: "initiatives",
    direction: "higher",
    composite: false,
    label: { vi: "Số sáng kiến CCHC", en: "Reform initiatives" },
    description: {
      vi: "Số sáng kiến cải cách hành chính được công nhận trong kỳ.",
      en: "Administrative-reform initiatives recognised in the period.",
    },
    numeratorNoun: { vi: "sáng kiến", en: "initiatives" },
  },
] as const satisfies readonly Indicator[];

export type IndicatorId = (typeof INDICATORS)[number]["id"];

/** The composite score is reported beside the indicators under this id (spec §6). */
export const COMPOSITE_ID = "composite_score";
export type RankedId = IndicatorId | typeof COMPOSITE_ID;

export const INDICATOR_IDS = INDICATORS.map((i) => i.id) as [IndicatorId, ...IndicatorId[]];
export const RANKED_IDS = [...INDICATOR_IDS, COMPOSITE_ID] as [RankedId, ...RankedId[]];

const byId = new Map<string, Indicator>(INDICATORS.map((i) => [i.id, i]));

export function getIndicator(id: string): Indicator {
  const indicator = byId.get(id);
  if (!indicator) throw new Error(`unknown indicator: ${id}`);
  return indicator;
}

export function isRankedId(id: string): id is RankedId {
  return id === COMPOSITE_ID || byId.has(id);
}

/** What a value is: a rate (a fraction 0–1), a count, or the composite's 0–100 score. */
export type ValueKind = "rate" | "count" | "score";

/**
 * Named number formats (Evidence's built-in formats are the model): the registry says which one each use of
 * a value takes, and app/i18n/format.ts renders each name in the reader's language. So "6.948/8.153" and
 * "95,5 %" read the same on every page, chart, tooltip and printout.
 */
export type FormatName =
  /** A fraction as a percentage with one decimal: 95,5 % (vi), 95.5% (en). */
  | "percent1"
  /** Whole percentages, for axis ticks: 95 %. */
  | "percent0"
  /** A whole number with the locale's grouping: 1.234 (vi), 1,234 (en). */
  | "integer"
  /** One decimal: 87,3. */
  | "decimal1"
  /** Whole numbers for axis ticks. */
  | "decimal0"
  /** Machine form for the long CSV and the API: the value as stored (fractions for rates). */
  | "raw";

export interface ValueFormats {
  kind: ValueKind;
  /** Tables, tooltips, sentences. */
  table: FormatName;
  /** Axis ticks. */
  axis: FormatName;
  /** The long CSV export. */
  csv: FormatName;
  /** The full scale of a bar: rates 0–1, scores 0–100, counts from the data (null). */
  domainMax: number | null;
}

const FORMATS: Record<ValueKind, ValueFormats> = {
  rate: { kind: "rate", table: "percent1", axis: "percent0", csv: "raw", domainMax: 1 },
  count: { kind: "count", table: "integer", axis: "integer", csv: "raw", domainMax: null },
  score: { kind: "score", table: "decimal1", axis: "decimal0", csv: "raw", domainMax: 100 },
};

/** Rates and counts come from the registry; the composite is a 0–100 score. */
export function valueKind(id: string): ValueKind {
  return id === COMPOSITE_ID ? "score" : getIndicator(id).unit;
}

export function formatsOf(id: string): ValueFormats {
  return FORMATS[valueKind(id)];
}
