/**
 * An issue as one line of text in the user's language:
 * `Dòng 7, cột "Số hồ sơ được số hóa": giá trị "12,5" — cần một số nguyên ≥ 0`.
 */
import { periodInSentence } from "~/i18n/format";
import { t, type Lang, type MessageParams } from "~/i18n/translate";

import type { Issue } from "./types";

/** Parameters that are positions in the file: shown as a text editor shows them, without grouping. */
const POSITION_PARAMS = new Set(["line", "firstLine", "index", "code", "hint"]);

function locale(lang: Lang): string {
  return lang === "vi" ? "vi-VN" : "en-GB";
}

function formatBytes(bytes: number, lang: Lang): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(mb)} MB`;
  return `${new Intl.NumberFormat(locale(lang)).format(bytes)} byte${lang === "en" && bytes !== 1 ? "s" : ""}`;
}

/** Parameters that are period ids, written as readers write periods. */
const PERIOD_PARAMS = new Set(["period", "after", "from"]);

/** Numbers in the user's convention (1.234 in Vietnamese, 1,234 in English); file sizes in MB. */
function localParams(issue: Issue, lang: Lang): MessageParams {
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(issue.params)) {
    // A period as readers write it (quý 4/2024), not its id.
    if (PERIOD_PARAMS.has(name) && typeof value === "string") out[name] = periodInSentence(lang, value);
    else if (typeof value !== "number" || POSITION_PARAMS.has(name)) out[name] = value;
    else if (issue.key === "ingest.error.tooLarge") out[name] = formatBytes(value, lang);
    else out[name] = new Intl.NumberFormat(locale(lang)).format(value);
  }
  return out;
}

/** A quoted header or cell may hold line breaks; the message stays on one line. */
function oneLine(s: string): string {
  return s.replace(/\r?\n|\r/g, "↵");
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase(locale("vi")) + s.slice(1);
}

export function formatIssue(issue: Issue, lang: Lang): string {
  const { line, value } = issue;
  const column = issue.column === null ? null : oneLine(issue.column);
  let where: string | null = null;
  if (line !== null && column !== null) where = t(lang, "ingest.where.lineColumn", { line, column });
  else if (line !== null) where = t(lang, "ingest.where.line", { line });
  else if (column !== null) where = t(lang, "ingest.where.column", { column });
  const shown = value !== null && value !== "" ? t(lang, "ingest.where.value", { value: oneLine(value) }) : null;
  let head: string | null = where;
  if (where !== null && shown !== null) head = `${where}: ${shown}`;
  else if (shown !== null) head = capitalize(shown);
  const message = t(lang, issue.key, localParams(issue, lang));
  return head === null ? capitalize(message) : `${head} — ${message}`;
}
