import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ingestMessages } from "~/i18n/ingest-messages";
import { formatIssue } from "~/ingest/format-issue";
import { reportRowSchema, type IngestResult, type Issue } from "~/ingest/types";
import { validateReport } from "~/ingest/validate";

import { bytesOf, fixture, makeContext } from "./helpers";

const ctx = makeContext({ maxBytes: 4096 });

function checkIssue(issue: Issue): void {
  expect(issue.key in ingestMessages.vi, issue.key).toBe(true);
  expect(issue.key in ingestMessages.en, issue.key).toBe(true);
  expect(issue.line === null || (Number.isInteger(issue.line) && issue.line >= 1)).toBe(true);
  expect(formatIssue(issue, "vi")).not.toMatch(/\{\w+\}/);
  expect(formatIssue(issue, "en")).not.toMatch(/\{\w+\}/);
}

/** What must hold for any input at all. */
function checkResult(result: IngestResult): void {
  expect(result.ok).toBe(result.errors.length === 0);
  for (const issue of result.errors) {
    expect(issue.severity).toBe("error");
    checkIssue(issue);
  }
  for (const issue of result.warnings) {
    expect(issue.severity).toBe("warning");
    checkIssue(issue);
  }
  expect(result.errors.length).toBeLessThanOrEqual(1001);
  for (const row of result.rows) expect(reportRowSchema.safeParse(row).success).toBe(true);
  const lines = result.rows.map((r) => r.line);
  expect(lines).toEqual([...lines].sort((a, b) => a - b));
  expect(new Set(result.rows.map((r) => `${r.communeCode} ${r.period}`)).size).toBe(result.rows.length);
  expect(result.periods).toEqual([...new Set(result.rows.map((r) => r.period))].sort());
}

type Mutation =
  | { kind: "delete" | "duplicate" | "swap" | "quote" | "newline"; at: number }
  | { kind: "insert"; at: number; char: string }
  | { kind: "delimiter" };

function mutate(text: string, mutations: readonly Mutation[]): string {
  let s = text;
  for (const m of mutations) {
    if (m.kind === "delimiter") {
      s = s.replace(/[,;]/g, (c) => (c === "," ? ";" : ","));
      continue;
    }
    const i = s.length === 0 ? 0 : m.at % s.length;
    if (m.kind === "delete") s = s.slice(0, i) + s.slice(i + 1);
    else if (m.kind === "duplicate") s = s.slice(0, i) + s.charAt(i) + s.slice(i);
    else if (m.kind === "swap") s = s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2);
    else if (m.kind === "quote") s = `${s.slice(0, i)}"${s.slice(i)}`;
    else if (m.kind === "newline") s = `${s.slice(0, i)}\r\n${s.slice(i)}`;
    else if (m.kind === "insert") s = s.slice(0, i) + m.char + s.slice(i);
  }
  return s;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete", "duplicate", "swap", "quote", "newline"), at: fc.nat() }),
  fc.record({
    kind: fc.constant("insert"),
    at: fc.nat(),
    char: fc.constantFrom(",", ";", '"', "-", ".", " ", "\u00a0", "\u0301", "\u0000", "\uFEFF", "đ", "9", "Q"),
  }),
  fc.record({ kind: fc.constant("delimiter") }),
);

describe("validateReport on arbitrary input", () => {
  it("never throws on random bytes, and its result is consistent", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        checkResult(validateReport(bytes, ctx));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on mutations of valid files, and its result is consistent", () => {
    const sources = ["valid-canonical.csv", "excel-vi-semicolon-bom.csv", "multiline-name.csv", "warnings.csv"].map(
      (name) => new TextDecoder().decode(fixture(name)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(mutation, { minLength: 1, maxLength: 8 }), (source, mutations) => {
        checkResult(validateReport(bytesOf(mutate(source, mutations)), ctx));
      }),
      { numRuns: 1000 },
    );
  });

  it("accepts every valid file re-written with the other delimiter, CRLF and a BOM", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (semicolon, crlf, bom) => {
        let text = new TextDecoder().decode(fixture("valid-canonical.csv"));
        if (semicolon) text = text.replace(/,/g, ";");
        if (crlf) text = text.replace(/\n/g, "\r\n");
        const body = bytesOf(text);
        const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
        const result = validateReport(bytes, ctx);
        expect(result.errors).toEqual([]);
        expect(result.rows.map((r) => r.line)).toEqual([2, 3, 4]);
        expect(result.delimiter).toBe(semicolon ? ";" : ",");
      }),
    );
  });
});
