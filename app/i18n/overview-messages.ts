import type { Dictionary } from "./translate";

export const overviewMessages: { vi: Dictionary; en: Dictionary } = {
  vi: {},
  en: {},
};
