/**
 * A small seeded pseudo-random generator for the sample data. Only integer operations and IEEE-754
 * basic arithmetic are used, so every JavaScript engine produces the same sequence (Math.random and
 * transcendental functions such as Math.exp are not guaranteed to agree across engines).
 */
export type Rng = () => number;

/** mulberry32: a 32-bit state generator returning uniform numbers in [0, 1). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over UTF-16 code units: turns a label such as `seed:11155` into a 32-bit seed. */
export function hashSeed(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A uniform number in [min, max) from one draw. */
export function between(u: number, min: number, max: number): number {
  return min + (max - min) * u;
}
