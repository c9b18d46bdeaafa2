/** Seeded pseudo-random numbers (mulberry32): every benchmark run draws the same data. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: Random, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** Zipf-like pick: early items (the common names) come up far more often, as in real populations. */
export const pickZipf = <T>(rnd: Random, xs: readonly T[]): T => xs[Math.floor(xs.length * rnd() ** 2.2)]!;
