import { describe, expect, it } from "vitest";
import { gapSentence, type GapSentenceInput } from "~/i18n/gap-sentence";

const HONG_PHUC = { pass_code: "11230", pass_name: "Xã Hồng Phúc" };

function text(lang: "vi" | "en", input: GapSentenceInput): string {
  return gapSentence(lang, input).text;
}

describe("gap sentence: higher is better", () => {
  const input: GapSentenceInput = {
    indicator: "digitization_rate",
    rank: 4,
    gap: { reachable: true, change: 12, ...HONG_PHUC, pass_tied: 1 },
  };

  it("says how many more of the numerator would pass the unit above, in both languages", () => {
    expect(text("vi", input)).toBe("Thêm 12 hồ sơ được số hóa sẽ vượt Xã Hồng Phúc");
    expect(text("en", input)).toBe("12 more dossiers digitised would pass Xã Hồng Phúc");
  });

  it("returns the unit to pass as its own part, so that a page can link it", () => {
    const s = gapSentence("vi", input);
    expect(s.status).toBe("reachable");
    expect(s.parts).toEqual([
      { type: "text", text: "Thêm 12 hồ sơ được số hóa sẽ vượt " },
      { type: "unit", code: "11230", name: "Xã Hồng Phúc" },
    ]);
  });

  it("writes large numbers with the reader's thousands separator", () => {
    const big = { ...input, gap: { reachable: true as const, change: 1234, ...HONG_PHUC, pass_tied: 1 } };
    expect(text("vi", big)).toBe("Thêm 1.234 hồ sơ được số hóa sẽ vượt Xã Hồng Phúc");
    expect(text("en", big)).toBe("1,234 more dossiers digitised would pass Xã Hồng Phúc");
  });

  it("uses the singular for one in English", () => {
    const one = { ...input, gap: { reachable: true as const, change: 1, ...HONG_PHUC, pass_tied: 1 } };
    expect(text("en", one)).toBe("1 more dossier digitised would pass Xã Hồng Phúc");
    expect(text("vi", one)).toBe("Thêm 1 hồ sơ được số hóa sẽ vượt Xã Hồng Phúc");
  });
});

describe("gap sentence: lower is better", () => {
  it("says how many fewer overdue dossiers would pass", () => {
    const input: GapSentenceInput = {
      indicator: "overdue_dossiers",
      rank: 6,
      gap: { reachable: true, change: 3, pass_code: "11164", pass_name: "Xã Nghĩa An", pass_tied: 1 },
    };
    expect(text("vi", input)).toBe("Giảm 3 hồ sơ quá hạn sẽ vượt Xã Nghĩa An");
    expect(text("en", input)).toBe("3 fewer overdue dossiers would pass Xã Nghĩa An");
  });

  it("says that even zero overdue dossiers would only draw level", () => {
    const input: GapSentenceInput = {
      indicator: "overdue_dossiers",
      rank: 3,
      gap: { reachable: false, pass_code: "11155", pass_name: "Thị trấn Ninh Giang", pass_tied: 1 },
    };
    expect(text("vi", input)).toBe("Dù không còn hồ sơ quá hạn nào cũng chỉ ngang bằng, chưa vượt được Thị trấn Ninh Giang");
    expect(text("en", input)).toBe("Even with no overdue dossiers at all it would only draw level with Thị trấn Ninh Giang, not pass");
    expect(gapSentence("vi", input).status).toBe("unreachable");
  });
});

describe("gap sentence: not reachable with this period's volume", () => {
  it("words it per indicator", () => {
    const gap = { reachable: false as const, pass_code: "11161", pass_name: "Xã Ứng Hoè", pass_tied: 1 };
    expect(text("vi", { indicator: "digitization_rate", rank: 2, gap })).toBe(
      "Dù số hóa toàn bộ hồ sơ của kỳ này cũng chưa vượt được Xã Ứng Hoè",
    );
    expect(text("en", { indicator: "digitization_rate", rank: 2, gap })).toBe(
      "Even digitising every dossier of this period would not pass Xã Ứng Hoè",
    );
    expect(text("vi", { indicator: "satisfaction_rate", rank: 2, gap })).toBe(
      "Dù toàn bộ lượt đánh giá của kỳ này đều hài lòng cũng chưa vượt được Xã Ứng Hoè",
    );
    expect(text("en", { indicator: "online_rate", rank: 2, gap })).toBe(
      "Even receiving every dossier of this period online would not pass Xã Ứng Hoè",
    );
  });

  it("falls back to a general sentence for an indicator without its own wording", () => {
    const gap = { reachable: false as const, pass_code: "11161", pass_name: "Xã Ứng Hoè", pass_tied: 1 };
    expect(text("vi", { indicator: "contest_entries", rank: 2, gap })).toBe("Với số lượng hồ sơ của kỳ này, chưa thể vượt Xã Ứng Hoè");
    expect(text("en", { indicator: "contest_entries", rank: 2, gap })).toBe(
      "Not reachable with this period's volume: even the most it could report would not pass Xã Ứng Hoè",
    );
  });
});

describe("gap sentence: ties", () => {
  it("mentions the other units sharing the value to pass", () => {
    const one: GapSentenceInput = {
      indicator: "online_rate",
      rank: 5,
      gap: { reachable: true, change: 7, pass_code: "11164", pass_name: "Xã Nghĩa An", pass_tied: 2 },
    };
    expect(text("vi", one)).toBe("Thêm 7 hồ sơ trực tuyến sẽ vượt Xã Nghĩa An và 1 đơn vị cùng hạng");
    expect(text("en", one)).toBe("7 more online dossiers would pass Xã Nghĩa An and 1 other unit at the same rank");
    const three = { ...one, gap: { ...one.gap!, pass_tied: 4 } };
    expect(text("vi", three)).toBe("Thêm 7 hồ sơ trực tuyến sẽ vượt Xã Nghĩa An và 3 đơn vị cùng hạng");
    expect(text("en", three)).toBe("7 more online dossiers would pass Xã Nghĩa An and 3 other units at the same rank");
  });

  it("keeps the tie after the unit in an unreachable sentence", () => {
    const input: GapSentenceInput = {
      indicator: "on_time_rate",
      rank: 7,
      gap: { reachable: false, pass_code: "11155", pass_name: "Thị trấn Ninh Giang", pass_tied: 6 },
    };
    expect(text("vi", input)).toBe(
      "Dù toàn bộ hồ sơ đã giải quyết của kỳ này đều đúng hạn cũng chưa vượt được Thị trấn Ninh Giang và 5 đơn vị cùng hạng",
    );
    const parts = gapSentence("vi", input).parts;
    expect(parts[1]).toEqual({ type: "unit", code: "11155", name: "Thị trấn Ninh Giang" });
    expect(parts[2]).toEqual({ type: "text", text: " và 5 đơn vị cùng hạng" });
  });
});

describe("gap sentence: first, composite, unranked", () => {
  it("says first, and with whom it shares first place", () => {
    expect(text("vi", { indicator: "digitization_rate", rank: 1, gap: null })).toBe("Đang đứng đầu");
    expect(text("en", { indicator: "digitization_rate", rank: 1, gap: null })).toBe("Ranked first");
    expect(text("vi", { indicator: "on_time_rate", rank: 1, tiedWith: 5, gap: null })).toBe("Đang đứng đầu, đồng hạng với 5 đơn vị khác");
    expect(text("en", { indicator: "on_time_rate", rank: 1, tiedWith: 1, gap: null })).toBe("Ranked first, tied with 1 other unit");
    expect(text("en", { indicator: "on_time_rate", rank: 1, tiedWith: 2, gap: null })).toBe("Ranked first, tied with 2 other units");
    expect(gapSentence("vi", { indicator: "composite_score", rank: 1 }).status).toBe("first");
  });

  it("tells the composite's gap in points", () => {
    const scoreGap = { points: 2.345, pass_code: "11230", pass_name: "Xã Hồng Phúc", pass_tied: 1 };
    expect(text("vi", { indicator: "composite_score", rank: 3, scoreGap })).toBe("Kém 2,3 điểm so với Xã Hồng Phúc");
    expect(text("en", { indicator: "composite_score", rank: 3, scoreGap })).toBe("2.3 points behind Xã Hồng Phúc");
    // A tiny distance is never written as "0,0".
    expect(text("vi", { indicator: "composite_score", rank: 3, scoreGap: { ...scoreGap, points: 0.004 } })).toBe(
      "Kém 0,01 điểm so với Xã Hồng Phúc",
    );
  });

  it("says not ranked when there is no value", () => {
    expect(text("vi", { indicator: "online_payment_rate", rank: null, gap: null })).toBe("Không xếp hạng (không có số liệu)");
    expect(text("en", { indicator: "online_payment_rate", rank: null, gap: null })).toBe("Not ranked (no value)");
    expect(gapSentence("en", { indicator: "online_payment_rate", rank: null }).status).toBe("unranked");
  });

  it("throws for an indicator that is not in the registry", () => {
    expect(() => gapSentence("vi", { indicator: "speed", rank: 2, gap: { reachable: false, ...HONG_PHUC, pass_tied: 1 } })).toThrow(
      "unknown indicator: speed",
    );
  });
});
