/**
 * UTC offsets of IANA time zones from `Intl.DateTimeFormat`, with no dependency and no `node:`
 * import, so business-hours arithmetic runs the same in Node, browsers and edge runtimes.
 *
 * The engine's own tz database answers: we format an instant in the zone, read the wall-clock
 * fields back and subtract. One formatter is built per zone and cached (building one costs far more
 * than using it). Around an offset change, `transitionBetween` finds the instant of the change so
 * that callers can map wall-clock ranges to instants exactly.
 */
import { quote, TouchpointError } from "./errors.js";

/** Milliseconds in a day. */
export const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The cached formatter of `zone`, or undefined when the engine does not know the zone. */
function formatterOf(zone: string): Intl.DateTimeFormat | undefined {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      return undefined;
    }
    formatters.set(zone, f);
  }
  return f;
}

/**
 * Checks that `zone` is a time zone the engine knows (an IANA name such as `Europe/London`, or
 * `UTC`) and returns it; throws `unknown_time_zone` naming the value otherwise.
 */
export function assertTimeZone(zone: unknown, fn: string, path = "timeZone"): string {
  if (typeof zone !== "string" || zone === "" || formatterOf(zone) === undefined) {
    throw new TouchpointError(
      "unknown_time_zone",
      `${fn}: expected an IANA time zone such as "Europe/London", got ${quote(zone)} at ${path}`,
      { path, value: zone },
    );
  }
  return zone;
}

/** The offset of `zone` from UTC at instant `t`, in milliseconds (local minus UTC; −5 h in New York in winter). */
export function offsetAt(zone: string, t: number): number {
  const f = formatterOf(zone);
  if (f === undefined)
    throw new TouchpointError("unknown_time_zone", `offsetAt: unknown time zone ${quote(zone)}`);
  const seconds = Math.floor(t / 1000) * 1000;
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const part of f.formatToParts(seconds)) {
    switch (part.type) {
      case "year":
        y = Number(part.value);
        break;
      case "month":
        mo = Number(part.value);
        break;
      case "day":
        d = Number(part.value);
        break;
      case "hour":
        h = Number(part.value);
        break;
      case "minute":
        mi = Number(part.value);
        break;
      case "second":
        s = Number(part.value);
        break;
      default:
        break;
    }
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - seconds;
}

/**
 * The first instant in (lo, hi] at which `zone`'s offset equals its offset at `hi`, to the second:
 * the moment of the one offset change between `lo` and `hi`. Bisection, about 18 lookups for 3 days.
 */
export function transitionBetween(zone: string, lo: number, hi: number): number {
  const target = offsetAt(zone, hi);
  let a = Math.floor(lo / 1000);
  let b = Math.ceil(hi / 1000);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (offsetAt(zone, mid * 1000) === target) b = mid;
    else a = mid;
  }
  return b * 1000;
}
