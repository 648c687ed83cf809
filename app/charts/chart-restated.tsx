/**
 * Figures restated on today's units (units-over-time.md rule 3, decision 013). Where a series' values before
 * a merger are its predecessors' counts combined, the trend line and the bump chart draw that part of the
 * line dotted with hollow markers (`restatedStyle`), key it in the legend, and put a thin rule between the
 * last restated period and the first of the unit's own figures, labelled with the merger. A value computed
 * with a share below 1 is an estimate: "≈" in its title and its table cell.
 *
 * A series without flags (or with none set) is drawn exactly as before: one path, its own markers, no rule.
 */
import { MUTED } from "./chart-colors";
import type { LegendItem } from "./chart-legend";
import { r2 } from "./chart-options";
import { RuleMark, labelledRule, type LabelledRule } from "./chart-rule";
import { gapLinePath, restatedStyle } from "./chart-series";
import type { SeriesStyle } from "./chart-series";

/** Per period, beside a series' values. */
export interface RestatedFlags {
  /** The value is combined from predecessors' counts (a merger, or a part of a split unit). */
  restated?: readonly boolean[];
  /** The value used a share below 1, so it is an estimate. */
  estimated?: readonly boolean[];
}

/** Words of the restated marks; without them the marks are drawn but neither keyed nor labelled. */
export interface RestatedLabels {
  /** The legend entry, also added to a restated point's title, e.g. "gộp số liệu các đơn vị cũ". */
  restated?: string;
  /** Beside the rule at the first period of the unit's own figures, e.g. "Thành lập Q3/2025". */
  merger?: string;
}

/** Language-neutral, like "—": the mark of an estimate. */
export const ESTIMATE_SIGN = "≈";

export function checkRestatedFlags(key: string, periods: number, flags: RestatedFlags): void {
  for (const name of ["restated", "estimated"] as const) {
    const f = flags[name];
    if (f && f.length !== periods) throw new Error(`series ${key} has ${f.length} ${name} flags for ${periods} periods`);
  }
}

export function hasRestated(flags: RestatedFlags): boolean {
  return flags.restated?.some(Boolean) ?? false;
}

/** A formatted value with its marks: "≈" before an estimate, `(words)` after a restated value when given. */
export function markValue(text: string, period: number, flags: RestatedFlags, words?: string): string {
  const sign = flags.estimated?.[period] ? ESTIMATE_SIGN : "";
  const note = flags.restated?.[period] && words ? ` (${words})` : "";
  return `${sign}${text}${note}`;
}

/**
 * The line through a series' points split in two: `path` joins the unit's own figures, `restatedPath` every
 * segment that touches a restated point (so the segment into the first own period is dotted: it starts on
 * combined figures). Nulls break both, as in `gapLinePath`. Nothing restated: the one path of before.
 */
export function restatedPaths(
  slots: readonly ({ x: number; y: number } | null)[],
  restated: readonly boolean[] | undefined,
): { path: string; restatedPath?: string } {
  if (!restated?.some(Boolean)) return { path: gapLinePath(slots) };
  const pieces: string[] = [];
  let run: { x: number; y: number }[] = [];
  const flush = () => {
    if (run.length > 0) pieces.push(gapLinePath(run));
    run = [];
  };
  slots.forEach((p, j) => {
    if (p === null) return flush();
    if (restated[j]) {
      const before = j > 0 ? slots[j - 1] : null;
      if (run.length === 0 && before) run.push(before);
      run.push(p);
    } else if (run.length > 0) {
      run.push(p);
      flush();
    }
  });
  flush();
  return { path: gapLinePath(slots.map((p, j) => (restated[j] ? null : p))), restatedPath: pieces.join("") };
}

/** The first period after the last restated one, or null when nothing is restated or nothing follows. */
export function firstOwnPeriod(periods: number, series: readonly RestatedFlags[]): number | null {
  let last = -1;
  for (const s of series) s.restated?.forEach((r, j) => (last = r && j > last ? j : last));
  return last < 0 || last >= periods - 1 ? null : last + 1;
}

/** The rule between the last restated period and the first own one (x halfway, in the plot's coordinates). */
export type MergerRule = LabelledRule;

/** Room the rule's label takes above the plot; added to the top margin only when a rule is drawn. */
export function mergerRoom(fontSize: number): number {
  return fontSize + 6;
}

/**
 * The rule between x0 (last restated period) and x1 (first own one), its label above the plot to the right
 * of it, or to the left where the right has no room (`right` is how far text may run past the plot).
 */
export function mergerRule(x0: number, x1: number, plot: { width: number; height: number }, label: string, fontSize: number, right: number): MergerRule {
  return labelledRule(r2((x0 + x1) / 2), -mergerRoom(fontSize) + 2, r2(plot.height), label, -5, fontSize, plot.width + right);
}

/** Drawn under the lines; the words are also in the legend, the point titles and the page's note. */
export function MergerRuleMark({ rule }: { rule: MergerRule | null }) {
  return <RuleMark rule={rule} style={{ className: "pb-merger", color: MUTED, strokeWidth: 1 }} />;
}

/** The legend's key to the dotted part, in the style of the series it belongs to. */
export function restatedLegendItem(style: SeriesStyle, label: string): LegendItem {
  return { key: "pb-restated", label, swatch: { kind: "line", style: restatedStyle(style) } };
}
