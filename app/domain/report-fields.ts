/**
 * The columns of a quarterly report (spec §1). One entry per column; the ingest, the database layer,
 * the template and the docs all read this list.
 */
export const COUNT_FIELDS = [
  "dossiers_received",
  "dossiers_online",
  "dossiers_digitized",
  "dossiers_resolved",
  "dossiers_resolved_on_time",
  "dossiers_overdue",
  "fee_dossiers",
  "fee_dossiers_paid_online",
  "survey_responses",
  "survey_satisfied",
  "contest_entries",
  "initiatives",
] as const;

export type CountField = (typeof COUNT_FIELDS)[number];

export const KEY_FIELDS = ["commune_code", "commune_name", "period"] as const;
export type KeyField = (typeof KEY_FIELDS)[number];

export type ReportField = KeyField | CountField;

export const REPORT_FIELDS: readonly ReportField[] = [...KEY_FIELDS, ...COUNT_FIELDS];

/** Required columns: every field except the optional unit name. */
export const REQUIRED_FIELDS: readonly ReportField[] = REPORT_FIELDS.filter((f) => f !== "commune_name");

export interface FieldInfo {
  /** Vietnamese header as in the spec; also accepted on input. */
  vi: string;
  /** English label used in messages and the template's explanation row. */
  en: string;
  /** For a count that may not exceed another count: that other count. */
  atMost?: CountField;
}

export const FIELD_INFO: Record<ReportField, FieldInfo> = {
  commune_code: { vi: "Mã xã", en: "Unit code" },
  commune_name: { vi: "Tên đơn vị", en: "Unit name" },
  period: { vi: "Kỳ báo cáo", en: "Period" },
  dossiers_received: { vi: "Tổng số hồ sơ tiếp nhận", en: "Dossiers received" },
  dossiers_online: { vi: "Số hồ sơ tiếp nhận trực tuyến", en: "Dossiers received online", atMost: "dossiers_received" },
  dossiers_digitized: { vi: "Số hồ sơ được số hóa", en: "Dossiers digitised", atMost: "dossiers_received" },
  dossiers_resolved: { vi: "Số hồ sơ đã giải quyết", en: "Dossiers resolved" },
  dossiers_resolved_on_time: {
    vi: "Số hồ sơ giải quyết trước hạn, đúng hạn",
    en: "Dossiers resolved on time",
    atMost: "dossiers_resolved",
  },
  dossiers_overdue: { vi: "Số hồ sơ quá hạn", en: "Overdue dossiers" },
  fee_dossiers: { vi: "Số hồ sơ có phí, lệ phí", en: "Dossiers with a fee" },
  fee_dossiers_paid_online: { vi: "Số hồ sơ thanh toán trực tuyến", en: "Fees paid online", atMost: "fee_dossiers" },
  survey_responses: { vi: "Số lượt đánh giá", en: "Satisfaction ratings" },
  survey_satisfied: { vi: "Số lượt hài lòng", en: "Satisfied ratings", atMost: "survey_responses" },
  contest_entries: { vi: "Số bài dự thi CCHC", en: "Contest entries" },
  initiatives: { vi: "Số sáng kiến CCHC", en: "Reform initiatives" },
};

export type Counts = Record<CountField, number>;

