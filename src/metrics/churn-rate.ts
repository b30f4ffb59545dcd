import { checkRecord } from "../internal/args.js";
import type { Aggregate } from "./aggregate.js";
import { countsAggregate } from "./counts-aggregate.js";
import { checkCount, inconsistent, percent } from "./survey-checks.js";

/**
 * The counts behind a churn rate over one period.
 *
 * @category Rates
 */
export interface ChurnRateInput {
  /** Customers at the start of the period. */
  readonly start: number;
  /** How many of those were lost during the period (customers acquired during it not counted). */
  readonly lost: number;
}

const FN = "churnRate";

function check(input: ChurnRateInput, index?: number): void {
  const start = checkCount(FN, "start", input.start, index);
  const lost = checkCount(FN, "lost", input.lost, index);
  if (lost > start) inconsistent(FN, `lost at most start (${start})`, lost, index);
}

function rate(input: ChurnRateInput): number | null {
  return percent(input.lost, input.start);
}

/**
 * Returns the churn rate of a period: customers lost ÷ customers at the start × 100.
 *
 * @remarks
 * Customers lost during the period over customers at its start, leaving out customers acquired
 * during the period (B360 marketing glossary, https://b360mm.com/marketing-glossary/churn-rate/).
 * With the same counts it is `100 − retentionRate` when no new customer churned.
 *
 * @param input - `start` and `lost`, non-negative integers with `lost ≤ start`
 * @returns the rate 0–100, or `null` when there were no customers at the start
 * @throws {@link TouchpointError} `negative_value`, `not_an_integer` or `not_finite` for a bad
 *   count; `inconsistent_counts` when `lost > start`
 *
 * @example
 * ```ts
 * import { churnRate } from "touchpoint/metrics";
 *
 * churnRate({ start: 400, lost: 18 }); // => 4.5
 * churnRate({ start: 0, lost: 0 }); // => null
 * churnRate({ start: 5, lost: 6 }); // throws inconsistent_counts
 * ```
 *
 * @category Rates
 */
export function churnRate(input: ChurnRateInput): number | null {
  checkRecord("churnRate", "input", input);
  check(input);
  return rate(input);
}

/**
 * Returns a mergeable aggregate (BigQuery UDAF shape) of churn counts whose result is the pooled
 * churn rate.
 *
 * @remarks
 * Each value is a `{ start, lost }` pair for one segment of the same period (a region, a plan);
 * the state sums them and `finalize` gives {@link churnRate} of the sums. Do not sum consecutive
 * periods: their start counts overlap.
 *
 * @returns the aggregate; its `finalize` gives the rate or `null` when nobody was there at the start
 *
 * @example
 * ```ts
 * import { churnRateAggregate, createAccumulator } from "touchpoint/metrics";
 *
 * const acc = createAccumulator(churnRateAggregate());
 * acc.addAll([{ start: 100, lost: 5 }, { start: 300, lost: 3 }]).result(); // => 2
 * ```
 *
 * @category Rates
 */
export function churnRateAggregate(): Aggregate<ChurnRateInput, number | null, ChurnRateInput> {
  return countsAggregate(FN, ["start", "lost"], check, rate);
}
