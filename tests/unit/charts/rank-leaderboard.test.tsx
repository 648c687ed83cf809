import { describe, expect, it } from "vitest";
import {
  RankLeaderboard,
  RankLeaderboardTable,
  movementGlyph,
  rankLeaderboardLayout,
  rankLeaderboardTableModel,
  sortLeaderboardRows,
} from "~/charts/rank-leaderboard";
import type { RankLeaderboardLabels } from "~/charts/rank-leaderboard";
import { LEADERBOARD_ROWS } from "./chart-fixtures";
import { formatPercentTickVi, formatPercentVi, renderChart } from "./chart-snapshot";

const labels: RankLeaderboardLabels = {
  title: "Tỷ lệ số hóa hồ sơ, quý 4/2023",
  description: "Xếp hạng 20 đơn vị; thanh dài hơn là tỷ lệ cao hơn.",
  unit: "Đơn vị",
  rank: "Hạng",
  value: "Tỷ lệ",
  movement: "Thay đổi",
  movementText: (d) => (d > 0 ? `tăng ${d} bậc` : d < 0 ? `giảm ${-d} bậc` : "giữ nguyên"),
  noData: "Chưa có số liệu",
};

const format = { value: formatPercentVi, tick: formatPercentTickVi };

describe("rankLeaderboardLayout", () => {
  const layout = rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 }, { domainMax: 1 }, format);

  it("orders units by rank, ties by name, units without a value last", () => {
    expect(layout.rows.map((r) => r.rankText).slice(0, 4)).toEqual(["1/18", "2/18", "2/18", "4/18"]);
    // Nghĩa An sorts before Ứng Hoè (Vietnamese collation), both rank 2.
    expect(layout.rows[1]?.fullName).toBe("Xã Nghĩa An");
    expect(layout.rows[2]?.fullName).toBe("Xã Ứng Hoè");
    const last = layout.rows.slice(-2);
    expect(last.map((r) => r.fullName)).toEqual(["Xã Hồng Phúc", "Xã Hưng Long"]);
    expect(last.every((r) => r.bar === null && r.rankText === "—" && r.valueText === "—")).toBe(true);
  });

  it("counts the field from ranked units only (spec §4: '4/20' excludes units without a value)", () => {
    expect(layout.field).toBe(18);
    const withCount = rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 }, { rankedCount: 20 });
    expect(withCount.rows[0]?.rankText).toBe("1/20");
  });

  it("draws bars proportional to the values, from one origin", () => {
    const barArea = 480 - layout.columns.barX - 64;
    for (const row of layout.rows) {
      if (row.value === null || !row.bar) continue;
      expect(row.bar.x).toBe(layout.columns.barX);
      expect(row.bar.width).toBeCloseTo(row.value * barArea, 1);
    }
    const top = layout.rows[0]?.bar?.width ?? 0;
    const seventeenth = layout.rows[17]?.bar?.width ?? 0;
    expect(seventeenth / top).toBeCloseTo(0.655 / 0.982, 2);
  });

  it("places rows one rowHeight apart and the axis below them", () => {
    expect(layout.rows.map((r) => r.y).slice(0, 3)).toEqual([4, 28, 52]);
    expect(layout.axes.x?.y).toBe(4 + 20 * 24);
    expect(layout.axes.x?.ticks.map((t) => t.label)).toEqual(["0 %", "50 %", "100 %"]);
    expect(layout.height).toBe(4 + 20 * 24 + 26);
  });

  it("marks movement since the previous period: up, down, none, new", () => {
    const byCode = new Map(layout.rows.map((r) => [r.key, r]));
    expect(byCode.get("11155")?.movement).toBe(1);
    expect(byCode.get("11155")?.movementGlyph).toBe("▲1");
    expect(byCode.get("11173")?.movementGlyph).toBe("▼4");
    expect(byCode.get("11197")?.movement).toBeNull();
    expect(movementGlyph(0)).toBe("–");
    expect(movementGlyph(null)).toBe("");
  });

  it("rounds the domain up when no domainMax is given", () => {
    const auto = rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 });
    expect(auto.axes.x?.ticks.at(-1)?.pos).toBe(480 - auto.columns.barX - 64);
  });

  it("fits a 360 px phone without overlapping axis labels", () => {
    const phone = rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 360 }, undefined, { value: formatPercentVi });
    const shown = phone.axes.x?.ticks.filter((t) => t.label !== "") ?? [];
    for (let i = 1; i < shown.length; i++) {
      expect((shown[i]?.pos ?? 0) - (shown[i - 1]?.pos ?? 0)).toBeGreaterThan(7 * 12 * 0.55);
    }
    expect(Math.max(...phone.rows.map((r) => r.valueX))).toBeLessThan(360 - 40);
  });

  it("highlights the requested unit only", () => {
    const h = rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 }, { highlight: "11173" });
    expect(h.rows.filter((r) => r.highlight).map((r) => r.key)).toEqual(["11173"]);
  });

  it("handles no rows with an empty layout", () => {
    const empty = rankLeaderboardLayout([], { width: 480 });
    expect(empty.empty).toBe(true);
    expect(empty.rows).toEqual([]);
    expect(empty.axes.x).toBeNull();
  });

  it("rejects bad options and data with messages naming the value", () => {
    expect(() => rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 }, { foo: 1 } as never)).toThrow(
      "unknown option: foo",
    );
    expect(() => rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 }, { rowHeight: -2 })).toThrow(
      "bad rowHeight: -2",
    );
    expect(() => rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 }, { barPadding: 0.9 })).toThrow(
      "bad barPadding: 0.9",
    );
    expect(() => rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 }, { axis: "yes" } as never)).toThrow(
      "bad axis: yes",
    );
    expect(() => rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 200 })).toThrow("width too small: 200");
    expect(() => rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 0 })).toThrow("bad width: 0");
    const twice = [...LEADERBOARD_ROWS, LEADERBOARD_ROWS[0]!];
    expect(() => rankLeaderboardLayout(twice, { width: 480 })).toThrow("duplicate unit: 11155");
    const badRank = [{ code: "1", name: "A", value: 1, rank: 0 }];
    expect(() => rankLeaderboardLayout(badRank, { width: 480 })).toThrow("bad rank for 1: 0");
  });
});

describe("rankLeaderboardLayout with a target", () => {
  const plain = rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 }, { domainMax: 1 }, format);
  const ruled = rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 }, { domainMax: 1, target: 0.8 }, format, { target: "Mục tiêu 80 %" });

  it("crosses the rows at the target's value, with its label in room added above them", () => {
    const barArea = 480 - ruled.columns.barX - 64;
    expect(ruled.target?.x).toBeCloseTo(ruled.columns.barX + 0.8 * barArea, 1);
    // 12 px text + 6: every row, the axis and the height move down by 18.
    expect(ruled.rows.map((r) => r.y).slice(0, 2)).toEqual([4 + 18, 28 + 18]);
    expect(ruled.height).toBe(plain.height + 18);
    expect(ruled.axes.x?.y).toBe((plain.axes.x?.y ?? 0) + 18);
    expect(ruled.target).toMatchObject({ y1: 8, y2: 22 + 20 * 24, label: "Mục tiêu 80 %", labelY: 16, anchor: "start" });
    // The bars are the same length as without a target.
    expect(ruled.rows.map((r) => r.bar?.width)).toEqual(plain.rows.map((r) => r.bar?.width));
    expect(plain.target).toBeNull();
  });

  it("puts the label left of the line where it would run off the right edge", () => {
    const high = rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 }, { domainMax: 1, target: 0.99 }, format, { target: "Mục tiêu 99 %" });
    expect(high.target?.anchor).toBe("end");
    expect(high.target?.labelX).toBeCloseTo((high.target?.x ?? 0) - 4, 5);
  });

  it("stretches a count's scale to a target above every unit, and writes the value when no label is given", () => {
    const counts = [
      { code: "1", name: "A", value: 4, rank: 1 },
      { code: "2", name: "B", value: 2, rank: 2 },
    ];
    const layout = rankLeaderboardLayout(counts, { width: 480 }, { target: 10 }, { value: (n) => `${n} bài` });
    expect(Number(layout.axes.x?.ticks.at(-1)?.key)).toBeGreaterThanOrEqual(10);
    expect(layout.target?.label).toBe("10 bài");
    expect(layout.target?.x).toBeLessThanOrEqual(layout.columns.barX + (layout.axes.x?.ticks.at(-1)?.pos ?? 0));
  });

  it("draws no target on an empty chart, and refuses a target that is not a value", () => {
    expect(rankLeaderboardLayout([], { width: 480 }, { target: 0.8 }).target).toBeNull();
    expect(() => rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 }, { target: -1 })).toThrow("bad target: -1");
    expect(() => rankLeaderboardLayout(LEADERBOARD_ROWS, { width: 480 }, { target: Number.NaN })).toThrow("bad target: NaN");
  });
});

describe("sortLeaderboardRows", () => {
  it("does not change the caller's array", () => {
    const copy = [...LEADERBOARD_ROWS];
    sortLeaderboardRows(LEADERBOARD_ROWS);
    expect(LEADERBOARD_ROWS).toEqual(copy);
  });
});

describe("RankLeaderboard", () => {
  it("renders the SVG snapshot", async () => {
    const svg = renderChart(
      <RankLeaderboard
        id="lb-digitization"
        rows={LEADERBOARD_ROWS}
        labels={labels}
        formatValue={formatPercentVi}
        formatTick={formatPercentTickVi}
        options={{ domainMax: 1, highlight: "11161" }}
      />,
      "lb-digitization",
    );
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="ID-title"');
    expect(svg).toContain('width="100%"');
    expect(svg).toContain("<title>Xã Ứng Hoè: 2/18 · 95,5 % · tăng 2 bậc</title>");
    await expect(svg).toMatchFileSnapshot("./__snapshots__/rank-leaderboard.svg");
  });

  it("becomes a named group with tab stops when rows are focusable", () => {
    const svg = renderChart(
      <RankLeaderboard
        id="lb"
        rows={LEADERBOARD_ROWS.slice(0, 3)}
        labels={labels}
        formatValue={formatPercentVi}
        options={{ focusable: true }}
      />,
    );
    expect(svg).toContain('role="group"');
    expect(svg.match(/tabindex="0"/g)).toHaveLength(3);
  });

  it("draws the target line under the bars, hidden from assistive technology (the table says it), values haloed over it", () => {
    const svg = renderChart(
      <RankLeaderboard
        id="lb"
        rows={LEADERBOARD_ROWS}
        labels={{ ...labels, target: "Mục tiêu 80 %" }}
        formatValue={formatPercentVi}
        options={{ domainMax: 1, target: 0.8 }}
      />,
    );
    expect(svg).toMatch(/<g class="pb-target" aria-hidden="true" pointer-events="none">\n<line [^>]*stroke="#a04a00"/);
    expect(svg).toContain(">Mục tiêu 80 %</text>");
    // Drawn before the rows: a bar that reaches the target covers it.
    expect(svg.indexOf('class="pb-target"')).toBeLessThan(svg.indexOf('class="pb-bar"'));
    expect(svg).toMatch(/stroke="#ffffff" stroke-width="3" paint-order="stroke">98,2 %<\/text>/);
    // Without a target, no halo (the drawing is byte for byte the snapshot's).
    expect(renderChart(<RankLeaderboard id="lb" rows={LEADERBOARD_ROWS} labels={labels} formatValue={formatPercentVi} />)).not.toContain("paint-order");
  });

  it("renders an accessible empty state", async () => {
    const svg = renderChart(
      <RankLeaderboard id="lb-empty" rows={[]} labels={labels} formatValue={formatPercentVi} />,
      "lb-empty",
    );
    expect(svg).toContain("Chưa có số liệu");
    await expect(svg).toMatchFileSnapshot("./__snapshots__/rank-leaderboard-empty.svg");
  });

  it("renders the companion table in the chart's order", async () => {
    const model = rankLeaderboardTableModel(LEADERBOARD_ROWS, labels, formatPercentVi);
    expect(model.rows[0]?.cells).toEqual(["1/18", "98,2 %", "tăng 1 bậc"]);
    expect(model.rows.at(-1)?.cells).toEqual(["—", "—", "—"]);
    const html = renderChart(
      <RankLeaderboardTable rows={LEADERBOARD_ROWS} labels={labels} formatValue={formatPercentVi} />,
    );
    expect(html).toContain('<th scope="row">Thị trấn Ninh Giang</th>');
    await expect(html).toMatchFileSnapshot("./__snapshots__/rank-leaderboard-table.html");
  });

  it("gives the table a target column when the labels name one", () => {
    const rows = LEADERBOARD_ROWS.map((r) => ({ ...r, targetMet: r.value === null ? null : r.value >= 0.8 }));
    const model = rankLeaderboardTableModel(rows, { ...labels, targetColumn: "Mục tiêu 80 %", targetMet: (met) => (met ? "đạt" : "chưa đạt") }, formatPercentVi);
    expect(model.columns.map((c) => c.header)).toEqual(["Hạng", "Tỷ lệ", "Thay đổi", "Mục tiêu 80 %"]);
    expect(model.rows[0]?.cells).toEqual(["1/18", "98,2 %", "tăng 1 bậc", "đạt"]);
    expect(model.rows.at(-1)?.cells.at(-1)).toBe("—");
    // Without the labels, no column even when rows say whether they meet a target.
    expect(rankLeaderboardTableModel(rows, labels, formatPercentVi).columns).toHaveLength(3);
  });
});
