import { describe, expect, it } from "vitest";
import { canonicalUnitsSearch, paramMessage, parseParams } from "~/http/params.server";

const search = (query: string) => new URLSearchParams(query);

describe("parseParams: period and indicator (overview, API)", () => {
  const overview = (query: string) => parseParams(search(query), ["period", "indicator"]);

  it("defaults to nothing (the page picks the latest quarter and the composite)", () => {
    expect(overview("")).toEqual({ ok: true, params: { period: undefined, indicator: undefined } });
  });

  it("reads a quarter, a year and any ranked indicator, and ignores other parameters", () => {
    expect(overview("period=2023-Q4&indicator=digitization_rate&lang=en")).toEqual({
      ok: true,
      params: { period: "2023-Q4", indicator: "digitization_rate" },
    });
    expect(overview("period=2023&indicator=composite_score")).toEqual({ ok: true, params: { period: "2023", indicator: "composite_score" } });
  });

  it("treats an empty value as absent, as a GET form sends it", () => {
    expect(overview("period=&indicator=")).toEqual({ ok: true, params: { period: undefined, indicator: undefined } });
  });

  it("names the parameter and the value that are wrong", () => {
    expect(overview("period=2023-Q5")).toEqual({ ok: false, problem: { param: "period", value: "2023-Q5" } });
    expect(overview("period=Q4/2023")).toEqual({ ok: false, problem: { param: "period", value: "Q4/2023" } });
    expect(overview("period=2023-Q1&indicator=foo")).toEqual({ ok: false, problem: { param: "indicator", value: "foo" } });
  });
});

describe("parseParams: year (contest)", () => {
  it("accepts a four-digit year or nothing", () => {
    expect(parseParams(search("year=2023"), ["year"])).toEqual({ ok: true, params: { year: "2023" } });
    expect(parseParams(search(""), ["year"])).toEqual({ ok: true, params: { year: undefined } });
  });

  it("refuses a quarter, a short year, words and a year out of range, naming the value", () => {
    for (const bad of ["2023-Q4", "23", "năm nay", "1999"]) {
      expect(parseParams(search(`year=${encodeURIComponent(bad)}`), ["year"])).toEqual({ ok: false, problem: { param: "year", value: bad } });
    }
  });
});

describe("parseParams: the unit page's indicator", () => {
  it("accepts a registry indicator but not the composite, which has its own chart", () => {
    expect(parseParams(search("indicator=online_rate"), ["registryIndicator"])).toEqual({ ok: true, params: { registryIndicator: "online_rate" } });
    expect(parseParams(search("indicator=composite_score"), ["registryIndicator"])).toEqual({
      ok: false,
      problem: { param: "registryIndicator", value: "composite_score" },
    });
  });
});

describe("parseParams: units (compare)", () => {
  const units = (query: string) => parseParams(search(query), ["units"]);

  it("reads units comma-separated or repeated, trims and drops duplicates, keeping the order", () => {
    expect(units("units=11155,11161,11164")).toEqual({ ok: true, params: { units: ["11155", "11161", "11164"] } });
    expect(units("units=11164&units=11155&units=11164")).toEqual({ ok: true, params: { units: ["11164", "11155"] } });
    expect(units("units=%2011155%20,,11161")).toEqual({ ok: true, params: { units: ["11155", "11161"] } });
    expect(units("")).toEqual({ ok: true, params: { units: [] } });
  });

  it("refuses a code that is not five digits", () => {
    expect(units("units=11155,abc")).toEqual({ ok: false, problem: { param: "units", value: "11155,abc" } });
    expect(units("units=1115").ok).toBe(false);
  });

  it("turns a submitted form's repeated units into one comma-separated value, and leaves a canonical URL alone", () => {
    expect(canonicalUnitsSearch(search("period=2023&units=11155&units=11161&lang=en"), ["11155", "11161"])).toBe("?period=2023&units=11155,11161&lang=en");
    expect(canonicalUnitsSearch(search("units=11155,11161&period=2023"), ["11155", "11161"])).toBeNull();
    expect(canonicalUnitsSearch(search("period=2023"), [])).toBeNull();
    expect(canonicalUnitsSearch(search("units=&units=&period=2023"), [])).toBe("?period=2023");
  });
});

describe("parseParams: layout (the rankings CSV)", () => {
  const layout = (query: string) => parseParams(search(query), ["layout"]);

  it("reads long or wide, and nothing as the default (long)", () => {
    expect(layout("layout=wide")).toEqual({ ok: true, params: { layout: "wide" } });
    expect(layout("layout=long")).toEqual({ ok: true, params: { layout: "long" } });
    expect(layout("layout=")).toEqual({ ok: true, params: { layout: undefined } });
    expect(layout("")).toEqual({ ok: true, params: { layout: undefined } });
  });

  it("refuses any other layout, naming it", () => {
    expect(layout("layout=WIDE")).toEqual({ ok: false, problem: { param: "layout", value: "WIDE" } });
    expect(paramMessage("vi", { param: "layout", value: "ngang" })).toBe(
      "Kiểu bảng “ngang” không hợp lệ. Hãy ghi layout=wide (mỗi đơn vị một dòng, để mở bằng Excel) hoặc layout=long (mặc định, cho chương trình).",
    );
    expect(paramMessage("en", { param: "layout", value: "x" })).toMatch(/^The layout “x” is not valid\. Use layout=wide/);
  });
});

describe("paramMessage", () => {
  it("explains each bad parameter in the reader's language, naming the value and what is expected", () => {
    expect(paramMessage("vi", { param: "period", value: "2023-Q5" })).toBe("Kỳ “2023-Q5” không hợp lệ. Hãy ghi kỳ theo dạng 2023-Q4 (quý) hoặc 2023 (năm).");
    expect(paramMessage("en", { param: "indicator", value: "foo" })).toMatch(/^There is no indicator “foo”\. The indicators are: digitization_rate, .*composite_score\.$/);
    expect(paramMessage("en", { param: "registryIndicator", value: "composite_score" })).not.toContain(", composite_score");
    expect(paramMessage("en", { param: "year", value: "23" })).toBe("The year “23” is not valid. Write it with 4 digits, e.g. 2023.");
    expect(paramMessage("vi", { param: "units", value: "abc" })).toContain("“abc” không hợp lệ");
  });
});

describe("parseParams: a parameter given twice", () => {
  it("is refused, since the page cannot know which was meant", () => {
    expect(parseParams(search("period=2023&period=2024-Q1"), ["period"])).toEqual({ ok: false, problem: { param: "period", value: "2023,2024-Q1" } });
  });
});

describe("parseParams: search and page (overview, contest, compare)", () => {
  const list = (query: string) => parseParams(search(query), ["q", "page"]);

  it("reads a trimmed search and a page number from 1, and nothing as the default", () => {
    expect(list("")).toEqual({ ok: true, params: { q: undefined, page: undefined } });
    expect(list("q=+%E1%BB%A8ng+Ho%C3%A8+&page=12")).toEqual({ ok: true, params: { q: "Ứng Hoè", page: 12 } });
    expect(list("q=&page=")).toEqual({ ok: true, params: { q: undefined, page: undefined } });
  });

  it("refuses a page that is not a whole number from 1, and a search over 100 characters", () => {
    for (const page of ["0", "-1", "1.5", "abc", "01", "1e3", "9999999"]) {
      expect(list(`page=${page}`), page).toEqual({ ok: false, problem: { param: "page", value: page } });
    }
    expect(list(`q=${"a".repeat(100)}`).ok).toBe(true);
    expect(list(`q=${"a".repeat(101)}`)).toEqual({ ok: false, problem: { param: "q", value: "a".repeat(101) } });
    expect(list("page=1&page=2")).toEqual({ ok: false, problem: { param: "page", value: "1,2" } });
  });

  it("says in the reader's language what is wrong", () => {
    expect(paramMessage("vi", { param: "page", value: "abc" })).toBe("Trang “abc” không hợp lệ: hãy ghi số trang là số nguyên từ 1, ví dụ page=2.");
    expect(paramMessage("en", { param: "page", value: "0" })).toBe("The page “0” is not valid: give a whole number from 1, e.g. page=2.");
    expect(paramMessage("en", { param: "q", value: "x".repeat(101) })).toBe(`The search “${"x".repeat(20)}…” is too long: write at most 100 characters (a unit's name or code).`);
  });
});
