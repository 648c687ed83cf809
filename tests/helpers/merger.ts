/**
 * The merger of units-over-time.md in miniature, by hand: 2025-Q2 has Một, Hai, Ba, Bốn and Sáu; from 2025-Q3
 * the new Xã Một Mới (code 00001 reused) is Một + Hai + Ba + 0.6 of Bốn, Xã Năm Mới (00005) 0.4 of Bốn, and
 * Xã Sáu (00006) never changes. Two clusters. Used by tests/integration/db/restated.test.ts (hand-computed
 * figures) and unit-rankings-restated.test.ts (the unit query against the full ranking).
 */
import { commitUpload } from "~/db/uploads.server";
import { syncUnits } from "~/db/units.server";
import { counts, resultOf, type TestDb } from "./test-db";

export const MERGER_UNITS = [
  { code: "00001", name: "Xã Một", kind: "commune" as const, validTo: "2025-Q2", cluster: "Cụm A" },
  { code: "00002", name: "Xã Hai", kind: "commune" as const, validTo: "2025-Q2", cluster: "Cụm A" },
  { code: "00003", name: "Xã Ba", kind: "commune" as const, validTo: "2025-Q2", cluster: "Cụm B" },
  { code: "00004", name: "Xã Bốn", kind: "commune" as const, validTo: "2025-Q2", cluster: "Cụm B" },
  { code: "00001", name: "Xã Một Mới", kind: "commune" as const, validFrom: "2025-Q3", cluster: "Cụm A" },
  { code: "00005", name: "Xã Năm Mới", kind: "commune" as const, validFrom: "2025-Q3", cluster: "Cụm B" },
  { code: "00006", name: "Xã Sáu", kind: "commune" as const, cluster: "Cụm B" },
];

export const MERGER_LINEAGE = [
  { predecessor: "00001", successor: "00001", effective: "2025-Q3", share: 1, line: 2 },
  { predecessor: "00002", successor: "00001", effective: "2025-Q3", share: 1, line: 3 },
  { predecessor: "00003", successor: "00001", effective: "2025-Q3", share: 1, line: 4 },
  { predecessor: "00004", successor: "00001", effective: "2025-Q3", share: 0.6, line: 5 },
  { predecessor: "00004", successor: "00005", effective: "2025-Q3", share: 0.4, line: 6 },
];

/** A quarter's dossiers received and digitised, every other count 0. */
export const q = (received: number, digitized: number) => counts({ dossiers_received: received, dossiers_digitized: digitized });

/** The registry and lineage above, and one upload: 2025-Q2 (Hai and Sáu tie at 0.75) and 2025-Q3. */
export async function seedMerger(t: TestDb): Promise<void> {
  await syncUnits(t.db, MERGER_UNITS, MERGER_LINEAGE);
  await commitUpload(
    t.db,
    resultOf([
      { code: "00001", period: "2025-Q2", counts: q(100, 90) },
      { code: "00002", period: "2025-Q2", counts: q(200, 150) },
      { code: "00003", period: "2025-Q2", counts: q(50, 30) },
      { code: "00004", period: "2025-Q2", counts: q(100, 50) },
      { code: "00006", period: "2025-Q2", counts: q(400, 300) },
      { code: "00001", period: "2025-Q3", counts: q(500, 400) },
      { code: "00005", period: "2025-Q3", counts: q(60, 30) },
      { code: "00006", period: "2025-Q3", counts: q(400, 300) },
    ]),
    { fileName: "t.csv", sha256: "x", uploadedBy: "test", source: "cli" },
  );
}
