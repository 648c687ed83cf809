import { describe, expect, it } from "vitest";
import { toCsv } from "~/domain/csv-export";
import { COUNT_FIELDS } from "~/domain/report-fields";
import { buildTemplateRows } from "~/domain/template";
import { validateReport } from "~/ingest/validate";

const units = [
  { code: "11155", name: "Thị trấn Ninh Giang" },
  { code: "11161", name: "Xã Ứng Hoè" },
];

describe("the report template", () => {
  it("is read back by the import in either delimiter once filled in, its quoted Vietnamese headers skipped", () => {
    for (const delimiter of [";", ","] as const) {
      const template = toCsv(buildTemplateRows(units), delimiter);
      // Headers such as "Số hồ sơ có phí, lệ phí" hold a comma: quoted in the ; file too.
      expect(template).toContain(`${delimiter}"Số hồ sơ có phí, lệ phí"${delimiter}`);
      const blanks = delimiter.repeat(COUNT_FIELDS.length + 1);
      const filled = template.replaceAll(blanks, ["", "2024-Q1", ...COUNT_FIELDS.map(() => "0")].join(delimiter));
      const result = validateReport(new TextEncoder().encode(filled), { units: new Map(units.map((u) => [u.code, u.name])), maxBytes: 100_000 });
      expect(result.errors).toEqual([]);
      expect(result.rows.map((r) => [r.communeCode, r.period])).toEqual([
        ["11155", "2024-Q1"],
        ["11161", "2024-Q1"],
      ]);
    }
  });
});
