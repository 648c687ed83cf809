import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { ingestMessages } from "~/i18n/ingest-messages";

const sourceDir = fileURLToPath(new URL("../../../app/ingest/", import.meta.url));

/** Every message key the ingest code can produce, read from its source. */
function keysInSource(): Set<string> {
  const keys = new Set<string>();
  for (const file of readdirSync(sourceDir)) {
    const text = readFileSync(`${sourceDir}${file}`, "utf8");
    for (const m of text.matchAll(/"(ingest\.(?:error|warning|where)\.\w+)"/g)) keys.add(m[1] ?? "");
  }
  return keys;
}

describe("ingest messages", () => {
  const vi = Object.keys(ingestMessages.vi).sort();
  const en = Object.keys(ingestMessages.en).sort();

  it("has every Vietnamese key in English and every English key in Vietnamese", () => {
    expect(vi.filter((k) => !(k in ingestMessages.en))).toEqual([]);
    expect(en.filter((k) => !(k in ingestMessages.vi))).toEqual([]);
    expect(vi).toEqual(en);
  });

  it("has a message for every key the ingest code uses, and no unused key", () => {
    const used = keysInSource();
    expect(used.size).toBeGreaterThan(25);
    expect([...used].filter((k) => !(k in ingestMessages.vi)).sort()).toEqual([]);
    expect(vi.filter((k) => !used.has(k))).toEqual([]);
  });

  it("writes the Vietnamese messages in Vietnamese, with diacritics", () => {
    for (const key of vi) {
      if (key.startsWith("ingest.where.")) continue;
      expect(ingestMessages.vi[key], key).not.toBe(ingestMessages.en[key]);
      expect(ingestMessages.vi[key], key).toMatch(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i);
    }
  });
});
