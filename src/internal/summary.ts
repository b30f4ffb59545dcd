import { quantilesInPlace } from "./quantile.js";

/**
 * Count, mean, median, 90th and 95th percentile, minimum and maximum of a sample of durations or
 * any other numbers.
 *
 * @category Summaries
 */
export interface Summary {
  /** How many values. */
  readonly count: number;
  /** Their arithmetic mean. */
  readonly mean: number;
  /** The 50th percentile (type-7 interpolation). */
  readonly median: number;
  /** The 90th percentile (type-7 interpolation). */
  readonly p90: number;
  /** The 95th percentile (type-7 interpolation). */
  readonly p95: number;
  /** The smallest value. */
  readonly min: number;
  /** The largest value. */
  readonly max: number;
}

/** The {@link Summary} of the first `n` values of `a` (reordered in place), or null when n is 0. */
export function summarizeInPlace(a: Float64Array, n = a.length): Summary | null {
  if (n === 0) return null;
  const view = n === a.length ? a : a.subarray(0, n);
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = view[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const [median, p90, p95] = quantilesInPlace(view, [0.5, 0.9, 0.95]) as [number, number, number];
  return { count: n, mean: sum / n, median, p90, p95, min, max };
}
