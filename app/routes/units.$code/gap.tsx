/**
 * A gap sentence on a page: the unit to pass becomes a link to its own page for the same period.
 */
import { unitHref } from "~/components/unit-link";
import type { GapSentence } from "~/i18n/gap-sentence";

export function GapSentenceText({ sentence, period }: { sentence: GapSentence; period: string | null }) {
  return (
    <span className={`unit-gap unit-gap-${sentence.status}`}>
      {sentence.parts.map((part, i) =>
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
