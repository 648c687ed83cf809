/**
 * The three units that gained and the three that lost the most places on the composite since the previous
 * period. The order (movement, then unit code) is decided in app/domain/overview.ts.
 */
import type { Mover } from "~/domain/ranks";
import { t } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { unitHref } from "~/components/unit-link";
import { periodInSentence } from "~/i18n/format";
import { RankBadge } from "~/components/rank-badge";

export interface MoversProps {
  risers: readonly Mover[];
  fallers: readonly Mover[];
  /** The composite's field this period (the "20" of "7/20"). */
  field: number;
  period: string;
  previousPeriod: string;
  hasPrevious: boolean;
  /**
   * Both periods' fields when they ranked different units on the composite: then nobody "moved". `before`
   * is null when none of this period's units was ranked then (the units were reorganised).
   */
  fields: { before: number | null; now: number } | null;
}

function MoverList({ movers, field, period, emptyKey }: { movers: readonly Mover[]; field: number; period: string; emptyKey: string }) {
  const lang = useLang();
  if (movers.length === 0) return <p className="muted">{t(lang, emptyKey)}</p>;
  return (
    <ol className="ov-movers-list">
      {movers.map((m) => (
        <li key={m.code}>
          <a href={unitHref(m.code, period)}>{m.name}</a>{" "}
          <RankBadge rank={m.rank} ranked={field} previous={m.previous} />{" "}
          <span className="muted ov-movers-from">
            {t(lang, m.movement > 0 ? "overview.movers.change" : "overview.movers.changeDown", { from: m.previous.rank, to: m.rank })}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function Movers({ risers, fallers, field, period, previousPeriod, hasPrevious, fields }: MoversProps) {
  const lang = useLang();
  const previous = periodInSentence(lang, previousPeriod);
  if (!hasPrevious) return <p className="muted">{t(lang, "overview.movers.noPrevious", { previous })}</p>;
  if (fields?.before === null) return <p className="muted">{t(lang, "overview.movers.newUnits", { previous, now: fields.now })}</p>;
  if (fields) return <p className="muted">{t(lang, "overview.movers.otherUnits", { previous, before: fields.before, now: fields.now })}</p>;
  return (
    <>
      <p className="muted">{t(lang, "overview.movers.intro", { previous })}</p>
      <div className="ov-movers">
        <div>
          <h3 id="ov-risers">{t(lang, "overview.movers.risers")}</h3>
          <MoverList movers={risers} field={field} period={period} emptyKey="overview.movers.noRisers" />
        </div>
        <div>
          <h3 id="ov-fallers">{t(lang, "overview.movers.fallers")}</h3>
          <MoverList movers={fallers} field={field} period={period} emptyKey="overview.movers.noFallers" />
        </div>
      </div>
    </>
  );
}
