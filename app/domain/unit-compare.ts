/**
 * How many units the compare page puts side by side: two at least (one unit alone is the unit page), five
 * at most (the charts' distinct line styles, and what a table still reads well on paper).
 */
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 5;

/** "none": nothing chosen yet; "tooFew" / "tooMany": a friendly message on the page, not an error. */
export type SelectionStatus = "none" | "tooFew" | "tooMany" | "ok";

export function selectionStatus(count: number): SelectionStatus {
  if (count === 0) return "none";
  if (count < MIN_COMPARE) return "tooFew";
  if (count > MAX_COMPARE) return "tooMany";
  return "ok";
}
