import { describe, expect, it } from "vitest";
import { formatChange } from "~/routes/_index/totals";
import {
  formatCounts,
  formatIndicatorValue,
  movementText,
  noDataMessage,
  paramProblemMessage,
  periodInSentence,
  shortLabel,
} from "~/components/overview-format";
import { RANKED_IDS } from "~/domain/indicators";
import { overviewMessages } from "~/i18n/overview-messages";

describe("overview and contest messages", () => {
  it("have the same keys in Vietnamese and English, none empty", () => {
    expect(Object.keys(overviewMessages.en).sort()).toEqual(Object.keys(overviewMessages.vi).sort());
    for (const lang of ["vi", "en"] as const) {
      for (const [key, text] of Object.entries(overviewMessages[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(overviewMessages.vi)) {
      expect(names(overviewMessages.en[key] ?? ""), key).toEqual(names(overviewMessages.vi[key] ?? ""));
    }
  });

  it("label the composite as not the official score, as the spec requires", () => {
    expect(overviewMessages.vi["overview.composite.heading"]).toBe("Điểm tổng hợp (tham khảo QĐ 766, không phải điểm chính thức)");
    expect(overviewMessages.en["overview.composite.heading"]).toContain("not the official score");
  });

  it("have a short column label for every ranked indicator", () => {
    for (const id of RANKED_IDS) {
      expect(overviewMessages.vi[`overview.short.${id}`], id).toBeTruthy();
      expect(shortLabel("en", id)).not.toContain("overview.short");
    }
  });
});

describe("overview formatting", () => {
  it("formats rates, counts and the composite score in each language", () => {
    expect(formatIndicatorValue("vi", "digitization_rate", 0.955)).toBe("95,5\u00A0%");
    expect(formatIndicatorValue("en", "digitization_rate", 0.955)).toBe("95.5%");
    expect(formatIndicatorValue("vi", "contest_entries", 1234)).toBe("1.234");
    expect(formatIndicatorValue("vi", "composite_score", 87.654)).toBe("87,7");
    expect(formatIndicatorValue("vi", "online_rate", null)).toBe("—");
    expect(formatCounts("vi", 6948, 8153)).toBe("6.948/8.153");
    expect(formatCounts("vi", 3, null)).toBeNull();
  });

  it("says a movement in words and a period inside a sentence", () => {
    expect(movementText("vi", 2)).toBe("tăng 2 bậc");
    expect(movementText("vi", -1)).toBe("giảm 1 bậc");
    expect(movementText("en", 0)).toBe("no change");
    expect(periodInSentence("vi", "2024-Q3")).toBe("quý 3/2024");
    expect(periodInSentence("vi", "2023")).toBe("năm 2023");
    expect(periodInSentence("en", "2024-Q3")).toBe("Q3 2024");
  });

  it("writes a change in percentage points for rates and in units for counts", () => {
    expect(formatChange("vi", "rate", 0.858, 0.835)).toBe("+2,3 điểm %");
    expect(formatChange("en", "rate", 0.8, 0.85)).toBe("−5.0 pp");
    expect(formatChange("vi", "count", 3, 7)).toBe("−4");
    expect(formatChange("vi", "count", 7, 7)).toBe("±0");
    expect(formatChange("vi", "rate", null, 0.5)).toBeNull();
  });

  it("explains a bad parameter and a period without data in the reader's language", () => {
    expect(paramProblemMessage("vi", { param: "period", value: "2023-Q5" }, RANKED_IDS)).toBe(
      "Kỳ “2023-Q5” không hợp lệ. Hãy ghi kỳ theo dạng 2023-Q4 (quý) hoặc 2023 (năm).",
    );
    expect(paramProblemMessage("en", { param: "indicator", value: "foo" }, ["a", "b"])).toBe("There is no indicator “foo”. The indicators are: a, b.");
    expect(noDataMessage("vi", "2019-Q1", ["2022-Q2", "2022-Q1", "2024-Q4"])).toBe(
      "Chưa có số liệu cho quý 1/2019. Hiện có số liệu từ quý 1/2022 đến quý 4/2024; hãy chọn một kỳ trong danh sách hoặc nạp thêm số liệu.",
    );
  });
});
