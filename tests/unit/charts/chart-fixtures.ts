/**
 * Literal chart data for the chart tests (documented in tests/fixtures/README.md, "Charts"). Unit codes
 * and names are the Ninh Giang reference units of the domain spec; the figures are invented but shaped
 * like real ones: a shared rank, units without a value, missing periods.
 */
import { rankMovement } from "~/domain/ranks";
import type { BumpChartData } from "~/charts/bump-chart";
import type { LeaderboardRow } from "~/charts/rank-leaderboard";
import type { RankHeatmapData } from "~/charts/rank-heatmap";
import type { SmallMultiplesData } from "~/charts/small-multiples";
import type { StackedBarData } from "~/charts/stacked-bar";
import type { TrendLineData } from "~/charts/trend-line";

export const UNITS = [
  { code: "11155", name: "Thị trấn Ninh Giang" },
  { code: "11161", name: "Xã Ứng Hoè" },
  { code: "11164", name: "Xã Nghĩa An" },
  { code: "11167", name: "Xã Hồng Đức" },
  { code: "11173", name: "Xã An Đức" },
  { code: "11176", name: "Xã Vạn Phúc" },
  { code: "11179", name: "Xã Tân Hương" },
  { code: "11185", name: "Xã Vĩnh Hòa" },
  { code: "11188", name: "Xã Đông Xuyên" },
  { code: "11197", name: "Xã Tân Phong" },
  { code: "11200", name: "Xã Ninh Hải" },
  { code: "11203", name: "Xã Đồng Tâm" },
  { code: "11206", name: "Xã Tân Quang" },
  { code: "11209", name: "Xã Kiến Quốc" },
  { code: "11215", name: "Xã Hồng Dụ" },
  { code: "11218", name: "Xã Văn Hội" },
  { code: "11224", name: "Xã Hồng Phong" },
  { code: "11227", name: "Xã Hiệp Lực" },
  { code: "11230", name: "Xã Hồng Phúc" },
  { code: "11233", name: "Xã Hưng Long" },
] as const;

function unitName(code: string): string {
  const unit = UNITS.find((u) => u.code === code);
  if (!unit) throw new Error(`fixture: unknown unit ${code}`);
  return unit.name;
}

/** Standard competition ranks ("1224"), higher is better, nulls unranked — as spec §4 defines them. */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v).length));
}

/** Digitisation rate, 2023-Q4: Ứng Hoè and Nghĩa An tie at 2; Hồng Phúc and Hưng Long have no value. */
const DIGITISATION: [code: string, value: number | null, previousRank: number | null][] = [
  ["11155", 0.982, 2],
  ["11161", 0.955, 4],
  ["11164", 0.955, 3],
  ["11167", 0.94, 5],
  ["11173", 0.921, 1],
  ["11176", 0.9, 6],
  ["11179", 0.887, 9],
  ["11185", 0.874, 7],
  ["11188", 0.86, 8],
  ["11197", 0.85, null],
  ["11200", 0.833, 10],
  ["11203", 0.81, 12],
  ["11206", 0.79, 11],
  ["11209", 0.77, 14],
  ["11215", 0.75, 13],
  ["11218", 0.72, 15],
  ["11224", 0.7, 16],
  ["11227", 0.655, 17],
  ["11230", null, 18],
  ["11233", null, null],
];

const digitisationRanks = competitionRanks(DIGITISATION.map(([, v]) => v));

/** Given in registry order on purpose: the chart sorts. */
export const LEADERBOARD_ROWS: LeaderboardRow[] = DIGITISATION.map(([code, value, previousRank], i) => ({
  code,
  name: unitName(code),
  value,
  rank: digitisationRanks[i] ?? null,
  previous: previousRank === null ? null : { rank: previousRank, ranked: 19, movement: rankMovement(digitisationRanks[i] ?? null, previousRank) },
}));

export const HEATMAP_DATA: RankHeatmapData = {
  units: UNITS.slice(0, 6).map((u) => ({ code: u.code, name: u.name })),
  indicators: [
    { id: "digitization_rate", label: "Tỷ lệ số hóa hồ sơ" },
    { id: "online_rate", label: "Tỷ lệ hồ sơ trực tuyến" },
    { id: "online_payment_rate", label: "Tỷ lệ thanh toán trực tuyến", shortLabel: "Thanh toán trực tuyến" },
    { id: "on_time_rate", label: "Tỷ lệ giải quyết đúng hạn" },
    { id: "overdue_dossiers", label: "Số hồ sơ quá hạn" },
  ],
  cells: [
    { unit: "11155", indicator: "digitization_rate", rank: 1, field: 20, value: 0.982 },
    { unit: "11155", indicator: "online_rate", rank: 4, field: 20, value: 0.913 },
    { unit: "11155", indicator: "online_payment_rate", rank: 2, field: 19, value: 0.88 },
    { unit: "11155", indicator: "on_time_rate", rank: 1, field: 20, value: 1 },
    { unit: "11155", indicator: "overdue_dossiers", rank: 1, field: 20, value: 0 },
    { unit: "11161", indicator: "digitization_rate", rank: 2, field: 20, value: 0.955 },
    { unit: "11161", indicator: "online_rate", rank: 9, field: 20, value: 0.8 },
    { unit: "11161", indicator: "online_payment_rate", rank: null, field: null, value: null },
    { unit: "11161", indicator: "on_time_rate", rank: 1, field: 20, value: 1 },
    { unit: "11161", indicator: "overdue_dossiers", rank: 1, field: 20, value: 0 },
    { unit: "11164", indicator: "digitization_rate", rank: 2, field: 20, value: 0.955 },
    { unit: "11164", indicator: "online_rate", rank: 12, field: 20, value: 0.74 },
    { unit: "11164", indicator: "online_payment_rate", rank: 7, field: 19, value: 0.61 },
    { unit: "11164", indicator: "on_time_rate", rank: 8, field: 20, value: 0.97 },
    { unit: "11164", indicator: "overdue_dossiers", rank: 12, field: 20, value: 4 },
    { unit: "11167", indicator: "digitization_rate", rank: 4, field: 20, value: 0.94 },
    { unit: "11167", indicator: "online_rate", rank: 20, field: 20, value: 0.41 },
    { unit: "11167", indicator: "online_payment_rate", rank: 19, field: 19, value: 0.12 },
    { unit: "11167", indicator: "on_time_rate", rank: 15, field: 20, value: 0.9 },
    { unit: "11167", indicator: "overdue_dossiers", rank: 20, field: 20, value: 17 },
    { unit: "11173", indicator: "digitization_rate", rank: 5, field: 20, value: 0.921 },
    { unit: "11173", indicator: "online_rate", rank: 1, field: 20, value: 0.97 },
    { unit: "11173", indicator: "on_time_rate", rank: 3, field: 20, value: 0.99 },
    { unit: "11173", indicator: "overdue_dossiers", rank: 6, field: 20, value: 1 },
    // 11176 reported nothing usable: all of its cells are absent.
  ],
};

export const QUARTERS_8 = ["Q1/2023", "Q2/2023", "Q3/2023", "Q4/2023", "Q1/2024", "Q2/2024", "Q3/2024", "Q4/2024"];

/** Online rate of Thị trấn Ninh Giang against the district; Q4/2023 has no value (no dossiers received). */
export const TREND_DATA: TrendLineData = {
  periods: QUARTERS_8,
  series: [
    { key: "11155", label: "Thị trấn Ninh Giang", values: [0.62, 0.68, 0.75, null, 0.81, 0.86, 0.9, 0.913] },
    {
      key: "district",
      label: "Huyện Ninh Giang",
      values: [0.55, 0.58, 0.63, 0.66, 0.7, 0.74, 0.77, 0.8],
      reference: true,
    },
  ],
};

export const TREND_COUNT_DATA: TrendLineData = {
  periods: QUARTERS_8.slice(0, 4),
  series: [
    { key: "11167", label: "Xã Hồng Đức", values: [3, 11, 17, 6] },
    { key: "district", label: "Trung bình huyện", values: [5, 6.5, 7, 4.25], reference: true },
  ],
};

/** Ranks on the online rate: A/B tie at 3 in Q2/2023, B/C tie at 1 in Q4/2023, C is unranked in Q1/2024. */
export const BUMP_DATA: BumpChartData = {
  periods: QUARTERS_8.slice(0, 6),
  series: [
    { key: "11155", label: "Thị trấn Ninh Giang", ranks: [5, 3, 2, 4, 1, 1], fields: [20, 20, 20, 20, 19, 20] },
    { key: "11161", label: "Xã Ứng Hoè", ranks: [2, 3, 4, 1, 3, 2], fields: [20, 20, 20, 20, 19, 20] },
    { key: "11173", label: "Xã An Đức", ranks: [1, 1, 1, 1, null, 4], fields: [20, 20, 20, 20, 19, 20] },
  ],
};

export const SMALL_MULTIPLES_DATA: SmallMultiplesData = {
  periods: QUARTERS_8.slice(0, 4),
  units: [
    { key: "11155", label: "Thị trấn Ninh Giang" },
    { key: "11161", label: "Xã Ứng Hoè" },
    { key: "11173", label: "Xã An Đức" },
  ],
  panels: [
    {
      id: "digitization_rate",
      label: "Tỷ lệ số hóa hồ sơ",
      valueType: "rate",
      values: {
        "11155": [0.9, 0.93, 0.95, 0.982],
        "11161": [0.88, 0.9, 0.94, 0.955],
        "11173": [0.95, 0.94, 0.93, 0.921],
      },
    },
    {
      id: "online_payment_rate",
      label: "Tỷ lệ thanh toán trực tuyến",
      valueType: "rate",
      // Ứng Hoè had no dossiers with a fee in two quarters; An Đức none at all.
      values: { "11155": [0.7, 0.75, 0.8, 0.88], "11161": [0.5, null, null, 0.6] },
    },
    {
      id: "overdue_dossiers",
      label: "Số hồ sơ quá hạn",
      valueType: "count",
      values: { "11155": [2, 1, 0, 0], "11161": [4, 3, 3, 0], "11173": [0, 2, 5, 1] },
    },
  ],
};

/** Contest entries by quarter; Ninh Giang's 138 in 2023 is the figure of the news story in the domain spec. */
export const STACKED_DATA: StackedBarData = {
  segments: [
    { key: "Q1", label: "Quý 1" },
    { key: "Q2", label: "Quý 2" },
    { key: "Q3", label: "Quý 3" },
    { key: "Q4", label: "Quý 4" },
  ],
  categories: [
    { key: "11155-2022", group: "Thị trấn Ninh Giang", label: "2022", values: [20, 25, 31, 28] },
    { key: "11155-2023", group: "Thị trấn Ninh Giang", label: "2023", values: [30, 41, 35, 32] },
    { key: "11161-2022", group: "Xã Ứng Hoè", label: "2022", values: [8, 12, 10, 9] },
    { key: "11161-2023", group: "Xã Ứng Hoè", label: "2023", values: [11, null, 14, 16] },
    { key: "11173-2022", group: "Xã An Đức", label: "2022", values: [0, 3, 5, 2] },
    { key: "11173-2023", group: "Xã An Đức", label: "2023", values: [6, 4, 0, 9] },
  ],
};

const QUARTERS_2025 = ["Q1/2025", "Q2/2025", "Q3/2025", "Q4/2025", "Q1/2026", "Q2/2026"];
/** Before 2025-Q3 the new units' figures are their predecessors' counts combined (units-over-time.md rule 3). */
const BEFORE_MERGER = [true, true, false, false, false, false];

/**
 * A merger of four: Xã Ninh Giang from 2025-Q3 (Thị trấn Ninh Giang, Vĩnh Hòa, Hồng Dụ and Hiệp Lực, all whole),
 * so its first two quarters are restated but exact.
 */
export const MERGER_TREND_DATA: TrendLineData = {
  periods: QUARTERS_2025,
  series: [
    { key: "11155", label: "Xã Ninh Giang", values: [0.71, 0.74, 0.8, 0.83, 0.86, 0.88], restated: BEFORE_MERGER },
    { key: "district", label: "Toàn tỉnh", values: [0.66, 0.69, 0.72, 0.74, 0.77, 0.8], reference: true },
  ],
};

/** A split: a new unit that took 0.6 of an old one, so its restated quarters are estimates; 2025-Q2 has no value. */
export const SPLIT_TREND_DATA: TrendLineData = {
  periods: QUARTERS_2025,
  series: [
    { key: "11197", label: "Xã Tân Phong", values: [0.52, null, 0.6, 0.63, 0.66, 0.7], restated: BEFORE_MERGER, estimated: BEFORE_MERGER },
    { key: "district", label: "Toàn tỉnh", values: [0.66, 0.69, 0.72, 0.74, 0.77, 0.8], reference: true },
  ],
};

/** The merged unit's rank: among the 20 old units' field restated into 6 new ones, then its own. */
export const MERGER_BUMP_DATA: BumpChartData = {
  periods: QUARTERS_2025,
  series: [{ key: "composite_score", label: "Điểm tổng hợp", ranks: [3, 2, 1, 2, 1, 1], fields: [6, 6, 6, 6, 6, 6], restated: BEFORE_MERGER }],
};

/** The split unit's rank, estimated before the merger. */
export const SPLIT_BUMP_DATA: BumpChartData = {
  periods: QUARTERS_2025,
  series: [
    { key: "composite_score", label: "Điểm tổng hợp", ranks: [5, 6, 4, 4, 3, 3], fields: [6, 6, 6, 6, 6, 6], restated: BEFORE_MERGER, estimated: BEFORE_MERGER },
  ],
};
