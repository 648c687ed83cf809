import { describe, expect, it } from "vitest";
import { Sparkline, sparklineLayout } from "~/charts/sparkline";
import { renderChart } from "./chart-snapshot";

describe("sparklineLayout", () => {
  it("spans the width, maps rates onto 0–1 and marks the latest value", () => {
    const layout = sparklineLayout([0.5, 1, 0], { width: 96, height: 24 });
    expect(layout.path).toBe("M3,12L48,3L93,21");
    expect(layout.last).toEqual({ x: 93, y: 21 });
  });

  it("leaves gaps for nulls and marks the latest defined value", () => {
    const layout = sparklineLayout([0.2, null, 0.4, 0.6, null], { width: 96, height: 24 });
    expect((layout.path.match(/M/g) ?? []).length).toBe(2);
    expect(layout.last?.x).toBe(70.5);
  });

  it("scales counts to the largest value and centres a single value", () => {
    const counts = sparklineLayout([2, 4], { width: 50, height: 20 }, { valueType: "count" });
    expect(counts.last).toEqual({ x: 47, y: 3 });
    const one = sparklineLayout([0.5], { width: 50, height: 20 });
    expect(one.last).toEqual({ x: 25, y: 10 });
  });

  it("is empty when every value is null", () => {
    expect(sparklineLayout([null, null], { width: 96, height: 24 }).empty).toBe(true);
    expect(sparklineLayout([], { width: 96, height: 24 }).last).toBeNull();
  });

  it("rejects bad options naming the value", () => {
    expect(() => sparklineLayout([1], { width: 96, height: 24 }, { valueType: "x" as never })).toThrow(
      "unknown valueType: x",
    );
    expect(() => sparklineLayout([1], { width: 96, height: 24 }, { strokeWidth: 0 })).toThrow("bad strokeWidth: 0");
    expect(() => sparklineLayout([1], { width: -1, height: 24 })).toThrow("bad width: -1");
  });
});

describe("Sparkline", () => {
  it("renders a named image", async () => {
    const svg = renderChart(
      <Sparkline values={[0.62, 0.68, 0.75, null, 0.81, 0.86]} label="Tỷ lệ hồ sơ trực tuyến: 62,0 % → 86,0 %" />,
    );
    expect(svg).toContain('role="img" aria-label="Tỷ lệ hồ sơ trực tuyến: 62,0 % → 86,0 %"');
    await expect(svg).toMatchFileSnapshot("./__snapshots__/sparkline.svg");
  });
});
