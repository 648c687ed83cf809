/**
 * "Cần chú ý" / "Needs attention" (targets-and-actions.md, decision 018): the units below target on two or
 * more indicators, down three or more places on the composite, or with overdue dossiers, most severe first,
 * each on one line that links to the unit's page for the period and says every reason. The rules and the
 * order are app/domain/attention.ts's; this component only words them. A long list shows its first
 * `SHOWN` lines and keeps the rest one click away in a <details>, which needs no JavaScript.
 */
import { ATTENTION_RULES, type AttentionLine } from "~/domain/attention";
import { t, type Lang } from "~/i18n/translate";
import { useLang } from "~/i18n/use-lang";
import { formatCount, formatNumber, periodInSentence, shortLabel } from "~/i18n/format";
import { unitHref } from "~/components/unit-link";

/** Lines shown before "show more": every unit of a district, the worst of a province. */
export const SHOWN = 20;

export interface AttentionProps {
  lines: readonly AttentionLine[];
  period: string;
  previousPeriod: string;
  /** The year has targets: "below target" is one of the criteria. */
  hasTargets: boolean;
  /** A fall could be stated (the two periods ranked the same units). */
  movement: boolean;
  /** Why not, when `movement` is false. */
  noMovement: "cluster" | "previous" | "fields";
}

/** "a, b hoặc c" / "a, b or c". */
function orList(lang: Lang, parts: readonly string[]): string {
  if (parts.length < 2) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} ${t(lang, "overview.attention.or")} ${parts.at(-1) ?? ""}`;
}

function criteria(lang: Lang, p: Pick<AttentionProps, "hasTargets" | "movement" | "previousPeriod">): string {
  const previous = periodInSentence(lang, p.previousPeriod);
  return orList(lang, [
    ...(p.hasTargets ? [t(lang, "overview.attention.criterion.below", { n: ATTENTION_RULES.belowTargets })] : []),
    ...(p.movement ? [t(lang, "overview.attention.criterion.fall", { n: ATTENTION_RULES.fall, previous })] : []),
    t(lang, "overview.attention.criterion.overdue"),
  ]);
}

/** How the list is ordered, naming only the criteria the period has (no targets: no word of them). */
function order(lang: Lang, p: Pick<AttentionProps, "hasTargets" | "movement">): string {
  if (!p.hasTargets && !p.movement) return t(lang, "overview.attention.orderOne");
  const parts = [...(p.hasTargets ? ["below"] : []), ...(p.movement ? ["fall"] : []), "overdue"].map((k) => t(lang, `overview.attention.order.${k}`));
  return t(lang, "overview.attention.order", { parts: parts.join(", ") });
}

/** An indicator's short label inside a sentence: "số hóa", "paid online". */
function inSentence(lang: Lang, indicator: string): string {
  const label = shortLabel(lang, indicator);
  return label.charAt(0).toLocaleLowerCase(lang) + label.slice(1);
}

/** An estimated count is shown to the whole dossier, as the unit page shows it; below one, to a tenth. */
function overdueText(lang: Lang, line: AttentionLine): string {
  const n = line.overdue ?? 0;
  if (line.overdueEstimated) {
    const shown = Math.round(n) >= 1 ? formatCount(lang, Math.round(n)) : formatNumber(lang, n, 1);
    return `≈${t(lang, "overview.attention.overdue", { n: shown })} (${t(lang, "overview.attention.estimated")})`;
  }
  return n === 1 ? t(lang, "overview.attention.overdueOne") : t(lang, "overview.attention.overdue", { n: formatCount(lang, n) });
}

/** One reason, and what it is about ("số hóa, trực tuyến"; "3/20 → 7/20"), which the printout leaves out. */
export interface Reason {
  text: string;
  detail: string | null;
}

/** Every reason of one line, in the order of the criteria. */
export function reasons(lang: Lang, line: AttentionLine): Reason[] {
  const list: Reason[] = [];
  if (line.belowTarget.length > 0) {
    list.push({ text: t(lang, "overview.attention.below", { n: line.belowTarget.length }), detail: line.belowTarget.map((id) => inSentence(lang, id)).join(", ") });
  }
  if (line.fall !== null && line.rank !== null) {
    const { from, to, ranked } = line.rank;
    list.push({ text: t(lang, "overview.attention.fall", { n: line.fall }), detail: `${from}/${ranked} → ${to}/${ranked}` });
  }
  if (line.overdue !== null) list.push({ text: overdueText(lang, line), detail: null });
  return list;
}

/** A line as a sentence: "dưới mục tiêu 2 chỉ tiêu (số hóa, quá hạn); 3 hồ sơ quá hạn". */
export function reasonsText(lang: Lang, line: AttentionLine): string {
  return reasons(lang, line)
    .map((r) => (r.detail === null ? r.text : `${r.text} (${r.detail})`))
    .join("; ");
}

function Lines({ lines, period, start = 1 }: { lines: readonly AttentionLine[]; period: string; start?: number }) {
  const lang = useLang();
  return (
    <ol className="ov-attention-list" start={start}>
      {lines.map((line) => (
        <li key={line.code}>
          <a href={unitHref(line.code, period)}>{line.name}</a>:{" "}
          {reasons(lang, line).map((r, i) => (
            <span key={r.text}>
              {i > 0 ? "; " : null}
              {r.text}
              {r.detail === null ? null : <span className="ov-attention-detail"> ({r.detail})</span>}
            </span>
          ))}
        </li>
      ))}
    </ol>
  );
}

export function NeedsAttention(props: AttentionProps) {
  const lang = useLang();
  const { lines, period } = props;
  const previous = periodInSentence(lang, props.previousPeriod);
  const noMovement = props.movement ? null : <p className="muted ov-attention-note">{t(lang, `overview.attention.noMovement.${props.noMovement}`, { previous })}</p>;
  // One line, whose criteria leave out a fall where none could be stated.
  if (lines.length === 0) return <p className="ov-attention-none">{t(lang, "overview.attention.none", { criteria: criteria(lang, props) })}</p>;
  return (
    <>
      <p className="muted ov-attention-note">
        {t(lang, "overview.attention.intro", { criteria: criteria(lang, props) })} <span className="ov-attention-order">{order(lang, props)}</span>
      </p>
      {noMovement}
      <Lines lines={lines.slice(0, SHOWN)} period={period} />
      {lines.length > SHOWN ? (
        <details className="ov-attention-more">
          <summary>{t(lang, "overview.attention.more", { n: lines.length - SHOWN })}</summary>
          <Lines lines={lines.slice(SHOWN)} period={period} start={SHOWN + 1} />
        </details>
      ) : null}
    </>
  );
}
