/**
 * Chart choices shared by the unit and compare pages.
 */

/**
 * The y range of a rate chart: the full 0–100 % unless every value sits high, where a flat line at the
 * top would hide all movement; then the axis starts at the tenth below the smallest value (e.g. 90 % for
 * 96,5 %). The axis labels say where it starts.
 */
export function rateDomain(values: readonly (number | null)[]): [number, number] {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return [0, 1];
  const low = Math.min(...present);
  if (low < 0.6) return [0, 1];
  const start = Math.floor(low * 10 - 1e-9) / 10;
  return [Math.max(0, Math.min(start, 0.9)), 1];
}
