/**
 * The one link to a unit's page: every table, chart and sentence that names a unit points here, for the
 * period the reader is looking at.
 */
import type { ReactNode } from "react";

export function unitHref(code: string, period: string | null, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (period) params.set("period", period);
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const search = params.toString();
  return `/units/${encodeURIComponent(code)}${search ? `?${search}` : ""}`;
}

export function UnitLink({ code, period, children }: { code: string; period: string | null; children: ReactNode }) {
  return <a href={unitHref(code, period)}>{children}</a>;
}
