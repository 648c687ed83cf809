import { describe, expect, it } from "vitest";
import { foldForSearch, matchesUnit, shownList, unitList } from "~/domain/unit-list";

const units = (n: number) => Array.from({ length: n }, (_, i) => ({ code: String(10000 + i), name: `Xã Thử Nghiệm ${i + 1}` }));

describe("unitList", () => {
  it("shows every unit of a district, as before", () => {
    const list = unitList(units(20), {});
    expect(list).toMatchObject({ mode: "all", total: 20, matches: 20, breakAfter: null, page: 1, pages: 1 });
    expect(list.items).toHaveLength(20);
    expect(unitList(units(30), {}).mode).toBe("all");
  });

  it("shows the top 10 and the bottom 10 of a longer ranking, in ranking order", () => {
    const list = unitList(units(3321), {});
    expect(list.mode).toBe("ends");
    expect(list.items.map((u) => u.code)).toEqual([...units(10).map((u) => u.code), ...units(3321).slice(3311).map((u) => u.code)]);
    expect(list.breakAfter).toBe(9);
    expect(unitList(units(31), {}).items).toHaveLength(20);
  });

  it("pages through the whole ranking, 50 a page", () => {
    const second = unitList(units(168), { page: 2 });
    expect(second).toMatchObject({ mode: "page", page: 2, pages: 4, matches: 168, first: 50, breakAfter: null });
    expect(second.items[0]?.code).toBe("10050");
    expect(second.items).toHaveLength(50);
    expect(unitList(units(168), { page: 4 }).items).toHaveLength(18);
  });

  it("gives an empty page past the end, saying how many pages there are", () => {
    const past = unitList(units(168), { page: 9 });
    expect(past).toMatchObject({ mode: "page", page: 9, pages: 4, matches: 168, items: [], first: 0 });
  });

  it("searches names without case or accents, and codes by their start", () => {
    const list = unitList(units(168), { q: "  THỬ nghiem 16 " });
    expect(list.items.map((u) => u.name)).toEqual(["Xã Thử Nghiệm 16", ...Array.from({ length: 9 }, (_, i) => `Xã Thử Nghiệm ${160 + i}`)]);
    expect(list).toMatchObject({ mode: "page", query: "THỬ nghiem 16", matches: 10, pages: 1 });
    expect(unitList(units(168), { q: "1016" }).items.map((u) => u.code)).toEqual(["10160", "10161", "10162", "10163", "10164", "10165", "10166", "10167"]);
    // A code is matched from its start, not anywhere in it.
    expect(unitList(units(168), { q: "016" }).matches).toBe(0);
  });

  it("finds nothing for a name that matches nothing, with one empty page", () => {
    expect(unitList(units(168), { q: "Hà Nội" })).toMatchObject({ mode: "page", matches: 0, items: [], page: 1, pages: 1 });
  });

  it("a search in a district is paged like any other", () => {
    expect(unitList(units(20), { q: "Nghiệm 2" })).toMatchObject({ mode: "page", matches: 2 });
  });

  it("carries its state without its units", () => {
    expect(shownList(unitList(units(3321), {}))).toEqual({ mode: "ends", total: 3321, query: null, matches: 3321, page: 1, pages: 1, first: 0, breakAfter: 9 });
  });
});

describe("search folding", () => {
  it("folds Vietnamese diacritics, đ and both Unicode forms", () => {
    expect(foldForSearch("Xã Ứng Hoè")).toBe("xa ung hoe");
    expect(foldForSearch("Đồng Tâm")).toBe("dong tam");
    expect(foldForSearch("Xã Ứng Hoè".normalize("NFD"))).toBe(foldForSearch("Xã Ứng Hoè".normalize("NFC")));
    expect(matchesUnit({ code: "11218", name: "Xã Ứng Hoè" }, "ứng hoè")).toBe(true);
    expect(matchesUnit({ code: "11218", name: "Xã Ứng Hoè" }, "112")).toBe(true);
    expect(matchesUnit({ code: "11218", name: "Xã Ứng Hoè" }, "hồng")).toBe(false);
  });
});
