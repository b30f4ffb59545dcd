import { describe, expect, it } from "vitest";
import { businessDuration, businessSchedule, TouchpointError, weekdays } from "touchpoint/metrics";

const H = 3_600_000;
const nineToFive = [{ start: "09:00", end: "17:00" }];

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TouchpointError);
    return (e as TouchpointError).code;
  }
  return undefined;
}

describe("businessSchedule", () => {
  it("counts open minutes per week, merging split, overlapping and overnight intervals", () => {
    const s = businessSchedule({
      timeZone: "UTC",
      hours: {
        monday: [
          { start: "09:00", end: "12:30" },
          { start: "13:30", end: "17:00" },
          { start: "16:00", end: "17:00" }, // overlaps the afternoon: merged, not double-counted
        ],
        friday: [{ start: "22:00", end: "06:00", overnight: true }], // 2 h Friday + 6 h Saturday
        saturday: [{ start: "00:00", end: "08:00" }], // overlaps the overnight tail
      },
    });
    expect(s.minutesPerWeek).toBe(7 * 60 + 2 * 60 + 8 * 60);
    expect(s.timeZone).toBe("UTC");
  });

  // Zendesk's schedules API example "North America": intervals in minutes since Sunday midnight,
  // {start_time: 1980, end_time: 2460} and {start_time: 3420, end_time: 3900}, i.e. Monday and
  // Tuesday 09:00–17:00, in Pacific time.
  // https://developer.zendesk.com/api-reference/ticketing/ticket-management/schedules/
  it("expresses Zendesk's documented example schedule", () => {
    const fromMinutes = (m: number) =>
      `${String(Math.floor((m % 1440) / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    const zendesk = [
      { start_time: 1980, end_time: 2460 },
      { start_time: 3420, end_time: 3900 },
    ];
    const hours: Record<string, { start: string; end: string }[]> = {};
    for (const i of zendesk) {
      const day = weekdays[Math.floor(i.start_time / 1440)]!;
      hours[day] = [
        ...(hours[day] ?? []),
        { start: fromMinutes(i.start_time), end: fromMinutes(i.end_time) },
      ];
    }
    expect(hours).toEqual({
      monday: [{ start: "09:00", end: "17:00" }],
      tuesday: [{ start: "09:00", end: "17:00" }],
    });
    const s = businessSchedule({ timeZone: "America/Los_Angeles", hours });
    expect(s.minutesPerWeek).toBe(960);
    // Week of Monday 2 March 2026 (PST, UTC−8): Monday 00:00 local = 08:00Z.
    expect(businessDuration(Date.parse("2026-03-02T08:00:00Z"), Date.parse("2026-03-09T07:00:00Z"), s)).toBe(
      16 * H,
    );
  });

  it("rebuilds a schedule from its JSON form", () => {
    const s = businessSchedule({
      timeZone: "Europe/London",
      hours: { monday: nineToFive },
      holidays: ["2026-03-09"],
    });
    const copy = JSON.parse(JSON.stringify(s));
    // Monday 2 March open 8 h; Monday 9 March a holiday.
    expect(
      businessDuration(Date.parse("2026-03-01T00:00:00Z"), Date.parse("2026-03-15T00:00:00Z"), copy),
    ).toBe(8 * H);
  });

  it.each([
    ["unknown zone", { timeZone: "Mars/Olympus_Mons", hours: { monday: nineToFive } }, "unknown_time_zone"],
    ["empty zone", { timeZone: "", hours: { monday: nineToFive } }, "unknown_time_zone"],
    ["not HH:MM", { timeZone: "UTC", hours: { monday: [{ start: "9:00", end: "17:00" }] } }, "invalid_time"],
    [
      "minutes 60",
      { timeZone: "UTC", hours: { monday: [{ start: "09:60", end: "17:00" }] } },
      "invalid_time",
    ],
    [
      "24:00 as a start",
      { timeZone: "UTC", hours: { monday: [{ start: "24:00", end: "24:00" }] } },
      "invalid_time",
    ],
    [
      "end before start",
      { timeZone: "UTC", hours: { friday: [{ start: "22:00", end: "06:00" }] } },
      "invalid_interval",
    ],
    [
      "end equals start",
      { timeZone: "UTC", hours: { friday: [{ start: "09:00", end: "09:00" }] } },
      "invalid_interval",
    ],
    [
      "overnight with a later end",
      { timeZone: "UTC", hours: { friday: [{ start: "09:00", end: "17:00", overnight: true }] } },
      "invalid_interval",
    ],
    [
      "overnight to 24:00",
      { timeZone: "UTC", hours: { friday: [{ start: "09:00", end: "24:00", overnight: true }] } },
      "invalid_interval",
    ],
    ["unknown weekday", { timeZone: "UTC", hours: { funday: nineToFive } }, "invalid_schedule"],
    ["hours not an object", { timeZone: "UTC", hours: null }, "invalid_schedule"],
    ["intervals not an array", { timeZone: "UTC", hours: { monday: "09:00-17:00" } }, "invalid_schedule"],
    ["no interval at all", { timeZone: "UTC", hours: {} }, "empty_schedule"],
    [
      "bad holiday date",
      { timeZone: "UTC", hours: { monday: nineToFive }, holidays: ["2026-02-30"] },
      "invalid_date",
    ],
    [
      "holiday not a date",
      { timeZone: "UTC", hours: { monday: nineToFive }, holidays: [{ date: 20260101 }] },
      "invalid_date",
    ],
    [
      "closure ends before it starts",
      {
        timeZone: "UTC",
        hours: { monday: nineToFive },
        holidays: [{ date: "2026-01-05", start: "13:00", end: "12:00" }],
      },
      "invalid_interval",
    ],
    [
      "holidays not an array",
      { timeZone: "UTC", hours: { monday: nineToFive }, holidays: "2026-01-01" },
      "invalid_schedule",
    ],
    ["not an object", null, "invalid_schedule"],
  ])("rejects %s", (_, definition, code) => {
    expect(codeOf(() => businessSchedule(definition as never))).toBe(code);
  });

  it("names the value and where it is in the message", () => {
    expect(() => businessSchedule({ timeZone: "Mars/Olympus_Mons", hours: { monday: nineToFive } })).toThrow(
      'businessSchedule: expected an IANA time zone such as "Europe/London", got "Mars/Olympus_Mons" at timeZone',
    );
    expect(() =>
      businessSchedule({ timeZone: "UTC", hours: { monday: [{ start: "09:00", end: "7pm" }] } }),
    ).toThrow(/got "7pm" at hours\.monday\[0\]\.end/);
  });

  it("rejects a schedule that was not built by businessSchedule and has no definition", () => {
    expect(codeOf(() => businessDuration(0, 1, null as never))).toBe("invalid_schedule");
  });
});
