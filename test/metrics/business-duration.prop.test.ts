import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessTime,
  type BusinessInterval,
  type BusinessScheduleDefinition,
  businessDuration,
  businessSchedule,
  isWithinBusinessHours,
  weekdays,
} from "touchpoint/metrics";

const M = 60_000;
const DAY = 86_400_000;
// Zones with one-hour changes (New York, London), a 30-minute change (Lord Howe), changes at
// midnight (Santiago), a southern-hemisphere zone (Sydney) and fixed offsets (Kolkata, UTC).
const zones = [
  "UTC",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Australia/Sydney",
  "Asia/Kolkata",
];
// 2025-01-01 … 2027-12-31, minute-aligned.
const from = Date.UTC(2025, 0, 1) / M;
const to = Date.UTC(2027, 11, 31) / M;
const minute = fc.integer({ min: from, max: to }).map((m) => m * M);
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

const interval: fc.Arbitrary<BusinessInterval> = fc
  .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 }), fc.boolean())
  .map(([s, len, overnight]) => {
    const end = s + len;
    if (end <= 1440) return { start: hhmm(s), end: hhmm(end) };
    return overnight
      ? { start: hhmm(s), end: hhmm(end - 1440), overnight: true }
      : { start: hhmm(s), end: "24:00" };
  });

const definition: fc.Arbitrary<BusinessScheduleDefinition> = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    days: fc.array(fc.array(interval, { maxLength: 3 }), { minLength: 7, maxLength: 7 }),
    holidays: fc.array(
      fc.tuple(
        fc.integer({ min: Date.UTC(2025, 0, 1) / DAY, max: Date.UTC(2027, 11, 31) / DAY }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 }))),
      ),
      { maxLength: 20 },
    ),
  })
  .filter((r) => r.days.some((d) => d.length > 0))
  .map(({ timeZone, days, holidays }) => ({
    timeZone,
    hours: Object.fromEntries(weekdays.map((w, i) => [w, days[i]!])),
    holidays: holidays.map(([d, part]) => {
      const date = new Date(d * DAY).toISOString().slice(0, 10);
      if (part === null) return date;
      const [s, len] = part;
      return { date, start: hhmm(s), end: hhmm(Math.min(1440, s + len)) };
    }),
  }));

/**
 * An independent oracle: is the wall clock of `zone` at instant `t` inside the definition's hours?
 * Reads the wall clock with its own Intl formatter and applies the definition literally, minute
 * by minute: today's intervals, yesterday's overnight tails, minus today's closures.
 */
function oracle(def: BusinessScheduleDefinition): (t: number) => boolean {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone: def.timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  const mins = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  return (t) => {
    const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
    const date = `${p.year}-${p.month}-${p.day}`;
    const m = Number(p.hour) * 60 + Number(p.minute);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    for (const h of def.holidays ?? []) {
      if (
        typeof h === "string"
          ? h === date
          : h.date === date && m >= mins(h.start ?? "00:00") && m < mins(h.end ?? "24:00")
      )
        return false;
    }
    for (const i of def.hours[weekdays[weekday]!] ?? []) {
      const s = mins(i.start);
      const e = i.overnight ? 1440 : mins(i.end);
      if (m >= s && m < e) return true;
    }
    for (const i of def.hours[weekdays[(weekday + 6) % 7]!] ?? []) {
      if (i.overnight && m < mins(i.end)) return true;
    }
    return false;
  };
}

describe("businessDuration properties", () => {
  it("is additive over any split point, never negative and never more than the calendar duration", () => {
    fc.assert(
      fc.property(definition, minute, minute, minute, (def, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const s = businessSchedule(def);
        const ab = businessDuration(a, b, s);
        const bc = businessDuration(b, c, s);
        const ac = businessDuration(a, c, s);
        expect(ab + bc).toBe(ac);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ac).toBeLessThanOrEqual(c - a);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it("equals the calendar duration under a 24/7 schedule in any zone", () => {
    const allDay = [{ start: "00:00", end: "24:00" }];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        minute,
        fc.integer({ min: 0, max: 400 * DAY }),
        (zone, a, len) => {
          const s = businessSchedule({
            timeZone: zone,
            hours: Object.fromEntries(weekdays.map((w) => [w, allDay])),
          });
          expect(businessDuration(a, a + len, s)).toBe(len);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it("agrees minute by minute with an independent wall-clock oracle", () => {
    fc.assert(
      fc.property(definition, minute, fc.integer({ min: 0, max: 3 * 24 * 60 }), (def, a, minutes) => {
        const s = businessSchedule(def);
        const open = oracle(def);
        let expected = 0;
        const disagreements: number[] = [];
        for (let i = 0; i < minutes; i++) {
          const inside = open(a + i * M);
          if (inside) expected += M;
          if (isWithinBusinessHours(a + i * M, s) !== inside) disagreements.push(a + i * M);
        }
        expect(disagreements).toEqual([]);
        expect(businessDuration(a, a + minutes * M, s)).toBe(expected);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it("agrees with the oracle on the daylight-saving days of 2026", () => {
    const changes = [
      "2026-03-08",
      "2026-11-01",
      "2026-03-29",
      "2026-10-25",
      "2026-04-05",
      "2026-10-04",
      "2026-09-06",
    ];
    fc.assert(
      fc.property(definition, fc.constantFrom(...changes), (def, day) => {
        const s = businessSchedule(def);
        const open = oracle(def);
        const a = Date.parse(`${day}T00:00:00Z`) - DAY;
        let expected = 0;
        for (let i = 0; i < 3 * 24 * 60; i++) if (open(a + i * M)) expected += M;
        expect(businessDuration(a, a + 3 * DAY, s)).toBe(expected);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("addBusinessTime inverts businessDuration and lands on an open instant", () => {
    fc.assert(
      fc.property(definition, minute, fc.integer({ min: 1, max: 200 * 60 }), (def, a, minutes) => {
        const s = businessSchedule(def);
        const due = addBusinessTime(a, minutes * M, s);
        expect(due).toBeGreaterThanOrEqual(a);
        expect(businessDuration(a, due, s)).toBe(minutes * M);
        // The last millisecond before `due` is open: the due time is the first instant the
        // target is used up, not a later one.
        expect(isWithinBusinessHours(due - 1, s)).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
