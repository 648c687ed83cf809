import { describe, expect, it } from "vitest";

import { FIELD_INFO, REPORT_FIELDS } from "~/domain/report-fields";
import { fieldOfHeader, headerKey, mapHeader } from "~/ingest/headers";
import { createIssueLog } from "~/ingest/issues";

describe("headerKey", () => {
  it("ignores case, accents, đ, underscores and punctuation", () => {
    expect(headerKey("Số hồ sơ được số hóa")).toBe("so ho so duoc so hoa");
    expect(headerKey("SỐ HỒ SƠ ĐƯỢC SỐ HOÁ")).toBe("so ho so duoc so hoa");
    expect(headerKey("  so_ho_so__duoc-so.hoa ")).toBe("so ho so duoc so hoa");
    expect(headerKey("Số hồ sơ giải quyết trước hạn, đúng hạn")).toBe("so ho so giai quyet truoc han dung han");
    expect(headerKey("Ma\u0303 xa\u0303")).toBe("ma xa");
  });
});

describe("fieldOfHeader", () => {
  it("accepts the snake_case name, the Vietnamese header and the English label of every field", () => {
    for (const field of REPORT_FIELDS) {
      const { vi, en } = FIELD_INFO[field];
      for (const name of [field, vi, en, vi.toUpperCase(), headerKey(vi), field.toUpperCase()]) {
        expect(fieldOfHeader(name), name).toBe(field);
      }
    }
  });

  it("knows no other column", () => {
    expect(fieldOfHeader("Ghi chú")).toBeNull();
    expect(fieldOfHeader("")).toBeNull();
    expect(fieldOfHeader("Số hồ sơ")).toBeNull();
  });
});

describe("mapHeader", () => {
  it("maps columns in any order and drops trailing empty header cells", () => {
    const log = createIssueLog();
    const names = ["Kỳ báo cáo", "Mã xã", ...REPORT_FIELDS.slice(3), "", ""];
    const header = mapHeader(names, 3, log);
    expect(header?.width).toBe(14);
    expect(header?.columnOf.period).toBe(0);
    expect(header?.columnOf.commune_code).toBe(1);
    expect(header?.columnOf.commune_name).toBe(-1);
    expect(log.errors).toEqual([]);
  });

  it("returns null with a single noHeader error when no cell is a known header", () => {
    const log = createIssueLog();
    expect(mapHeader(["11155", "Xã Nghĩa An", "2023-Q4"], 1, log)).toBeNull();
    expect(log.errors.map((i) => i.key)).toEqual(["ingest.error.noHeader"]);
  });
});
