/**
 * The key the upload page sends with a file it commits (the form field `idempotency_key`), made once per
 * file the user picked: a second click, or a retry after an answer that never arrived, carries the same key
 * and the server answers with the first commit's result instead of saving the file twice.
 * crypto.getRandomValues rather than randomUUID: the office server is often reached over plain HTTP, where
 * browsers leave randomUUID out.
 */
export function newCommitKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The key of a picked file, made the first time it is asked for. */
export function commitKeyFor(keys: WeakMap<File, string>, file: File): string {
  let key = keys.get(file);
  if (key === undefined) {
    key = newCommitKey();
    keys.set(file, key);
  }
  return key;
}
