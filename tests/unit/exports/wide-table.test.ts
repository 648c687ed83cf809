import { describe, expect, it } from "vitest";
import { parseTargets } from "~/domain/targets";
import { wideTable, type WideTable } from "~/exports/wide-table";
import { QUARTER_ROWS, TEST_TARGETS, UNITS, row } from "./pack-fixtures";

function cellOf(table: WideTable, code: string, key: string) {
  const r = table.rows.find((cells) => cells[0] === code);
  const c = table.columns.findIndex((column) => column.key === key);
  if (!r || c < 0) throw new Error(`no cell ${code} ${key}`);
  return r[c];
}

const quarter = wideTable({ period: "2024-Q4", kind: "quarter", rows: QUARTER_ROWS, lang: "vi" });

describe("wideTable: one row per unit, the composite and every indicator side by side", () => {
  it("has one row per unit, in composite rank order, tied units by code", () => {
    expect(quarter.rows.map((r) => r[0])).toEqual([UNITS.ba.code, UNITS.mot.code, UNITS.hai.code]);
    expect(quarter.rows.map((r) => r[1])).toEqual(["Xã Ba", "Xã Một", "Xã Hai"]);
    expect(quarter.orderedBy).toBe("composite_score");
    // The tie is a tie: both units hold rank 2 of 3.
    expect(cellOf(quarter, UNITS.mot.code, "composite_score.rank")).toEqual({ rank: 2, ranked: 3 });
    expect(cellOf(quarter, UNITS.hai.code, "composite_score.rank")).toEqual({ rank: 2, ranked: 3 });
  });

  it("has the columns of the meeting pack, in Vietnamese: code, name, cluster, composite, then each indicator", () => {
    // 3 + composite 2 + five rates × 4 + three counts × 2.
    expect(quarter.columns).toHaveLength(31);
    expect(quarter.columns.slice(0, 9).map((c) => c.header)).toEqual([
      "Mã xã",
      "Tên đơn vị",
      "Cụm",
      "Điểm tổng hợp",
      "Điểm tổng hợp: xếp hạng",
      "Tỷ lệ số hóa hồ sơ (%)",
      "Tỷ lệ số hóa hồ sơ: xếp hạng",
      "Tỷ lệ số hóa hồ sơ: số hồ sơ được số hóa",
      "Tỷ lệ số hóa hồ sơ: tổng số hồ sơ tiếp nhận",
    ]);
    // A count's value is its numerator and it has no denominator: value and rank only.
    expect(quarter.columns.filter((c) => c.key.startsWith("overdue_dossiers.")).map((c) => c.header)).toEqual(["Số hồ sơ quá hạn", "Số hồ sơ quá hạn: xếp hạng"]);
    expect(new Set(quarter.columns.map((c) => c.header)).size).toBe(31);
  });

  it("names each number column's format after the registry: percent for rates, integer for counts, one decimal for the score", () => {
    const format = (key: string) => quarter.columns.find((c) => c.key === key)?.format;
    expect(format("digitization_rate.value")).toBe("percent1");
    expect(format("digitization_rate.numerator")).toBe("integer");
    expect(format("overdue_dossiers.value")).toBe("integer");
    expect(format("composite_score.value")).toBe("decimal1");
    expect(quarter.columns.find((c) => c.key === "digitization_rate.rank")?.type).toBe("rank");
  });

  it("keeps the figures as the report gives them: fractions, counts, the score, the rank with its field", () => {
    expect(quarter.rows[1]?.slice(0, 9)).toEqual(["00001", "Xã Một", null, 87.25, { rank: 2, ranked: 3 }, 0.935, { rank: 4, ranked: 20 }, 187, 200]);
    expect(cellOf(quarter, UNITS.mot.code, "overdue_dossiers.value")).toBe(1234);
    expect(cellOf(quarter, UNITS.mot.code, "overdue_dossiers.rank")).toEqual({ rank: 3, ranked: 3 });
  });

  it("leaves the value and rank empty for a rate whose denominator is 0, and keeps the counts 0/0", () => {
    expect(cellOf(quarter, UNITS.hai.code, "online_payment_rate.value")).toBeNull();
    expect(cellOf(quarter, UNITS.hai.code, "online_payment_rate.rank")).toBeNull();
    expect(cellOf(quarter, UNITS.hai.code, "online_payment_rate.numerator")).toBe(0);
    expect(cellOf(quarter, UNITS.hai.code, "online_payment_rate.denominator")).toBe(0);
  });

  it("leaves the cluster empty (clusters come with a later issue) and indicators without a row empty", () => {
    expect(quarter.rows.map((r) => r[2])).toEqual([null, null, null]);
    expect(cellOf(quarter, UNITS.mot.code, "on_time_rate.value")).toBeNull();
  });

  it("writes English headers for English readers", () => {
    const en = wideTable({ period: "2024-Q4", kind: "quarter", rows: QUARTER_ROWS, lang: "en" });
    expect(en.columns.slice(0, 9).map((c) => c.header)).toEqual([
      "Unit code",
      "Unit name",
      "Cluster",
      "Composite score",
      "Composite score: rank",
      "Digitisation rate (%)",
      "Digitisation rate: rank",
      "Digitisation rate: dossiers digitised",
      "Digitisation rate: dossiers received",
    ]);
    expect(en.rows).toEqual(quarter.rows);
  });

  it("shows the composite beside one chosen indicator and follows that indicator's ranks", () => {
    const one = wideTable({ period: "2024-Q4", kind: "quarter", rows: QUARTER_ROWS, lang: "vi", indicator: "overdue_dossiers" });
    expect(one.columns.map((c) => c.key)).toEqual(["commune_code", "commune_name", "cluster", "composite_score.value", "composite_score.rank", "overdue_dossiers.value", "overdue_dossiers.rank"]);
    expect(one.orderedBy).toBe("overdue_dossiers");
    expect(one.rows.map((r) => r[0])).toEqual([UNITS.hai.code, UNITS.ba.code, UNITS.mot.code]);
    // A unit without a rank on the chosen indicator comes last.
    const payment = wideTable({ period: "2024-Q4", kind: "quarter", rows: QUARTER_ROWS, lang: "vi", indicator: "online_payment_rate" });
    expect(payment.rows.map((r) => r[0])).toEqual([UNITS.mot.code, UNITS.ba.code, UNITS.hai.code]);
  });

  it("adds the quarters reported for a year and counts the incomplete years", () => {
    const yearRows = [
      row(UNITS.mot, "composite_score", { period: "2024", value: 80, rank: 1, ranked: 2, quarters: 4 }),
      row(UNITS.hai, "composite_score", { period: "2024", value: 70, rank: 2, ranked: 2, quarters: 3, incomplete: true }),
    ];
    const year = wideTable({ period: "2024", kind: "year", rows: yearRows, lang: "vi" });
    expect(year.columns[3]).toMatchObject({ key: "quarters", header: "Số quý đã báo cáo", format: "integer" });
    expect(year.rows.map((r) => r.slice(0, 6))).toEqual([
      ["00001", "Xã Một", null, 4, 80, { rank: 1, ranked: 2 }],
      ["00002", "Xã Hai", null, 3, 70, { rank: 2, ranked: 2 }],
    ]);
    expect(year.incomplete).toBe(1);
    expect(quarter.incomplete).toBe(0);
    expect(quarter.columns.some((c) => c.key === "quarters")).toBe(false);
  });

  it("refuses rows of another period", () => {
    expect(() => wideTable({ period: "2024-Q3", kind: "quarter", rows: QUARTER_ROWS, lang: "vi" })).toThrow("row of 2024-Q4 in the table of 2024-Q3");
  });
});

describe("wideTable with the year's targets (targets-and-actions.md)", () => {
  const targeted = wideTable({ period: "2024-Q4", kind: "quarter", rows: QUARTER_ROWS, lang: "vi", targets: TEST_TARGETS });

  it("adds the target and whether it is met after the rank, only for the indicators the year has a target for", () => {
    expect(targeted.columns.filter((c) => c.key.startsWith("digitization_rate.")).map((c) => [c.key, c.header, c.format])).toEqual([
      ["digitization_rate.value", "Tỷ lệ số hóa hồ sơ (%)", "percent1"],
      ["digitization_rate.rank", "Tỷ lệ số hóa hồ sơ: xếp hạng", null],
      ["digitization_rate.target", "Tỷ lệ số hóa hồ sơ: mục tiêu (%)", "percent1"],
      ["digitization_rate.target_met", "Tỷ lệ số hóa hồ sơ: đạt mục tiêu", null],
      ["digitization_rate.numerator", "Tỷ lệ số hóa hồ sơ: số hồ sơ được số hóa", "integer"],
      ["digitization_rate.denominator", "Tỷ lệ số hóa hồ sơ: tổng số hồ sơ tiếp nhận", "integer"],
    ]);
    expect(targeted.columns.filter((c) => c.key.startsWith("overdue_dossiers.")).map((c) => c.header)).toEqual([
      "Số hồ sơ quá hạn",
      "Số hồ sơ quá hạn: xếp hạng",
      "Số hồ sơ quá hạn: mục tiêu",
      "Số hồ sơ quá hạn: đạt mục tiêu",
    ]);
    expect(targeted.columns.some((c) => c.key === "online_rate.target" || c.key === "composite_score.target")).toBe(false);
    expect(targeted.columns).toHaveLength(31 + 3 * 2);
  });

  it("says met or not met on the counts, and leaves it empty where there is no value", () => {
    // Digitisation against 95 %: Xã Một 187/200 = 93.5 % is not; Xã Hai 9 996/10 000 and Xã Ba 50/50 are.
    expect([UNITS.mot, UNITS.hai, UNITS.ba].map((u) => [cellOf(targeted, u.code, "digitization_rate.target"), cellOf(targeted, u.code, "digitization_rate.target_met")])).toEqual([
      [0.95, "chưa đạt"],
      [0.95, "đạt"],
      [0.95, "đạt"],
    ]);
    // Online payment against 50 %: 3/4 met, 0/0 no value (empty), 1/4 not met.
    expect([UNITS.mot, UNITS.hai, UNITS.ba].map((u) => cellOf(targeted, u.code, "online_payment_rate.target_met"))).toEqual(["đạt", null, "chưa đạt"]);
    // Overdue dossiers against 0: only Xã Hai's 0 meets it.
    expect([UNITS.mot, UNITS.hai, UNITS.ba].map((u) => cellOf(targeted, u.code, "overdue_dossiers.target_met"))).toEqual(["chưa đạt", "đạt", "chưa đạt"]);
    expect(cellOf(targeted, UNITS.mot.code, "overdue_dossiers.target")).toBe(0);
    const en = wideTable({ period: "2024-Q4", kind: "quarter", rows: QUARTER_ROWS, lang: "en", targets: TEST_TARGETS });
    expect(en.columns.find((c) => c.key === "digitization_rate.target")?.header).toBe("Digitisation rate: target (%)");
    expect(cellOf(en, UNITS.mot.code, "digitization_rate.target_met")).toBe("not met");
  });

  it("is the table without targets when the period's year has none", () => {
    const otherYear = parseTargets({ "2023": { source: "Kế hoạch 2023", targets: { digitization_rate: 0.5 } } }, "targets.json");
    expect(wideTable({ period: "2024-Q4", kind: "quarter", rows: QUARTER_ROWS, lang: "vi", targets: otherYear })).toEqual(quarter);
  });
});
