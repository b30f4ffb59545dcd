import { TouchpointError, quote } from "../internal/errors.js";
import { checkCount, checkNumber } from "./survey-checks.js";

/**
 * A confidence interval, lower and upper bound, in the unit of the estimate it surrounds.
 *
 * @category Survey scores
 */
export interface Interval {
  /** The lower bound. */
  readonly lower: number;
  /** The upper bound. */
  readonly upper: number;
}

/**
 * Returns the Wilson score confidence interval of a proportion `successes / trials`, as
 * proportions 0–1.
 *
 * @remarks
 * Wilson (1927), "Probable inference, the law of succession, and statistical inference", JASA 22:
 * with p̂ = successes/trials, n = trials and z the normal quantile (1.96 for 95%),
 * `(p̂ + z²/2n ± z·sqrt(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)`.
 * Unlike the textbook p̂ ± z·sqrt(p̂(1−p̂)/n) it never leaves [0, 1] and keeps close to its nominal
 * coverage for small samples and proportions near 0 or 1; Newcombe (1998, "Two-sided confidence
 * intervals for the single proportion", Statistics in Medicine 17) recommends it and tabulates
 * 81/263 → 0.2553–0.3662 and 0/20 → 0–0.1611.
 *
 * @param successes - how many trials succeeded (satisfied ratings, conversions)
 * @param trials - how many trials in all
 * @param z - the normal quantile of the confidence level; 1.96 (95%) unless given
 * @returns the interval, or `null` when `trials` is 0
 * @throws {@link TouchpointError} `negative_value`, `not_an_integer`, `not_finite` for a bad count,
 *   `inconsistent_counts` when `successes > trials`, `out_of_range` for `z ≤ 0`
 *
 * @example
 * ```ts
 * import { wilsonInterval } from "touchpoint/metrics";
 *
 * // Newcombe (1998), Table I, method 3.
 * wilsonInterval(81, 263)?.lower; // ≈ 0.2553
 * wilsonInterval(81, 263)?.upper; // ≈ 0.3662
 * wilsonInterval(0, 20)?.lower; // => 0
 * // With no successes the upper bound is z² / (n + z²) = 3.8416 / 23.8416.
 * wilsonInterval(0, 20)?.upper; // ≈ 0.1611
 * wilsonInterval(0, 0); // => null
 * ```
 *
 * @category Survey scores
 */
export function wilsonInterval(successes: number, trials: number, z = 1.96): Interval | null {
  const fn = "wilsonInterval";
  checkCount(fn, "successes", successes);
  checkCount(fn, "trials", trials);
  checkNumber(fn, "z", z, 0, true);
  if (successes > trials) {
    throw new TouchpointError(
      "inconsistent_counts",
      `${fn}: expected successes at most trials (${trials}), got ${quote(successes)}`,
      { path: "successes", value: successes },
    );
  }
  return wilson(successes, trials, z);
}

/** The Wilson interval without checks, for callers that counted the inputs themselves. */
export function wilson(successes: number, n: number, z: number): Interval | null {
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At p̂ = 0 or 1 the bound is 0 or 1 in exact arithmetic; pin it so rounding cannot leave [0, 1].
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === n ? 1 : Math.min(1, centre + half),
  };
}
