import { checkCalendarInstant } from "../internal/instant.js";
import { type BusinessSchedule, compiledOf, dateOf, dayAt } from "./business-schedule.js";

/**
 * Returns whether the team is open at instant `t` under a schedule.
 *
 * @remarks
 * True when `t` falls in an open interval of its local date, start included and end excluded
 * (a 09:00–17:00 day is open at 09:00 and closed at 17:00), after holidays and closures.
 *
 * @param t - the instant, epoch milliseconds
 * @param schedule - a schedule from {@link businessSchedule}
 * @returns `true` when open
 * @throws {@link TouchpointError} `invalid_timestamp` for a `t` that is not a number from 1970 to the end of year 9999
 *
 * @example
 * ```ts
 * import { businessSchedule, isWithinBusinessHours } from "touchpoint/metrics";
 *
 * const schedule = businessSchedule({
 *   timeZone: "America/New_York",
 *   hours: { monday: [{ start: "09:00", end: "17:00" }] },
 * });
 * // Monday 9 March 2026 is the first weekday of daylight time (UTC−4): 09:00 local is 13:00 UTC.
 * isWithinBusinessHours(Date.parse("2026-03-09T13:00:00Z"), schedule); // => true
 * isWithinBusinessHours(Date.parse("2026-03-09T12:59:00Z"), schedule); // => false
 * isWithinBusinessHours(Date.parse("2026-03-09T21:00:00Z"), schedule); // => false
 * ```
 *
 * @category Business time
 */
export function isWithinBusinessHours(t: number, schedule: BusinessSchedule): boolean {
  checkCalendarInstant(t, "isWithinBusinessHours", "t");
  const c = compiledOf(schedule, "isWithinBusinessHours");
  const open = dayAt(c, dateOf(c, t)).open;
  for (let i = 0; i < open.length; i += 2) if (t >= open[i]! && t < open[i + 1]!) return true;
  return false;
}
