/**
 * A gap sentence on a page: the unit to pass becomes a link to its own page for the same period.
 */
import { unitHref } from "~/components/unit-link";
import type { GapSentence, SentencePart } from "~/i18n/gap-sentence";

export function GapSentenceText({ sentence, period }: { sentence: GapSentence; period: string | null }) {
  return <SentenceParts parts={sentence.parts} period={period} className={`unit-gap unit-gap-${sentence.status}`} />;
}

/** A sentence's parts, the units in it as links to their pages for the period. */
export function SentenceParts({ parts, period, className }: { parts: readonly SentencePart[]; period: string | null; className?: string }) {
  return (
    <span className={className}>
      {parts.map((part, i) =>
        part.type === "text" ? (
          <span key={i}>{part.text}</span>
        ) : (
          <a key={i} href={unitHref(part.code, period)}>
            {part.name}
          </a>
        ),
      )}
    </span>
  );
}
