/**
 * The meeting pack through the real server (publication.md, decision 011): the workbook read back with
 * exceljs as a reader's spreadsheet would, and the wide CSV parsed as a Vietnamese-locale Excel splits it,
 * both checked against the API's figures. The sample district (with its targets.json), with one unit renamed
 * like a formula, 2024-Q4 left unpublished (a draft) and the other publications moved ten days back so that
 * `as_of` can name them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { formatDate } from "~/i18n/format";
import { startServer, type TestServer } from "../../helpers/http-server";
import { ALL_USERS, USERS, get, login } from "../../helpers/http-client";

const HOSTILE = '=HYPERLINK("http://evil.example","Xã Ứng Hoè")';
const HOSTILE_CODE = "11161";
const FIVE_DAYS_AGO = new Date(Date.now() - 5 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let server: TestServer;
let staff: string;
let dataDir: string;

/** The project's data folder (targets included), with unit 11161 renamed like a formula. */
function hostileDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parboard-export-data-"));
  const registry = Papa.parse<Record<string, string>>(fs.readFileSync("data/communes.csv", "utf8"), { header: true, skipEmptyLines: true }).data;
  const renamed = registry.map((u) => (u.code === HOSTILE_CODE ? { ...u, name: HOSTILE } : u));
  fs.writeFileSync(path.join(dir, "communes.csv"), `${Papa.unparse(renamed, { columns: ["code", "name", "kind"], newline: "\n" })}\n`);
  for (const file of ["district.json", "scoring.json", "targets.json"]) fs.copyFileSync(path.join("data", file), path.join(dir, file));
  fs.cpSync("data/sample", path.join(dir, "sample"), { recursive: true });
  return dir;
}

beforeAll(async () => {
  dataDir = hostileDataDir();
  server = await startServer({
    seed: true,
    dataDir,
    users: ALL_USERS,
    prepare: async (db) => {
      await db.transaction(async (conn) => {
        await conn.run("DELETE FROM publication_rows WHERE publication_id IN (SELECT id FROM publications WHERE period = '2024-Q4')");
        await conn.run("DELETE FROM publications WHERE period = '2024-Q4'");
        await conn.run("UPDATE publications SET published_at = published_at - INTERVAL 10 DAY");
      });
    },
  });
  staff = await login(server, USERS.staff.username, USERS.staff.password);
});
afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const apiSchema = z.object({
  period: z.string(),
  scoring: z.object({ name: z.string(), hash: z.string() }),
  rows: z.array(
    z.object({
      commune_code: z.string(),
      commune_name: z.string(),
      indicator: z.string(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      value: z.number().nullable(),
      rank: z.number().nullable(),
      ranked: z.number(),
      target: z.number().nullable(),
      target_met: z.boolean().nullable(),
    }),
  ),
});
type ApiRow = z.infer<typeof apiSchema>["rows"][number];

async function api(query: string) {
  const res = await get(server, `/api/rankings?${query}`);
  expect(res.status).toBe(200);
  const report = apiSchema.parse(await res.json());
  const find = (code: string, indicator: string): ApiRow => {
    const r = report.rows.find((x) => x.commune_code === code && x.indicator === indicator);
    if (!r) throw new Error(`no API row ${code} ${indicator}`);
    return r;
  };
  return { report, find };
}

async function workbook(query: string, cookie?: string) {
  const res = await get(server, `/export/rankings.xlsx?${query}`, cookie);
  expect(res.status, await res.clone().text().then((t) => t.slice(0, 200))).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return { res, book };
}

function sheetOf(book: ExcelJS.Workbook, index: number): ExcelJS.Worksheet {
  const sheet = book.worksheets[index];
  if (!sheet) throw new Error(`no sheet ${index}`);
  return sheet;
}

/** The title rows: column A from row 1 down to the blank row before the header. */
function titleOf(sheet: ExcelJS.Worksheet): string[] {
  const lines: string[] = [];
  for (let r = 1; sheet.getCell(r, 1).value !== null; r++) lines.push(String(sheet.getCell(r, 1).value));
  return lines;
}

/** Header row number and, per header text, its column number. */
function headerOf(sheet: ExcelJS.Worksheet): { row: number; col: (header: string) => number } {
  const row = titleOf(sheet).length + 2;
  const headers = (sheet.getRow(row).values as unknown[]).slice(1).map(String);
  return {
    row,
    col: (header) => {
      const i = headers.indexOf(header);
      if (i < 0) throw new Error(`no column ${header} in ${headers.join(" | ")}`);
      return i + 1;
    },
  };
}

/** The dates a title printed during this test may carry (a test running over midnight in Vietnam). */
function todayInVietnam(lang: "vi" | "en", started: Date): string[] {
  return [...new Set([formatDate(lang, started.toISOString()), formatDate(lang, new Date().toISOString())])];
}

describe("GET /export/rankings.xlsx", () => {
  it("is a workbook for the meeting: attachment named after the period, not cached", async () => {
    const { res } = await workbook("period=2024-Q2");
    expect(res.headers.get("content-type")).toBe(XLSX);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="parboard-rankings-2024-Q2.xlsx"');
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("opens on the title rows, then a frozen header and one row per unit with the API's figures as numbers", async () => {
    const started = new Date();
    const { book } = await workbook("period=2024-Q2");
    const { report, find } = await api("period=2024-Q2");
    expect(book.worksheets.map((w) => w.name)).toEqual(["Xếp hạng", "Định nghĩa"]);
    const sheet = sheetOf(book, 0);
    const title = titleOf(sheet);
    expect(title.slice(0, 2)).toEqual(["Huyện Ninh Giang, Tỉnh Hải Dương", "Kết quả xếp hạng cải cách hành chính các đơn vị, quý 2/2024"]);
    expect(title[2]).toMatch(/^Công bố ngày \d{2}\/\d{2}\/\d{4} \(phiên bản 1\)$/);
    expect(todayInVietnam("vi", started).map((d) => `In ngày ${d}`)).toContain(title[3]);
    expect(title[4]).toBe(`Điểm tổng hợp tham khảo QĐ 766, không phải điểm chính thức; tính theo cấu hình điểm ${report.scoring.name}@${report.scoring.hash}.`);

    const header = headerOf(sheet);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: header.row });
    expect(sheet.rowCount - header.row).toBe(20);
    const units = Array.from({ length: 20 }, (_, i) => sheet.getRow(header.row + 1 + i));
    const codes = units.map((u) => String(u.getCell(1).value));
    // In composite rank order, as the API ranks them.
    const composite = report.rows.filter((r) => r.indicator === "composite_score");
    expect(codes.map((c) => find(c, "composite_score").rank)).toEqual(composite.map((r) => r.rank).sort((a, b) => (a ?? 99) - (b ?? 99)));
    expect(new Set(codes).size).toBe(20);

    const cols = {
      score: header.col("Điểm tổng hợp"),
      scoreRank: header.col("Điểm tổng hợp: xếp hạng"),
      digitised: header.col("Tỷ lệ số hóa hồ sơ (%)"),
      digitisedRank: header.col("Tỷ lệ số hóa hồ sơ: xếp hạng"),
      digitisedNum: header.col("Tỷ lệ số hóa hồ sơ: số hồ sơ được số hóa"),
      digitisedDen: header.col("Tỷ lệ số hóa hồ sơ: tổng số hồ sơ tiếp nhận"),
      overdue: header.col("Số hồ sơ quá hạn"),
    };
    for (const unit of units) {
      const code = String(unit.getCell(1).value);
      const d = find(code, "digitization_rate");
      expect(unit.getCell(cols.digitised).value, code).toBe(d.value);
      expect(typeof unit.getCell(cols.digitised).value).toBe("number");
      expect(unit.getCell(cols.digitised).numFmt).toBe("0.0%");
      expect(unit.getCell(cols.digitisedRank).value).toBe(`${d.rank}/${d.ranked}`);
      expect([unit.getCell(cols.digitisedNum).value, unit.getCell(cols.digitisedDen).value]).toEqual([d.numerator, d.denominator]);
      expect(unit.getCell(cols.digitisedNum).numFmt).toBe("#,##0");
      const s = find(code, "composite_score");
      expect(unit.getCell(cols.score).value).toBe(s.value);
      expect(unit.getCell(cols.score).numFmt).toBe("0.0");
      expect(unit.getCell(cols.scoreRank).value).toBe(`${s.rank}/${s.ranked}`);
      expect(unit.getCell(cols.overdue).value).toBe(find(code, "overdue_dossiers").value);
      expect(unit.getCell(cols.overdue).numFmt).toBe("#,##0");
    }
    // The sample's planted tie: 11164 (495/660) and 11224 (300/400) share their online-rate rank.
    const online = header.col("Tỷ lệ hồ sơ trực tuyến: xếp hạng");
    const rankOf = (code: string) => units.find((u) => u.getCell(1).value === code)?.getCell(online).value;
    expect(rankOf("11164")).toBe(rankOf("11224"));
    expect(rankOf("11164")).toBe(`${find("11164", "online_rate").rank}/20`);
  });

  it("gives the year's target and whether each unit meets it, as the API says (2024 digitisation: 80 %)", async () => {
    const { book } = await workbook("period=2024-Q2");
    const { find } = await api("period=2024-Q2");
    const sheet = sheetOf(book, 0);
    const header = headerOf(sheet);
    const cols = { target: header.col("Tỷ lệ số hóa hồ sơ: mục tiêu (%)"), met: header.col("Tỷ lệ số hóa hồ sơ: đạt mục tiêu") };
    expect(cols.target).toBe(header.col("Tỷ lệ số hóa hồ sơ: xếp hạng") + 1);
    const units = Array.from({ length: 20 }, (_, i) => sheet.getRow(header.row + 1 + i));
    for (const unit of units) {
      const d = find(String(unit.getCell(1).value), "digitization_rate");
      expect(unit.getCell(cols.target).value).toBe(0.8);
      expect(unit.getCell(cols.target).numFmt).toBe("0.0%");
      expect(unit.getCell(cols.met).value).toBe(d.target_met ? "đạt" : "chưa đạt");
    }
    // data/sample/2024-Q2.csv: six units digitised less than 80 %, e.g. Xã Nghĩa An 489 of 660 (74.1 %).
    const missed = units.filter((u) => u.getCell(cols.met).value === "chưa đạt").map((u) => String(u.getCell(1).value));
    expect(missed.sort()).toEqual(["11164", "11188", "11200", "11203", "11218", "11227"]);
    // No target for the composite, contest entries or initiatives in 2024.
    expect(() => header.col("Điểm tổng hợp: mục tiêu")).toThrow();
    expect(() => header.col("Số bài dự thi CCHC: mục tiêu")).toThrow();
    const notes: string[] = [];
    sheetOf(book, 1).eachRow((row) => notes.push(String(row.getCell(1).value)));
    expect(notes).toContain(
      "Mục tiêu năm 2024: Kế hoạch cải cách hành chính năm 2024 của UBND huyện Ninh Giang (minh họa). Cột “đạt mục tiêu”: giá trị bằng hoặc tốt hơn mục tiêu; ô trống là không có giá trị.",
    );
  });

  it("keeps a unit named like a formula a text cell", async () => {
    const sheet = sheetOf((await workbook("period=2024-Q2")).book, 0);
    const row = Array.from({ length: sheet.rowCount }, (_, i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === HOSTILE_CODE);
    const name = row?.getCell(2);
    expect(name?.value).toBe(HOSTILE);
    expect(name?.type).toBe(ExcelJS.ValueType.String);
    expect(name?.formula).toBeUndefined();
  });

  it("explains the indicators and gives the scoring configuration's weights", async () => {
    const defs = sheetOf((await workbook("period=2024-Q2")).book, 1);
    const scoring = z
      .object({ indicators: z.record(z.string(), z.object({ weight: z.number() })) })
      .parse(JSON.parse(fs.readFileSync("data/scoring.json", "utf8")));
    const weights = new Map<string, unknown>();
    defs.eachRow((row) => {
      if (typeof row.getCell(6).value === "number") weights.set(String(row.getCell(2).value), row.getCell(6).value);
    });
    expect(Object.fromEntries(weights)).toEqual(Object.fromEntries(Object.entries(scoring.indicators).map(([id, w]) => [id, w.weight])));
    const texts: string[] = [];
    defs.eachRow((row) => texts.push(String(row.getCell(1).value)));
    const { report } = await api("period=2024-Q2");
    expect(texts).toContain(`Cấu hình điểm: ${report.scoring.name}@${report.scoring.hash}`);
    expect(texts).toContain("Tỷ lệ số hóa hồ sơ");
  });

  it("speaks English with lang=en", async () => {
    const started = new Date();
    const { book } = await workbook("period=2024-Q2&lang=en");
    expect(book.worksheets.map((w) => w.name)).toEqual(["Rankings", "Definitions"]);
    const title = titleOf(sheetOf(book, 0));
    expect(title.slice(0, 2)).toEqual(["Ninh Giang District, Hai Duong Province", "Administrative-reform rankings of the units, Q2 2024"]);
    expect(title[2]).toMatch(/^Published on \d{1,2} \w{3} \d{4} \(version 1\)$/);
    expect(todayInVietnam("en", started).map((d) => `Printed on ${d}`)).toContain(title[3]);
  });

  it("marks a year whose fourth quarter is not published as incomplete for every unit", async () => {
    const { book } = await workbook("period=2024");
    const sheet = sheetOf(book, 0);
    const title = titleOf(sheet);
    expect(title[2]).toMatch(/^Công bố ngày \d{2}\/\d{2}\/\d{4} \(lần công bố gần nhất của các quý trong năm\)$/);
    expect(title.at(-1)).toBe("Năm chưa đủ 4 quý ở 20 đơn vị (xem cột “Số quý đã báo cáo”): thứ hạng tính trên các quý đã báo cáo.");
    const header = headerOf(sheet);
    const quarters = header.col("Số quý đã báo cáo");
    const byCode = new Map(Array.from({ length: 20 }, (_, i) => sheet.getRow(header.row + 1 + i)).map((r) => [r.getCell(1).value, r.getCell(quarters).value]));
    // 11218 did not report 2024-Q3.
    expect(byCode.get("11218")).toBe(2);
    expect(byCode.get("11155")).toBe(3);
  });

  it("gives a draft to staff only, marked in the title and the file name; the public gets the 404 sentence", async () => {
    const anonymous = await get(server, "/export/rankings.xlsx?period=2024-Q4");
    expect(anonymous.status).toBe(404);
    expect(await anonymous.text()).toBe("Chưa có số liệu cho quý 4/2024.");
    const { res, book } = await workbook("period=2024-Q4", staff);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="parboard-rankings-2024-Q4-draft.xlsx"');
    expect(titleOf(sheetOf(book, 0))[2]).toBe("Bản nháp — chưa công bố");
  });

  it("gives what was published by an as_of date, and the same 400 and 404 sentences as the API", async () => {
    const { book } = await workbook(`period=2024-Q2&as_of=${FIVE_DAYS_AGO}`);
    expect(titleOf(sheetOf(book, 0))[3]).toBe(`Như đã công bố đến hết ngày ${formatDate("vi", FIVE_DAYS_AGO)}`);
    for (const query of ["period=2024-Q2&as_of=2020-01-01", "period=2031", "period=2024-Q5", "period=2024-Q2&as_of=01-02-2025", "", "period=2024-Q2&indicator=nope"]) {
      const [xlsx, json] = await Promise.all([get(server, `/export/rankings.xlsx?${query}`), get(server, `/api/rankings?${query}`)]);
      expect(xlsx.status, query).toBe(json.status);
      expect(await xlsx.text(), query).toBe(z.object({ error: z.string() }).parse(await json.json()).error);
    }
  });
});

/** The wide CSV as a Vietnamese-locale Excel splits it. */
async function wideCsv(query: string, cookie?: string) {
  const res = await get(server, `/export/rankings.csv?layout=wide&${query}`, cookie);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // TextDecoder drops the byte-order mark (checked above).
  const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes), { delimiter: ";", skipEmptyLines: true }).data;
  const [header = [], ...units] = rows;
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    return i;
  };
  return { res, header, units, col };
}

/** A fraction as the pages round it, with a decimal comma: 0.93549 → "93,5"; short of 1 never "100,0". */
function percentText(value: number): string {
  const fixed = (value * 100).toFixed(1);
  return (value < 1 && fixed === "100.0" ? "99.9" : fixed).replace(".", ",");
}

describe("GET /export/rankings.csv?layout=wide", () => {
  it("is the wide table for a Vietnamese Excel: BOM, ;, Vietnamese headers, decimal commas equal to the API's figures", async () => {
    const { res, header, units, col } = await wideCsv("period=2024-Q2");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="parboard-rankings-2024-Q2.csv"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(header.slice(0, 6)).toEqual(["Mã xã", "Tên đơn vị", "Cụm", "Điểm tổng hợp", "Điểm tổng hợp: xếp hạng", "Tỷ lệ số hóa hồ sơ (%)"]);
    expect(units).toHaveLength(20);
    const { find } = await api("period=2024-Q2");
    for (const unit of units) {
      const code = unit[0] ?? "";
      for (const [indicator, label] of [
        ["digitization_rate", "Tỷ lệ số hóa hồ sơ"],
        ["online_rate", "Tỷ lệ hồ sơ trực tuyến"],
        ["satisfaction_rate", "Tỷ lệ hài lòng"],
      ] as const) {
        const r = find(code, indicator);
        expect(unit[col(`${label} (%)`)], `${code} ${indicator}`).toBe(r.value === null ? "" : percentText(r.value));
        expect(unit[col(`${label}: xếp hạng`)]).toBe(r.rank === null ? "" : `${r.rank} trên ${r.ranked}`);
      }
      const score = find(code, "composite_score").value;
      expect(unit[col("Điểm tổng hợp")]).toBe(score === null ? "" : score.toFixed(1).replace(".", ","));
      const d = find(code, "digitization_rate");
      expect(unit[col("Tỷ lệ số hóa hồ sơ: tổng số hồ sơ tiếp nhận")]).toBe(String(d.denominator));
      expect(unit[col("Số hồ sơ quá hạn")]).toBe(String(find(code, "overdue_dossiers").value));
    }
    expect(units.find((u) => u[0] === HOSTILE_CODE)?.[1]).toBe(`'${HOSTILE}`);
  });

  it("leaves a rate without a value empty: 11233 had no fee dossiers in 2023-Q2", async () => {
    const { units, col } = await wideCsv("period=2023-Q2");
    const unit = units.find((u) => u[0] === "11233");
    expect(unit?.[col("Tỷ lệ thanh toán trực tuyến (%)")]).toBe("");
    expect(unit?.[col("Tỷ lệ thanh toán trực tuyến: xếp hạng")]).toBe("");
    expect(unit?.[col("Tỷ lệ thanh toán trực tuyến: số hồ sơ có phí, lệ phí")]).toBe("0");
  });

  it("writes each unit's target and whether it is met: Xã Hồng Dụ's 60.6 % online in 2024-Q2 misses 65 %", async () => {
    const { units, col } = await wideCsv("period=2024-Q2");
    const { find } = await api("period=2024-Q2");
    for (const unit of units) {
      const r = find(unit[0] ?? "", "online_rate");
      expect(unit[col("Tỷ lệ hồ sơ trực tuyến: mục tiêu (%)")]).toBe("65,0");
      expect(unit[col("Tỷ lệ hồ sơ trực tuyến: đạt mục tiêu")]).toBe(r.target_met ? "đạt" : "chưa đạt");
    }
    // data/sample/2024-Q2.csv: 451 of 744 dossiers online.
    expect(units.find((u) => u[0] === "11215")?.[col("Tỷ lệ hồ sơ trực tuyến: đạt mục tiêu")]).toBe("chưa đạt");
    // Overdue dossiers against 0: Xã Hồng Phong had 1.
    expect(units.find((u) => u[0] === "11224")?.[col("Số hồ sơ quá hạn: đạt mục tiêu")]).toBe("chưa đạt");
    expect(units.find((u) => u[0] === "11173")?.[col("Số hồ sơ quá hạn: đạt mục tiêu")]).toBe("đạt");
  });

  it("shows the composite beside a chosen indicator, in that indicator's order", async () => {
    const { header, units, col } = await wideCsv("period=2024-Q2&indicator=online_rate");
    // The composite's value and rank; online processing's value, rank, target, met, numerator, denominator.
    expect(header).toHaveLength(3 + 2 + 6);
    const ranks = units.map((u) => Number(u[col("Tỷ lệ hồ sơ trực tuyến: xếp hạng")]?.split(" ")[0]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("follows the reader: a draft for staff only, named so; as_of; English headers with the same ; and decimal comma", async () => {
    expect((await get(server, "/export/rankings.csv?layout=wide&period=2024-Q4")).status).toBe(404);
    const draft = await wideCsv("period=2024-Q4", staff);
    expect(draft.res.headers.get("content-disposition")).toBe('attachment; filename="parboard-rankings-2024-Q4-draft.csv"');
    expect((await wideCsv(`period=2024-Q2&as_of=${FIVE_DAYS_AGO}`)).units).toHaveLength(20);
    expect((await get(server, "/export/rankings.csv?layout=wide&period=2024-Q2&as_of=2020-01-01")).status).toBe(404);
    const en = await wideCsv("period=2024-Q2&lang=en");
    expect(en.header.slice(0, 2)).toEqual(["Unit code", "Unit name"]);
    expect(en.units[0]?.[en.col("Digitisation rate (%)")]).toMatch(/^\d{1,3},\d$/);
  });
});

describe("GET /export/rankings.csv: the layout parameter", () => {
  it("keeps the long CSV byte for byte when layout is long or absent", async () => {
    const [absent, long] = await Promise.all([get(server, "/export/rankings.csv?period=2024-Q2"), get(server, "/export/rankings.csv?period=2024-Q2&layout=long")]);
    const bytes = new Uint8Array(await absent.arrayBuffer());
    expect(new Uint8Array(await long.arrayBuffer())).toEqual(bytes);
    expect(new TextDecoder().decode(bytes).split("\r\n")[0]).toMatch(/^period,commune_code,commune_name,indicator,/);
    expect(long.headers.get("content-disposition")).toBe('attachment; filename="parboard-rankings-2024-Q2.csv"');
  });

  it("answers 400 with a sentence in the reader's language for an unknown layout", async () => {
    const vi = await get(server, "/export/rankings.csv?period=2024-Q2&layout=ngang");
    expect(vi.status).toBe(400);
    expect(await vi.text()).toBe("Kiểu bảng “ngang” không hợp lệ. Hãy ghi layout=wide (mỗi đơn vị một dòng, để mở bằng Excel) hoặc layout=long (mặc định, cho chương trình).");
    const en = await get(server, "/export/rankings.csv?period=2024-Q2&layout=ngang&lang=en");
    expect(en.status).toBe(400);
    expect(await en.text()).toMatch(/^The layout “ngang” is not valid\./);
  });
});
