import { describe, expect, it } from "vitest";
import { wideTable, type WideTable } from "~/exports/wide-table";
import { QUARTER_ROWS, UNITS, row } from "./pack-fixtures";

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
