import { quote, TouchpointError } from "../internal/errors.js";
import { checkCalendarInstant, MAX_CALENDAR_INSTANT } from "../internal/instant.js";
import { type BusinessSchedule, type Compiled, compiledOf, dateOf, dayAt } from "./business-schedule.js";

/**
 * Returns the instant at which `duration` milliseconds of business time have passed since `start`:
 * the due time of an SLA target in business hours.
 *
 * @remarks
 * Walks the schedule's open intervals forward from `start`, one local date at a time, until
 * `duration` is used up; the answer always lies in an open interval (or at its end). A zero
 * duration returns `start` itself. The inverse of {@link businessDuration}:
 * `businessDuration(start, addBusinessTime(start, ms, s), s) === ms`.
 *
 * Complexity: O(d) for d local dates walked (cached after the first visit, see
 * {@link businessDuration}). A schedule always has an open interval in its week and only finitely many
 * holidays, so the walk ends.
 *
 * @param start - where the clock starts, epoch milliseconds
 * @param duration - business milliseconds to add, zero or more
 * @param schedule - a schedule from {@link businessSchedule}
 * @returns the instant, epoch milliseconds
 * @throws {@link TouchpointError} `invalid_timestamp` for a `start` that is not a number from 1970 to the end of year 9999;
 * `invalid_duration` for a negative or non-finite `duration`, or one that would end after year 9999
 *
 * @example
 * ```ts
 * import { addBusinessTime, businessSchedule } from "touchpoint/metrics";
 *
 * const nineToFive = [{ start: "09:00", end: "17:00" }];
 * const schedule = businessSchedule({
 *   timeZone: "Europe/London",
 *   hours: { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive },
 * });
 * // A 2-hour target on a ticket from Friday 16:00: one hour on Friday, the second on Monday morning.
 * const due = addBusinessTime(Date.parse("2026-03-06T16:00:00Z"), 2 * 3_600_000, schedule);
 * new Date(due).toISOString(); // => "2026-03-09T10:00:00.000Z"
 * addBusinessTime(Date.parse("2026-03-06T16:00:00Z"), -1, schedule); // throws invalid_duration
 * ```
 *
 * @category Business time
 */
export function addBusinessTime(start: number, duration: number, schedule: BusinessSchedule): number {
  checkCalendarInstant(start, "addBusinessTime", "start");
  if (typeof duration !== "number" || !Number.isFinite(duration) || duration < 0) {
    throw new TouchpointError(
      "invalid_duration",
      `addBusinessTime: expected a finite duration of zero or more milliseconds, got ${quote(duration)} at duration`,
      { path: "duration", value: duration },
    );
  }
  return addOpen(compiledOf(schedule, "addBusinessTime"), start, duration);
}

/** The last local date (days since 1970-01-01) business time walks to: the end of year 9999, plus a day of offset. */
const LAST_DATE = Math.floor(MAX_CALENDAR_INSTANT / 86_400_000) + 1;

function pastLastDate(duration: number): never {
  throw new TouchpointError(
    "invalid_duration",
    `addBusinessTime: expected a duration that ends by the end of year 9999, got ${quote(duration)} at duration`,
    { path: "duration", value: duration },
  );
}

/** The instant `duration` open milliseconds after `start` under a compiled schedule. */
export function addOpen(c: Compiled, start: number, duration: number): number {
  if (duration === 0) return start;
  // Open time never exceeds wall time: a longer duration cannot end by the end of year 9999.
  if (duration > MAX_CALENDAR_INSTANT - start) pastLastDate(duration);
  let remaining = duration;
  for (let d = dateOf(c, start); ; d++) {
    if (d > LAST_DATE) pastLastDate(duration);
    const day = dayAt(c, d);
    if (day.end <= start) continue;
    const open = day.open;
    for (let i = 0; i < open.length; i += 2) {
      const lo = Math.max(open[i]!, start);
      const available = open[i + 1]! - lo;
      if (available <= 0) continue;
      if (available >= remaining) return lo + remaining;
      remaining -= available;
    }
  }
}
