/**
 * A seeded pseudo-random generator (Tommy Ettinger's mulberry32, public domain): the same seed gives
 * the same sequence on every machine, so shuffles, folds and generated samples are reproducible.
 * Not for anything secret.
 */

/** Returns a function giving the next number in [0, 1) of the sequence for `seed`. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
