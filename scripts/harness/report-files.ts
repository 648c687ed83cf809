/**
 * Valid report files for the scripts that load the server: the sample district's 2024-Q4 file with one
 * count changed per copy, so that every file is different (its own SHA-256) and still passes the checks.
 */
import fs from "node:fs";
import path from "node:path";

/** The n-th variant of a sample file: `initiatives` (a count no other count is bounded by) set from n. */
export function sampleVariant(n: number, period = "2024-Q4", dataDir = "data"): Uint8Array {
  const text = fs.readFileSync(path.join(dataDir, "sample", `${period}.csv`), "utf8");
  const lines = text.split(/\r?\n/);
  const out = lines.map((line, i) => {
    if (i === 0 || line.trim() === "") return line;
    const cells = line.split(",");
    cells[cells.length - 1] = String((n + i) % 1000);
    return cells.join(",");
  });
  return new TextEncoder().encode(out.join("\n"));
}
