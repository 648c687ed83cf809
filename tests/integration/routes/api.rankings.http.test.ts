import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startServer, type TestServer } from "../../helpers/http-server";

const rowSchema = z.object({
  commune_code: z.string(),
  commune_name: z.string(),
  indicator: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  rank: z.number().nullable(),
  ranked: z.number(),
  previous_rank: z.number().nullable(),
  gap: z.unknown(),
});
const reportSchema = z.object({ period: z.string(), units: z.number(), rows: z.array(rowSchema) });

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ seed: true });
});
afterAll(async () => {
  await server?.stop();
});

async function get(path: string) {
  return fetch(`${server.url}${path}`);
}

describe("GET /api/rankings on the sample district", () => {
  it("tells the town's 2023 story from summed counts", async () => {
    const res = await get("/api/rankings?period=2023");
    expect(res.status).toBe(200);
    const report = reportSchema.parse(await res.json());
    expect(report.period).toBe("2023");
    expect(report.units).toBe(20);
    const town = (indicator: string) => {
      const row = report.rows.find((r) => r.commune_code === "11155" && r.indicator === indicator);
      if (!row) throw new Error(`no ${indicator} row`);
      return row;
    };
    expect(town("digitization_rate").commune_name).toBe("Thị trấn Ninh Giang");
    expect([town("digitization_rate").rank, town("digitization_rate").ranked]).toEqual([1, 20]);
    expect([town("online_rate").rank, town("online_rate").ranked]).toEqual([4, 20]);
    expect([town("online_payment_rate").rank, town("online_payment_rate").ranked]).toEqual([2, 20]);
    expect(town("overdue_dossiers").value).toBe(0);
    expect(town("satisfaction_rate").value).toBe(1);
    expect(town("contest_entries").value).toBe(138);
    expect(town("contest_entries").rank).toBe(1);
    const entries = report.rows.filter((r) => r.indicator === "contest_entries");
    expect(entries.filter((r) => r.rank === 1).map((r) => r.commune_code)).toEqual(["11155"]);
    expect(town("initiatives").value).toBe(3);
    // One row per unit and indicator, the composite included.
    expect(report.rows).toHaveLength(20 * 9);
  });

  it("filters by indicator", async () => {
    const report = reportSchema.parse(await (await get("/api/rankings?period=2023-Q4&indicator=online_rate")).json());
    expect(report.rows).toHaveLength(20);
    expect(new Set(report.rows.map((r) => r.indicator))).toEqual(new Set(["online_rate"]));
  });

  it("answers 400 with a message for bad parameters, never 500", async () => {
    for (const query of ["", "?period=2023-Q5", "?period=abc", "?period=2023&indicator=nope", "?period=%E0%A4%A", "?period=2023&period=2024-Q1&indicator=", "?period=2023&as_of=2023-02-30"]) {
      const res = await get(`/api/rankings${query}`);
      expect(res.status, query).toBe(400);
      const body = z.object({ error: z.string().min(5) }).parse(await res.json());
      expect(body.error).not.toMatch(/stack|at .*\.ts/);
    }
  });

  it("answers 404 with a sentence for a period without data", async () => {
    const res = await get("/api/rankings?period=2031");
    expect(res.status).toBe(404);
    expect(z.object({ error: z.string() }).parse(await res.json()).error).toContain("2031");
  });
});

describe("GET /export/rankings.csv", () => {
  it("returns the rows as CSV with a byte-order mark and the Vietnamese names intact", async () => {
    const res = await get("/export/rankings.csv?period=2023");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^period,commune_code,commune_name,indicator,numerator,denominator,value,rank,ranked,previous_rank/);
    expect(lines).toHaveLength(1 + 20 * 9);
    expect(text).toContain("2023,11155,Thị trấn Ninh Giang,digitization_rate,");
  });
  it("ends every row with the API's target and target_met (data/targets.json: 2024 digitisation 0.8, online 0.65)", async () => {
    const text = new TextDecoder().decode(await (await get("/export/rankings.csv?period=2024-Q4")).arrayBuffer());
    const csv = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
    expect(csv.meta.fields?.slice(-3)).toEqual(["scoring", "target", "target_met"]);
    const cell = (code: string, indicator: string) => {
      const r = csv.data.find((x) => x.commune_code === code && x.indicator === indicator);
      if (!r) throw new Error(`no CSV row ${code} ${indicator}`);
      return [r.target, r.target_met];
    };
    // data/sample/2024-Q4.csv: Xã Ứng Hoè digitised 537 of 626 (85.8 %); Xã Hồng Dụ received 498 of 818 online
    // (60.9 %) and Xã Hồng Phúc 282 of 461 (61.2 %), the two below 65 %.
    expect(cell("11161", "digitization_rate")).toEqual(["0.8", "true"]);
    expect(cell("11215", "online_rate")).toEqual(["0.65", "false"]);
    expect(cell("11230", "online_rate")).toEqual(["0.65", "false"]);
    expect(csv.data.filter((r) => r.indicator === "online_rate" && r.target_met === "true")).toHaveLength(18);
    // Xã Hồng Đức had 2 overdue dossiers against a target of 0; no target for the composite or contest entries.
    expect(cell("11167", "overdue_dossiers")).toEqual(["0", "false"]);
    expect(cell("11167", "composite_score")).toEqual(["", ""]);
    expect(cell("11167", "contest_entries")).toEqual(["", ""]);
    // The same rows as the API, in the same order, with the same targets.
    const api = z
      .object({ rows: z.array(z.object({ commune_code: z.string(), indicator: z.string(), target: z.number().nullable(), target_met: z.boolean().nullable() })) })
      .parse(await (await get("/api/rankings?period=2024-Q4")).json());
    expect(csv.data.map((r) => [r.commune_code, r.indicator, r.target, r.target_met])).toEqual(
      api.rows.map((r) => [r.commune_code, r.indicator, r.target === null ? "" : String(r.target), r.target_met === null ? "" : String(r.target_met)]),
    );
  });
  it("answers 404 for a period without data, 400 for a malformed one", async () => {
    expect((await get("/export/rankings.csv?period=2019-Q1")).status).toBe(404);
    expect((await get("/export/rankings.csv?period=2019-Q9")).status).toBe(400);
  });
});

describe("GET /template.csv", () => {
  it("gives an empty report with both header lines and the units, ; for Vietnamese and , for English", async () => {
    const vi = new TextDecoder().decode(await (await get("/template.csv")).arrayBuffer()).replace(/^\uFEFF/, "").split("\r\n");
    expect(vi[0]).toBe("commune_code;commune_name;period;dossiers_received;dossiers_online;dossiers_digitized;dossiers_resolved;dossiers_resolved_on_time;dossiers_overdue;fee_dossiers;fee_dossiers_paid_online;survey_responses;survey_satisfied;contest_entries;initiatives");
    expect(vi[1]?.startsWith("Mã xã;Tên đơn vị;Kỳ báo cáo;Tổng số hồ sơ tiếp nhận")).toBe(true);
    expect(vi[2]).toBe("11300;Xã Ninh Giang;;;;;;;;;;;;;");
    // The five communes that exist since the merger of 2025-Q3, not the twenty units merged away.
    expect(vi.filter((l) => l.length > 0)).toHaveLength(7);
    const en = new TextDecoder().decode(await (await get("/template.csv?lang=en")).arrayBuffer());
    expect(en).toContain("commune_code,commune_name,period");
  });
});
