import { describe, expect, it } from "vitest";
import { LOGIN_LIMITS, backoffWait, longestWait, slidingWait } from "~/domain/login-limits";

const second = 1000;
const minute = 60 * second;

describe("backoffWait", () => {
  const rule = LOGIN_LIMITS.pair;
  it("lets the first failures go free, then doubles the wait after each one, counted from the last", () => {
    const now = 100 * minute;
    expect(backoffWait(0, null, rule, now)).toBe(0);
    expect(backoffWait(4, now, rule, now)).toBe(0);
    expect([5, 6, 7, 8].map((n) => backoffWait(n, now, rule, now))).toEqual([1, 2, 4, 8].map((s) => s * second));
    // Time since the last failure counts towards the wait.
    expect(backoffWait(7, now - 3 * second, rule, now)).toBe(1 * second);
    expect(backoffWait(7, now - 10 * second, rule, now)).toBe(0);
  });
  it("never asks for more than 15 minutes, however many failures", () => {
    expect(backoffWait(60, 0, rule, 0)).toBe(15 * minute);
    expect(backoffWait(5000, 0, rule, 0)).toBe(15 * minute);
  });
});

describe("slidingWait", () => {
  const limit = LOGIN_LIMITS.address;
  it("waits until the 20th most recent failure leaves the window", () => {
    const now = 100 * minute;
    expect(slidingWait([], limit, now)).toBe(0);
    expect(slidingWait(Array.from({ length: 19 }, () => now - 1), limit, now)).toBe(0);
    const twenty = [...Array.from({ length: 19 }, (_, i) => now - (i + 1) * second), now - 10 * minute];
    expect(slidingWait(twenty, limit, now)).toBe(5 * minute);
    // Failures older than the window do not count.
    expect(slidingWait([...Array.from({ length: 19 }, () => now - minute), now - 20 * minute], limit, now)).toBe(0);
  });
});

describe("longestWait", () => {
  it("picks the rule that asks for the longest wait, or none when nothing asks", () => {
    expect(longestWait([{ scope: "pair", waitMs: 0, sinceMs: 0 }])).toBeNull();
    expect(
      longestWait([
        { scope: "pair", waitMs: 1000, sinceMs: 1 },
        { scope: "address", waitMs: 5000, sinceMs: 2 },
        { scope: "account", waitMs: 0, sinceMs: 3 },
      ]),
    ).toEqual({ scope: "address", waitMs: 5000, sinceMs: 2 });
  });
});
