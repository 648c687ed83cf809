import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { formatIssue } from "~/ingest/format-issue";
import { makeIssue } from "~/ingest/issues";
import { validateReport } from "~/ingest/validate";

import { fixture, makeContext } from "./helpers";

describe("formatIssue", () => {
  const notWhole = makeIssue("error", "ingest.error.notWholeNumber", 7, "Số hồ sơ được số hóa", "12,5");

  it("writes line, column, value and what was expected in Vietnamese", () => {
    expect(formatIssue(notWhole, "vi")).toBe('Dòng 7, cột "Số hồ sơ được số hóa": giá trị "12,5" — cần một số nguyên ≥ 0');
  });

  it("writes the same in English", () => {
    expect(formatIssue(notWhole, "en")).toBe(
      'Line 7, column "Số hồ sơ được số hóa": value "12,5" — expected a whole number ≥ 0',
    );
  });

  it("fills parameters, with numbers in the language's convention but line numbers as an editor shows them", () => {
    const issue = makeIssue("error", "ingest.error.exceedsDenominator", 1234, "Số hồ sơ tiếp nhận trực tuyến", "1.300", {
      numerator: "Số hồ sơ tiếp nhận trực tuyến",
      denominator: "Tổng số hồ sơ tiếp nhận",
      denominatorValue: 1250,
    });
    expect(formatIssue(issue, "vi")).toBe(
      'Dòng 1234, cột "Số hồ sơ tiếp nhận trực tuyến": giá trị "1.300" — không được lớn hơn "Tổng số hồ sơ tiếp nhận" của cùng dòng (1.250)',
    );
    expect(formatIssue(issue, "en")).toBe(
      'Line 1234, column "Số hồ sơ tiếp nhận trực tuyến": value "1.300" — cannot exceed "Tổng số hồ sơ tiếp nhận" on the same line (1,250)',
    );
  });

  it("names a period as readers write it, not by its id", () => {
    const issue = makeIssue("error", "ingest.error.duplicateRow", 6, "commune_code", "11185", { firstLine: 5, code: "11185", period: "2023-Q4" });
    expect(formatIssue(issue, "vi")).toBe(
      'Dòng 6, cột "commune_code": giá trị "11185" — đơn vị 11185 đã có số liệu quý 4/2023 ở dòng 5; mỗi đơn vị chỉ được một dòng cho mỗi kỳ báo cáo',
    );
    expect(formatIssue(issue, "en")).toContain("unit 11185 already has a row for Q4 2023 on line 5");
  });

  it("writes an empty cell without a value, and a whole-line issue without a column", () => {
    expect(formatIssue(makeIssue("error", "ingest.error.required", 4, "fee_dossiers", ""), "vi")).toBe(
      'Dòng 4, cột "fee_dossiers" — ô đang để trống; cần một số nguyên ≥ 0 (ghi 0 nếu không có)',
    );
    const cells = makeIssue("error", "ingest.error.wrongCellCount", 3, null, null, { expected: 15, actual: 16 });
    expect(formatIssue(cells, "en")).toMatch(/^Line 3 — the line has 16 cells but the header has 15 columns;/);
  });

  it("writes a whole-file issue as a sentence, file sizes in MB", () => {
    const big = makeIssue("error", "ingest.error.tooLarge", null, null, null, { size: 12_582_912, max: 10_485_760 });
    expect(formatIssue(big, "vi")).toBe(
      "Tệp quá lớn (12 MB); dung lượng tối đa cho phép là 10 MB. Hãy tách thành nhiều tệp nhỏ hơn, ví dụ mỗi tệp một quý.",
    );
    expect(formatIssue(makeIssue("error", "ingest.error.tooLarge", null, null, null, { size: 1500, max: 100 }), "en")).toMatch(
      /^The file is too large \(1,500 bytes\); the limit is 100 bytes\./,
    );
  });

  it("keeps a multi-line value on one line", () => {
    const issue = makeIssue("warning", "ingest.warning.nameMismatch", 2, "Tên đơn vị", "Xã Tân Quang\n(thôn Đông)", {
      registered: "Xã Tân Quang",
    });
    expect(formatIssue(issue, "vi")).toBe(
      'Dòng 2, cột "Tên đơn vị": giá trị "Xã Tân Quang↵(thôn Đông)" — tên đơn vị khác với tên trong danh mục của mã này ("Xã Tân Quang"); hãy kiểm tra lại mã đơn vị',
    );
  });

  it("leaves no placeholder unfilled for any issue of any fixture, in either language", () => {
    const dir = fileURLToPath(new URL("../../fixtures/ingest/", import.meta.url));
    const units = makeContext().units;
    const ctx = makeContext({ units: new Map(units).set("01501", "Xã Thử Nghiệm"), maxBytes: 700 });
    let seen = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".csv"))) {
      const result = validateReport(fixture(name), ctx);
      for (const issue of [...result.errors, ...result.warnings]) {
        for (const lang of ["vi", "en"] as const) {
          const text = formatIssue(issue, lang);
          expect(text, `${name} ${issue.key} ${lang}`).not.toMatch(/\{\w+\}|ingest\./);
          expect(text).not.toContain("\n");
          seen += 1;
        }
      }
    }
    expect(seen).toBeGreaterThan(40);
  });
});
