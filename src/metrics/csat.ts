/**
 * Customer satisfaction (CSAT): the share of ratings at or above a "satisfied" threshold, on any
 * integer scale. The state is a histogram of the scale's points, so the threshold can be chosen
 * when finalising and any split of the ratings merges back exactly.
 */
import { checkOptions } from "../internal/args.js";
import { quote, TouchpointError } from "../internal/errors.js";
import type { Aggregate } from "./aggregate.js";
import { histogramAggregate, type HistogramState } from "./histogram-aggregate.js";
import { checkNumber, countRatings, percent, resolveScale } from "./survey-checks.js";
import { type Interval, wilson } from "./wilson-interval.js";

/**
 * An integer rating scale, lowest and highest point included.
 *
 * @category Survey scores
 */
export interface RatingScale {
  /** The lowest rating. */
  readonly min: number;
  /** The highest rating. */
  readonly max: number;
}

/**
 * Options of the CSAT calculators: the scale and which ratings count as satisfied.
 *
 * @category Survey scores
 */
export interface CsatOptions {
  /** The rating scale; 1–5 unless given (Intercom, Chatwoot). Zendesk's legacy good/bad is `{ min: 1, max: 2 }`. */
  readonly scale?: RatingScale;
  /**
   * The lowest rating that counts as satisfied. Unless given: the top point on a scale of two or
   * three points (Zendesk maps 2-point to {2}, 3-point to {3}), otherwise the top two points
   * ("top-two box": 4–5 on 1–5, 9–10 on 1–10).
   */
  readonly satisfied?: number;
  /** The normal quantile for the breakdown's confidence interval; 1.96 (95%) unless given. */
  readonly z?: number;
}

/**
 * The ratings behind a CSAT score, the score and its Wilson 95% interval.
 *
 * @category Survey scores
 */
export interface CsatBreakdown {
  /** How many ratings in all. */
  readonly total: number;
  /** How many ratings at or above the threshold. */
  readonly satisfied: number;
  /** The threshold used: the lowest satisfied rating. */
  readonly threshold: number;
  /** The CSAT score: satisfied ÷ total × 100. */
  readonly csat: number;
  /** The Wilson score interval of the score, in percent. */
  readonly interval: Interval;
  /** How many ratings of each point of the scale, keyed by rating. */
  readonly counts: Readonly<Record<number, number>>;
}

interface Resolved {
  readonly min: number;
  readonly max: number;
  readonly threshold: number;
  readonly z: number;
}

function resolve(fn: string, options: CsatOptions): Resolved {
  const { min, max } = resolveScale(fn, options.scale, 1, 5);
  const points = max - min + 1;
  const threshold = options.satisfied ?? (points <= 3 ? max : max - 1);
  if (!Number.isInteger(threshold) || threshold < min || threshold > max) {
    throw new TouchpointError(
      "invalid_option",
      `${fn}: expected satisfied to be an integer ${min}–${max}, got ${quote(options.satisfied)}`,
      { path: "satisfied", value: options.satisfied },
    );
  }
  const z = options.z === undefined ? 1.96 : checkNumber(fn, "z", options.z, 0, true);
  return { min, max, threshold, z };
}

function satisfiedOf(state: HistogramState, threshold: number): [satisfied: number, total: number] {
  let satisfied = 0;
  let total = 0;
  const counts = state.counts;
  const from = threshold - state.min;
  for (let k = 0; k < counts.length; k++) {
    total += counts[k]!;
    if (k >= from) satisfied += counts[k]!;
  }
  return [satisfied, total];
}

function breakdownOf(state: HistogramState, r: Resolved): CsatBreakdown | null {
  const [satisfied, total] = satisfiedOf(state, r.threshold);
  if (total === 0) return null;
  const interval = wilson(satisfied, total, r.z)!;
  const counts: Record<number, number> = {};
  for (let k = 0; k < state.counts.length; k++) counts[state.min + k] = state.counts[k]!;
  return {
    total,
    satisfied,
    threshold: r.threshold,
    csat: (satisfied * 100) / total,
    interval: { lower: interval.lower * 100, upper: interval.upper * 100 },
    counts,
  };
}

/**
 * Returns the CSAT score: the percentage of ratings at or above the "satisfied" threshold.
 *
 * @remarks
 * CSAT = satisfied ratings ÷ all ratings × 100. On the default 1–5 scale, 4 and 5 are satisfied:
 * Chatwoot's "(count of 4 + count of 5) ÷ total responses × 100", Intercom's share of 4–5
 * conversation ratings. Zendesk's legacy good/bad survey is `{ scale: { min: 1, max: 2 } }`
 * (bad = 1, good = 2), giving good ÷ (good + bad); its newer 3-point survey counts only 3 as good.
 * Unrated conversations are not ratings: leave them out. Ratings must be integers on the scale.
 *
 * @param ratings - the ratings, integers on the scale
 * @param options - the scale and the satisfied threshold (see {@link CsatOptions})
 * @returns the score 0–100, or `null` when there are no ratings
 * @throws {@link TouchpointError} `score_out_of_range`, `not_an_integer` or `not_finite` for a bad
 *   rating, naming its index; `invalid_option` for a bad scale or threshold
 *
 * @example
 * ```ts
 * import { csat } from "touchpoint/metrics";
 *
 * csat([5, 4, 3, 5, 1]); // => 60
 * csat([2, 2, 2, 1], { scale: { min: 1, max: 2 } }); // => 75
 * csat([10, 9, 8, 7], { scale: { min: 1, max: 10 } }); // => 50
 * csat([10, 9, 8, 7], { scale: { min: 1, max: 10 }, satisfied: 8 }); // => 75
 * csat([]); // => null
 * csat([6]); // throws score_out_of_range
 * ```
 *
 * @category Survey scores
 */
export function csat(ratings: ArrayLike<number>, options: CsatOptions = {}): number | null {
  options = checkOptions("csat", options);
  const r = resolve("csat", options);
  const counts = new Array<number>(r.max - r.min + 1).fill(0);
  countRatings(counts, r.min, r.max, ratings, "csat", false);
  const [satisfied, total] = satisfiedOf({ min: r.min, counts }, r.threshold);
  return percent(satisfied, total);
}

/**
 * Returns the ratings behind a CSAT score, the score and its Wilson 95% score interval.
 *
 * @remarks
 * Score and options as in {@link csat}. The interval is Wilson's (1927) score interval of the
 * proportion satisfied, in percent (see {@link wilsonInterval}); unlike score ± 1.96·SE it stays
 * within 0–100 and is trustworthy for the small samples of a single agent or week.
 *
 * @param ratings - the ratings, integers on the scale
 * @param options - the scale, the satisfied threshold and `z` (see {@link CsatOptions})
 * @returns the breakdown, or `null` when there are no ratings
 * @throws {@link TouchpointError} as {@link csat} does
 *
 * @example
 * ```ts
 * import { csatBreakdown } from "touchpoint/metrics";
 *
 * const b = csatBreakdown([5, 5, 4, 2])!;
 * b.csat; // => 75
 * b.satisfied; // => 3
 * b.counts; // => { 1: 0, 2: 1, 3: 0, 4: 1, 5: 2 }
 * // Wilson, p̂ = 0.75, n = 4: (0.75 + 0.4802 ± 1.96·√(0.046875 + 0.060025)) / 1.9604
 * b.interval.lower; // ≈ 30.06
 * b.interval.upper; // ≈ 95.44
 * ```
 *
 * @category Survey scores
 */
export function csatBreakdown(ratings: ArrayLike<number>, options: CsatOptions = {}): CsatBreakdown | null {
  options = checkOptions("csatBreakdown", options);
  const r = resolve("csatBreakdown", options);
  const counts = new Array<number>(r.max - r.min + 1).fill(0);
  countRatings(counts, r.min, r.max, ratings, "csatBreakdown", false);
  return breakdownOf({ min: r.min, counts }, r);
}

/**
 * Returns a mergeable aggregate (BigQuery UDAF shape) whose result is the CSAT score.
 *
 * @remarks
 * The state is the histogram `{ min, counts }` of the scale; merging adds the counts (states of
 * different scales refuse to merge), so any split merges to exactly the one-pass {@link csat}.
 *
 * @param options - the scale and the satisfied threshold (see {@link CsatOptions})
 * @returns the aggregate; its `finalize` gives the score or `null` for no ratings
 * @throws {@link TouchpointError} `invalid_option` for a bad scale or threshold
 *
 * @example
 * ```ts
 * import { createAccumulator, csatAggregate } from "touchpoint/metrics";
 *
 * const acc = createAccumulator(csatAggregate()).addAll([5, 4, 1]).add(3);
 * acc.result(); // => 50
 * acc.toJSON(); // => { min: 1, counts: [1, 0, 1, 1, 1] }
 * ```
 *
 * @category Survey scores
 */
export function csatAggregate(options: CsatOptions = {}): Aggregate<number, number | null, HistogramState> {
  options = checkOptions("csatAggregate", options);
  const r = resolve("csat", options);
  return histogramAggregate("csat", r, (state) => {
    const [satisfied, total] = satisfiedOf(state, r.threshold);
    return percent(satisfied, total);
  });
}

/**
 * Returns a mergeable aggregate (BigQuery UDAF shape) whose result is the {@link CsatBreakdown}.
 *
 * @remarks
 * Same state and merging as {@link csatAggregate}; `finalize` gives what {@link csatBreakdown} gives.
 *
 * @param options - the scale, the satisfied threshold and `z` (see {@link CsatOptions})
 * @returns the aggregate; its `finalize` gives the breakdown or `null` for no ratings
 * @throws {@link TouchpointError} `invalid_option` for a bad scale or threshold
 *
 * @example
 * ```ts
 * import { createAccumulator, csatBreakdownAggregate } from "touchpoint/metrics";
 *
 * const acc = createAccumulator(csatBreakdownAggregate({ scale: { min: 1, max: 3 } })).addAll([3, 3, 2]);
 * acc.result()?.satisfied; // => 2
 * acc.result()?.threshold; // => 3
 * ```
 *
 * @category Survey scores
 */
export function csatBreakdownAggregate(
  options: CsatOptions = {},
): Aggregate<number, CsatBreakdown | null, HistogramState> {
  options = checkOptions("csatBreakdownAggregate", options);
  const r = resolve("csatBreakdown", options);
  return histogramAggregate("csatBreakdown", r, (state) => breakdownOf(state, r));
}
