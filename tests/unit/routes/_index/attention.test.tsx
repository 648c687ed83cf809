/**
 * The words of "needs attention" (app/routes/_index/attention.tsx): every reason of a unit on its one line,
 * in both languages, an estimate marked, the criteria said as the period allows.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { AttentionLine } from "~/domain/attention";
import type { Lang } from "~/i18n/translate";
import { NeedsAttention, SHOWN, reasonsText, type AttentionProps } from "~/routes/_index/attention";

// The page's language comes from the root loader; here each render says its own.
const reader = vi.hoisted(() => ({ lang: "vi" as Lang }));
vi.mock("~/i18n/use-lang", () => ({ useLang: () => reader.lang }));

const line: AttentionLine = {
  code: "11167",
  name: "Xã Hồng Đức",
  belowTarget: ["digitization_rate", "online_rate", "satisfaction_rate"],
  fall: 4,
  rank: { from: 3, to: 7, ranked: 20 },
  overdue: 2,
  overdueEstimated: false,
};

describe("reasonsText", () => {
  it("says every reason on one line, Vietnamese first", () => {
    expect(reasonsText("vi", line)).toBe("dưới mục tiêu 3 chỉ tiêu (số hóa, trực tuyến, hài lòng); tụt 4 bậc (3/20 → 7/20); 2 hồ sơ quá hạn");
    expect(reasonsText("en", line)).toBe("below target on 3 indicators (digitised, online, satisfied); down 4 places (3/20 → 7/20); 2 overdue dossiers");
  });
  it("says one overdue dossier in the singular, and marks an estimate", () => {
    const one: AttentionLine = { ...line, belowTarget: [], fall: null, rank: null, overdue: 1 };
    expect(reasonsText("en", one)).toBe("1 overdue dossier");
    expect(reasonsText("vi", one)).toBe("1 hồ sơ quá hạn");
    expect(reasonsText("vi", { ...one, overdue: 6.6, overdueEstimated: true })).toBe("≈7 hồ sơ quá hạn (ước tính)");
    expect(reasonsText("en", { ...one, overdue: 0.4, overdueEstimated: true })).toBe("≈0.4 overdue dossiers (estimated)");
  });
});

function markup(props: Partial<AttentionProps>, lang: Lang = "vi"): string {
  reader.lang = lang;
  const all: AttentionProps = { lines: [line], period: "2024-Q4", previousPeriod: "2024-Q3", hasTargets: true, movement: true, noMovement: "fields", ...props };
  return renderToStaticMarkup(<NeedsAttention {...all} />);
}

/** The text a reader sees. */
function render(props: Partial<AttentionProps>, lang: Lang = "vi"): string {
  return markup(props, lang).replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "");
}

describe("NeedsAttention", () => {
  it("links each unit to its page for the period and states the criteria", () => {
    expect(markup({})).toContain('<a href="/units/11167?period=2024-Q4">Xã Hồng Đức</a>');
    expect(render({})).toContain("Đơn vị dưới mục tiêu từ 2 chỉ tiêu trở lên, tụt từ 3 bậc trở lên về điểm tổng hợp so với quý 3/2024 hoặc có hồ sơ quá hạn.");
  });

  it("says in one line that no unit needs attention, leaving out what the period cannot say", () => {
    expect(render({ lines: [] })).toBe(
      "Không có đơn vị nào cần chú ý (dưới mục tiêu từ 2 chỉ tiêu trở lên, tụt từ 3 bậc trở lên về điểm tổng hợp so với quý 3/2024 hoặc có hồ sơ quá hạn).",
    );
    // No targets for the year, and a merger before the period: only overdue dossiers are a criterion.
    expect(render({ lines: [], hasTargets: false, movement: false }, "en")).toBe("No unit needs attention (with overdue dossiers).");
  });

  it("says why falls are not considered: other units, no previous data, a cluster's page", () => {
    expect(render({ movement: false, previousPeriod: "2025-Q2" })).toContain("Kỳ này và quý 2/2025 không xếp hạng cùng các đơn vị nên không xét tụt hạng.");
    expect(render({ movement: false, noMovement: "previous" }, "en")).toContain("No data for Q3 2024 to compare with, so falls are not considered.");
    expect(render({ movement: false, noMovement: "cluster" })).toContain("Trang của một cụm không xét tụt hạng");
    expect(render({ movement: false })).not.toContain("tụt từ 3 bậc");
  });

  it("keeps the lines after the first ones in a <details>, numbered on", () => {
    const many = Array.from({ length: SHOWN + 3 }, (_, i): AttentionLine => ({ ...line, code: String(10000 + i), name: `Xã ${i + 1}` }));
    const html = markup({ lines: many });
    expect(html.match(/<li>/g)).toHaveLength(SHOWN + 3);
    expect(html).toContain(`<ol class="ov-attention-list" start="${SHOWN + 1}">`);
    expect(html).toContain("<summary>Xem thêm 3 đơn vị cần chú ý</summary>");
  });
});
