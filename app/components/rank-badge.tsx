/**
 * A rank as leaders say it: "4/20", with the change against the previous period: ▲2 up, ▼1 down, – same when
 * both periods ranked the same units; "17/20 → 5/6" when they did not (a merger, a unit that did not report),
 * since places among different units are not a movement. The words for screen readers come from the
 * dictionary; the arrows are decoration.
 */
import { rankChange, type PreviousStanding } from "~/domain/ranks";
import type { Correction } from "~/domain/publication";
import { NO_VALUE, formatDate } from "~/i18n/format";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";

export interface RankBadgeProps {
  rank: number | null;
  ranked: number;
  previous?: PreviousStanding | null;
  /** A later version of the publication changed this rank: said after the badge. */
  correction?: Correction | null;
}

export function RankBadge({ correction, ...props }: RankBadgeProps) {
  const lang = useLang();
  if (!correction) return <Badge {...props} />;
  return (
    <>
      <Badge {...props} />{" "}
      <span className="rank-corrected">
        {t(lang, "rank.corrected", { date: formatDate(lang, correction.on), was: `${correction.was.rank}/${correction.was.ranked}` })}
      </span>
    </>
  );
}

function Badge({ rank, ranked, previous }: Omit<RankBadgeProps, "correction">) {
  const lang = useLang();
  if (rank === null) {
    return <span className="rank-badge rank-none" title={t(lang, "rank.notRanked")}>{NO_VALUE}</span>;
  }
  const change = rankChange(rank, previous);
  if (change?.kind === "fields") {
    const words = t(lang, "rank.fields", { from: `${change.from.rank}/${change.from.ranked}`, to: `${rank}/${ranked}` });
    return (
      <span className="rank-badge rank-fields" title={words}>
        <span aria-hidden="true">
          <span className="rank-was">
            {change.from.rank}/{change.from.ranked}
          </span>{" "}
          →{" "}
          <span className="rank-value">
            {rank}/{ranked}
          </span>
        </span>
        <span className="visually-hidden">{words}</span>
      </span>
    );
  }
  const move = change?.places ?? null;
  return (
    <span className="rank-badge">
      <span className="rank-value">
        {rank}/{ranked}
      </span>
      {move === null ? null : (
        <span
          className={`rank-move ${move > 0 ? "up" : move < 0 ? "down" : "same"}`}
          title={t(lang, move > 0 ? "rank.up" : move < 0 ? "rank.down" : "rank.same", { n: Math.abs(move) })}
        >
          <span aria-hidden="true">{move > 0 ? `▲${move}` : move < 0 ? `▼${-move}` : "–"}</span>
          <span className="visually-hidden">{t(lang, move > 0 ? "rank.up" : move < 0 ? "rank.down" : "rank.same", { n: Math.abs(move) })}</span>
        </span>
      )}
    </span>
  );
}
