import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  COUNT_EMPTY,
  COUNT_NEGATIVE,
  COUNT_NOT_WHOLE,
  COUNT_TOO_BIG,
  isFourDigits,
  isUnitCode,
  parseCount,
  unitCodeNumber,
} from "~/ingest/cells";
import { countSchema, MAX_COUNT } from "~/ingest/types";

describe("parseCount", () => {
  it.each([
    ["0", 0],
    ["7", 7],
    ["007", 7],
    ["1234", 1234],
    [" 1234 ", 1234],
    ["1.234", 1234],
    ["1,234", 1234],
    ["1 234", 1234],
    ["1\u00a0234", 1234],
    ["1\u202f234", 1234],
    ["12.345.678", 12345678],
    ["12,345,678", 12345678],
    ["1 234\u00a0567", 1234567],
    ["999", 999],
    ["2147483647", MAX_COUNT],
    ["-0", 0],
  ])("reads %j as %d", (cell, value) => {
    expect(parseCount(cell)).toBe(value);
  });

  it.each([
    ["12,5"],
    ["1.5"],
    ["1,23"],
    ["1.2345"],
    ["0.123"],
    ["1.234,5"],
    ["1.234,567"],
    ["1,234.567"],
    ["1..234"],
    ["1234.0"],
    [".5"],
    ["1."],
    ["12%"],
    ["1E+06"],
    ["+5"],
    ["abc"],
    ["1 2"],
    ["1  234"],
    ["một"],
    ["-"],
    ["-x"],
  ])("rejects %j as not a whole number", (cell) => {
    expect(parseCount(cell)).toBe(COUNT_NOT_WHOLE);
  });

  it("tells empty, negative and too large apart", () => {
    expect(parseCount("")).toBe(COUNT_EMPTY);
    expect(parseCount("  \u00a0")).toBe(COUNT_EMPTY);
    expect(parseCount("-3")).toBe(COUNT_NEGATIVE);
    expect(parseCount("\u22121.234")).toBe(COUNT_NEGATIVE);
    expect(parseCount("- 12")).toBe(COUNT_NEGATIVE);
    expect(parseCount("2147483648")).toBe(COUNT_TOO_BIG);
    expect(parseCount("99999999999999999999999")).toBe(COUNT_TOO_BIG);
  });

  it("reads every count as Excel formats it in Vietnamese, English and French locales", () => {
    const formats = ["vi-VN", "en-US", "fr-FR"].map((l) => new Intl.NumberFormat(l));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_COUNT }), fc.constantFrom(...formats), (n, format) => {
        expect(parseCount(format.format(n))).toBe(n);
      }),
    );
  });

  /** The rule of spec §1 written as regular expressions, to check the hand-written reader against. */
  function reference(cell: string): number {
    const s = cell.trim();
    if (s === "") return COUNT_EMPTY;
    const negative = /^[-\u2212]/.test(s);
    const body = negative ? s.slice(1).trimStart() : s;
    const whole =
      /^\d+$/.test(body) ||
      /^[1-9]\d{0,2}(?:\.\d{3})+$/.test(body) ||
      /^[1-9]\d{0,2}(?:,\d{3})+$/.test(body) ||
      /^[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+$/.test(body);
    if (!whole) return COUNT_NOT_WHOLE;
    const value = Number(body.replace(/\D/g, ""));
    if (negative) return value === 0 ? 0 : COUNT_NEGATIVE;
    return value > MAX_COUNT ? COUNT_TOO_BIG : value;
  }

  it("agrees with the rule on arbitrary strings of digits, separators and signs", () => {
    const unit = fc.constantFrom(..."0123456789012345678901234567890123456789.,  \u00a0\u202f-\u2212x".split(""));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 14 }), (cell) => {
        expect(parseCount(cell)).toBe(reference(cell));
      }),
      { numRuns: 5000 },
    );
  });

  it("returns only values countSchema accepts, or a failure code", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (cell) => {
        const v = parseCount(cell);
        expect(v < 0 ? [COUNT_EMPTY, COUNT_NOT_WHOLE, COUNT_NEGATIVE, COUNT_TOO_BIG] : [v]).toContain(v);
        if (v >= 0) expect(countSchema.safeParse(v).success).toBe(true);
      }),
    );
  });
});

describe("unit codes", () => {
  it("are exactly five ASCII digits, leading zeros kept", () => {
    expect(isUnitCode("01234")).toBe(true);
    expect(unitCodeNumber("01234")).toBe(1234);
    expect(unitCodeNumber("11155")).toBe(11155);
    for (const bad of ["1234", "123456", "1234a", "１２３４５", " 1234", ""]) {
      expect(isUnitCode(bad)).toBe(false);
      expect(unitCodeNumber(bad)).toBe(-1);
    }
  });

  it("recognises a four-digit code that lost its leading zero", () => {
    expect(isFourDigits("1501")).toBe(true);
    expect(isFourDigits("150")).toBe(false);
    expect(isFourDigits("15a1")).toBe(false);
  });
});
