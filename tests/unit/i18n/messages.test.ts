import { describe, expect, it } from "vitest";
import { notFound } from "~/http/page-errors.server";
import { cardMessages } from "~/i18n/card-messages";
import { commonMessages } from "~/i18n/common-messages";
import { exportMessages } from "~/i18n/export-messages";
import { overviewMessages } from "~/i18n/overview-messages";
import { allKeys, t } from "~/i18n/translate";
import { unitMessages } from "~/i18n/unit-messages";

const AREAS = { card: cardMessages, common: commonMessages, overview: overviewMessages, unit: unitMessages, export: exportMessages };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(AREAS))("%s messages", (_, dictionary) => {
  it("have the same keys in Vietnamese and English, none empty", () => {
    expect(Object.keys(dictionary.en).sort()).toEqual(Object.keys(dictionary.vi).sort());
    for (const lang of ["vi", "en"] as const) {
      for (const [key, text] of Object.entries(dictionary[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(dictionary.vi)) expect(placeholders(dictionary.en[key] ?? ""), key).toEqual(placeholders(dictionary.vi[key] ?? ""));
  });

  it("reach the joined dictionary unchanged (no other area's key of the same name overrides them)", () => {
    const keys = new Set(allKeys("vi"));
    for (const lang of ["vi", "en"] as const) {
      for (const [key, value] of Object.entries(dictionary[lang])) {
        expect(keys.has(key), key).toBe(true);
        expect(t(lang, key), key).toBe(value);
      }
    }
  });
});

describe("what the pages say", () => {
  it("label the composite as not the official score, as the spec requires", () => {
    expect(overviewMessages.vi["overview.composite.heading"]).toBe("Điểm tổng hợp (tham khảo QĐ 766, không phải điểm chính thức)");
    expect(overviewMessages.en["overview.composite.heading"]).toContain("not the official score");
  });

  it("answer a period without data with the periods that have some, and an unknown unit with its code", async () => {
    const period = notFound("vi", { what: "period", period: "2019-Q1", loaded: ["2022-Q2", "2022-Q1", "2024-Q4"] });
    expect(period.status).toBe(404);
    expect(await period.text()).toBe(
      "Chưa có số liệu cho quý 1/2019. Hiện có số liệu từ quý 1/2022 đến quý 4/2024; hãy chọn một kỳ trong danh sách hoặc nạp thêm số liệu.",
    );
    expect(await notFound("en", { what: "period", period: "2025", loaded: [] }).text()).toBe("There is no data for 2025.");
    expect(await notFound("en", { what: "units", codes: ["99999"] }).text()).toContain("no unit with code “99999”");
  });
});
