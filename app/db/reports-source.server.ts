/**
 * The one place that says which report rows a query reads: the draft (`current_reports`: the latest
 * committed upload per unit and period) or what was published at an instant (`published_reports(at)`, a
 * table macro over the frozen publication rows; migrations.server.ts). Every read of figures goes through
 * here, so a reader of the public dashboard can never see a draft by a query that forgot to ask.
 */
import type { DuckDBValue } from "@duckdb/node-api";
import type { DataView } from "~/domain/publication";

/** The FROM item of the report rows for `view`, with its parameter numbered `$index` (when it needs one). */
export function reportsFrom(view: DataView, index: number): { sql: string; params: DuckDBValue[] } {
  if (view.kind === "draft") return { sql: "current_reports", params: [] };
  return { sql: `published_reports($${index}::TIMESTAMPTZ)`, params: [view.at.toISOString()] };
}
