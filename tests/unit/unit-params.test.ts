import { describe, expect, it } from "vitest";
import { canonicalCompareSearch, parseCompareParams, parseUnitPageParams } from "~/domain/unit-params.server";

const url = (search: string) => new URL(`http://localhost/x${search}`);

describe("unit page parameters", () => {
  it("accepts a quarter, a year, an indicator, or nothing", () => {
    expect(parseUnitPageParams(url(""), "vi")).toEqual({ ok: true, params: {} });
    expect(parseUnitPageParams(url("?period=2023-Q4"), "vi")).toEqual({ ok: true, params: { period: "2023-Q4" } });
    expect(parseUnitPageParams(url("?period=2023&indicator=online_rate"), "vi")).toEqual({
      ok: true,
      params: { period: "2023", indicator: "online_rate" },
    });
    // An empty value (a form's blank field) means "not given".
    expect(parseUnitPageParams(url("?period=&indicator="), "vi")).toEqual({ ok: true, params: {} });
  });

  it("explains a malformed period or an unknown indicator in the reader's language, naming the value", () => {
    const vi = parseUnitPageParams(url("?period=Q4-2023"), "vi");
    expect(vi).toEqual({ ok: false, message: expect.stringContaining("period=\u201CQ4-2023\u201D không hợp lệ") });
    const en = parseUnitPageParams(url("?period=2023-Q5&indicator=speed"), "en");
    expect(en.ok).toBe(false);
    if (!en.ok) {
      expect(en.message).toContain("period=\u201C2023-Q5\u201D is not valid");
      expect(en.message).toContain("indicator=\u201Cspeed\u201D is not valid: use one of digitization_rate");
    }
    // The composite has its own chart already; it is not a choice for the second one.
    expect(parseUnitPageParams(url("?indicator=composite_score"), "en").ok).toBe(false);
  });
});

describe("compare parameters", () => {
  it("reads units comma-separated or repeated, trims and drops duplicates, keeping the order", () => {
    expect(parseCompareParams(url("?units=11155,11161,11164&period=2023"), "vi")).toEqual({
      ok: true,
      params: { units: ["11155", "11161", "11164"], period: "2023" },
    });
    expect(parseCompareParams(url("?units=11164&units=11155&units=11164"), "vi")).toEqual({
      ok: true,
      params: { units: ["11164", "11155"] },
    });
    expect(parseCompareParams(url("?units=%2011155%20,,11161"), "vi")).toEqual({ ok: true, params: { units: ["11155", "11161"] } });
    expect(parseCompareParams(url(""), "vi")).toEqual({ ok: true, params: { units: [] } });
  });

  it("refuses a code that is not five digits", () => {
    const r = parseCompareParams(url("?units=11155,abc"), "en");
    expect(r).toEqual({ ok: false, message: expect.stringContaining("units=\u201C11155,abc\u201D is not valid") });
    expect(parseCompareParams(url("?units=1115"), "vi").ok).toBe(false);
  });

  it("turns a submitted form's repeated units into one comma-separated value, and leaves a canonical URL alone", () => {
    const submitted = url("?period=2023&units=11155&units=11161&lang=en");
    expect(canonicalCompareSearch(submitted, ["11155", "11161"])).toBe("?period=2023&units=11155,11161&lang=en");
    expect(canonicalCompareSearch(url("?units=11155,11161&period=2023"), ["11155", "11161"])).toBeNull();
    expect(canonicalCompareSearch(url("?period=2023"), [])).toBeNull();
    expect(canonicalCompareSearch(url("?units=&units=&period=2023"), [])).toBe("?period=2023");
  });
});
