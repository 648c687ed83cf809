/**
 * Colours for all charts. Every colour here is chosen to survive colour-vision deficiency and greyscale
 * printing; colour is never the only carrier: ranks are printed in cells, series differ by dash and
 * marker, quarters by pattern and lightness.
 */
import { interpolateBlues, rgb } from "d3";

/** Text and axis ink. MUTED keeps 7:1 contrast on white. */
export const INK = "#1a1a1a";
export const MUTED = "#595959";
export const GRID = "#e0e0e0";
export const PAPER = "#ffffff";

/** Plain bars (one hue, 6:1 on white) and the highlighted unit (darker, and bold text besides). */
export const BAR_FILL = "#1864aa";
export const BAR_HIGHLIGHT = "#08306b";
export const ROW_HIGHLIGHT = "#deebf7";

/**
 * A target drawn across bars (the leaderboard's target line): dark orange, 6:1 on white and a hue apart
 * from the blue bars; in greyscale print it is a thin line the bars cover, never a bar's edge.
 */
export const TARGET_INK = "#a04a00";

/** Missing data: a light hatch, so "no value" never looks like a light (bad) rank. */
export const MISSING_BACKGROUND = "#fafafa";
export const MISSING_HATCH = "#a6a6a6";

/**
 * Single-hue sequential ramp for value classes: the units holding one value form one class, classes are
 * numbered best first (1 = the best value), and the best class is the darkest. A tie is one colour placed
 * by how many better values there are, not by its competition rank: 18 units tied at zero initiatives
 * below two that sent some are the lightest class, not the blue of "3rd of 20". When every unit holds the
 * same value the indicator separates no one, and all get the middle of the ramp.
 *
 * Blues keeps lightness monotonic (so grey print preserves the order) and blue is seen by all common
 * colour-vision deficiencies. The ends are trimmed so the best cell is not black and the worst is still
 * distinguishable from the white page.
 */
export function classColor(index: number, classes: number): string {
  const t = classes <= 1 ? 0.5 : Math.min(1, Math.max(0, (index - 1) / (classes - 1)));
  return rgb(interpolateBlues(0.95 - t * 0.8)).formatHex();
}

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(color: string): number {
  const c = rgb(color);
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** WCAG contrast ratio between two colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * White or dark text, whichever reads better on `background`. For any colour, white or pure black
 * reaches at least 4.58:1 (the two meet at luminance ≈ 0.18), so falling back to black where the softer
 * ink would not reach 4.5:1 guarantees WCAG AA for every cell of the ramp.
 */
export function textColorOn(background: string): string {
  if (contrastRatio(PAPER, background) >= contrastRatio("#000000", background)) return PAPER;
  return contrastRatio(INK, background) >= 4.5 ? INK : "#000000";
}

export type SegmentPattern = "solid" | "diagonal" | "dots" | "cross";

export interface SegmentFill {
  background: string;
  pattern: SegmentPattern;
  /** Colour of the stripes or dots, chosen to contrast with the background. */
  ink: string;
}

const SEGMENT_PATTERNS: readonly SegmentPattern[] = ["solid", "diagonal", "dots", "cross"];

/**
 * Fills for stacked segments (quarters): lightness steps of the same blue plus a pattern per step, so
 * neighbours differ in both, in colour and in grey. Up to 8 segments stay distinguishable.
 */
export function segmentFill(index: number, count: number): SegmentFill {
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new Error(`bad segment index: ${index}`);
  const t = count <= 1 ? 0 : index / (count - 1);
  const background = rgb(interpolateBlues(0.9 - t * 0.7)).formatHex();
  const pattern = SEGMENT_PATTERNS[index % SEGMENT_PATTERNS.length] ?? "solid";
  return { background, pattern, ink: textColorOn(background) };
}
