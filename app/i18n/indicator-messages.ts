/**
 * Indicator labels and descriptions as message keys, generated from the indicator registry so that adding
 * an indicator needs no edit here: `indicator.{id}`, `indicator.{id}.description`, `indicator.{id}.noun`.
 */
import { COMPOSITE_ID, INDICATORS } from "~/domain/indicators";
import type { Dictionary } from "./dictionary";

function build(lang: "vi" | "en"): Dictionary {
  const d: Dictionary = {};
  for (const i of INDICATORS) {
    d[`indicator.${i.id}`] = i.label[lang];
    d[`indicator.${i.id}.description`] = i.description[lang];
    d[`indicator.${i.id}.noun`] = i.numeratorNoun[lang];
  }
  d[`indicator.${COMPOSITE_ID}`] = lang === "vi" ? "Điểm tổng hợp" : "Composite score";
  d[`indicator.${COMPOSITE_ID}.description`] =
    lang === "vi"
      ? "Điểm 0–100 tính từ các tỷ lệ theo trọng số cấu hình (tham khảo Quyết định 766/QĐ-TTg; không phải điểm chính thức)."
      : "A 0–100 score from the rates with configured weights (inspired by Decision 766/QĐ-TTg; not the official score).";
  return d;
}

export const indicatorMessages: { vi: Dictionary; en: Dictionary } = { vi: build("vi"), en: build("en") };
