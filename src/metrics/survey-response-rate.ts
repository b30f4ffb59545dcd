import { checkRecord } from "../internal/args.js";
import type { Aggregate } from "./aggregate.js";
import { countsAggregate } from "./counts-aggregate.js";
import { checkCount, inconsistent, percent } from "./survey-checks.js";

/**
 * The counts behind a survey response rate.
 *
 * @category Rates
 */
export interface SurveyResponseRateInput {
  /** How many surveys were sent (Chatwoot: CSAT messages sent). */
  readonly sent: number;
  /** How many of them were answered. */
  readonly responses: number;
}

const FN = "surveyResponseRate";

function check(input: SurveyResponseRateInput, index?: number): void {
  const sent = checkCount(FN, "sent", input.sent, index);
  const responses = checkCount(FN, "responses", input.responses, index);
  if (responses > sent) inconsistent(FN, `responses at most sent (${sent})`, responses, index);
}

function rate(input: SurveyResponseRateInput): number | null {
  return percent(input.responses, input.sent);
}

/**
 * Returns the survey response rate: responses ÷ surveys sent × 100.
 *
 * @remarks
 * Chatwoot's definition ("Response rate = responses ÷ CSAT messages sent × 100"). Count a survey
 * once however many reminders it had, and a response once however often it was edited.
 *
 * @param input - `sent` and `responses`, non-negative integers with `responses ≤ sent`
 * @returns the rate 0–100, or `null` when no survey was sent
 * @throws {@link TouchpointError} `negative_value`, `not_an_integer` or `not_finite` for a bad
 *   count; `inconsistent_counts` when `responses > sent`
 *
 * @example
 * ```ts
 * import { surveyResponseRate } from "touchpoint/metrics";
 *
 * surveyResponseRate({ sent: 200, responses: 46 }); // => 23
 * surveyResponseRate({ sent: 0, responses: 0 }); // => null
 * surveyResponseRate({ sent: 10, responses: 11 }); // throws inconsistent_counts
 * ```
 *
 * @category Rates
 */
export function surveyResponseRate(input: SurveyResponseRateInput): number | null {
  checkRecord("surveyResponseRate", "input", input);
  check(input);
  return rate(input);
}

/**
 * Returns a mergeable aggregate (BigQuery UDAF shape) of survey response counts whose result is
 * the pooled response rate.
 *
 * @remarks
 * Each value is a `{ sent, responses }` pair (one survey campaign, one day, one inbox); the state
 * sums them and `finalize` gives {@link surveyResponseRate} of the sums.
 *
 * @returns the aggregate; its `finalize` gives the rate or `null` when nothing was sent
 *
 * @example
 * ```ts
 * import { createAccumulator, surveyResponseRateAggregate } from "touchpoint/metrics";
 *
 * const acc = createAccumulator(surveyResponseRateAggregate());
 * acc.add({ sent: 30, responses: 6 }).add({ sent: 10, responses: 4 }).result(); // => 25
 * ```
 *
 * @category Rates
 */
export function surveyResponseRateAggregate(): Aggregate<
  SurveyResponseRateInput,
  number | null,
  SurveyResponseRateInput
> {
  return countsAggregate(FN, ["sent", "responses"], check, rate);
}
