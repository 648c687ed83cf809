/**
 * A gap sentence on a page: the unit to pass becomes a link to its own page for the same period.
 */
import type { GapSentence } from "~/domain/gap-sentence";

export function unitHref(code: string, period: string | null, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (period) params.set("period", period);
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const search = params.toString();
  return `/units/${code}${search ? `?${search}` : ""}`;
}

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
