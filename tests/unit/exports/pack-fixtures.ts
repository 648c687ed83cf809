/**
 * Hand-written report rows for the meeting pack's tests: three units of one quarter, figures chosen so that
 * every value below can be checked by hand. Xã Ba leads the composite; Xã Một and Xã Hai tie on it (2/3,
 * listed by code); Xã Hai has no fee dossiers (0/0: no online-payment value, not ranked); Xã Một's
 * digitisation is 187/200 = 93.5 %, 4th of 20. Indicators not listed have no row (empty cells).
 */
import type { RankedId } from "~/domain/indicators";
import type { RankingRow } from "~/domain/ranking";
import type { VersionedScoring } from "~/domain/scoring";
import { parseTargets } from "~/domain/targets";

export const UNITS = {
  mot: { code: "00001", name: "Xã Một" },
  hai: { code: "00002", name: "Xã Hai" },
  ba: { code: "00003", name: "Xã Ba" },
};

export function row(
  unit: { code: string; name: string },
  indicator: RankedId,
  figures: Partial<Pick<RankingRow, "numerator" | "denominator" | "value" | "rank" | "ranked" | "quarters" | "incomplete" | "period">>,
): RankingRow {
  return {
    period: "2024-Q4",
    commune_code: unit.code,
    commune_name: unit.name,
    indicator,
    numerator: null,
    denominator: null,
    value: null,
    rank: null,
    ranked: 3,
    previous_rank: null,
    previous_ranked: null,
    movement: null,
    previous_value: null,
    quarters: 1,
    incomplete: false,
    gap: null,
    cluster: null,
    cluster_rank: null,
    cluster_ranked: null,
    basis: "as_reported",
    restated: false,
    estimated: false,
    ...figures,
  };
}

export const QUARTER_ROWS: RankingRow[] = [
  // The composite arrives in rank order from SQL; the table must not depend on it, so these are shuffled.
  row(UNITS.hai, "composite_score", { value: 87.25, rank: 2 }),
  row(UNITS.mot, "composite_score", { value: 87.25, rank: 2 }),
  row(UNITS.ba, "composite_score", { value: 90, rank: 1 }),
  row(UNITS.mot, "digitization_rate", { numerator: 187, denominator: 200, value: 0.935, rank: 4, ranked: 20 }),
  row(UNITS.hai, "digitization_rate", { numerator: 9996, denominator: 10000, value: 0.9996, rank: 2, ranked: 20 }),
  row(UNITS.ba, "digitization_rate", { numerator: 50, denominator: 50, value: 1, rank: 1, ranked: 20 }),
  row(UNITS.mot, "online_payment_rate", { numerator: 3, denominator: 4, value: 0.75, rank: 1, ranked: 2 }),
  row(UNITS.hai, "online_payment_rate", { numerator: 0, denominator: 0, value: null, rank: null, ranked: 2 }),
  row(UNITS.ba, "online_payment_rate", { numerator: 1, denominator: 4, value: 0.25, rank: 2, ranked: 2 }),
  row(UNITS.mot, "overdue_dossiers", { numerator: 1234, value: 1234, rank: 3 }),
  row(UNITS.hai, "overdue_dossiers", { numerator: 0, value: 0, rank: 1 }),
  row(UNITS.ba, "overdue_dossiers", { numerator: 7, value: 7, rank: 2 }),
];

export const SCORING: VersionedScoring = {
  name: "test",
  hash: "000000000000",
  config: {
    name: "test",
    description: "Test weights.",
    indicators: {
      on_time_rate: { weight: 20, fullAt: 1 },
      online_rate: { weight: 12, fullAt: 1 },
      digitization_rate: { weight: 22, fullAt: 0.9 },
      satisfaction_rate: { weight: 18, fullAt: 1 },
      online_payment_rate: { weight: 10, fullAt: 1 },
    },
  },
};

export const BODY = { name: "Huyện Ninh Giang", nameEn: "Ninh Giang District", province: "Tỉnh Hải Dương", provinceEn: "Hai Duong Province" };

/**
 * 2024's targets for three of the fixture's indicators (none for online processing or the composite): Xã Một's
 * 93.5 % digitised misses 95 %, Xã Hai's 99.96 % and Xã Ba's 100 % meet it; online payment 3/4 meets 50 %,
 * 1/4 does not, 0/0 has no value; only Xã Hai's 0 overdue dossiers meet a target of 0.
 */
export const TEST_TARGETS = parseTargets(
  { "2024": { source: "Kế hoạch thử", targets: { digitization_rate: 0.95, online_payment_rate: 0.5, overdue_dossiers: 0 } } },
  "targets.json",
);
