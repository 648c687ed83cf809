/**
 * The name of an uploaded file as it is stored and shown: as the browser sent it (`=`, `;`, quotes and
 * Vietnamese letters included), without a folder (old browsers send a whole path), without control
 * characters (C0, C1) or the bidirectional overrides that make a name read differently from what it is,
 * in NFC, and at most 200 characters. React escapes it on the pages; CSV cells neutralise formulas.
 */
export const MAX_FILE_NAME_LENGTH = 200;

const UNSHOWABLE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // Cut by code points, so a letter outside the BMP is never split into half a surrogate pair.
  return Array.from(base.normalize("NFC").replace(UNSHOWABLE, "")).slice(0, MAX_FILE_NAME_LENGTH).join("");
}
