import { describe, expect, it } from "vitest";
import { publishView } from "~/routes/publish/view.server";

const OLD = [
  { code: "11155", name: "Thị trấn Ninh Giang", validFrom: null, validTo: "2025-Q2" },
  { code: "11185", name: "Xã Vĩnh Hòa", validFrom: null, validTo: "2025-Q2" },
];
const NEW = { code: "11300", name: "Xã Ninh Giang", validFrom: "2025-Q3", validTo: null };
const draft = (period: string) => ({ period, version: null, published_at: null, changed: false });

describe("publishView", () => {
  it("counts each quarter against the units that existed in it, so a unit merged away is not missing", () => {
    const reported = new Map([
      ["2025-Q2", new Set(["11155"])],
      ["2025-Q3", new Set(["11300"])],
    ]);
    const page = publishView([draft("2025-Q2"), draft("2025-Q3")], reported, [...OLD, NEW], []);
    expect(page.quarters.map((q) => [q.period, q.reported, q.registry, q.missing.map((m) => m.code)])).toEqual([
      ["2025-Q3", 1, 1, []],
      ["2025-Q2", 1, 2, ["11185"]],
    ]);
  });

  it("takes a unit without validity as existing in every quarter", () => {
    const page = publishView([draft("2024-Q4")], new Map([["2024-Q4", new Set<string>()]]), [{ code: "11155", name: "Thị trấn Ninh Giang" }], []);
    expect(page.quarters[0]).toMatchObject({ reported: 0, registry: 1, missing: [{ code: "11155", name: "Thị trấn Ninh Giang" }] });
  });
});
