import { describe, expect, it } from "vitest";
import { rankingsCsv, type ExportRow } from "~/domain/rankings-csv";

const row: ExportRow = {
  period: "2023",
  commune_code: "11155",
  commune_name: "=HYPERLINK(\"http://evil.example\",\"Xã A\")",
  indicator: "digitization_rate",
  numerator: 50,
  denominator: 100,
  value: 0.5,
  rank: 2,
  ranked: 20,
  previous_rank: 3,
  incomplete: false,
  gap: { reachable: true, change: 12, pass_code: "11230", pass_name: "@Xã Hồng Phúc", pass_tied: 1 },
};

describe("rankingsCsv", () => {
  it("neutralises a unit name that starts with = and a pass name that starts with @", () => {
    const lines = rankingsCsv([row], { name: "default", hash: "abc" }).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[1]).toBe(`2023,11155,"'=HYPERLINK(""http://evil.example"",""Xã A"")",digitization_rate,50,100,0.5,2,20,3,12,true,11230,"'@Xã Hồng Phúc",false,`);
  });
  it("quotes a name holding ; so that an Excel set to Vietnamese, which splits on ;, keeps it one cell", () => {
    const lines = rankingsCsv([{ ...row, commune_name: "x;=cmd|'/C calc'!A0;", gap: null }], { name: "default", hash: "abc" }).split("\r\n");
    expect(lines[1]).toBe(`2023,11155,"x;=cmd|'/C calc'!A0;",digitization_rate,50,100,0.5,2,20,3,,,,,false,`);
  });
  it("writes the scoring version on composite rows and empty cells for missing values", () => {
    const composite: ExportRow = { ...row, commune_name: "Xã B", indicator: "composite_score", numerator: null, denominator: null, value: null, rank: null, previous_rank: null, gap: null };
    const lines = rankingsCsv([composite], { name: "default-766", hash: "ae38c58f0406" }).split("\r\n");
    expect(lines[1]).toBe("2023,11155,Xã B,composite_score,,,,,20,,,,,,false,default-766@ae38c58f0406");
  });
});
