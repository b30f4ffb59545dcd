/**
 * What is wrong with a timestamp text that does not parse, in words: the one place the schemas, the
 * adapters and the CSV reader (and so the command line, which reads through them) explain a refused
 * date-time. A date that has the right shape but does not exist in the calendar (`2026-02-30`,
 * `2026-13-01`, `2025-02-29`) or a time of day that does not exist (`25:00`) is named as such, since
 * "invalid date" sends a user looking for a format problem that is not there.
 */

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Days in `month` (1–12) of the proleptic Gregorian `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * Why `input` names no instant when it has the shape of an ISO 8601 date (`YYYY-MM-DD`, with or
 * without a time) but its month, day, hour, minute or second does not exist, e.g.
 * `the date 2026-02-30 does not exist (February 2026 has 28 days)`; `undefined` otherwise (the
 * caller then says which format it expected).
 */
export function calendarProblem(input: unknown): string | undefined {
  if (typeof input !== "string") return undefined;
  const m = SHAPE.exec(input.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m as unknown as [string, string, string, string, string?, string?, string?];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const date = `${y}-${mo}-${d}`;
  if (month < 1 || month > 12)
    return `the date ${date} does not exist (there is no month ${mo}; months go from 01 to 12)`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days)
    return `the date ${date} does not exist (${MONTHS[month - 1]} ${y} has ${days} days)`;
  if (h !== undefined && Number(h) > 23) return `the time ${h}:${mi} does not exist (hours go from 00 to 23)`;
  if (mi !== undefined && Number(mi) > 59)
    return `the time ${h}:${mi} does not exist (minutes go from 00 to 59)`;
  if (s !== undefined && Number(s) > 59)
    return `the time ${h}:${mi}:${s} does not exist (seconds go from 00 to 59; leap seconds are not read)`;
  return undefined;
}

/** `expected`, followed by what is wrong with `input` when it is a date or time that does not exist. */
export function timestampMessage(expected: string, input: unknown): string {
  const problem = calendarProblem(input);
  return problem === undefined ? expected : `${expected}: ${problem}`;
}
