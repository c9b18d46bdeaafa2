/** A seeded pseudo-random source (mulberry32): the same seed gives the same run of faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Range {
  minMs: number;
  maxMs: number;
}

export const within = (random: () => number, range: Range) => Math.round(range.minMs + random() * Math.max(0, range.maxMs - range.minMs));
