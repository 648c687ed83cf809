/**
 * The HTTP fuzz test's cases (scripts/fuzz/cases.ts): decided by the seed and the index alone, and
 * covering what the test is for: every kind of mutation, hostile names, both intents, valid files too.
 */
import { describe, expect, it } from "vitest";
import { fuzzCase } from "../../../scripts/fuzz/cases";

describe("fuzzCase", () => {
  it("gives the same case for the same seed and index, and another for another seed", () => {
    expect(fuzzCase(7, 42)).toEqual(fuzzCase(7, 42));
    expect(fuzzCase(8, 42)).not.toEqual(fuzzCase(7, 42));
  });

  it("covers every mutation, hostile names, both intents and unmutated files within 200 cases", () => {
    const cases = Array.from({ length: 200 }, (_, i) => fuzzCase(1, i));
    const labels = cases.flatMap((c) => c.mutations).join("\n");
    for (const kind of ["flip", "truncate", "huge cell", "invalid utf-8", "utf-16le", "delimiter", "formula cell", "duplicate line", "quote at", "line ends", "empty file"]) {
      expect(labels, kind).toContain(kind);
    }
    const names = cases.map((c) => c.name);
    expect(names.some((n) => n.includes("=") && n.includes(";"))).toBe(true);
    expect(names.some((n) => n.includes('"'))).toBe(true);
    expect(names.some((n) => n.includes("\n"))).toBe(true);
    expect(names.some((n) => /[ạ-ỹ]/.test(n))).toBe(true);
    expect(names.some((n) => n.length > 1000)).toBe(true);
    expect(names).toContain("");
    expect(new Set(cases.map((c) => c.intent))).toEqual(new Set(["preview", "commit-file"]));
    expect(new Set(cases.map((c) => c.encoding))).toEqual(new Set(["browser", "raw"]));
    expect(cases.filter((c) => c.mutations.length === 0).length).toBeGreaterThan(10);
  });
});
