import { describe, expect, it } from "vitest";
import {
  addBusinessTime,
  type BusinessInterval,
  businessDuration,
  businessSchedule,
  isWithinBusinessHours,
  TouchpointError,
} from "touchpoint/metrics";

const H = 3_600_000;
const M = 60_000;
const t = Date.parse;
const allDay: BusinessInterval[] = [{ start: "00:00", end: "24:00" }];
const always = (timeZone: string) =>
  businessSchedule({
    timeZone,
    hours: {
      sunday: allDay,
      monday: allDay,
      tuesday: allDay,
      wednesday: allDay,
      thursday: allDay,
      friday: allDay,
      saturday: allDay,
    },
  });
const nineToFive: BusinessInterval[] = [{ start: "09:00", end: "17:00" }];
const weekdays9to5 = (
  timeZone: string,
  holidays?: (string | { date: string; start?: string; end?: string })[],
) =>
  businessSchedule({
    timeZone,
    hours: {
      monday: nineToFive,
      tuesday: nineToFive,
      wednesday: nineToFive,
      thursday: nineToFive,
      friday: nineToFive,
    },
    ...(holidays === undefined ? {} : { holidays }),
  });

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TouchpointError);
    return (e as TouchpointError).code;
  }
  return undefined;
}

// Daylight-saving dates of 2026, from the tz database rules:
// America/New_York follows `Rule US 2007 max - Mar Sun>=8 2:00 1:00 D` and `Rule US 2007 max - Nov
// Sun>=1 2:00 0 S` (the second Sunday of March, 8 March 2026; the first Sunday of November,
// 1 November 2026; 15 U.S.C. §260a as amended in 2005).
// Europe/London follows `Rule EU 1981 max - Mar lastSun 1:00u 1:00 S` and `Rule EU 1996 max - Oct
// lastSun 1:00u 0 -` (01:00 UTC on the last Sunday of March, 29 March 2026, and of October,
// 25 October 2026; Directive 2000/84/EC).
describe("businessDuration across daylight-saving changes", () => {
  it.each([
    // [zone, local midnight that starts the day, next local midnight, hours in that local day]
    ["America/New_York", "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", 23], // 00:00 EST → 00:00 EDT
    ["America/New_York", "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z", 25], // 00:00 EDT → 00:00 EST
    ["America/New_York", "2026-03-07T05:00:00Z", "2026-03-08T05:00:00Z", 24], // the day before: ordinary
    ["Europe/London", "2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z", 23], // 00:00 GMT → 00:00 BST
    ["Europe/London", "2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z", 25], // 00:00 BST → 00:00 GMT
  ])("a 24/7 schedule in %s counts the real length of the day (%s)", (zone, start, end, hours) => {
    expect(businessDuration(t(start), t(end), always(zone))).toBe(hours * H);
    expect(t(end) - t(start)).toBe(hours * H);
  });

  it("keeps 09:00–17:00 at 8 hours on both sides of the change (New York, 6–9 March 2026)", () => {
    const s = weekdays9to5("America/New_York");
    // Friday 6 March 16:00 EST (21:00Z) → Monday 9 March 10:00 EDT (14:00Z): 1 h + 1 h.
    expect(businessDuration(t("2026-03-06T21:00:00Z"), t("2026-03-09T14:00:00Z"), s)).toBe(2 * H);
    // Monday 9 March, 09:00–17:00 EDT is 13:00Z–21:00Z.
    expect(businessDuration(t("2026-03-09T00:00:00Z"), t("2026-03-10T00:00:00Z"), s)).toBe(8 * H);
    expect(businessDuration(t("2026-03-09T13:00:00Z"), t("2026-03-09T21:00:00Z"), s)).toBe(8 * H);
  });

  it("an overnight shift lasts 7 real hours on the spring-forward night and 9 on the autumn one", () => {
    const s = businessSchedule({
      timeZone: "America/New_York",
      hours: { saturday: [{ start: "22:00", end: "06:00", overnight: true }] },
    });
    // Saturday 7 March 22:00 EST = 03:00Z on 8 March; Sunday 06:00 EDT = 10:00Z: 7 h.
    expect(businessDuration(t("2026-03-07T00:00:00Z"), t("2026-03-10T00:00:00Z"), s)).toBe(7 * H);
    // Saturday 31 October 22:00 EDT = 02:00Z on 1 November; Sunday 06:00 EST = 11:00Z: 9 h.
    expect(businessDuration(t("2026-10-31T00:00:00Z"), t("2026-11-03T00:00:00Z"), s)).toBe(9 * H);
    // An ordinary Saturday night: 8 h.
    expect(businessDuration(t("2026-03-14T00:00:00Z"), t("2026-03-17T00:00:00Z"), s)).toBe(8 * H);
  });

  it("opens an interval that starts in the spring-forward gap when the clocks jump", () => {
    // Sunday 8 March 2026, New York: 02:00 EST jumps to 03:00 EDT at 07:00Z; 02:30 never shows.
    const s = businessSchedule({
      timeZone: "America/New_York",
      hours: { sunday: [{ start: "02:30", end: "04:00" }] },
    });
    expect(businessDuration(t("2026-03-08T00:00:00Z"), t("2026-03-09T00:00:00Z"), s)).toBe(1 * H); // 07:00Z–08:00Z
    expect(isWithinBusinessHours(t("2026-03-08T07:00:00Z"), s)).toBe(true);
    expect(isWithinBusinessHours(t("2026-03-08T06:59:59Z"), s)).toBe(false);
  });

  it("counts an hour repeated by the autumn change twice when it is open", () => {
    // Sunday 1 November 2026, New York: 01:00–02:00 shows twice (EDT 05:00Z–06:00Z, EST 06:00Z–07:00Z).
    const s = businessSchedule({
      timeZone: "America/New_York",
      hours: { sunday: [{ start: "01:00", end: "01:30" }] },
    });
    expect(businessDuration(t("2026-11-01T00:00:00Z"), t("2026-11-02T00:00:00Z"), s)).toBe(60 * M);
    expect(isWithinBusinessHours(t("2026-11-01T05:15:00Z"), s)).toBe(true);
    expect(isWithinBusinessHours(t("2026-11-01T05:45:00Z"), s)).toBe(false);
    expect(isWithinBusinessHours(t("2026-11-01T06:15:00Z"), s)).toBe(true);
  });
});

describe("a date the zone skips entirely", () => {
  // Samoa skipped Friday 30 December 2011: Pacific/Apia went from UTC−10 to UTC+14 at the end of
  // Thursday 29 December (the IANA tz database's Pacific/Apia, as Intl reports it here):
  // 2011-12-30T09:59:59Z is Thu 29 Dec 23:59:59 local and 10:00:00Z is Sat 31 Dec 00:00 local.
  const day: BusinessInterval[] = [{ start: "09:00", end: "17:00" }];
  const everyDay = businessSchedule({
    timeZone: "Pacific/Apia",
    hours: {
      sunday: day,
      monday: day,
      tuesday: day,
      wednesday: day,
      thursday: day,
      friday: day,
      saturday: day,
    },
  });

  it("gives the instants of that UTC date to the local days either side", () => {
    // Sat 31 Dec 08:00 → 13:00 local (UTC+14): open from 09:00, 4 hours.
    expect(businessDuration(t("2011-12-30T18:00:00Z"), t("2011-12-30T23:00:00Z"), everyDay)).toBe(4 * H);
    // Thu 29 Dec 14:00 → 16:00 local (UTC−10): 2 hours.
    expect(businessDuration(t("2011-12-30T00:00:00Z"), t("2011-12-30T02:00:00Z"), everyDay)).toBe(2 * H);
    // Thu 29 Dec 14:00 local to Sat 31 Dec 10:00 local: 3 hours on Thursday, none on the skipped
    // Friday, 1 hour on Saturday.
    expect(businessDuration(t("2011-12-30T00:00:00Z"), t("2011-12-30T20:00:00Z"), everyDay)).toBe(4 * H);
    expect(isWithinBusinessHours(t("2011-12-30T20:00:00Z"), everyDay)).toBe(true); // Sat 10:00
    expect(isWithinBusinessHours(t("2011-12-30T05:00:00Z"), everyDay)).toBe(false); // Thu 19:00
    // Thu 14:00 + 1 business hour = Thu 15:00 local = 01:00Z.
    expect(addBusinessTime(t("2011-12-30T00:00:00Z"), H, everyDay)).toBe(t("2011-12-30T01:00:00Z"));
    // Thu 14:00 + 4 business hours: 3 on Thursday, then Saturday 09:00 + 1 h = 10:00 local = 20:00Z.
    expect(addBusinessTime(t("2011-12-30T00:00:00Z"), 4 * H, everyDay)).toBe(t("2011-12-30T20:00:00Z"));
  });
});

describe("businessDuration", () => {
  it("adds split shifts", () => {
    const s = businessSchedule({
      timeZone: "UTC",
      hours: {
        monday: [
          { start: "09:00", end: "12:30" },
          { start: "13:30", end: "17:00" },
        ],
      },
    });
    // Monday 2 March 2026, 12:00–14:00: 30 min before lunch, 30 after.
    expect(businessDuration(t("2026-03-02T12:00:00Z"), t("2026-03-02T14:00:00Z"), s)).toBe(60 * M);
    expect(businessDuration(t("2026-03-02T00:00:00Z"), t("2026-03-03T00:00:00Z"), s)).toBe(7 * H);
  });

  it("skips whole-day holidays and partial closures (London, Christmas 2026)", () => {
    const s = weekdays9to5("Europe/London", [
      "2026-12-25",
      { date: "2026-12-24", start: "13:00", end: "24:00" },
    ]);
    // Thursday 24 Dec 09:00 → Monday 28 Dec 17:00 (GMT = UTC): Thu 4 h, Fri holiday, Mon 8 h.
    expect(businessDuration(t("2026-12-24T09:00:00Z"), t("2026-12-28T17:00:00Z"), s)).toBe(12 * H);
    // A closure with only an end runs from midnight; with only a start, to midnight.
    const morning = weekdays9to5("UTC", [
      { date: "2026-12-22", end: "12:00" },
      { date: "2026-12-23", start: "15:00" },
    ]);
    expect(businessDuration(t("2026-12-22T00:00:00Z"), t("2026-12-24T00:00:00Z"), morning)).toBe(
      5 * H + 6 * H,
    );
  });

  it("keeps the part of an overnight shift before a holiday's midnight (biz's date semantics)", () => {
    const s = businessSchedule({
      timeZone: "UTC",
      hours: { friday: [{ start: "22:00", end: "06:00", overnight: true }] },
      holidays: ["2026-03-07"], // the Saturday
    });
    expect(businessDuration(t("2026-03-06T00:00:00Z"), t("2026-03-08T00:00:00Z"), s)).toBe(2 * H);
  });

  it("is 0 for an empty range and outside hours", () => {
    const s = weekdays9to5("UTC");
    expect(businessDuration(t("2026-03-02T10:00:00Z"), t("2026-03-02T10:00:00Z"), s)).toBe(0);
    expect(businessDuration(t("2026-03-07T10:00:00Z"), t("2026-03-08T23:00:00Z"), s)).toBe(0); // a weekend
  });

  it("counts 2,088 hours in 2026 for 9–5 on weekdays (261 weekdays) without walking minutes", () => {
    const s = weekdays9to5("Europe/London");
    const started = performance.now();
    expect(businessDuration(t("2026-01-01T00:00:00Z"), t("2027-01-01T00:00:00Z"), s)).toBe(261 * 8 * H);
    // Ten years, one cached lookup per day.
    businessDuration(t("2020-01-01T00:00:00Z"), t("2030-01-01T00:00:00Z"), s);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    [Number.NaN, 0, "invalid_timestamp"],
    [0, Number.POSITIVE_INFINITY, "invalid_timestamp"],
    ["2026-03-02" as unknown as number, 0, "invalid_timestamp"],
    [10, 5, "end_before_start"],
  ])("rejects start %s, end %s", (start, end, code) => {
    expect(codeOf(() => businessDuration(start, end, weekdays9to5("UTC")))).toBe(code);
  });

  it("says which value is wrong", () => {
    expect(() => businessDuration(Number.NaN, 0, weekdays9to5("UTC"))).toThrow(
      "businessDuration: expected a timestamp in epoch milliseconds from 1970 to the end of year 9999, got NaN at start",
    );
  });
});

describe("addBusinessTime", () => {
  const s = weekdays9to5("America/New_York");
  it.each([
    // Friday 6 March 16:00 EST + 2 h → Monday 9 March 10:00 EDT (14:00Z), across the change.
    ["2026-03-06T21:00:00Z", 2 * H, "2026-03-09T14:00:00.000Z"],
    // From a Saturday: the clock starts Monday 09:00 EDT (13:00Z).
    ["2026-03-07T15:00:00Z", 30 * M, "2026-03-09T13:30:00.000Z"],
    // Exactly a day's hours from the opening: the close of the same day.
    ["2026-03-09T13:00:00Z", 8 * H, "2026-03-09T21:00:00.000Z"],
    // A week of business hours from Monday 09:00 is Friday 17:00.
    ["2026-03-09T13:00:00Z", 40 * H, "2026-03-13T21:00:00.000Z"],
    // Zero returns the start even outside hours.
    ["2026-03-07T15:00:00Z", 0, "2026-03-07T15:00:00.000Z"],
  ])("from %s plus %i ms is %s", (start, ms, due) => {
    expect(new Date(addBusinessTime(t(start), ms, s)).toISOString()).toBe(due);
  });

  it("skips holidays", () => {
    const christmas = weekdays9to5("UTC", ["2026-12-25"]);
    expect(new Date(addBusinessTime(t("2026-12-24T16:00:00Z"), 2 * H, christmas)).toISOString()).toBe(
      "2026-12-28T10:00:00.000Z",
    );
  });

  it.each([
    [-1, "invalid_duration"],
    [Number.NaN, "invalid_duration"],
    ["1h" as unknown as number, "invalid_duration"],
  ])("rejects a duration of %s", (ms, code) => {
    expect(codeOf(() => addBusinessTime(0, ms, s))).toBe(code);
  });

  it("rejects a non-finite start", () => {
    expect(codeOf(() => addBusinessTime(Number.NaN, 1, s))).toBe("invalid_timestamp");
  });
});

describe("isWithinBusinessHours", () => {
  it("includes the start and excludes the end of an interval", () => {
    const s = weekdays9to5("Europe/London");
    // Monday 30 March 2026, the first Monday of BST (UTC+1): 09:00 local = 08:00Z.
    expect(isWithinBusinessHours(t("2026-03-30T08:00:00Z"), s)).toBe(true);
    expect(isWithinBusinessHours(t("2026-03-30T07:59:59.999Z"), s)).toBe(false);
    expect(isWithinBusinessHours(t("2026-03-30T15:59:59.999Z"), s)).toBe(true);
    expect(isWithinBusinessHours(t("2026-03-30T16:00:00Z"), s)).toBe(false);
  });

  it("rejects a non-finite instant", () => {
    expect(codeOf(() => isWithinBusinessHours(Number.NaN, weekdays9to5("UTC")))).toBe("invalid_timestamp");
  });
});
