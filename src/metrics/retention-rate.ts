import { checkRecord } from "../internal/args.js";
import type { Aggregate } from "./aggregate.js";
import { countsAggregate } from "./counts-aggregate.js";
import { checkCount, inconsistent, percent } from "./survey-checks.js";

/**
 * The counts behind a retention rate over one period.
 *
 * @category Rates
 */
export interface RetentionRateInput {
  /** S: customers at the start of the period. */
  readonly start: number;
  /** E: customers at the end of the period. */
  readonly end: number;
  /** N: customers acquired during the period (and still there at its end). */
  readonly acquired: number;
}

const FN = "retentionRate";

function check(input: RetentionRateInput, index?: number): void {
  const start = checkCount(FN, "start", input.start, index);
  const end = checkCount(FN, "end", input.end, index);
  const acquired = checkCount(FN, "acquired", input.acquired, index);
  if (acquired > end) inconsistent(FN, `acquired at most end (${end})`, acquired, index);
  if (end - acquired > start)
    inconsistent(FN, `end − acquired at most start (${start})`, end - acquired, index);
}

function rate(input: RetentionRateInput): number | null {
  return percent(input.end - input.acquired, input.start);
}

/**
 * Returns the customer retention rate of a period: ((E − N) ÷ S) × 100.
 *
 * @remarks
 * E customers at the end, N acquired during the period, S at the start: E − N is how many of the
 * starting customers stayed. Zendesk's formula
 * (https://www.zendesk.com/sg/blog/calculate-customer-retention-rate/).
 *
 * @param input - `start` (S), `end` (E) and `acquired` (N), non-negative integers
 * @returns the rate 0–100, or `null` when there were no customers at the start
 * @throws {@link TouchpointError} `negative_value`, `not_an_integer` or `not_finite` for a bad
 *   count; `inconsistent_counts` when `acquired > end` or `end − acquired > start`
 *
 * @example
 * ```ts
 * import { retentionRate } from "touchpoint/metrics";
 *
 * // 200 at the start, 180 at the end of whom 40 are new: 140 of 200 stayed.
 * retentionRate({ start: 200, end: 180, acquired: 40 }); // => 70
 * retentionRate({ start: 0, end: 10, acquired: 10 }); // => null
 * retentionRate({ start: 10, end: 30, acquired: 5 }); // throws inconsistent_counts
 * ```
 *
 * @category Rates
 */
export function retentionRate(input: RetentionRateInput): number | null {
  checkRecord("retentionRate", "input", input);
  check(input);
  return rate(input);
}

/**
 * Returns a mergeable aggregate (BigQuery UDAF shape) of retention counts whose result is the
 * pooled retention rate.
 *
 * @remarks
 * Each value is a `{ start, end, acquired }` triple for one segment of the same period; the state
 * sums them and `finalize` gives {@link retentionRate} of the sums.
 *
 * @returns the aggregate; its `finalize` gives the rate or `null` when nobody was there at the start
 *
 * @example
 * ```ts
 * import { createAccumulator, retentionRateAggregate } from "touchpoint/metrics";
 *
 * const acc = createAccumulator(retentionRateAggregate());
 * acc.add({ start: 100, end: 95, acquired: 5 }).add({ start: 100, end: 80, acquired: 10 }).result(); // => 80
 * ```
 *
 * @category Rates
 */
export function retentionRateAggregate(): Aggregate<RetentionRateInput, number | null, RetentionRateInput> {
  return countsAggregate(FN, ["start", "end", "acquired"], check, rate);
}
