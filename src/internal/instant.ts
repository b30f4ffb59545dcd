import { quote, TouchpointError } from "./errors.js";

/** The largest distance from the epoch a JavaScript `Date` can hold (±100,000,000 days), in ms. */
export const DATE_LIMIT = 8.64e15;

/**
 * Checks that `value` is a finite number of epoch milliseconds that a `Date` can hold (within
 * ±8.64e15, so every message and calendar computation can print and read it) and returns it;
 * throws `invalid_timestamp` naming the function, the value and where it was otherwise.
 */
export function checkInstant(value: unknown, fn: string, path: string, index?: number): number {
  if (typeof value !== "number" || !(value >= -DATE_LIMIT && value <= DATE_LIMIT)) {
    const where = index === undefined ? path : `index ${index} (${path})`;
    throw new TouchpointError(
      "invalid_timestamp",
      `${fn}: expected a ${typeof value === "number" && Number.isFinite(value) ? "timestamp in epoch milliseconds within ±8.64e15 (what a Date holds)" : "finite timestamp in epoch milliseconds"}, got ${quote(value)} at ${where}`,
      index === undefined ? { path, value } : { index, path, value },
    );
  }
  return value;
}

/** The earliest and latest instants of the calendar touchpoint reads: 1970 to the end of year 9999 (as timestampSchema). */
export const MIN_CALENDAR_INSTANT = 0;
export const MAX_CALENDAR_INSTANT = 253_402_300_799_999;

/**
 * Checks that `value` is an instant from 1970 to the end of year 9999, the range of
 * `timestampSchema` and of the calendar computations (business time walks the days in between), and
 * returns it; throws `invalid_timestamp` naming the function, the value and where it was otherwise.
 */
export function checkCalendarInstant(value: unknown, fn: string, path: string): number {
  if (typeof value !== "number" || !(value >= MIN_CALENDAR_INSTANT && value <= MAX_CALENDAR_INSTANT)) {
    throw new TouchpointError(
      "invalid_timestamp",
      `${fn}: expected a timestamp in epoch milliseconds from 1970 to the end of year 9999, got ${quote(value)} at ${path}`,
      { path, value },
    );
  }
  return value;
}
