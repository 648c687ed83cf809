/**
 * The shape of a dictionary, apart from translate.ts: the `*-messages.ts` modules need it, and translate.ts
 * imports them, so taking it from translate.ts made a cycle.
 */

/** Message key → text; `{name}` placeholders are filled by `t`. */
export type Dictionary = Record<string, string>;
