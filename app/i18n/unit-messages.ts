import type { Dictionary } from "./translate";

export const unitMessages: { vi: Dictionary; en: Dictionary } = {
  vi: {},
  en: {},
};
