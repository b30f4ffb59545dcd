import { quote, TouchpointError } from "../internal/errors.js";
import { checkCalendarInstant } from "../internal/instant.js";
import { type BusinessSchedule, compiledOf, dateOf, dayAt } from "./business-schedule.js";

/**
 * Returns the business time between two instants under a schedule, in milliseconds.
 *
 * @remarks
 * The sum, over the local dates from `start`'s to `end`'s, of the overlap of [start, end] with each
 * date's open intervals, after holidays and closures, converted to instants in the schedule's zone
 * (so a day that loses an hour to daylight saving loses it here too). This is how Zendesk reports
 * every duration "in business hours" next to its calendar value (anchors §2.1), and what Chatwoot's
 * `value_in_business_hours` and Intercom's "within office hours" lens compute.
 *
 * Additive over any split point (`businessDuration(a, c) = businessDuration(a, b) +
 * businessDuration(b, c)`), never negative, never more than `end − start`, and equal to it under a
 * schedule open 24/7; these are property-tested.
 *
 * Complexity: O(d) for d local dates spanned. Whole dates inside the range add their cached total;
 * a date costs two `Intl` offset lookups the first time any schedule function visits it and a
 * map lookup after that, so a year-long span is a few hundred additions.
 *
 * @param start - the earlier instant, epoch milliseconds
 * @param end - the later instant, epoch milliseconds
 * @param schedule - a schedule from {@link businessSchedule}
 * @returns open milliseconds between `start` and `end`
 * @throws {@link TouchpointError} `invalid_timestamp` when an instant is not a number from 1970 to the end of year 9999;
 * `end_before_start` when `end < start`; `invalid_schedule` when `schedule` is not one
 *
 * @example
 * ```ts
 * import { businessDuration, businessSchedule } from "touchpoint/metrics";
 *
 * const nineToFive = [{ start: "09:00", end: "17:00" }];
 * const schedule = businessSchedule({
 *   timeZone: "Europe/London",
 *   hours: { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive },
 * });
 * // Friday 6 March 2026, 16:00 GMT to Monday 9 March, 10:00: one hour on Friday, one on Monday.
 * businessDuration(Date.parse("2026-03-06T16:00:00Z"), Date.parse("2026-03-09T10:00:00Z"), schedule); // => 7200000
 * businessDuration(Date.parse("2026-03-09T10:00:00Z"), Date.parse("2026-03-06T16:00:00Z"), schedule); // throws end_before_start
 * ```
 *
 * @category Business time
 */
export function businessDuration(start: number, end: number, schedule: BusinessSchedule): number {
  checkCalendarInstant(start, "businessDuration", "start");
  checkCalendarInstant(end, "businessDuration", "end");
  if (end < start) {
    throw new TouchpointError(
      "end_before_start",
      `businessDuration: expected an end at or after the start ${new Date(start).toISOString()}, got ${quote(end)} (${new Date(end).toISOString()}) at end`,
      { path: "end", value: end },
    );
  }
  const c = compiledOf(schedule, "businessDuration");
  return openBetween(c, start, end);
}

/** Open milliseconds in [start, end] (start ≤ end, both finite) of a compiled schedule. */
export function openBetween(c: ReturnType<typeof compiledOf>, start: number, end: number): number {
  if (end === start) return 0;
  const last = dateOf(c, end);
  let sum = 0;
  for (let d = dateOf(c, start); d <= last; d++) {
    const day = dayAt(c, d);
    if (day.start >= start && day.end <= end) {
      sum += day.total;
      continue;
    }
    const open = day.open;
    for (let i = 0; i < open.length; i += 2) {
      const lo = Math.max(open[i]!, start);
      const hi = Math.min(open[i + 1]!, end);
      if (hi > lo) sum += hi - lo;
    }
  }
  return sum;
}
