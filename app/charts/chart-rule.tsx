/**
 * A labelled vertical rule: the merger's rule in the trend and bump charts (chart-restated.tsx) and the
 * target line of the leaderboard. Its label stands beside the rule's top, to the right where it fits within
 * `maxX`, else to the left. Decorative: the words are in the chart's description, legend or table.
 */
import { estimateTextWidth, r2 } from "./chart-options";

export interface LabelledRule {
  x: number;
  y1: number;
  y2: number;
  label: string;
  labelX: number;
  labelY: number;
  anchor: "start" | "end";
}

/** The rule at `x` from `y1` to `y2`, its label at `labelY`, kept left of `maxX`. */
export function labelledRule(x: number, y1: number, y2: number, label: string, labelY: number, fontSize: number, maxX: number): LabelledRule {
  const fits = x + 4 + estimateTextWidth(label, fontSize) <= maxX;
  return { x, y1, y2, label, labelX: r2(fits ? x + 4 : x - 4), labelY, anchor: fits ? "start" : "end" };
}

export interface RuleStyle {
  className: string;
  color: string;
  strokeWidth: number;
  fontWeight?: number;
  /** "none" keeps a rule drawn over links out of the pointer's way. */
  pointerEvents?: "none";
}

export function RuleMark({ rule, style }: { rule: LabelledRule | null; style: RuleStyle }) {
  if (!rule) return null;
  return (
    <g className={style.className} aria-hidden="true" pointerEvents={style.pointerEvents}>
      <line x1={rule.x} x2={rule.x} y1={rule.y1} y2={rule.y2} stroke={style.color} strokeWidth={style.strokeWidth} />
      {rule.label ? (
        <text x={rule.labelX} y={rule.labelY} textAnchor={rule.anchor} fill={style.color} fontWeight={style.fontWeight}>
          {rule.label}
        </text>
      ) : null}
    </g>
  );
}
