/**
 * Property: whatever bytes arrive, the import never throws, and when it reports an error it writes
 * nothing. Random mutations of a real report file, committed against a real DuckDB file.
 */
import fs from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { importReport } from "~/db/import-report.server";
import { readRegistry } from "~/config/registry.server";
import { createTestDb, type TestDb } from "../../helpers/test-db";

const valid = fs.readFileSync("data/sample/2023-Q4.csv", "utf8");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb(readRegistry("data"));
});
afterAll(async () => {
  await t.close();
});

async function state() {
  const [row] = await t.db.query(
    "SELECT (SELECT count(*) FROM uploads) AS uploads, (SELECT count(*) FROM report_rows) AS rows",
    [],
    z.object({ uploads: z.number(), rows: z.number() }),
  );
  return row;
}

/** Edits a real user could make by accident: delete, duplicate or swap characters, change delimiters, add quotes. */
type Mutation =
  | { kind: "delete"; at: number; len: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "duplicate"; at: number; len: number }
  | { kind: "semicolons" };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom('"', ",", ";", "\n", "\r\n", "-", "1.5", "12,5", " ", "\u0000", "Ứ", "=1+1") }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("semicolons" as const) }),
);

function apply(text: string, ms: readonly Mutation[]): string {
  let s = text;
  for (const m of ms) {
    const at = "at" in m ? m.at % (s.length + 1) : 0;
    if (m.kind === "delete") s = s.slice(0, at) + s.slice(at + m.len);
    else if (m.kind === "insert") s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.kind === "duplicate") s = s.slice(0, at + m.len) + s.slice(at, at + m.len) + s.slice(at + m.len);
    else s = s.replaceAll(",", ";");
  }
  return s;
}

describe("import on a real database", () => {
  it("never throws, and writes nothing whenever it reports an error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), async (ms, asBytes) => {
        const before = await state();
        const bytes = asBytes ? new Uint8Array(Buffer.from(apply(valid, ms), "latin1")) : new TextEncoder().encode(apply(valid, ms));
        const outcome = await importReport(t.db, bytes, { fileName: "m.csv", uploadedBy: "prop", source: "cli", maxBytes: 1_000_000 });
        const after = await state();
        if (outcome.preview.result.errors.length > 0) {
          expect(outcome.committed).toBeNull();
          expect(after).toEqual(before);
        } else {
          expect(outcome.committed?.rowCount).toBe(outcome.preview.result.rows.length);
          expect(after?.uploads).toBe((before?.uploads ?? 0) + 1);
        }
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });

  it("never throws on random bytes either", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const before = await state();
        const outcome = await importReport(t.db, bytes, { fileName: "r.bin", uploadedBy: "prop", source: "cli", maxBytes: 1_000_000 });
        expect(outcome.committed).toBeNull();
        expect(await state()).toEqual(before);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
