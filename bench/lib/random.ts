/**
 * The benches' and the metrics tests' seeded generator (a mulberry32 variant; src/internal/random.ts
 * is the library's, whose sequence differs): deterministic data, so runs compare like with like and
 * failures reproduce. Their data was generated with this one, so it stays.
 */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
