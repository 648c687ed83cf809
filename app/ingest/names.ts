/**
 * Whether a unit name written in a report is the registered one. A mismatch is only ever a warning (spec §1),
 * so this errs on the side of matching what a person would call the same name.
 */

/** Vietnamese tone marks in NFD (grave, acute, tilde, hook above, dot below); vowel marks are not tones. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Kinds of unit, without marks, which people often leave out: "Nghĩa An" for "Xã Nghĩa An". */
const KIND_WORDS: readonly (readonly string[])[] = [["xa"], ["phuong"], ["thi", "tran"]];

/**
 * Comparison form: lower case, spaces collapsed, and in each word the tone mark moved to the end, so that the
 * old and new placements (`Hoè` / `Hòe`, `hoà` / `hòa`) compare equal.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .map((word) => {
      const tones = word.match(TONES);
      return tones ? word.replace(TONES, "") + tones.join("") : word;
    })
    .join(" ");
}

/** The comparison form without the leading kind of unit, or the key itself when it has none. */
function withoutKind(key: string): string {
  const words = key.split(" ");
  const plain = words.map((w) => w.replace(/\p{M}/gu, "").replace(/đ/g, "d"));
  for (const kind of KIND_WORDS) {
    if (words.length > kind.length && kind.every((k, i) => plain[i] === k)) return words.slice(kind.length).join(" ");
  }
  return key;
}

/** True when `written` (NFC, trimmed) names the registered unit, up to case, spacing and tone placement. */
export function namesMatch(written: string, registered: string): boolean {
  if (written === registered) return true;
  const a = nameKey(written);
  const b = nameKey(registered);
  return a === b || a === withoutKind(b);
}
