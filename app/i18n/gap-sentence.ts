/**
 * The gap to the next rank in plain words (spec §4), as a commune leader would say it:
 * "Thêm 12 hồ sơ được số hóa sẽ vượt Xã Hồng Phúc" / "12 more dossiers digitised would pass Xã Hồng Phúc".
 * The sentence comes back in parts so that a page can make the unit to pass a link; `text` joins them.
 */
import type { Gap, PassTarget, ScoreGap } from "~/domain/gap";
import { COMPOSITE_ID, getIndicator } from "~/domain/indicators";
import { formatCount, formatPoints } from "./format";
import { t, type Lang } from "./translate";
import { unitMessages } from "./unit-messages";

export interface GapSentenceInput {
  /** A registry indicator id or the composite's. */
  indicator: string;
  rank: number | null;
  /** Other units sharing the rank (mentioned when the unit is first). */
  tiedWith?: number;
  /** An indicator's gap, from the rankings. */
  gap?: Gap | null;
  /** The composite's gap in points. */
  scoreGap?: ScoreGap | null;
}

export type SentencePart = { type: "text"; text: string } | { type: "unit"; code: string; name: string };

export type GapStatus = "first" | "reachable" | "unreachable" | "behind" | "unranked" | "none";

export interface GapSentence {
  status: GapStatus;
  parts: SentencePart[];
  text: string;
}

/** English says "1 dossier" but "2 dossiers"; Vietnamese has one form, under the same keys. */
function countKey(base: string, n: number): string {
  return `${base}.${n === 1 ? "one" : "other"}`;
}

function hasKey(lang: Lang, key: string): boolean {
  return key in unitMessages[lang];
}

/** Fills a template whose `{unit}` becomes the unit to pass (and "and N others at the same rank"). */
export function fill(template: string, target: SentencePart[]): SentencePart[] {
  const pieces = template.split("{unit}");
  const parts: SentencePart[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0) parts.push(...target);
    if (piece !== "") parts.push({ type: "text", text: piece });
  });
  return parts;
}

/** The unit to pass as a part a page links, and the others sharing its value. */
export function passTarget(lang: Lang, pass: PassTarget): SentencePart[] {
  const parts: SentencePart[] = [{ type: "unit", code: pass.pass_code, name: pass.pass_name }];
  const others = pass.pass_tied - 1;
  if (others > 0) parts.push({ type: "text", text: t(lang, countKey("unit.gap.tied", others), { k: formatCount(lang, others) }) });
  return parts;
}

function sentence(status: GapStatus, parts: SentencePart[]): GapSentence {
  return { status, parts, text: parts.map((p) => (p.type === "text" ? p.text : p.name)).join("") };
}

function plain(status: GapStatus, text: string): GapSentence {
  return sentence(status, [{ type: "text", text }]);
}

/** What n of an indicator's numerator are called: the registry's noun is plural ("dossiers digitised"); English needs the singular for one. */
export function countNoun(lang: Lang, indicator: string, n: number): string {
  const singular = `unit.gap.noun.one.${indicator}`;
  return n === 1 && hasKey(lang, singular) ? t(lang, singular) : getIndicator(indicator).numeratorNoun[lang];
}

export function gapSentence(lang: Lang, input: GapSentenceInput): GapSentence {
  if (input.rank === null) return plain("unranked", t(lang, "unit.gap.unranked"));
  if (input.rank === 1) {
    const others = input.tiedWith ?? 0;
    return plain("first", others > 0 ? t(lang, countKey("unit.gap.firstTied", others), { k: formatCount(lang, others) }) : t(lang, "unit.gap.first"));
  }
  if (input.indicator === COMPOSITE_ID) {
    const g = input.scoreGap;
    if (!g) return plain("none", t(lang, "unit.gap.none"));
    return sentence("behind", fill(t(lang, "unit.gap.behind", { points: formatPoints(lang, g.points) }), passTarget(lang, g)));
  }
  const g = input.gap;
  if (!g) return plain("none", t(lang, "unit.gap.none"));
  const indicator = getIndicator(input.indicator);
  if (g.reachable) {
    const noun = countNoun(lang, indicator.id, g.change);
    const key = indicator.direction === "higher" ? "unit.gap.more" : "unit.gap.fewer";
    return sentence("reachable", fill(t(lang, key, { n: formatCount(lang, g.change), noun }), passTarget(lang, g)));
  }
  const specific = `unit.gap.unreachable.${indicator.id}`;
  return sentence("unreachable", fill(t(lang, hasKey(lang, specific) ? specific : "unit.gap.unreachable"), passTarget(lang, g)));
}
