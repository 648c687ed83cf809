/**
 * Targets met and "needs attention" (app/domain/attention.ts, decision 018), on rows small enough to check
 * by hand. Rows go through `withTargets` with a parsed targets file, so "met" is decided on the counts as the
 * API decides it.
 */
import { describe, expect, it } from "vitest";
import { needsAttention, targetReach, type AttentionRow } from "~/domain/attention";
import { INDICATOR_IDS } from "~/domain/indicators";
import { parseTargets, withTargets } from "~/domain/targets";

const TARGETS = parseTargets(
  { "2024": { source: "Kế hoạch thử", targets: { digitization_rate: 0.9, online_rate: 0.5, satisfaction_rate: 0.95, overdue_dossiers: 0 } } },
  "targets.json",
);

interface Counts {
  numerator: number | null;
  denominator?: number | null;
  rank?: number | null;
  ranked?: number;
  previous_rank?: number | null;
  movement?: number | null;
  estimated?: boolean;
}

/** A row of one unit on one indicator in `period`; a rate's value is numerator/denominator (none when 0). */
function row(code: string, indicator: string, c: Counts, period = "2024-Q4") {
  const denominator = c.denominator ?? null;
  const value = c.numerator === null ? null : denominator === null ? c.numerator : denominator === 0 ? null : c.numerator / denominator;
  return {
    period,
    commune_code: code,
    commune_name: `Xã ${code}`,
    indicator,
    numerator: c.numerator,
    denominator,
    value,
    rank: c.rank ?? null,
    ranked: c.ranked ?? 0,
    previous_rank: c.previous_rank ?? null,
    movement: c.movement ?? null,
    estimated: c.estimated ?? false,
  };
}

function rows(list: ReturnType<typeof row>[]): AttentionRow[] {
  return withTargets(list, TARGETS);
}

describe("targetReach", () => {
  it("counts the units with a value that meet the year's target, exactly at the boundary", () => {
    const reach = targetReach(
      rows([
        // 9/10 and 18/20 are both exactly 90 %: a tie at the target meets it.
        row("00001", "digitization_rate", { numerator: 9, denominator: 10 }),
        row("00002", "digitization_rate", { numerator: 18, denominator: 20 }),
        // 89/100 is below.
        row("00003", "digitization_rate", { numerator: 89, denominator: 100 }),
        // No dossiers received: no value, in neither count.
        row("00004", "digitization_rate", { numerator: 0, denominator: 0 }),
        // 00005 did not report: no row at all.
      ]),
    );
    expect(reach.find((r) => r.indicator === "digitization_rate")).toEqual({ indicator: "digitization_rate", target: 0.9, met: 2, of: 3 });
  });

  it("says there is no target where the year sets none, and for every indicator in a year without targets", () => {
    const reach = targetReach(rows([row("00001", "contest_entries", { numerator: 3 }), row("00001", "digitization_rate", { numerator: 9, denominator: 10 })]));
    expect(reach.find((r) => r.indicator === "contest_entries")).toEqual({ indicator: "contest_entries", target: null });
    // No rows for an indicator (the API gives every unit a row on every indicator, so only here): nothing said.
    expect(reach.find((r) => r.indicator === "online_rate")).toEqual({ indicator: "online_rate", target: null });
    const earlier = targetReach(rows([row("00001", "digitization_rate", { numerator: 1, denominator: 10 }, "2023-Q4")]));
    expect(earlier.every((r) => r.target === null)).toBe(true);
    // One entry per indicator, in the registry's order.
    expect(earlier.map((r) => r.indicator)).toEqual(INDICATOR_IDS);
  });

  it("counts 0 of 0 when every unit of an indicator with a target has an empty denominator", () => {
    const reach = targetReach(rows([row("00001", "satisfaction_rate", { numerator: 0, denominator: 0 }), row("00002", "satisfaction_rate", { numerator: 0, denominator: 0 })]));
    expect(reach.find((r) => r.indicator === "satisfaction_rate")).toEqual({ indicator: "satisfaction_rate", target: 0.95, met: 0, of: 0 });
  });

  it("counts a lower-is-better target: 0 overdue meets a target of 0, 1 does not", () => {
    const reach = targetReach(rows([row("00001", "overdue_dossiers", { numerator: 0 }), row("00002", "overdue_dossiers", { numerator: 1 })]));
    expect(reach.find((r) => r.indicator === "overdue_dossiers")).toEqual({ indicator: "overdue_dossiers", target: 0, met: 1, of: 2 });
  });
});

/** A unit's rows: digitisation and online counts, satisfaction, overdue and the composite's movement. */
function unit(
  code: string,
  u: { digitised?: number; online?: number; satisfied?: number; overdue?: number | null; rank?: number; previous?: number | null; movement?: number | null; estimated?: boolean },
  period = "2024-Q4",
) {
  return [
    row(code, "digitization_rate", { numerator: u.digitised ?? 95, denominator: 100 }, period),
    row(code, "online_rate", { numerator: u.online ?? 60, denominator: 100 }, period),
    row(code, "satisfaction_rate", { numerator: u.satisfied ?? 20, denominator: 20 }, period),
    row(code, "overdue_dossiers", { numerator: u.overdue === undefined ? 0 : u.overdue, estimated: u.estimated ?? false }, period),
    row(code, "composite_score", { numerator: null, rank: u.rank ?? 1, ranked: 20, previous_rank: u.previous ?? null, movement: u.movement ?? null }, period),
  ];
}

describe("needsAttention", () => {
  it("names every reason a unit has on its one line", () => {
    // 00001: 80 % digitised (< 90 %), 40 % online (< 50 %), 18/20 satisfied (< 95 %), 2 overdue (target 0:
    // below on four), down 4 places (3 → 7).
    const lines = needsAttention(rows(unit("00001", { digitised: 80, online: 40, satisfied: 18, overdue: 2, rank: 7, previous: 3, movement: -4 })));
    expect(lines).toEqual([
      {
        code: "00001",
        name: "Xã 00001",
        belowTarget: ["digitization_rate", "online_rate", "overdue_dossiers", "satisfaction_rate"],
        fall: 4,
        rank: { from: 3, to: 7, ranked: 20 },
        overdue: 2,
        overdueEstimated: false,
      },
    ]);
  });

  it("leaves out a unit below target on one indicator only, down two places, without overdue dossiers", () => {
    expect(needsAttention(rows(unit("00001", { digitised: 80, rank: 5, previous: 3, movement: -2 })))).toEqual([]);
    // Exactly at the thresholds: two indicators below; down three places.
    expect(needsAttention(rows(unit("00002", { digitised: 89, online: 49 }))).map((l) => l.belowTarget)).toEqual([["digitization_rate", "online_rate"]]);
    expect(needsAttention(rows(unit("00003", { rank: 6, previous: 3, movement: -3 }))).map((l) => [l.fall, l.rank])).toEqual([[3, { from: 3, to: 6, ranked: 20 }]]);
  });

  it("says nothing of a fall where the ranking states no movement: a merger (20 units ranked before, 5 now)", () => {
    // 2025-Q2 → 2025-Q3: Xã Hồng Châu was 1/20 as an old unit's code, is 5/5 now; the ranking gives movement null.
    const merged = unit("11312", { rank: 5, previous: 1, movement: null }, "2025-Q3");
    expect(needsAttention(rows(merged))).toEqual([]);
    // The same unit with overdue dossiers is listed for them only.
    expect(needsAttention(rows(unit("11312", { rank: 5, previous: 1, movement: null, overdue: 7 }, "2025-Q3"))).map((l) => [l.fall, l.overdue])).toEqual([[null, 7]]);
  });

  it("does not count an indicator without a value or without a target as below target", () => {
    const list = [
      // No survey responses: satisfaction has no value. Online 40 % is below; digitisation 95 % is not.
      ...unit("00001", { online: 40 }).map((r) => (r.indicator === "satisfaction_rate" ? row("00001", "satisfaction_rate", { numerator: 0, denominator: 0 }) : r)),
      // 2023 has no targets: nothing is below target, whatever the figures.
      ...unit("00002", { digitised: 10, online: 10, satisfied: 1 }, "2023-Q4"),
    ];
    expect(needsAttention(rows(list))).toEqual([]);
  });

  it("lists a unit with overdue dossiers even in a year without targets, and marks an estimated count", () => {
    const lines = needsAttention(rows(unit("00001", { overdue: 1.2, estimated: true }, "2023-Q4")));
    expect(lines.map((l) => [l.belowTarget, l.overdue, l.overdueEstimated])).toEqual([[[], 1.2, true]]);
    // No overdue row, or a null one, is no reason.
    const noOverdue = rows(unit("00002", {}, "2023-Q4")).filter((r) => r.indicator !== "overdue_dossiers");
    expect(needsAttention(noOverdue)).toEqual([]);
    expect(needsAttention(rows(unit("00003", { overdue: null }, "2023-Q4")))).toEqual([]);
  });

  it("orders by severity: more reasons, more indicators below target, a bigger fall, more overdue, then by code", () => {
    const list = [
      // One reason: 3 overdue (below target on overdue only).
      ...unit("00009", { overdue: 3 }),
      // One reason: down 5.
      ...unit("00008", { rank: 9, previous: 4, movement: -5 }),
      // Two reasons: two below target (digitisation, overdue) and 1 overdue.
      ...unit("00007", { digitised: 50, overdue: 1 }),
      // Three reasons: below on three (digitisation, online, overdue), down 3, 1 overdue.
      ...unit("00006", { digitised: 50, online: 10, overdue: 1, rank: 8, previous: 5, movement: -3 }),
      // Two reasons, like 00007 but three below target (digitisation, online, overdue).
      ...unit("00005", { digitised: 50, online: 10, overdue: 1 }),
      // Ties: 00003 and 00004 have the same reasons and figures as 00007; the code decides.
      ...unit("00004", { digitised: 50, overdue: 1 }),
      ...unit("00003", { digitised: 50, overdue: 1 }),
      // One reason: down 5, like 00008 — by code, before it.
      ...unit("00002", { rank: 10, previous: 5, movement: -5 }),
      // Not listed: only gained places.
      ...unit("00001", { rank: 1, previous: 6, movement: 5 }),
    ];
    expect(needsAttention(rows(list)).map((l) => l.code)).toEqual(["00006", "00005", "00003", "00004", "00007", "00002", "00008", "00009"]);
  });
});
