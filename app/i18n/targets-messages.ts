import type { Dictionary } from "./dictionary";

/** Targets (targets.json): why the server or the CLI refuses to start. */
export const targetsMessages: { vi: Dictionary; en: Dictionary } = {
  vi: {
    "targets.error.json": "{file}: không phải JSON hợp lệ ({detail}).",
    "targets.error.shape": '{file}: cần một đối tượng theo năm, ví dụ { "2025": { "source": "Kế hoạch CCHC năm 2025", "targets": { "digitization_rate": 0.9 } } }.',
    "targets.error.year": '{file}, khóa "{key}": không phải một năm (viết như "2025").',
    "targets.error.entry": '{file}, khóa "{key}": cần một đối tượng có "source" và "targets".',
    "targets.error.source": '{file}, khóa "{key}": cần ghi nguồn của chỉ tiêu (ví dụ "Kế hoạch CCHC năm 2025").',
    "targets.error.targets": '{file}, khóa "{key}": cần một đối tượng "mã chỉ tiêu": mục tiêu.',
    "targets.error.indicator": '{file}, khóa "{key}": "{indicator}" không phải chỉ tiêu nào. Các chỉ tiêu: {list}.',
    "targets.error.rate": '{file}, khóa "{key}": {value} không phải tỷ lệ từ 0 đến 1 (90 % viết là 0.9).',
    "targets.error.count": '{file}, khóa "{key}": {value} không phải số lượng (một số nguyên không âm).',
  },
  en: {
    "targets.error.json": "{file}: not valid JSON ({detail}).",
    "targets.error.shape": '{file}: expected an object by year, e.g. { "2025": { "source": "Administrative reform plan 2025", "targets": { "digitization_rate": 0.9 } } }.',
    "targets.error.year": '{file}, key "{key}": not a year (write it as "2025").',
    "targets.error.entry": '{file}, key "{key}": expected an object with "source" and "targets".',
    "targets.error.source": '{file}, key "{key}": say where the targets come from (e.g. "Administrative reform plan 2025").',
    "targets.error.targets": '{file}, key "{key}": expected an object of "indicator id": target.',
    "targets.error.indicator": '{file}, key "{key}": "{indicator}" is not an indicator. The indicators: {list}.',
    "targets.error.rate": '{file}, key "{key}": {value} is not a rate from 0 to 1 (90 % is written 0.9).',
    "targets.error.count": '{file}, key "{key}": {value} is not a count (a whole number, not negative).',
  },
};
