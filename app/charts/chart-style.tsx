/**
 * What the frame paints with besides the marks: the pattern fills a chart asks for (defined once per SVG,
 * referred to by url(#…)) and the small stylesheet that gives hover/focus highlighting without JavaScript.
 */
import type { SegmentPattern } from "./chart-colors";
import { INK } from "./chart-colors";
import { checkId } from "./chart-options";

/**
 * Highlighting is CSS only (works without JS). Rules are scoped to the chart's id so two charts on one
 * page cannot restyle each other; `:has` fades the other series where supported and is ignored elsewhere.
 */
export function chartCss(id: string): string {
  const s = `#${checkId(id)}`;
  return [
    `${s} .pb-row:hover .pb-row-bg,${s} .pb-row:focus .pb-row-bg{fill:#eef3f8}`,
    `${s} .pb-cell:hover .pb-cell-bg,${s} .pb-cell:focus .pb-cell-bg{stroke:${INK};stroke-width:2}`,
    `${s} .pb-segment:hover,${s} .pb-segment:focus{stroke:${INK};stroke-width:1.5}`,
    `${s} .pb-series:hover .pb-line,${s} .pb-series:focus .pb-line{stroke-width:3.5}`,
    `${s}:has(.pb-series:hover,.pb-series:focus) .pb-series:not(:hover):not(:focus){opacity:.3}`,
    `${s} .pb-point:hover path,${s} .pb-point:focus path{stroke:${INK};stroke-width:2}`,
    `${s} .pb-link:hover .pb-row-bg,${s} .pb-link:focus .pb-row-bg{fill:#eef3f8}`,
    `${s} .pb-link:hover .pb-cell-bg,${s} .pb-link:focus .pb-cell-bg{stroke:${INK};stroke-width:2}`,
    `${s} [tabindex]:focus,${s} .pb-link:focus{outline:none}`,
    `${s} .pb-link:focus-visible{outline:2px solid ${INK};outline-offset:1px}`,
    `${s} [tabindex]:focus-visible{outline:2px solid ${INK};outline-offset:2px}`,
    `@media (prefers-reduced-motion:no-preference){${s} .pb-series{transition:opacity .15s}}`,
  ].join("\n");
}

export interface PatternSpec {
  /** Unique within the chart; the element id becomes `${chartId}-${ref}`. */
  ref: string;
  background: string;
  pattern: SegmentPattern;
  ink: string;
}

export function patternUrl(chartId: string, ref: string): string {
  return `url(#${chartId}-${ref})`;
}

const TILE = 6;

export function PatternDefs({ id, patterns }: { id: string; patterns: readonly PatternSpec[] }) {
  if (patterns.length === 0) return null;
  return (
    <defs>
      {patterns.map((p) => (
        <pattern key={p.ref} id={`${id}-${p.ref}`} patternUnits="userSpaceOnUse" width={TILE} height={TILE}>
          <rect width={TILE} height={TILE} fill={p.background} />
          {p.pattern === "diagonal" ? (
            <path d="M0,6L6,0M-1,1L1,-1M5,7L7,5" stroke={p.ink} strokeWidth={1.2} />
          ) : p.pattern === "dots" ? (
            <circle cx={3} cy={3} r={1.2} fill={p.ink} />
          ) : p.pattern === "cross" ? (
            <path d="M0,3H6M3,0V6" stroke={p.ink} strokeWidth={0.8} />
          ) : null}
        </pattern>
      ))}
    </defs>
  );
}
