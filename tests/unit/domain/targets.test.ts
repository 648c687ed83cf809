import { describe, expect, it } from "vitest";
import { INDICATORS } from "~/domain/indicators";
import { exact } from "~/domain/exact";
import { TargetsError, countToTarget, meetsTarget, parseTargets, targetFor } from "~/domain/targets";
import { t } from "~/i18n/translate";

const FILE = "data/targets.json";
const SPEC_EXAMPLE = {
  "2025": {
    source: "Kế hoạch CCHC năm 2025",
    targets: { digitization_rate: 0.9, online_rate: 0.8, online_payment_rate: 0.6, on_time_rate: 0.98, overdue_dossiers: 0, satisfaction_rate: 0.95 },
  },
};
const indicator = (id: string) => {
  const found = INDICATORS.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};

/** The sentence a refusal prints, in both languages. */
function refusal(raw: unknown): [string, string] {
  try {
    parseTargets(raw, FILE);
  } catch (error) {
    if (!(error instanceof TargetsError)) throw error;
    return [t("vi", error.problem.key, error.problem.params), t("en", error.problem.key, error.problem.params)];
  }
  throw new Error("accepted");
}

describe("targets.json", () => {
  it("reads the spec's example: a quarter uses its year's targets, with their source", () => {
    const targets = parseTargets(SPEC_EXAMPLE, FILE);
    expect(targets.get(2025)?.source).toBe("Kế hoạch CCHC năm 2025");
    expect(targetFor(targets, "2025-Q3", "digitization_rate")).toBe(0.9);
    expect(targetFor(targets, "2025", "overdue_dossiers")).toBe(0);
    expect(targetFor(targets, "2024-Q4", "digitization_rate")).toBeNull();
    expect(targetFor(targets, "2025-Q3", "contest_entries")).toBeNull();
  });

  it("refuses a wrong file with one sentence naming the key, in both languages", () => {
    const year = (targets: Record<string, unknown>) => ({ "2025": { source: "Kế hoạch", targets } });
    expect(refusal([1, 2])[0]).toBe(`${FILE}: cần một đối tượng theo năm, ví dụ { "2025": { "source": "Kế hoạch CCHC năm 2025", "targets": { "digitization_rate": 0.9 } } }.`);
    expect(refusal({ "năm 2025": SPEC_EXAMPLE["2025"] })).toEqual([
      `${FILE}, khóa "năm 2025": không phải một năm (viết như "2025").`,
      `${FILE}, key "năm 2025": not a year (write it as "2025").`,
    ]);
    expect(refusal({ "25": SPEC_EXAMPLE["2025"] })[1]).toContain('key "25": not a year');
    expect(refusal(year({ speed: 1 }))[0]).toBe(
      `${FILE}, khóa "2025.targets.speed": "speed" không phải chỉ tiêu nào. Các chỉ tiêu: ${INDICATORS.map((i) => i.id).join(", ")}.`,
    );
    expect(refusal(year({ digitization_rate: 90 }))).toEqual([
      `${FILE}, khóa "2025.targets.digitization_rate": 90 không phải tỷ lệ từ 0 đến 1 (90 % viết là 0.9).`,
      `${FILE}, key "2025.targets.digitization_rate": 90 is not a rate from 0 to 1 (90 % is written 0.9).`,
    ]);
    expect(refusal(year({ online_rate: -0.1 }))[1]).toContain('"2025.targets.online_rate": -0.1 is not a rate');
    expect(refusal(year({ online_rate: "0.9" }))[1]).toContain('"2025.targets.online_rate": "0.9" is not a rate');
    expect(refusal(year({ overdue_dossiers: -1 }))[0]).toBe(`${FILE}, khóa "2025.targets.overdue_dossiers": -1 không phải số lượng (một số nguyên không âm).`);
    expect(refusal(year({ contest_entries: 2.5 }))[1]).toContain('"2025.targets.contest_entries": 2.5 is not a count');
    expect(refusal({ "2025": { targets: {} } })[1]).toBe(`${FILE}, key "2025.source": say where the targets come from (e.g. "Administrative reform plan 2025").`);
    expect(refusal({ "2025": { source: "x", targets: [] } })[1]).toContain('key "2025.targets": expected an object');
    expect(refusal({ "2025": 0.9 })[1]).toContain('key "2025": expected an object with "source" and "targets"');
  });
});

describe("meeting a target, on the counts", () => {
  const digitisation = indicator("digitization_rate");
  it("reads a target as the decimal it was written as", () => {
    expect(exact(0.9)).toEqual({ n: 9n, d: 10n });
    expect(exact(0.975)).toEqual({ n: 39n, d: 40n });
    expect(exact(1)).toEqual({ n: 1n, d: 1n });
    expect(exact(0)).toEqual({ n: 0n, d: 1n });
    expect(exact(1e-7)).toEqual({ n: 1n, d: 10000000n });
    expect(exact(322.2)).toEqual({ n: 1611n, d: 5n });
    expect(exact(-2.5)).toEqual({ n: -5n, d: 2n });
    expect(exact(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
  });

  it("decides at the boundary exactly, and says how many more dossiers meet it (hand-computed)", () => {
    // Xã Ứng Hoè, 2024-Q4 in the sample: 537 of 626 digitised. 90 % of 626 is 563.4: 564 meet it, 563 do not.
    expect(meetsTarget(digitisation, { numerator: 537, denominator: 626 }, 0.9)).toBe(false);
    expect(countToTarget(digitisation, { numerator: 537, denominator: 626 }, 0.9)).toBe(27);
    expect(meetsTarget(digitisation, { numerator: 563, denominator: 626 }, 0.9)).toBe(false);
    expect(meetsTarget(digitisation, { numerator: 564, denominator: 626 }, 0.9)).toBe(true);
    expect(countToTarget(digitisation, { numerator: 564, denominator: 626 }, 0.9)).toBe(0);
    // Exactly on it: 19 of 20 is 95 %, met ("at or beyond"); 0.95 · 20 in floating point is not the point.
    expect(meetsTarget(digitisation, { numerator: 19, denominator: 20 }, 0.95)).toBe(true);
    expect(countToTarget(digitisation, { numerator: 18, denominator: 20 }, 0.95)).toBe(1);
    // 0.1 + 0.2 style traps: 7 of 10 against 0.7, 29 of 100 against 0.29.
    expect(meetsTarget(digitisation, { numerator: 7, denominator: 10 }, 0.7)).toBe(true);
    expect(meetsTarget(digitisation, { numerator: 29, denominator: 100 }, 0.29)).toBe(true);
    expect(countToTarget(digitisation, { numerator: 28, denominator: 100 }, 0.29)).toBe(1);
  });

  it("has no answer without a denominator or a target, and counts where fewer is better", () => {
    expect(meetsTarget(digitisation, { numerator: 0, denominator: 0 }, 0.9)).toBeNull();
    expect(countToTarget(digitisation, { numerator: 0, denominator: 0 }, 0.9)).toBeNull();
    expect(meetsTarget(digitisation, { numerator: null, denominator: null }, 0.9)).toBeNull();
    expect(meetsTarget(digitisation, { numerator: 5, denominator: 10 }, null)).toBeNull();
    const overdue = indicator("overdue_dossiers");
    expect(meetsTarget(overdue, { numerator: 0, denominator: null }, 0)).toBe(true);
    expect(meetsTarget(overdue, { numerator: 1, denominator: null }, 0)).toBe(false);
    // Where fewer is better, the count to take away: 3 overdue dossiers against a target of 1 need 2 fewer.
    expect(countToTarget(overdue, { numerator: 3, denominator: null }, 1)).toBe(2);
    expect(countToTarget(overdue, { numerator: 1, denominator: null }, 1)).toBe(0);
    const entries = indicator("contest_entries");
    expect(meetsTarget(entries, { numerator: 9, denominator: null }, 10)).toBe(false);
    expect(countToTarget(entries, { numerator: 9, denominator: null }, 10)).toBe(1);
    // Restated counts are fractions where a share below 1 was used: 0.6 · 537 = 322.2 of 0.6 · 626 = 375.6.
    expect(meetsTarget(digitisation, { numerator: 322.2, denominator: 375.6 }, 0.85)).toBe(true);
    expect(meetsTarget(digitisation, { numerator: 322.2, denominator: 375.6 }, 0.86)).toBe(false);
    expect(countToTarget(digitisation, { numerator: 322.2, denominator: 375.6 }, 0.9)).toBe(16);
  });
});
