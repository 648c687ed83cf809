import { describe, expect, it } from "vitest";
import { parseLineageCsv, parseRegistryCsv } from "~/config/registry.server";
import { RegistryError } from "~/domain/unit-lineage";
import { t } from "~/i18n/translate";

function sentence(f: () => unknown, lang: "vi" | "en" = "vi"): string {
  try {
    f();
  } catch (error) {
    if (error instanceof RegistryError) return t(lang, error.problem.key, error.problem.params);
    throw error;
  }
  return "no error";
}

const COMMUNES = `code,name,kind,cluster,valid_from,valid_to
11155,Thị trấn Ninh Giang,town,Cụm 1,,2025-Q2
11197,Xã Vĩnh Hòa,commune,Cụm 1,,2025-Q2
11155,Xã Ninh Giang,commune,Cụm 1,2025-Q3,
11206,Đặc khu Thử,special_zone,,Q3/2025,
`;

describe("communes.csv over time", () => {
  it("reads today's three columns unchanged", () => {
    expect(parseRegistryCsv("code,name,kind\n11155,Thị trấn Ninh Giang,town\n", "communes.csv")).toEqual([
      { code: "11155", name: "Thị trấn Ninh Giang", kind: "town", cluster: null, validFrom: null, validTo: null, line: 2 },
    ]);
  });

  it("reads clusters and validity, a reused code, a special zone, and quarters as offices write them", () => {
    const units = parseRegistryCsv(COMMUNES, "communes.csv");
    expect(units.map((u) => [u.code, u.kind, u.cluster, u.validFrom, u.validTo])).toEqual([
      ["11155", "town", "Cụm 1", null, "2025-Q2"],
      ["11197", "commune", "Cụm 1", null, "2025-Q2"],
      ["11155", "commune", "Cụm 1", "2025-Q3", null],
      ["11206", "special_zone", null, "2025-Q3", null],
    ]);
  });

  it("refuses a bad cell with one sentence naming the file, line and column", () => {
    expect(sentence(() => parseRegistryCsv("code,name,kind,valid_from\n11155,A,town,2025-Q5\n", "communes.csv"))).toBe(
      'communes.csv, dòng 2, cột "valid_from": "2025-Q5" không phải một quý (viết như 2025-Q3).',
    );
    expect(sentence(() => parseRegistryCsv("code,name,kind\n1115,A,town\n", "communes.csv"), "en")).toBe(
      'communes.csv, line 2, column "code": "1115" is not a 5-digit unit code.',
    );
    expect(sentence(() => parseRegistryCsv("code,name,kind\n11155,A,city\n", "communes.csv"))).toContain('"city" không phải loại đơn vị');
    expect(sentence(() => parseRegistryCsv("code,name,kind\n", "communes.csv"))).toBe("communes.csv: không có đơn vị nào.");
  });
});

describe("lineage.csv", () => {
  const units = parseRegistryCsv(COMMUNES, "communes.csv");

  it("reads lines with a default share of 1 and a decimal comma", () => {
    const text = "predecessor_code,successor_code,effective,share\n11155,11155,2025-Q3,\n11197,11155,2025-Q3,\"1,0\"\n";
    expect(parseLineageCsv(text, "lineage.csv", units).map((l) => [l.predecessor, l.successor, l.effective, l.share, l.line])).toEqual([
      ["11155", "11155", "2025-Q3", 1, 2],
      ["11197", "11155", "2025-Q3", 1, 3],
    ]);
  });

  it("refuses a share outside (0, 1], shares that do not add up, and a successor that does not exist", () => {
    expect(sentence(() => parseLineageCsv("predecessor_code,successor_code,effective,share\n11197,11155,2025-Q3,1.5\n", "lineage.csv", units))).toBe(
      'lineage.csv, dòng 2, cột "share": "1.5" không phải tỷ lệ lớn hơn 0 và không quá 1.',
    );
    expect(sentence(() => parseLineageCsv("predecessor_code,successor_code,effective,share\n11197,11155,2025-Q3,0.5\n", "lineage.csv", units), "en")).toBe(
      "lineage.csv, line 2: the shares of unit 11197 from 2025-Q3 add up to 0.5; they must add up to exactly 1.",
    );
    expect(sentence(() => parseLineageCsv("predecessor_code,successor_code,effective\n11197,99999,2025-Q3\n", "lineage.csv", units))).toContain(
      "đơn vị kế thừa 99999 không bắt đầu từ 2025-Q3",
    );
  });
});
