import type { Dictionary } from "./translate";

export const authMessages: { vi: Dictionary; en: Dictionary } = {
  vi: {},
  en: {},
};
