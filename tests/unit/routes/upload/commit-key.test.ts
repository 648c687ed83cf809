import { describe, expect, it } from "vitest";
import { commitKeyFor, newCommitKey } from "~/routes/upload/commit-key";

describe("the key a commit carries", () => {
  it("is 32 random hex digits, a new one each time", () => {
    const keys = new Set(Array.from({ length: 100 }, newCommitKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it("stays the same for one picked file and differs for another, even with the same name and bytes", () => {
    const keys = new WeakMap<File, string>();
    const file = new File(["a,b\n"], "q4.csv");
    const again = new File(["a,b\n"], "q4.csv");
    expect(commitKeyFor(keys, file)).toBe(commitKeyFor(keys, file));
    expect(commitKeyFor(keys, again)).not.toBe(commitKeyFor(keys, file));
  });
});
