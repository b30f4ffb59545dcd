import { checkRecord } from "../internal/args.js";
import type { Aggregate } from "./aggregate.js";
import { countsAggregate } from "./counts-aggregate.js";
import { checkCount, inconsistent, percent } from "./survey-checks.js";

/**
 * The counts behind a conversion rate.
 *
 * @category Rates
 */
export interface ConversionRateInput {
  /** How many chances to convert there were: visitors, leads, trials, chats offered a discount. */
  readonly opportunities: number;
  /** How many of them converted (counted once each). */
  readonly conversions: number;
}

const FN = "conversionRate";

function check(input: ConversionRateInput, index?: number): void {
  const opportunities = checkCount(FN, "opportunities", input.opportunities, index);
  const conversions = checkCount(FN, "conversions", input.conversions, index);
  if (conversions > opportunities) {
    inconsistent(FN, `conversions at most opportunities (${opportunities})`, conversions, index);
  }
}

function rate(input: ConversionRateInput): number | null {
  return percent(input.conversions, input.opportunities);
}

/**
 * Returns the conversion rate: conversions ÷ opportunities × 100.
 *
 * @remarks
 * The share of opportunities (visitors, leads, trials, a journey stage's entrants) that reached
 * the goal, each converting at most once, so the rate is a proportion 0–100. Which events count
 * as opportunity and conversion is the caller's definition (Customer.io counts a conversion goal
 * met within a window after a message).
 *
 * @param input - `opportunities` and `conversions`, non-negative integers with `conversions ≤ opportunities`
 * @returns the rate 0–100, or `null` when there were no opportunities
 * @throws {@link TouchpointError} `negative_value`, `not_an_integer` or `not_finite` for a bad
 *   count; `inconsistent_counts` when `conversions > opportunities`
 *
 * @example
 * ```ts
 * import { conversionRate } from "touchpoint/metrics";
 *
 * conversionRate({ opportunities: 1250, conversions: 50 }); // => 4
 * conversionRate({ opportunities: 0, conversions: 0 }); // => null
 * ```
 *
 * @category Rates
 */
export function conversionRate(input: ConversionRateInput): number | null {
  checkRecord("conversionRate", "input", input);
  check(input);
  return rate(input);
}

/**
 * Returns a mergeable aggregate (BigQuery UDAF shape) of conversion counts whose result is the
 * pooled conversion rate.
 *
 * @remarks
 * Each value is an `{ opportunities, conversions }` pair (one visitor is `{ opportunities: 1,
 * conversions: 0 or 1 }`); the state sums them and `finalize` gives {@link conversionRate} of the sums.
 *
 * @returns the aggregate; its `finalize` gives the rate or `null` when there were no opportunities
 *
 * @example
 * ```ts
 * import { conversionRateAggregate, createAccumulator } from "touchpoint/metrics";
 *
 * const acc = createAccumulator(conversionRateAggregate());
 * acc.add({ opportunities: 1, conversions: 1 }).add({ opportunities: 3, conversions: 0 }).result(); // => 25
 * ```
 *
 * @category Rates
 */
export function conversionRateAggregate(): Aggregate<
  ConversionRateInput,
  number | null,
  ConversionRateInput
> {
  return countsAggregate(FN, ["opportunities", "conversions"], check, rate);
}
