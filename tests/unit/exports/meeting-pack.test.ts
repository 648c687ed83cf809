import { describe, expect, it } from "vitest";
import { exportFileName, meetingPack, statusLine, type PackStatus } from "~/exports/meeting-pack";
import { BODY, QUARTER_ROWS, SCORING, TEST_TARGETS, UNITS, row } from "./pack-fixtures";

const PUBLISHED: PackStatus = { status: "published", publication: 1, publishedAt: "2025-01-10T03:00:00Z", newerVersion: null };
// 23:30 on 14 March in UTC is already 15 March in Vietnam.
const PRINTED = new Date("2025-03-14T23:30:00Z");

function pack(overrides: Partial<Parameters<typeof meetingPack>[0]> = {}) {
  return meetingPack({
    lang: "vi",
    body: BODY,
    report: { period: "2024-Q4", kind: "quarter", rows: QUARTER_ROWS },
    scoring: SCORING,
    status: PUBLISHED,
    asOf: null,
    printedAt: PRINTED,
    ...overrides,
  });
}

describe("meetingPack: the title rows", () => {
  it("name the body, the period in words, the publication, the day printed in Vietnam and the scoring used", () => {
    expect(pack().title).toEqual([
      "Huyện Ninh Giang, Tỉnh Hải Dương",
      "Kết quả xếp hạng cải cách hành chính các đơn vị, quý 4/2024",
      "Công bố ngày 10/01/2025 (phiên bản 1)",
      "In ngày 15/03/2025",
      "Điểm tổng hợp tham khảo QĐ 766, không phải điểm chính thức; tính theo cấu hình điểm test@000000000000.",
    ]);
    expect(pack().draft).toBe(false);
    expect(pack({ lang: "en" }).title.slice(0, 4)).toEqual([
      "Ninh Giang District, Hai Duong Province",
      "Administrative-reform rankings of the units, Q4 2024",
      "Published on 10 Jan 2025 (version 1)",
      "Printed on 15 Mar 2025",
    ]);
  });

  it("mark a staff reader's draft, and a draft with corrections after a version", () => {
    const draft = pack({ status: { status: "draft", publication: null, publishedAt: null, newerVersion: null } });
    expect(draft.title[2]).toBe("Bản nháp — chưa công bố");
    expect(draft.draft).toBe(true);
    expect(statusLine("vi", { status: "draft", publication: 2, publishedAt: "2025-01-10T03:00:00Z", newerVersion: null })).toBe(
      "Bản nháp — có số liệu sửa chưa công bố; người xem đang thấy phiên bản 2",
    );
    expect(statusLine("en", { status: "draft", publication: null, publishedAt: null, newerVersion: null })).toBe("Draft — not published");
  });

  it("say which date the rankings are as of, and that a newer version exists", () => {
    const asOf = pack({ asOf: "2025-02-01", status: { ...PUBLISHED, newerVersion: 2 } });
    expect(asOf.title.slice(2, 5)).toEqual(["Công bố ngày 10/01/2025 (phiên bản 1)", "Như đã công bố đến hết ngày 01/02/2025. Đã có phiên bản mới hơn (2)", "In ngày 15/03/2025"]);
  });

  it("give a year's latest publication without a version, and count its incomplete units", () => {
    const year = pack({
      report: {
        period: "2024",
        kind: "year",
        rows: [
          row(UNITS.mot, "composite_score", { period: "2024", value: 80, rank: 1, quarters: 4 }),
          row(UNITS.hai, "composite_score", { period: "2024", value: 70, rank: 2, quarters: 3, incomplete: true }),
        ],
      },
      status: { status: "published", publication: null, publishedAt: "2025-01-10T03:00:00Z", newerVersion: null },
    });
    expect(year.title[1]).toBe("Kết quả xếp hạng cải cách hành chính các đơn vị, năm 2024");
    expect(year.title[2]).toBe("Công bố ngày 10/01/2025 (lần công bố gần nhất của các quý trong năm)");
    expect(year.title.at(-1)).toBe("Năm chưa đủ 4 quý ở 1 đơn vị (xem cột “Số quý đã báo cáo”): thứ hạng tính trên các quý đã báo cáo.");
  });

  it("name only the district when the data folder gives no province", () => {
    expect(pack({ body: { name: "Huyện Thử", nameEn: "Test District" } }).title[0]).toBe("Huyện Thử");
  });
});

describe("meetingPack: the definitions sheet", () => {
  const { definitions, sheetNames } = pack();

  it("has the composite and every indicator with what it means, how it is computed, and its weight", () => {
    expect(sheetNames).toEqual({ rankings: "Xếp hạng", definitions: "Định nghĩa" });
    expect(definitions.rows.map((r) => r.id)).toEqual([
      "composite_score",
      "digitization_rate",
      "online_rate",
      "online_payment_rate",
      "on_time_rate",
      "overdue_dossiers",
      "satisfaction_rate",
      "contest_entries",
      "initiatives",
    ]);
    expect(definitions.rows[1]).toEqual({
      label: "Tỷ lệ số hóa hồ sơ",
      id: "digitization_rate",
      meaning: "Số hồ sơ được số hóa trên tổng số hồ sơ tiếp nhận trong kỳ.",
      formula: "Số hồ sơ được số hóa / Tổng số hồ sơ tiếp nhận",
      better: "cao hơn",
      weight: 22,
      fullAt: 0.9,
    });
    expect(definitions.rows[5]).toMatchObject({ id: "overdue_dossiers", formula: "Số hồ sơ quá hạn (số lượng)", better: "thấp hơn", weight: null, fullAt: null });
    expect(definitions.rows.map((r) => r.weight)).toEqual([null, 22, 12, 10, 20, null, 18, null, null]);
  });

  it("names the scoring configuration and explains ranks and empty cells", () => {
    expect(definitions.notes).toEqual([
      "Cấu hình điểm: test@000000000000",
      "Test weights.",
      expect.stringContaining("“4/20”"),
      expect.stringContaining("Ô trống"),
    ]);
  });

  it("names the year's targets and their source when targets.json sets them, and the table gains their columns", () => {
    const targeted = pack({ targets: TEST_TARGETS });
    expect(targeted.definitions.notes.at(-1)).toBe(
      "Mục tiêu năm 2024: Kế hoạch thử. Cột “đạt mục tiêu”: giá trị bằng hoặc tốt hơn mục tiêu; ô trống là không có giá trị.",
    );
    expect(targeted.table.columns.some((c) => c.key === "digitization_rate.target_met")).toBe(true);
    expect(pack({ targets: TEST_TARGETS, lang: "en" }).definitions.notes.at(-1)).toMatch(/^Targets for 2024: Kế hoạch thử\. /);
    // A year without targets: no note, no columns.
    expect(pack({ targets: TEST_TARGETS, report: { period: "2023-Q4", kind: "quarter", rows: QUARTER_ROWS.map((r) => ({ ...r, period: "2023-Q4" })) } }).definitions.notes).toHaveLength(4);
  });
});

describe("exportFileName", () => {
  it("names the period and marks a draft", () => {
    expect(exportFileName("2024-Q4", PUBLISHED, "xlsx")).toBe("parboard-rankings-2024-Q4.xlsx");
    expect(exportFileName("2024", { status: "draft", publication: null, publishedAt: null, newerVersion: null }, "csv")).toBe("parboard-rankings-2024-draft.csv");
  });
});
