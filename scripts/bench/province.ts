/**
 * A synthetic province after the 2025 reform, for tests and benchmarks (not the demo; the demo's story is
 * data/): about 170 units today in emulation clusters ("Cụm thi đua số 1" …), most formed on 2025-Q3 by
 * merging 2–5 old units, a few old units split among 2–3 new ones with shares, a few units unchanged, and
 * some new units reusing a predecessor's code, as the real resolutions did. Reports for 12 quarters: old
 * units to 2025-Q2, new units from 2025-Q3 (shared spec units-over-time.md). Pure and deterministic (fixed
 * seed, no clock); ./data-dir.ts writes it as a data folder.
 */
import { nextPeriodId } from "~/domain/period";
import { COUNT_FIELDS, type Counts } from "~/domain/report-fields";
import type { IngestResult, ReportRow } from "~/ingest/types";
import type { UnitKind } from "~/domain/unit-lineage";
import { mulberry32, type Rng } from "../sample/prng";
import { syntheticCounts } from "./synthetic";

/** The first quarter of the merged units; old units end the quarter before. */
export const PROVINCE_REFORM = "2025-Q3";
export const PROVINCE_BEFORE_REFORM = "2025-Q2";

export interface ProvinceUnit {
  code: string;
  name: string;
  kind: UnitKind;
  cluster: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface ProvinceLineage {
  predecessor: string;
  successor: string;
  effective: string;
  share: number;
}

export interface Province {
  /** Every unit that ever existed: the old units, then today's (communes.csv's order). */
  units: ProvinceUnit[];
  /** Today's units, in cluster order. */
  current: ProvinceUnit[];
  lineage: ProvinceLineage[];
  clusters: string[];
  /** Oldest first. */
  quarters: string[];
}

export interface ProvinceOptions {
  /** Units today (default 170). */
  current: number;
  /** Emulation clusters (default 7), about equal in size. */
  clusters: number;
  /** Old units split among several new ones (default 4). */
  splits: number;
  /** Quarters of reports, the reform among them (default 2023-Q4 … 2026-Q3). */
  first: string;
  last: string;
  seed: number;
}

export const PROVINCE_DEFAULTS: ProvinceOptions = { current: 170, clusters: 7, splits: 4, first: "2023-Q4", last: "2026-Q3", seed: 1665 };

/** How a split predecessor's part went, by population; each sums to exactly 1 in floating point. */
const SPLIT_SHARES = [
  [0.6, 0.4],
  [0.5, 0.3, 0.2],
  [0.7, 0.3],
  [0.4, 0.35, 0.25],
] as const;

// Syllables of Vietnamese place names; two of them make a name, every name used once.
const FIRST = ["An", "Bình", "Cẩm", "Đại", "Đông", "Gia", "Hà", "Hải", "Hòa", "Hồng", "Hưng", "Kim", "Lạc", "Liên", "Long", "Minh", "Nam", "Nghĩa", "Ninh", "Phú", "Quang", "Tân", "Thanh", "Thái", "Thuận", "Trung", "Vĩnh", "Xuân"];
const SECOND = ["An", "Bảo", "Cường", "Dũng", "Đạo", "Đức", "Giang", "Hiệp", "Hòa", "Hưng", "Khánh", "Lâm", "Lập", "Lợi", "Lực", "Minh", "Phong", "Phúc", "Quý", "Sơn", "Tiến", "Thành", "Thịnh", "Thọ", "Tiên", "Trung", "Vinh", "Yên"];

const KIND_WORD: Record<UnitKind, string> = { town: "Thị trấn", commune: "Xã", ward: "Phường", special_zone: "Đặc khu" };

function shuffled<T>(items: readonly T[], random: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Quarter ids from `first` to `last`, both included. */
export function quarterRange(first: string, last: string): string[] {
  const out = [first];
  while ((out.at(-1) ?? last) < last) out.push(nextPeriodId(out.at(-1) ?? last));
  return out;
}

/** 2 to 5 predecessors, most often 3. */
function predecessorCount(random: Rng): number {
  const u = random();
  return u < 0.3 ? 2 : u < 0.65 ? 3 : u < 0.9 ? 4 : 5;
}

export function buildProvince(options: Partial<ProvinceOptions> = {}): Province {
  const o = { ...PROVINCE_DEFAULTS, ...options };
  if (!Number.isInteger(o.current) || o.current < 20) throw new Error(`a province needs at least 20 units today, not ${o.current}`);
  if (!Number.isInteger(o.clusters) || o.clusters < 1 || o.clusters > o.current) throw new Error(`clusters must be 1 … ${o.current}, not ${o.clusters}`);
  if (o.splits > SPLIT_SHARES.length) throw new Error(`at most ${SPLIT_SHARES.length} splits, not ${o.splits}`);
  if (!(o.first <= PROVINCE_BEFORE_REFORM && PROVINCE_REFORM <= o.last)) throw new Error(`the quarters ${o.first} … ${o.last} must straddle ${PROVINCE_REFORM}`);
  const random = mulberry32(o.seed);
  const names = shuffled(
    FIRST.flatMap((a) => SECOND.filter((b) => b !== a).map((b) => `${a} ${b}`)),
    random,
  );
  let nameIndex = 0;
  const nextName = (kind: UnitKind) => {
    const base = names[nameIndex] ?? `Thử Nghiệm ${nameIndex + 1}`;
    nameIndex++;
    return `${KIND_WORD[kind]} ${base}`;
  };
  let oldCode = 20000;
  let newCode = 30000;
  const clusters = Array.from({ length: o.clusters }, (_, i) => `Cụm thi đua số ${i + 1}`);
  const clusterOf = (j: number) => clusters[Math.floor((j * o.clusters) / o.current)] ?? "";

  const old: ProvinceUnit[] = [];
  const current: ProvinceUnit[] = [];
  const lineage: ProvinceLineage[] = [];
  const oldUnit = (cluster: string): ProvinceUnit => {
    const u = random();
    const kind: UnitKind = u < 0.08 ? "town" : u < 0.2 ? "ward" : "commune";
    const unit = { code: String(++oldCode), name: nextName(kind), kind, cluster, validFrom: null, validTo: PROVINCE_BEFORE_REFORM };
    old.push(unit);
    return unit;
  };
  // Every 14th unit is unchanged by the reform (no lineage, reports throughout); the rest are merged.
  const kept = (j: number) => j % 14 === 7;
  for (let j = 0; j < o.current; j++) {
    const cluster = clusterOf(j);
    if (kept(j)) {
      const kind: UnitKind = j % 28 === 7 ? "ward" : "commune";
      current.push({ code: String(++oldCode), name: nextName(kind), kind, cluster, validFrom: null, validTo: null });
      continue;
    }
    const predecessors = Array.from({ length: predecessorCount(random) }, () => oldUnit(cluster));
    const kind: UnitKind = j === o.current - 1 ? "special_zone" : j % 6 === 0 ? "ward" : "commune";
    // A quarter of the merged units keep their first predecessor's code.
    const code = j % 4 === 1 ? (predecessors[0]?.code ?? "") : String(++newCode);
    current.push({ code, name: nextName(kind), kind, cluster, validFrom: PROVINCE_REFORM, validTo: null });
    for (const p of predecessors) lineage.push({ predecessor: p.code, successor: code, effective: PROVINCE_REFORM, share: 1 });
  }
  // Splits: an old unit whose population went to two or three neighbouring merged units.
  const merged = current.filter((u) => u.validFrom === PROVINCE_REFORM);
  for (let s = 0; s < o.splits; s++) {
    const shares = SPLIT_SHARES[s] ?? [1];
    const start = Math.floor(((s + 0.5) * merged.length) / o.splits);
    const successors = merged.slice(start, start + shares.length);
    const split = oldUnit(successors[0]?.cluster ?? "");
    successors.forEach((succ, i) => lineage.push({ predecessor: split.code, successor: succ.code, effective: PROVINCE_REFORM, share: shares[i] ?? 0 }));
  }
  return { units: [...old, ...current], current, lineage, clusters, quarters: quarterRange(o.first, o.last) };
}

function validIn(u: ProvinceUnit, quarter: string): boolean {
  return (u.validFrom ?? "0000-Q1") <= quarter && quarter <= (u.validTo ?? "9999-Q4");
}

/** Sums counts field by field: the sum of valid counts is valid (every numerator stays within its denominator). */
function addCounts(a: Counts, b: Counts): Counts {
  const out = { ...a };
  for (const field of COUNT_FIELDS) out[field] = a[field] + b[field];
  return out;
}

/**
 * Every unit's report for every quarter it exists, as a valid ingest result (fixed seed). A merged unit is
 * about as big as its predecessors together (one draw per whole predecessor it took in), so the province's
 * counts do not fall by two thirds at the reform and a merged unit's restated history meets its own.
 */
export function provinceResult(province: Province, seed = 42): IngestResult {
  const random = mulberry32(seed);
  const size = new Map<string, number>();
  for (const l of province.lineage) size.set(l.successor, (size.get(l.successor) ?? 0) + l.share);
  const rows: ReportRow[] = [];
  for (const period of province.quarters) {
    for (const u of province.units) {
      if (!validIn(u, period)) continue;
      const draws = u.validFrom === null ? 1 : Math.max(1, Math.round(size.get(u.code) ?? 1));
      let counts = syntheticCounts(random);
      for (let i = 1; i < draws; i++) counts = addCounts(counts, syntheticCounts(random));
      rows.push({ line: rows.length + 2, communeCode: u.code, communeName: u.name, period, counts });
    }
  }
  return { ok: true, encoding: "utf-8", delimiter: ",", rows, errors: [], warnings: [], periods: [...province.quarters] };
}
