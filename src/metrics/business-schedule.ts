/*
 * Business schedules: when a support team is open, in its own time zone.
 *
 * Design after Zendesk's `biz` gem (anchors §2.2): several intervals a day, shifts that cross
 * midnight, holidays as whole dates or partial closures, an IANA zone with daylight-saving changes.
 * Chatwoot allows one interval a day and no holidays (anchors §2.8); its users ask for both.
 *
 * The definition is compiled once into minute ranges per weekday (an overnight shift is split at
 * midnight, its tail moved to the next weekday) and closures per date. Each local date the
 * calculators visit is then turned into UTC instants once and cached per schedule (`dayAt`), so a
 * duration over months costs one cache lookup per day, and the `Intl` offset lookups (a few µs
 * each) are paid once per date, not per call.
 */
import { quote, TouchpointError } from "../internal/errors.js";
import { assertTimeZone, DAY, offsetAt, transitionBetween } from "../internal/time-zone.js";

/**
 * The days of the week, Sunday first (the order of `Date.prototype.getDay` and of Zendesk's
 * "minutes since Sunday at midnight").
 *
 * @example
 * ```ts
 * import { weekdays } from "touchpoint/metrics";
 *
 * weekdays[1]; // => "monday"
 * ```
 *
 * @category Business time
 */
export const weekdays = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;
/** A day of the week ({@link weekdays}). @category Business time */
export type Weekday = (typeof weekdays)[number];

/**
 * One opening interval of a weekday, in local wall-clock time.
 *
 * @category Business time
 */
export interface BusinessInterval {
  /** Opening time, `"HH:MM"` (24-hour clock). */
  readonly start: string;
  /** Closing time, `"HH:MM"`; `"24:00"` means midnight at the end of the day. */
  readonly end: string;
  /**
   * `true` for a shift that crosses midnight: it ends at `end` on the next day (Friday
   * `22:00`–`06:00` closes at 06:00 on Saturday). Required whenever `end` is not after `start`.
   */
  readonly overnight?: boolean;
}

/**
 * A date on which the team is closed: the whole day, or from `start` to `end` only.
 *
 * @category Business time
 */
export interface BusinessHoliday {
  /** The local date, `"YYYY-MM-DD"`. */
  readonly date: string;
  /** Start of a partial closure, `"HH:MM"`; omit with `end` to close the whole date. */
  readonly start?: string;
  /** End of a partial closure, `"HH:MM"` or `"24:00"`. */
  readonly end?: string;
  /** A label, for people. */
  readonly name?: string;
}

/**
 * What {@link businessSchedule} accepts: a time zone, the weekly opening intervals and holidays.
 *
 * @category Business time
 */
export interface BusinessScheduleDefinition {
  /** An IANA time zone such as `"America/New_York"`, or `"UTC"`. */
  readonly timeZone: string;
  /** Opening intervals per weekday; a day left out is closed. */
  readonly hours: { readonly [day in Weekday]?: readonly BusinessInterval[] };
  /** Closed dates (`"2026-12-25"`) or partial closures (`{ date, start, end }`), in local time. */
  readonly holidays?: readonly (string | BusinessHoliday)[];
}

/**
 * A validated business schedule, ready for {@link businessDuration} and friends.
 *
 * @category Business time
 */
export interface BusinessSchedule {
  /** The IANA time zone the hours are given in. */
  readonly timeZone: string;
  /** Open minutes in an ordinary week (no holidays, no clock change). */
  readonly minutesPerWeek: number;
  /** The definition it was built from; JSON-serialisable, so a schedule can be stored and rebuilt. */
  readonly definition: BusinessScheduleDefinition;
}

/** One local date, compiled: its bounds and open intervals as UTC instants. */
export interface BusinessDay {
  /** The instant the local date begins. */
  readonly start: number;
  /** The instant the next local date begins. */
  readonly end: number;
  /** Open intervals, `[start0, end0, start1, end1, …]`, ascending and disjoint. */
  readonly open: Float64Array;
  /** Total open milliseconds. */
  readonly total: number;
}

/** A schedule compiled for computation (internal; not exported from the package). */
export interface Compiled {
  readonly zone: string;
  /** Per weekday, Sunday first: merged minute ranges `[s0, e0, s1, e1, …]` within 0–1440. */
  readonly week: readonly number[][];
  /** Per date (days since 1970-01-01): closed minute ranges. */
  readonly closures: ReadonlyMap<number, number[]>;
  /** Dates turned into instants so far. */
  readonly days: Map<number, BusinessDay>;
  /** The date looked up last and its day: most calls ask for the same date two or three times. */
  lastDate: number;
  lastDay: BusinessDay | null;
}

const compiledSchedules = new WeakMap<object, Compiled>();
const MAX_CACHED_DAYS = 20_000;
const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function fail(code: string, fn: string, expected: string, value: unknown, path: string): never {
  throw new TouchpointError(code, `${fn}: expected ${expected}, got ${quote(value)} at ${path}`, {
    path,
    value,
  });
}

/** Minutes since midnight of an `"HH:MM"` time; `"24:00"` only where `allowEnd`. */
function minutesOf(value: unknown, allowEnd: boolean, fn: string, path: string): number {
  const m = typeof value === "string" ? TIME.exec(value) : null;
  if (m === null || (!allowEnd && m[3] !== undefined)) {
    fail(
      "invalid_time",
      fn,
      allowEnd ? 'a time "HH:MM" from 00:00 to 24:00' : 'a time "HH:MM" from 00:00 to 23:59',
      value,
      path,
    );
  }
  return m[3] !== undefined ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

/** Days since 1970-01-01 of a `"YYYY-MM-DD"` date. */
function dayNumberOf(value: unknown, fn: string, path: string): number {
  const m = typeof value === "string" ? DATE.exec(value) : null;
  if (m !== null) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d)
      return t / DAY;
  }
  return fail("invalid_date", fn, 'a date "YYYY-MM-DD"', value, path);
}

/** Sorts and merges minute ranges `[s, e, s, e, …]` (touching ranges merge too). */
function merge(ranges: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    if (out.length > 0 && s <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, e);
    else out.push(s, e);
  }
  return out;
}

/** Removes the closed ranges from the open ranges (both merged). */
function subtract(open: readonly number[], closed: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < open.length; i += 2) {
    let s = open[i]!;
    const e = open[i + 1]!;
    for (let j = 0; j < closed.length && s < e; j += 2) {
      const cs = closed[j]!;
      const ce = closed[j + 1]!;
      if (ce <= s || cs >= e) continue;
      if (cs > s) out.push(s, cs);
      s = Math.max(s, ce);
    }
    if (s < e) out.push(s, e);
  }
  return out;
}

function compile(definition: BusinessScheduleDefinition, fn: string): Compiled {
  if (typeof definition !== "object" || definition === null) {
    fail(
      "invalid_schedule",
      fn,
      "a schedule definition { timeZone, hours, holidays? }",
      definition,
      "definition",
    );
  }
  const zone = assertTimeZone(definition.timeZone, fn);
  const hours = definition.hours;
  if (typeof hours !== "object" || hours === null)
    fail("invalid_schedule", fn, "an object of weekdays", hours, "hours");
  for (const key of Object.keys(hours)) {
    if (!(weekdays as readonly string[]).includes(key))
      fail("invalid_schedule", fn, 'a weekday name such as "monday"', key, "hours");
  }
  const raw: number[][] = weekdays.map(() => []);
  for (let w = 0; w < 7; w++) {
    const list = hours[weekdays[w]!];
    if (list === undefined) continue;
    if (!Array.isArray(list))
      fail("invalid_schedule", fn, "an array of intervals", list, `hours.${weekdays[w]}`);
    list.forEach((interval: BusinessInterval, i: number) => {
      const path = `hours.${weekdays[w]}[${i}]`;
      const s = minutesOf(interval?.start, false, fn, `${path}.start`);
      const e = minutesOf(interval?.end, true, fn, `${path}.end`);
      if (interval.overnight === true) {
        if (e > s || e === 1440)
          fail(
            "invalid_interval",
            fn,
            `an overnight end before or at the start ${interval.start}`,
            interval.end,
            `${path}.end`,
          );
        raw[w]!.push(s, 1440);
        if (e > 0) raw[(w + 1) % 7]!.push(0, e);
      } else {
        if (e <= s) {
          fail(
            "invalid_interval",
            fn,
            `an end after the start ${interval.start} (set overnight: true for a shift past midnight)`,
            interval.end,
            `${path}.end`,
          );
        }
        raw[w]!.push(s, e);
      }
    });
  }
  const week = raw.map(merge);
  if (week.every((ranges) => ranges.length === 0))
    fail("empty_schedule", fn, "at least one opening interval", hours, "hours");
  const closed = new Map<number, number[]>();
  const holidays = definition.holidays ?? [];
  if (!Array.isArray(holidays)) fail("invalid_schedule", fn, "an array of holidays", holidays, "holidays");
  holidays.forEach((holiday: string | BusinessHoliday, i: number) => {
    const path = `holidays[${i}]`;
    const whole = typeof holiday === "string";
    const d = dayNumberOf(whole ? holiday : holiday?.date, fn, whole ? path : `${path}.date`);
    let s = 0;
    let e = 1440;
    if (!whole && (holiday.start !== undefined || holiday.end !== undefined)) {
      s = minutesOf(holiday.start ?? "00:00", false, fn, `${path}.start`);
      e = minutesOf(holiday.end ?? "24:00", true, fn, `${path}.end`);
      if (e <= s)
        fail("invalid_interval", fn, `an end after the start ${holiday.start}`, holiday.end, `${path}.end`);
    }
    const list = closed.get(d) ?? [];
    list.push(s, e);
    closed.set(d, list);
  });
  for (const [d, list] of closed) closed.set(d, merge(list));
  return { zone, week, closures: closed, days: new Map(), lastDate: Number.NaN, lastDay: null };
}

/**
 * Returns a validated business schedule: opening intervals per weekday in an IANA time zone, with
 * split and overnight shifts and holidays.
 *
 * @remarks
 * The model is Zendesk's (schedules with several intervals a day, a time zone and holidays) and its
 * `biz` gem's (anchors §2.2), extended with shifts that cross midnight: `{ start: "22:00", end:
 * "06:00", overnight: true }` on Friday is open until 06:00 on Saturday. Overlapping intervals are
 * merged. Chatwoot, by contrast, allows one interval a day and no holidays (anchors §2.8).
 *
 * Holidays are local calendar dates, as in `biz`: a holiday closes 00:00–24:00 of its date only,
 * so the part of the previous night's shift before midnight still counts. `{ date, start, end }`
 * closes part of a date.
 *
 * Daylight-saving changes follow the zone's rules as the JavaScript engine knows them
 * (`Intl.DateTimeFormat`): an 8-hour shift on the night clocks change lasts 7 or 9 real hours.
 * The team is open whenever the wall clock shows an open time: an interval that starts inside a
 * spring-forward gap (02:30 when clocks jump from 02:00 to 03:00) opens at the jump, and an hour
 * that the autumn change repeats is open both times if it is open at all.
 *
 * @param definition - the time zone, the intervals per weekday and the holidays
 * @returns the schedule, with `minutesPerWeek` for a quick check
 * @throws {@link TouchpointError} `unknown_time_zone` (the zone is not one the engine knows),
 * `invalid_time` (not `"HH:MM"`), `invalid_interval` (an end not after its start without
 * `overnight`), `invalid_date` (a holiday not `"YYYY-MM-DD"`), `invalid_schedule` (an unknown weekday
 * or a malformed definition), `empty_schedule` (no opening interval at all)
 *
 * @example
 * ```ts
 * import { businessSchedule } from "touchpoint/metrics";
 *
 * const nineToFive = { start: "09:00", end: "17:00" };
 * const schedule = businessSchedule({
 *   timeZone: "Europe/London",
 *   hours: {
 *     monday: [{ start: "09:00", end: "12:30" }, { start: "13:30", end: "17:00" }],
 *     tuesday: [nineToFive],
 *     wednesday: [nineToFive],
 *     thursday: [nineToFive],
 *     friday: [nineToFive, { start: "22:00", end: "06:00", overnight: true }],
 *   },
 *   holidays: ["2026-12-25", { date: "2026-12-24", start: "13:00", end: "24:00" }],
 * });
 * schedule.minutesPerWeek; // => 2820
 * businessSchedule({ timeZone: "Mars/Olympus_Mons", hours: { monday: [nineToFive] } }); // throws unknown_time_zone
 * businessSchedule({ timeZone: "UTC", hours: { friday: [{ start: "22:00", end: "06:00" }] } }); // throws invalid_interval
 * ```
 *
 * @category Business time
 */
export function businessSchedule(definition: BusinessScheduleDefinition): BusinessSchedule {
  const compiled = compile(definition, "businessSchedule");
  let minutes = 0;
  for (const ranges of compiled.week)
    for (let i = 0; i < ranges.length; i += 2) minutes += ranges[i + 1]! - ranges[i]!;
  const schedule: BusinessSchedule = Object.freeze({
    timeZone: compiled.zone,
    minutesPerWeek: minutes,
    definition,
  });
  compiledSchedules.set(schedule, compiled);
  return schedule;
}

/** The compiled form of a schedule; a plain object with a `definition` (e.g. from JSON) is compiled on first use. */
export function compiledOf(schedule: BusinessSchedule, fn: string): Compiled {
  let c = compiledSchedules.get(schedule);
  if (c === undefined) {
    if (typeof schedule !== "object" || schedule === null) {
      fail("invalid_schedule", fn, "a schedule from businessSchedule()", schedule, "schedule");
    }
    c = compile(schedule.definition, fn);
    compiledSchedules.set(schedule, c);
  }
  return c;
}

/** The local date `d` (days since 1970-01-01) of a schedule, as UTC instants; cached. */
export function dayAt(c: Compiled, d: number): BusinessDay {
  if (d === c.lastDate && c.lastDay !== null) return c.lastDay;
  let day = c.days.get(d);
  if (day !== undefined) {
    c.lastDate = d;
    c.lastDay = day;
    return day;
  }
  const wall0 = d * DAY;
  const zone = c.zone;
  const before = offsetAt(zone, wall0 - DAY);
  const after = offsetAt(zone, wall0 + 2 * DAY);
  // The instants at which the wall clock shows a time in [ws, we): one range when the offset is
  // steady around the date; around a change at instant T, the part before T under the old offset
  // and the part from T under the new one. So a range starting in a spring-forward gap opens at the
  // change itself (the clock jumps past its start), and a repeated autumn hour counts twice.
  const change =
    before === after ? Number.POSITIVE_INFINITY : transitionBetween(zone, wall0 - DAY, wall0 + 2 * DAY);
  const out: number[] = [];
  const preimage = (ws: number, we: number) => {
    const s1 = ws - before;
    const e1 = Math.min(we - before, change);
    if (e1 > s1) out.push(s1, e1);
    const s2 = Math.max(ws - after, change);
    const e2 = we - after;
    if (e2 > s2) {
      if (out.length > 0 && out[out.length - 1] === s2) out[out.length - 1] = e2;
      else out.push(s2, e2);
    }
  };
  preimage(wall0, wall0 + DAY);
  // A date the zone skips entirely has no instants (Samoa's 30 December 2011, when Pacific/Apia
  // moved from UTC−10 to UTC+14): it starts and ends at the change, so `dateOf` gives the instants
  // before it to the day before and the rest to the day after.
  const start = out.length === 0 ? change : out[0]!;
  const end = out.length === 0 ? change : out[out.length - 1]!;
  out.length = 0;
  const weekday = (((d + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const week = c.week[weekday]!;
  const closed = c.closures.get(d);
  const ranges = closed === undefined ? week : subtract(week, closed);
  for (let i = 0; i < ranges.length; i += 2)
    preimage(wall0 + ranges[i]! * 60_000, wall0 + ranges[i + 1]! * 60_000);
  // Around a backward change the pieces of consecutive ranges interleave: put them in order.
  const open = change === Number.POSITIVE_INFINITY ? out : merge(out);
  let total = 0;
  for (let i = 0; i < open.length; i += 2) total += open[i + 1]! - open[i]!;
  day = { start, end, open: Float64Array.from(open), total };
  if (c.days.size >= MAX_CACHED_DAYS) c.days.clear();
  c.days.set(d, day);
  c.lastDate = d;
  c.lastDay = day;
  return day;
}

/**
 * The local date of instant `t` in the schedule's zone, found among the three UTC dates around it
 * (no zone is more than a day from UTC), using only cached days.
 */
export function dateOf(c: Compiled, t: number): number {
  const d = Math.floor(t / DAY);
  if (t < dayAt(c, d).start) return d - 1;
  if (t >= dayAt(c, d).end) return d + 1;
  return d;
}
