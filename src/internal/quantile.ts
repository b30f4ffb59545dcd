/**
 * Exact quantiles by selection, shared by every calculator that reports a median or a percentile.
 *
 * Definition: linear interpolation between the two nearest order statistics, Hyndman & Fan (1996)
 * type 7, the default of R's `quantile`, NumPy's `percentile` and Excel's `PERCENTILE.INC`:
 * for n sorted values x₀…xₙ₋₁ and p in [0, 1], h = (n − 1)·p and
 * Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
 *
 * Method: Hoare-style quickselect with median-of-three pivots on a Float64Array copy, so a median
 * costs O(n) expected instead of the O(n log n) of a full sort. Several quantiles are selected in
 * increasing order, each search confined to the part of the array right of the previous one.
 */

/** Rearranges `a[lo..hi]` so that `a[k]` holds the value it would have if sorted. */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three, moved to a[hi] as pivot, guards against sorted and reversed input.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    let p: number;
    if (x < y) p = y < z ? mid : x < z ? hi : lo;
    else p = x < z ? lo : y < z ? hi : mid;
    const pivot = a[p]!;
    a[p] = a[hi]!;
    a[hi] = pivot;
    // Three-way partition (Dijkstra) so long runs of equal values, common in survey scores and
    // whole-minute durations, do not degrade to quadratic time.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) {
        a[i] = a[lt]!;
        a[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt]!;
        a[gt] = v;
        gt--;
      } else {
        i++;
      }
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return;
  }
}

/** The smallest value of `a[lo..hi]`. */
function minOf(a: Float64Array, lo: number, hi: number): number {
  let m = a[lo]!;
  for (let i = lo + 1; i <= hi; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/**
 * Type-7 quantiles of `values` for each probability in `ps` (which must be sorted ascending and lie
 * in [0, 1]). `values` is not modified. Returns an empty array for an empty input.
 */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  const a = Float64Array.from(values);
  return quantilesInPlace(a, ps);
}

/** As {@link quantiles}, but reorders `a` instead of copying it. */
export function quantilesInPlace(a: Float64Array, ps: readonly number[]): number[] {
  const n = a.length;
  const out: number[] = [];
  let lo = 0;
  for (const p of ps) {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    select(a, k, lo, n - 1);
    const low = a[k]!;
    const frac = h - k;
    // a[k+1] is the smallest value right of k once a[k] is in place.
    out.push(frac === 0 || k + 1 >= n ? low : low + frac * (minOf(a, k + 1, n - 1) - low));
    lo = k;
  }
  return out;
}
