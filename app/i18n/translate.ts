/**
 * Translation: message keys with parameters, Vietnamese first. Each area of the app owns a dictionary
 * module (`*-messages.ts`) with the same keys in both languages; this module joins them.
 */
import { actionsMessages } from "./actions-messages";
import { authMessages } from "./auth-messages";
import { cardMessages } from "./card-messages";
import { cliMessages } from "./cli-messages";
import { commonMessages } from "./common-messages";
import type { Dictionary } from "./dictionary";
import { exportMessages } from "./export-messages";
import { indicatorMessages } from "./indicator-messages";
import { ingestMessages } from "./ingest-messages";
import { overviewMessages } from "./overview-messages";
import { publicationMessages } from "./publication-messages";
import { registryMessages } from "./registry-messages";
import { targetsMessages } from "./targets-messages";
import { unitMessages } from "./unit-messages";

export const LANGS = ["vi", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "vi";

export type MessageParams = Record<string, string | number>;

const dictionaries: Record<Lang, Dictionary> = {
  vi: {
    ...commonMessages.vi,
    ...cliMessages.vi,
    ...ingestMessages.vi,
    ...indicatorMessages.vi,
    ...overviewMessages.vi,
    ...unitMessages.vi,
    ...authMessages.vi,
    ...publicationMessages.vi,
    ...exportMessages.vi,
    ...registryMessages.vi,
    ...targetsMessages.vi,
    ...actionsMessages.vi,
    ...cardMessages.vi,
  },
  en: {
    ...commonMessages.en,
    ...cliMessages.en,
    ...ingestMessages.en,
    ...indicatorMessages.en,
    ...overviewMessages.en,
    ...unitMessages.en,
    ...authMessages.en,
    ...publicationMessages.en,
    ...exportMessages.en,
    ...registryMessages.en,
    ...targetsMessages.en,
    ...actionsMessages.en,
    ...cardMessages.en,
  },
};

export function isLang(value: unknown): value is Lang {
  return value === "vi" || value === "en";
}

/** `{name}` placeholders are filled from params; an unknown key is returned as is, so a gap is visible. */
export function t(lang: Lang, key: string, params: MessageParams = {}): string {
  const template = dictionaries[lang][key] ?? dictionaries[DEFAULT_LANG][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

export function allKeys(lang: Lang): string[] {
  return Object.keys(dictionaries[lang]);
}
