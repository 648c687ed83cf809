/**
 * The HTTP fuzz test's cases: valid report files mutated (bytes flipped, truncated, huge cells, bad
 * encodings, wrong delimiters, formula cells, …) under hostile file names (`=`, `;`, quotes, line breaks,
 * Vietnamese, very long, empty), each case decided by the seed and its index alone, so any case can be
 * replayed by itself (`--only N`).
 */
import fs from "node:fs";
import path from "node:path";
import { hashSeed, mulberry32, type Rng } from "../sample/prng";
import type { NameEncoding } from "../harness/http-client";
import { sampleVariant } from "../harness/report-files";

export interface FuzzCase {
  index: number;
  intent: "preview" | "commit-file";
  name: string;
  encoding: NameEncoding;
  bytes: Uint8Array;
  /** What was done to the base file, for the report of a failing case. */
  mutations: string[];
  base: string;
}

const PERIODS = ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"];
const FIXTURES = ["valid-canonical.csv", "excel-vi-semicolon-bom.csv", "windows-1258.csv", "multiline-name.csv", "nfd-names.csv", "headers-no-accents.csv", "warnings.csv"];

const NAMES: ((rng: Rng, index: number) => string)[] = [
  (_r, i) => `bao-cao-${i}.csv`,
  (_r, i) => `a=b;c=${i}.csv`,
  () => "x;=cmd|'/C calc'!A0;.csv",
  () => 'he said "hi".csv',
  () => "two\nlines.csv",
  () => "carriage\rreturn.csv",
  () => "Báo cáo quý 4 – Ninh Giang (bản cuối).csv",
  () => "Bá\u0301o ca\u0301o NFD.csv",
  () => `${"dài".repeat(80)}.csv`,
  () => `${"x".repeat(5000)}.csv`,
  () => "",
  () => "   ",
  () => "../../etc/passwd",
  () => "C:\\fakepath\\quy4.csv",
  () => "=HYPERLINK(\"http://example.invalid\",\"x\").csv",
  () => "\u202Evsc.exe",
  () => "name; filename=\"other.csv\"",
  () => "%22quoted%22.csv",
  () => "tab\there.csv",
  () => "nul\u0000byte.csv",
];

const FORMULAS = ["=cmd|'/C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A9)", "=HYPERLINK(\"http://example.invalid\")", "\t=1"];

const enc = new TextEncoder();

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function text(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

/** Replaces one cell (not the header's) with `value`, splitting on the file's own delimiter. */
function replaceCell(bytes: Uint8Array, rng: Rng, value: string): Uint8Array {
  const lines = text(bytes).split("\n");
  if (lines.length < 2) return enc.encode(`${text(bytes)}${value}`);
  const row = int(rng, 1, Math.max(1, lines.length - 2));
  const line = lines[row] ?? "";
  const delimiter = line.includes(";") ? ";" : ",";
  const cells = line.split(delimiter);
  cells[int(rng, 0, cells.length - 1)] = value;
  lines[row] = cells.join(delimiter);
  return enc.encode(lines.join("\n"));
}

type Mutation = (bytes: Uint8Array, rng: Rng) => { bytes: Uint8Array; label: string };

const MUTATIONS: Record<string, Mutation> = {
  flipBytes(bytes, rng) {
    const out = bytes.slice();
    const n = int(rng, 1, 8);
    for (let k = 0; k < n && out.length > 0; k++) out[int(rng, 0, out.length - 1)] = int(rng, 0, 255);
    return { bytes: out, label: `flip ${n} bytes` };
  },
  truncate(bytes, rng) {
    const at = int(rng, 0, bytes.length);
    return { bytes: bytes.slice(0, at), label: `truncate at ${at}` };
  },
  hugeCell(bytes, rng) {
    const size = pick(rng, [1_000, 70_000, 300_000]);
    const cell = pick(rng, ["A", "9", "Đ", '"'] as const).repeat(size);
    return { bytes: replaceCell(bytes, rng, cell), label: `huge cell (${size} chars)` };
  },
  badEncoding(bytes, rng) {
    const kind = pick(rng, ["invalid utf-8", "utf-16le", "nul bytes", "lone surrogate bytes"] as const);
    if (kind === "utf-16le") {
      const s = text(bytes);
      const out = new Uint8Array(2 + s.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < s.length; i++) {
        out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
        out[3 + 2 * i] = s.charCodeAt(i) >> 8;
      }
      return { bytes: out, label: kind };
    }
    const insert = kind === "invalid utf-8" ? [0xc3, 0x28, 0xff, 0xfe] : kind === "nul bytes" ? [0, 0, 0] : [0xed, 0xa0, 0x80];
    const at = int(rng, 0, bytes.length);
    const out = new Uint8Array(bytes.length + insert.length);
    out.set(bytes.slice(0, at));
    out.set(insert, at);
    out.set(bytes.slice(at), at + insert.length);
    return { bytes: out, label: `${kind} at ${at}` };
  },
  wrongDelimiter(bytes, rng) {
    const to = pick(rng, ["\t", "|", ";", ", ", ""] as const);
    return { bytes: enc.encode(text(bytes).replace(/[,;]/g, to)), label: `delimiter → ${JSON.stringify(to)}` };
  },
  formulaCell(bytes, rng) {
    const f = pick(rng, FORMULAS);
    return { bytes: replaceCell(bytes, rng, f), label: `formula cell ${JSON.stringify(f)}` };
  },
  duplicateLine(bytes, rng) {
    const lines = text(bytes).split("\n");
    const row = int(rng, 1, Math.max(1, lines.length - 2));
    lines.splice(row, 0, lines[row] ?? "");
    return { bytes: enc.encode(lines.join("\n")), label: `duplicate line ${row + 1}` };
  },
  unbalancedQuote(bytes, rng) {
    const s = text(bytes);
    const at = int(rng, 0, s.length);
    return { bytes: enc.encode(`${s.slice(0, at)}"${s.slice(at)}`), label: `quote at ${at}` };
  },
  lineEnds(bytes, rng) {
    const to = pick(rng, ["\r\n", "\r", "\n\n", "\u2028"] as const);
    return { bytes: enc.encode(text(bytes).replace(/\r?\n/g, to)), label: `line ends → ${JSON.stringify(to)}` };
  },
  empty() {
    return { bytes: new Uint8Array(0), label: "empty file" };
  },
};

const MUTATION_NAMES = Object.keys(MUTATIONS);

function baseFile(rng: Rng, index: number): { bytes: Uint8Array; base: string } {
  if (rng() < 0.7) {
    const period = pick(rng, PERIODS);
    return { bytes: sampleVariant(index, period), base: `sample ${period} #${index}` };
  }
  const name = pick(rng, FIXTURES);
  return { bytes: new Uint8Array(fs.readFileSync(path.join("tests", "fixtures", "ingest", name))), base: name };
}

/** Case `index` of the run with `seed`: the same inputs give the same case on every machine. */
export function fuzzCase(seed: number, index: number): FuzzCase {
  const rng = mulberry32(hashSeed(`fuzz:${seed}:${index}`));
  const start = baseFile(rng, index);
  const base = start.base;
  let bytes = start.bytes;
  const mutations: string[] = [];
  // About one case in five is left valid, so that commits of good files under odd names are tried too.
  const count = rng() < 0.2 ? 0 : int(rng, 1, 3);
  for (let k = 0; k < count; k++) {
    const m = MUTATIONS[pick(rng, MUTATION_NAMES)];
    if (!m) continue;
    const out = m(bytes, rng);
    bytes = out.bytes;
    mutations.push(out.label);
  }
  const name = pick(rng, NAMES)(rng, index);
  return {
    index,
    intent: rng() < 0.5 ? "preview" : "commit-file",
    name,
    encoding: rng() < 0.8 ? "browser" : "raw",
    bytes,
    mutations,
    base,
  };
}
