/**
 * Exact quantiles by selection, shared by every calculator that reports a median or a percentile.
 *
 * Definition: linear interpolation between the two nearest order statistics, Hyndman & Fan (1996)
 * type 7, the default of R's `quantile`, NumPy's `percentile` and Excel's `PERCENTILE.INC`:
 * for n sorted values x₀…xₙ₋₁ and p in [0, 1], h = (n − 1)·p and
 * Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
 *
 * Method: Floyd and Rivest's SELECT (Communications of the ACM 18(3), 1975, Algorithm 489) on a
 * Float64Array copy: on ranges of more than 600 values it first selects within a small sample
 * around the expected position, so the pivot lands next to the k-th value and each pass discards
 * most of the range; expected comparisons are n + min(k, n − k) + o(n), against about 3.4n for a
 * median-of-three quickselect and n·log₂n for a sort. The partition stops on values equal to the
 * pivot from both sides, so long runs of ties (survey scores, whole-minute durations) split evenly
 * instead of degrading. Several quantiles are selected in increasing order, each search confined to
 * the part of the array right of the previous one.
 */

/** Rearranges `a[lo..hi]` so that `a[k]` holds the value it would have if sorted. */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  let left = lo;
  let right = hi;
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a sample range sized n^(2/3) around where the k-th value should be.
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (i * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd));
      select(a, k, newLeft, newRight);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, right, left);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const v = a[i]!;
  a[i] = a[j]!;
  a[j] = v;
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
