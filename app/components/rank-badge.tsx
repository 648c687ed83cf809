/**
 * A rank as leaders say it: "4/20", with the movement against the previous period (▲2 up, ▼1 down, – same).
 * The words for screen readers come from the dictionary; the arrows are decoration.
 */
import { rankMovement } from "~/domain/ranks";
import { NO_VALUE } from "~/i18n/format";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";

export interface RankBadgeProps {
  rank: number | null;
  ranked: number;
  previousRank?: number | null;
}

export function RankBadge({ rank, ranked, previousRank }: RankBadgeProps) {
  const lang = useLang();
  if (rank === null) {
    return <span className="rank-badge rank-none" title={t(lang, "rank.notRanked")}>{NO_VALUE}</span>;
  }
  const move = rankMovement(rank, previousRank);
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
