/**
 * Business time at scale: businessDuration and addBusinessTime on a million (start, end) and
 * (start, duration) pairs, and first response and resolution times of 200,000 conversations in
 * business time, against a hand-written day-by-day loop and against the npm packages a developer
 * would reach for (dayjs-business-time, moment-business-time with moment-timezone), in the same run.
 *
 * The schedule is a realistic one: Monday to Friday 09:00–12:30 and 13:30–17:00 (a lunch break, so
 * two intervals a day) in Europe/Berlin, whose clocks change six times in the data's three years,
 * with the German national holidays. The hand-written loop is what a developer writes once the
 * zone is dealt with: every local date's open intervals turned into UTC instants up front (with
 * `Intl`'s `longOffset`, not touchpoint's code) and bucketed by UTC date, then per pair a walk over
 * the UTC dates it spans, clipping each interval. Its table is built outside the timings, as
 * touchpoint's per-date cache is warm after the first round.
 */
import os from "node:os";
import dayjs from "dayjs";
import dayjsBusinessTime from "dayjs-business-time";
import moment from "moment-timezone";
import "moment-business-time"; // adds workingDiff and addWorkingTime to moment-timezone's moment
import {
  addBusinessTime,
  type BusinessScheduleDefinition,
  businessDuration,
  businessSchedule,
  firstResponseTimes,
  type MetricConversation,
  type MetricMessage,
  type MetricStatusChange,
  resolutionTimes,
  type Summary,
} from "../src/metrics/index.js";
import { fmt, type Interleaved, interleave, keep } from "./lib/measure.js";
import { random } from "./lib/random.js";
import type { Bench } from "./run.js";

const N = Number(process.env.BENCH_N ?? 1_000_000);
const BIG = Number(process.env.BENCH_BIG ?? 10_000_000);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 200_000);
/** Pairs checked against and timed on the npm packages (they are three orders of magnitude slower). */
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 2_000);
/** The 10M row runs only if one pass is predicted to take at most this long. */
const BIG_BUDGET_MS = 30_000;

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const ZONE = "Europe/Berlin";
const OPEN = [
  ["09:00", "12:30"],
  ["13:30", "17:00"],
] as const;
/** German national holidays, 2025–2027 (and New Year 2028, which the last due times reach). */
const HOLIDAYS = [
  "2025-01-01",
  "2025-04-18",
  "2025-04-21",
  "2025-05-01",
  "2025-05-29",
  "2025-06-09",
  "2025-10-03",
  "2025-12-25",
  "2025-12-26",
  "2026-01-01",
  "2026-04-03",
  "2026-04-06",
  "2026-05-01",
  "2026-05-14",
  "2026-05-25",
  "2026-10-03",
  "2026-12-25",
  "2026-12-26",
  "2027-01-01",
  "2027-03-26",
  "2027-03-29",
  "2027-05-01",
  "2027-05-06",
  "2027-05-17",
  "2027-10-03",
  "2027-12-25",
  "2027-12-26",
  "2028-01-01",
];
/** Starts are drawn from [FROM, TO); ends and due times run up to a few weeks later. */
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2027, 11, 1);

const day = OPEN.map(([start, end]) => ({ start, end }));
const definition: BusinessScheduleDefinition = {
  timeZone: ZONE,
  hours: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day },
  holidays: HOLIDAYS,
};

/** A value log-uniform in [lo, hi], whole milliseconds: as many spans of minutes as of hours, days or weeks. */
function logUniform(next: () => number, lo: number, hi: number): number {
  return Math.round(Math.exp(Math.log(lo) + next() * (Math.log(hi) - Math.log(lo))));
}

/** Starts uniform over [FROM, TO) to the millisecond; second values log-uniform in [lo, hi]. */
function pairs(n: number, seed: number, lo: number, hi: number): [Float64Array, Float64Array] {
  const next = random(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = FROM + Math.floor(next() * (TO - FROM));
    b[i] = logUniform(next, lo, hi);
  }
  return [a, b];
}

// ---------------------------------------------------------------------------------------------
// The hand-written implementation.

/** The zone's offset at instant `t`, from `Intl`'s `longOffset` name ("GMT+02:00"). */
const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, timeZoneName: "longOffset" });
function offsetOf(t: number): number {
  const name = offsetFormat.formatToParts(t).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /^GMT([+-])(\d\d):(\d\d)$/.exec(name);
  return m === null ? 0 : (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * MIN;
}

/** The instant the zone's wall clock shows `wall` (a wall time written as if UTC); two passes. */
function instantOf(wall: number): number {
  return wall - offsetOf(wall - offsetOf(wall));
}

/** Open intervals as UTC instants, bucketed by UTC date: `days[d - firstDay] = [s0, e0, s1, e1, …]`. */
interface HandTable {
  readonly firstDay: number;
  readonly days: number[][];
}

function handTable(fromDay: number, toDay: number): HandTable {
  const holidays = new Set(HOLIDAYS);
  const minutes = OPEN.map(([s, e]) => [s, e].map((x) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3))));
  const days: number[][] = [];
  for (let d = fromDay; d <= toDay; d++) days.push([]);
  // Local dates one either side, so every UTC date's bucket is complete.
  for (let d = fromDay - 1; d <= toDay + 1; d++) {
    const date = new Date(d * DAY);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6 || holidays.has(date.toISOString().slice(0, 10))) continue;
    for (const [s, e] of minutes) {
      let lo = instantOf(d * DAY + s! * MIN);
      const hi = instantOf(d * DAY + e! * MIN);
      // An interval across UTC midnight goes into both dates' buckets (never in Berlin).
      while (lo < hi) {
        const bucket = Math.floor(lo / DAY);
        const cut = Math.min(hi, (bucket + 1) * DAY);
        days[bucket - fromDay]?.push(lo, cut);
        lo = cut;
      }
    }
  }
  return { firstDay: fromDay, days };
}

/** Business milliseconds in [start, end]: walk the UTC dates, clip each interval. */
function handDuration(t: HandTable, start: number, end: number): number {
  let sum = 0;
  const last = Math.floor(end / DAY) - t.firstDay;
  for (let i = Math.floor(start / DAY) - t.firstDay; i <= last; i++) {
    const open = t.days[i];
    if (open === undefined) throw new Error(`handDuration: ${new Date(start).toISOString()} off the table`);
    for (let j = 0; j < open.length; j += 2) {
      const lo = Math.max(open[j]!, start);
      const hi = Math.min(open[j + 1]!, end);
      if (hi > lo) sum += hi - lo;
    }
  }
  return sum;
}

/** The instant `duration` business milliseconds after `start`: walk forward, use up each interval. */
function handAdd(t: HandTable, start: number, duration: number): number {
  if (duration === 0) return start;
  let remaining = duration;
  for (let i = Math.floor(start / DAY) - t.firstDay; i < t.days.length; i++) {
    const open = t.days[i]!;
    for (let j = 0; j < open.length; j += 2) {
      const lo = Math.max(open[j]!, start);
      const available = open[j + 1]! - lo;
      if (available <= 0) continue;
      if (available >= remaining) return lo + remaining;
      remaining -= available;
    }
  }
  throw new Error(`handAdd: ${new Date(start).toISOString()} + ${duration} off the table`);
}

// ---------------------------------------------------------------------------------------------
// The npm packages.

/** moment-business-time's additions to moment (it ships no types). */
interface WorkingMoment extends moment.Moment {
  workingDiff(other: moment.Moment, unit: "milliseconds"): number;
  addWorkingTime(amount: number, unit: "milliseconds"): WorkingMoment;
}
const berlin = (t: number) => moment.tz(t, ZONE) as WorkingMoment;

function configurePackages(): void {
  dayjs.extend(dayjsBusinessTime);
  const hours = OPEN.map(([start, end]) => ({ start: `${start}:00`, end: `${end}:00` }));
  dayjs.setBusinessTime({
    sunday: null,
    monday: hours,
    tuesday: hours,
    wednesday: hours,
    thursday: hours,
    friday: hours,
    saturday: null,
  });
  dayjs.setHolidays(HOLIDAYS);
  const times = OPEN.flatMap(([start, end]) => [`${start}:00`, `${end}:00`]);
  moment.updateLocale("en", {
    workinghours: { 0: null, 1: times, 2: times, 3: times, 4: times, 5: times, 6: null },
    holidays: HOLIDAYS,
  });
}

/**
 * Runs `fn` with the process in the schedule's zone: dayjs-business-time has no zone of its own and
 * works in local time, so a user runs the process with `TZ=Europe/Berlin`. touchpoint and the hand
 * loop never read the local zone, and timing them in or out of it makes no difference.
 */
function inZone<T>(fn: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = ZONE;
  try {
    if (new Date(Date.UTC(2026, 0, 1, 8)).getHours() !== 9) throw new Error("TZ did not take effect");
    return fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting.

/** A table in microseconds per unit (each function call processes `per` units), ratios to the first row. */
function rateTable(rows: readonly Interleaved[], unit: string, per: number): string {
  const lines = [
    `| implementation | CPU µs per ${unit} | ${unit}s/s (CPU) | CPU ms per ${per.toLocaleString("en")} ${unit}s | × ${rows[0]?.name ?? ""} |`,
    "|---|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const us = (r.ms * 1000) / per;
    lines.push(
      `| ${r.name} | ${us < 10 ? us.toFixed(3) : us.toFixed(1)} | ${fmt((per * 1000) / r.ms)} | ${r.ms.toFixed(1)} | ${r.ratio.toFixed(2)} |`,
    );
  }
  return lines.join("\n");
}

const iso = (t: number) => new Date(t).toISOString().replace(":00.000Z", "Z");
const localFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hourCycle: "h23",
  weekday: "short",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
/** "Tue 2026-03-03 10:00", Berlin time. */
const local = (t: number) => {
  const p = Object.fromEntries(localFormat.formatToParts(t).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};
/** "4 h 23 min", to the minute. */
const span = (ms: number) => {
  const m = Math.round(Math.abs(ms) / MIN);
  return `${ms < 0 ? "−" : ""}${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
};

function check(name: string, got: unknown, expected: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(expected))
    throw new Error(`${name}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
}

/** Agreement of a package with touchpoint on the sample: how many agree, the largest difference, where. */
interface Agreement {
  agree: number;
  total: number;
  worst: number;
  at: number;
  got: number;
  expected: number;
}

function agreement(n: number, got: (i: number) => number, expected: (i: number) => number): Agreement {
  const out: Agreement = { agree: 0, total: n, worst: 0, at: -1, got: 0, expected: 0 };
  for (let i = 0; i < n; i++) {
    const g = got(i);
    const e = expected(i);
    if (g === e) out.agree++;
    else if (!(Math.abs(g - e) <= out.worst))
      Object.assign(out, { worst: Math.abs(g - e), at: i, got: g, expected: e });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Conversations and the hand-written metrics over them.

/** Log-normal milliseconds with the given median and log-sd, clamped to [1 s, cap]. */
function logNormal(next: () => number, median: number, sigma: number, cap: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return Math.round(Math.min(cap, Math.max(1000, median * Math.exp(sigma * z))));
}

/**
 * Helpdesk-like conversations: created at any hour; a customer message at creation, sometimes a
 * bot greeting and a private note first (neither counts as a response); a public agent reply in
 * 90 % of them, four in five within business hours (median 1 business hour after creation, walked
 * on the hand-written table) and the rest out of hours (median 3 calendar hours); a resolution in
 * 85 % of the answered ones (median 4 business hours after the reply), 15 % of those reopened by the
 * customer (median a day later) and most resolved again; some unanswered ones closed.
 */
function conversations(n: number, seed: number, table: HandTable): MetricConversation[] {
  const next = random(seed);
  const out: MetricConversation[] = [];
  for (let i = 0; i < n; i++) {
    const createdAt = FROM + Math.floor(next() * (TO - FROM));
    const messages: MetricMessage[] = [{ author: "customer", at: createdAt, authorId: "c" }];
    const statusChanges: MetricStatusChange[] = [{ at: createdAt, from: "new", to: "open" }];
    let t = createdAt;
    if (next() < 0.3) {
      t += 2000 + Math.floor(next() * 60_000);
      messages.push({ author: "bot", at: t });
    }
    const reply =
      next() < 0.8
        ? handAdd(table, t, logNormal(next, HOUR, 1.3, 40 * HOUR))
        : t + logNormal(next, 3 * HOUR, 1.3, 7 * DAY);
    if (next() < 0.2) {
      const note = t + Math.floor(next() * (reply - t));
      messages.push({ author: "agent", visibility: "private", at: note, authorId: "a1" });
    }
    if (next() < 0.9) {
      messages.push({ author: "agent", at: reply, authorId: "a2" });
      t = reply;
      if (next() < 0.85) {
        t = handAdd(table, t, logNormal(next, 4 * HOUR, 1.2, 120 * HOUR));
        statusChanges.push({ at: t, to: "resolved" });
        if (next() < 0.15) {
          t += logNormal(next, DAY, 1, 7 * DAY);
          messages.push({ author: "customer", at: t, authorId: "c" });
          statusChanges.push({ at: t, to: "open" });
          if (next() < 0.7) {
            t = handAdd(table, t, logNormal(next, 2 * HOUR, 1, 40 * HOUR));
            statusChanges.push({ at: t, to: "resolved" });
          }
        }
      }
    } else if (next() < 0.5) {
      statusChanges.push({ at: createdAt + logNormal(next, 3 * DAY, 0.8, 21 * DAY), to: "closed" });
    }
    messages.sort((a, b) => a.at - b.at);
    out.push({ id: `c${i}`, createdAt, messages, statusChanges });
  }
  return out;
}

/** Count, mean, min, max and type-7 percentiles after a sort, as a developer writes them. */
function handSummary(values: Float64Array, n: number): Summary | null {
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const sorted = values.slice(0, n).sort();
  const q = (p: number) => {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    const low = sorted[k]!;
    return h === k || k + 1 >= n ? low : low + (h - k) * (sorted[k + 1]! - low);
  };
  return {
    count: n,
    mean: sum / n,
    median: q(0.5),
    p90: q(0.9),
    p95: q(0.95),
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
}

/** First public human-agent reply − creation, calendar and (given a table) business. */
function handFirstResponses(list: readonly MetricConversation[], table: HandTable | undefined) {
  const calendar = new Float64Array(list.length);
  const business = new Float64Array(list.length);
  let answered = 0;
  for (const c of list) {
    const messages = c.messages ?? [];
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!;
      if (m.author !== "agent" || m.visibility === "private") continue;
      calendar[answered] = m.at - c.createdAt;
      if (table !== undefined) business[answered] = handDuration(table, c.createdAt, m.at);
      answered++;
      break;
    }
  }
  return {
    calendar: handSummary(calendar, answered),
    business: table === undefined ? null : handSummary(business, answered),
    answered,
  };
}

const isDone = (s: string | undefined) => s === "resolved" || s === "closed";

/** First and full resolution times (Zendesk's), calendar and (given a table) business. */
function handResolutions(list: readonly MetricConversation[], table: HandTable | undefined) {
  const n = list.length;
  const firstCal = new Float64Array(n);
  const firstBiz = new Float64Array(n);
  const fullCal = new Float64Array(n);
  const fullBiz = new Float64Array(n);
  let firsts = 0;
  let fulls = 0;
  let resolved = 0;
  for (const c of list) {
    const changes = c.statusChanges ?? [];
    let previous = "new";
    let first = -1;
    let last = -1;
    for (const s of changes) {
      const from = s.from ?? previous;
      if (!isDone(from) && isDone(s.to)) {
        if (first < 0) first = s.at;
        last = s.at;
      }
      previous = s.to;
    }
    if (first >= 0) {
      firstCal[firsts] = first - c.createdAt;
      if (table !== undefined) firstBiz[firsts] = handDuration(table, c.createdAt, first);
      firsts++;
    }
    if (isDone(previous)) {
      resolved++;
      if (last >= 0) {
        fullCal[fulls] = last - c.createdAt;
        if (table !== undefined) fullBiz[fulls] = handDuration(table, c.createdAt, last);
        fulls++;
      }
    }
  }
  const biz = (a: Float64Array, k: number) => (table === undefined ? null : handSummary(a, k));
  return {
    first: { calendar: handSummary(firstCal, firsts), business: biz(firstBiz, firsts) },
    full: { calendar: handSummary(fullCal, fulls), business: biz(fullBiz, fulls) },
    resolved,
  };
}

// ---------------------------------------------------------------------------------------------

/** The 1-, 5- and 15-minute load averages, for the record (the machine is shared). */
function load(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
}

const bench: Bench = {
  title: "Business time at scale: businessDuration, addBusinessTime, response and resolution times",
  run() {
    const sections: string[] = [];
    const loadBefore = load();
    const schedule = businessSchedule(definition);
    const table = handTable(Math.floor(FROM / DAY) - 2, Math.floor(TO / DAY) + 70);
    configurePackages();
    const n = N.toLocaleString("en");

    // Hand-computed cases (Berlin: UTC+1 in winter, UTC+2 in summer).
    const at = (s: string) => Date.parse(s);
    // Friday 27 March 2026 16:00 CET to Monday 30 March 10:00 CEST, across the spring change: 1 h + 1 h.
    check(
      "across the spring change",
      businessDuration(at("2026-03-27T15:00Z"), at("2026-03-30T08:00Z"), schedule),
      2 * HOUR,
    );
    // Thursday 2 April 2026 12:00 to Tuesday 7 April 12:00 CEST: 0.5 h + 3.5 h on Thursday, Good
    // Friday and Easter Monday closed, 3 h on Tuesday.
    check(
      "across Easter",
      businessDuration(at("2026-04-02T10:00Z"), at("2026-04-07T10:00Z"), schedule),
      7 * HOUR,
    );
    // Lunch break: 12:40 to 12:50 on a Monday is closed.
    check("lunch", businessDuration(at("2026-03-02T11:40Z"), at("2026-03-02T11:50Z"), schedule), 0);
    // Friday 23 October 2026 16:30 CEST + 1 h: 30 min on Friday, then Monday 09:30 CET = 08:30 UTC.
    check(
      "due across the autumn change",
      iso(addBusinessTime(at("2026-10-23T14:30Z"), HOUR, schedule)),
      "2026-10-26T08:30Z",
    );
    // 3.5 h from Monday 09:00 ends at 12:30 exactly (the end of the morning), not at 13:30.
    check(
      "due at the lunch break",
      iso(addBusinessTime(at("2026-03-02T08:00Z"), 3.5 * HOUR, schedule)),
      "2026-03-02T11:30Z",
    );

    // 1. businessDuration.
    const [starts, spans] = pairs(N, 1, MIN, 28 * DAY);
    const ends = new Float64Array(N);
    for (let i = 0; i < N; i++) ends[i] = starts[i]! + spans[i]!;
    let total = 0;
    for (let i = 0; i < N; i++) {
      const ours = businessDuration(starts[i]!, ends[i]!, schedule);
      const theirs = handDuration(table, starts[i]!, ends[i]!);
      if (ours !== theirs)
        throw new Error(`pair ${i} ${iso(starts[i]!)}–${iso(ends[i]!)}: touchpoint ${ours}, hand ${theirs}`);
      total += ours;
    }
    // Additivity at a random split point, on a sample (the inverse of addBusinessTime is checked below).
    const split = random(7);
    for (let i = 0; i < 10_000; i++) {
      const s = starts[i]!;
      const e = ends[i]!;
      const m = s + Math.floor(split() * (e - s));
      check(
        `additive at pair ${i}`,
        businessDuration(s, m, schedule) + businessDuration(m, e, schedule),
        businessDuration(s, e, schedule),
      );
    }
    const sumOver =
      (fn: (s: number, e: number) => number, a: Float64Array, b: Float64Array, k = a.length) =>
      () => {
        let sum = 0;
        for (let i = 0; i < k; i++) sum += fn(a[i]!, b[i]!);
        return sum;
      };
    const durationRows = interleave(
      [
        ["hand-written loop", sumOver((s, e) => handDuration(table, s, e), starts, ends)],
        ["touchpoint businessDuration", sumOver((s, e) => businessDuration(s, e, schedule), starts, ends)],
        [
          "touchpoint businessDuration, new schedule each pass (cold per-date cache)",
          () => {
            const fresh = businessSchedule(definition);
            let sum = 0;
            for (let i = 0; i < N; i++) sum += businessDuration(starts[i]!, ends[i]!, fresh);
            return sum;
          },
        ],
      ],
      { rounds: 7, warmup: 2 },
    );
    const perPair = (durationRows[1]!.ms * 1000) / N;
    let bigText: string;
    const predicted = ((durationRows[0]!.ms + durationRows[1]!.ms) * BIG) / N;
    if (predicted <= BIG_BUDGET_MS) {
      const [bigStarts, bigSpans] = pairs(BIG, 2, MIN, 28 * DAY);
      for (let i = 0; i < BIG; i++) bigSpans[i] = bigStarts[i]! + bigSpans[i]!;
      const started = Date.now();
      const bigRows = interleave(
        [
          ["hand-written loop", sumOver((s, e) => handDuration(table, s, e), bigStarts, bigSpans)],
          [
            "touchpoint businessDuration",
            sumOver((s, e) => businessDuration(s, e, schedule), bigStarts, bigSpans),
          ],
        ],
        { rounds: 3, warmup: 1 },
      );
      const seconds = (Date.now() - started) / 1000;
      bigText =
        `#### ${BIG.toLocaleString("en")} pairs (another seed, same distribution)\n\n${rateTable(bigRows, "pair", BIG)}\n\n` +
        `One pass of touchpoint over the ${BIG.toLocaleString("en")} pairs took ${(bigRows[1]!.ms / 1000).toFixed(2)} s of CPU ` +
        `(extrapolated from the ${n} pairs: ${((perPair * BIG) / 1e6).toFixed(2)} s); the four interleaved rounds of both took ${seconds.toFixed(1)} s.`;
      keep(bigStarts);
    } else {
      bigText =
        `The ${BIG.toLocaleString("en")}-pair row was skipped: one pass of both implementations was predicted at ${(predicted / 1000).toFixed(1)} s, ` +
        `over the ${BIG_BUDGET_MS / 1000} s budget. At ${perPair.toFixed(3)} µs a pair, ${BIG.toLocaleString("en")} pairs would take about ${((perPair * BIG) / 1e6).toFixed(1)} s of CPU.`;
    }
    sections.push(
      `### businessDuration over ${n} (start, end) pairs\n\n${rateTable(durationRows, "pair", N)}\n\n${bigText}`,
    );

    // 1b. The npm packages, on a sample rounded to the minute (dayjs-business-time counts whole minutes).
    const k = Math.min(SAMPLE, N);
    const ks = new Float64Array(k);
    const ke = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      ks[i] = Math.floor(starts[i]! / MIN) * MIN;
      ke[i] = Math.max(ks[i]!, Math.floor(ends[i]! / MIN) * MIN);
    }
    const expected = Array.from({ length: k }, (_, i) => businessDuration(ks[i]!, ke[i]!, schedule));
    const dayjsDiff = (s: number, e: number) => dayjs(s).businessMinutesDiff(dayjs(e)) * MIN;
    const momentDiff = (s: number, e: number) => berlin(e).workingDiff(berlin(s), "milliseconds");
    const dayjsAgreement = inZone(() =>
      agreement(
        k,
        (i) => dayjsDiff(ks[i]!, ke[i]!),
        (i) => expected[i]!,
      ),
    );
    const momentAgreement = agreement(
      k,
      (i) => momentDiff(ks[i]!, ke[i]!),
      (i) => expected[i]!,
    );
    // moment-business-time issue #42 (open since 2020): on the day a span ends, every interval that
    // opens after the end is counted backwards (max(from, open) − min(close, to) adds open − to), so
    // with two intervals a day a span ending before 13:30 on an open day is wrong. Elsewhere it agrees.
    const endsBeforeAfternoon = (e: number) => {
      const m = berlin(e);
      const minutes = m.hours() * 60 + m.minutes();
      return (
        m.isoWeekday() <= 5 && !HOLIDAYS.includes(m.format("YYYY-MM-DD")) && minutes >= 540 && minutes < 810
      );
    };
    const unaffected = Array.from({ length: k }, (_, i) => i).filter((i) => !endsBeforeAfternoon(ke[i]!));
    const momentUnaffected = agreement(
      unaffected.length,
      (j) => momentDiff(ks[unaffected[j]!]!, ke[unaffected[j]!]!),
      (j) => expected[unaffected[j]!]!,
    );
    const momentElsewhere = unaffected.length - momentUnaffected.agree;
    const handOnSample = agreement(
      k,
      (i) => handDuration(table, ks[i]!, ke[i]!),
      (i) => expected[i]!,
    );
    check("hand loop on the minute sample", handOnSample.agree, k);
    const packageRows = inZone(() =>
      interleave(
        [
          ["hand-written loop", sumOver((s, e) => handDuration(table, s, e), ks, ke)],
          ["touchpoint businessDuration", sumOver((s, e) => businessDuration(s, e, schedule), ks, ke)],
          ["dayjs-business-time businessMinutesDiff", sumOver(dayjsDiff, ks, ke)],
          ["moment-business-time workingDiff (moment-timezone)", sumOver(momentDiff, ks, ke)],
        ],
        { rounds: 5, warmup: 1 },
      ),
    );
    const describe = (a: Agreement, s: Float64Array, e: Float64Array) =>
      a.at < 0
        ? "no difference"
        : `largest difference ${span(a.worst)}: ${local(s[a.at]!)} to ${local(e[a.at]!)} (Berlin time) gives ${span(a.got)} against ${span(a.expected)}`;
    const unaffectedStarts = Float64Array.from(unaffected, (i) => ks[i]!);
    const unaffectedEnds = Float64Array.from(unaffected, (i) => ke[i]!);
    sections.push(
      `### businessDuration against npm packages, on the first ${k.toLocaleString("en")} pairs rounded down to the minute\n\n` +
        `${rateTable(packageRows, "pair", k)}\n\n` +
        `Agreement with touchpoint on these ${k.toLocaleString("en")} pairs: hand-written loop ${handOnSample.agree}/${k}; ` +
        `dayjs-business-time ${dayjsAgreement.agree}/${k} (${describe(dayjsAgreement, ks, ke)}); ` +
        `moment-business-time ${momentAgreement.agree}/${k} (${describe(momentAgreement, ks, ke)}). ` +
        `moment-business-time's \`workingDiff\` miscounts days with more than one interval (its open issue #42: on the day a span ends, ` +
        `an interval that opens after the end adds its opening time minus the end instead of nothing), so with a lunch break a span ending ` +
        `between 09:00 and 13:30 on an open day comes out wrong (${k - momentAgreement.agree - momentElsewhere} of the ` +
        `${k - unaffected.length} such pairs here); on the ${unaffected.length} pairs that end elsewhere it agrees on ` +
        `${momentUnaffected.agree}/${unaffected.length} (${describe(momentUnaffected, unaffectedStarts, unaffectedEnds)}). Its row is timed on all ` +
        `${k.toLocaleString("en")} pairs all the same: the cost does not depend on the error. On these pairs touchpoint is ` +
        `${(packageRows[2]!.ratio / packageRows[1]!.ratio).toFixed(0)}× faster than dayjs-business-time and ` +
        `${(packageRows[3]!.ratio / packageRows[1]!.ratio).toFixed(0)}× faster than moment-business-time; the ${n}-pair table above ` +
        "is the one to read for touchpoint against the hand loop (this small sample stays in the CPU caches).",
    );

    // 2. addBusinessTime.
    const [dueStarts, budgets] = pairs(N, 3, MIN, 80 * HOUR);
    for (let i = 0; i < N; i++) {
      const ours = addBusinessTime(dueStarts[i]!, budgets[i]!, schedule);
      const theirs = handAdd(table, dueStarts[i]!, budgets[i]!);
      if (ours !== theirs)
        throw new Error(
          `due ${i} ${iso(dueStarts[i]!)} + ${budgets[i]}: touchpoint ${iso(ours)}, hand ${iso(theirs)}`,
        );
      if (i < 100_000) check(`inverse at ${i}`, businessDuration(dueStarts[i]!, ours, schedule), budgets[i]!);
    }
    const addRows = interleave(
      [
        ["hand-written loop", sumOver((s, d) => handAdd(table, s, d), dueStarts, budgets)],
        [
          "touchpoint addBusinessTime",
          sumOver((s, d) => addBusinessTime(s, d, schedule), dueStarts, budgets),
        ],
      ],
      { rounds: 7, warmup: 2 },
    );
    // The packages, on whole minutes (dayjs-business-time adds whole minutes).
    const as = Float64Array.from(dueStarts.subarray(0, k), (t) => Math.floor(t / MIN) * MIN);
    const ad = Float64Array.from(budgets.subarray(0, k), (d) => Math.max(MIN, Math.round(d / MIN) * MIN));
    const dueExpected = Array.from({ length: k }, (_, i) => addBusinessTime(as[i]!, ad[i]!, schedule));
    const dayjsAdd = (s: number, d: number) =>
      dayjs(s)
        .addBusinessMinutes(d / MIN)
        .valueOf();
    const momentAdd = (s: number, d: number) => berlin(s).addWorkingTime(d, "milliseconds").valueOf();
    const dayjsDue = inZone(() =>
      agreement(
        k,
        (i) => dayjsAdd(as[i]!, ad[i]!),
        (i) => dueExpected[i]!,
      ),
    );
    const momentDue = agreement(
      k,
      (i) => momentAdd(as[i]!, ad[i]!),
      (i) => dueExpected[i]!,
    );
    const addPackageRows = inZone(() =>
      interleave(
        [
          ["hand-written loop", sumOver((s, d) => handAdd(table, s, d), as, ad)],
          ["touchpoint addBusinessTime", sumOver((s, d) => addBusinessTime(s, d, schedule), as, ad)],
          ["dayjs-business-time addBusinessMinutes", sumOver(dayjsAdd, as, ad)],
          ["moment-business-time addWorkingTime (moment-timezone)", sumOver(momentAdd, as, ad)],
        ],
        { rounds: 5, warmup: 1 },
      ),
    );
    const describeDue = (a: Agreement) =>
      a.at < 0
        ? "no difference"
        : `largest difference ${span(a.worst)}: ${local(as[a.at]!)} + ${span(ad[a.at]!)} gives ${local(a.got)} against ${local(a.expected)}`;
    sections.push(
      `### addBusinessTime for ${n} (start, duration) pairs\n\n${rateTable(addRows, "pair", N)}\n\n` +
        `#### Against npm packages, on the first ${k.toLocaleString("en")} pairs in whole minutes\n\n${rateTable(addPackageRows, "pair", k)}\n\n` +
        `Agreement with touchpoint: dayjs-business-time ${dayjsDue.agree}/${k} (${describeDue(dayjsDue)}); ` +
        `moment-business-time ${momentDue.agree}/${k} (${describeDue(momentDue)}). touchpoint is ` +
        `${(addPackageRows[2]!.ratio / addPackageRows[1]!.ratio).toFixed(0)}× faster than dayjs-business-time and ` +
        `${(addPackageRows[3]!.ratio / addPackageRows[1]!.ratio).toFixed(0)}× faster than moment-business-time here.`,
    );

    // 3. Response and resolution times of conversations.
    const list = conversations(CONVERSATIONS, 4, table);
    const c = CONVERSATIONS.toLocaleString("en");
    const frBusiness = firstResponseTimes(list, { schedule });
    const frHand = handFirstResponses(list, table);
    check("first response, calendar", frBusiness.calendar, frHand.calendar);
    check("first response, business", frBusiness.business, frHand.business);
    check("answered", frBusiness.answered, frHand.answered);
    const rtBusiness = resolutionTimes(list, { schedule });
    const rtHand = handResolutions(list, table);
    check("first resolution, calendar", rtBusiness.first.calendar, rtHand.first.calendar);
    check("first resolution, business", rtBusiness.first.business, rtHand.first.business);
    check("full resolution, calendar", rtBusiness.full.calendar, rtHand.full.calendar);
    check("full resolution, business", rtBusiness.full.business, rtHand.full.business);
    check("resolved", rtBusiness.resolved, rtHand.resolved);
    const frRows = interleave(
      [
        ["hand-written loop, calendar + business", () => handFirstResponses(list, table)],
        ["hand-written loop, calendar only", () => handFirstResponses(list, undefined)],
        ["touchpoint firstResponseTimes, calendar only", () => firstResponseTimes(list)],
        ["touchpoint firstResponseTimes, { schedule }", () => firstResponseTimes(list, { schedule })],
      ],
      { rounds: 7, warmup: 2 },
    );
    const rtRows = interleave(
      [
        ["hand-written loop, calendar + business", () => handResolutions(list, table)],
        ["hand-written loop, calendar only", () => handResolutions(list, undefined)],
        ["touchpoint resolutionTimes, calendar only", () => resolutionTimes(list)],
        ["touchpoint resolutionTimes, { schedule }", () => resolutionTimes(list, { schedule })],
      ],
      { rounds: 7, warmup: 2 },
    );
    const median = (s: Summary | null) => (s === null ? "–" : span(s.median));
    sections.push(
      `### firstResponseTimes and resolutionTimes over ${c} conversations\n\n` +
        `#### firstResponseTimes\n\n${rateTable(frRows, "conversation", CONVERSATIONS)}\n\n` +
        `#### resolutionTimes (first and full)\n\n${rateTable(rtRows, "conversation", CONVERSATIONS)}\n\n` +
        `${frBusiness.answered.toLocaleString("en")} answered (median first response ${median(frBusiness.calendar)} calendar, ` +
        `${median(frBusiness.business)} business), ${rtBusiness.first.calendar?.count.toLocaleString("en")} with a first resolution ` +
        `(median ${median(rtBusiness.first.calendar)} calendar, ${median(rtBusiness.first.business)} business), ` +
        `${rtBusiness.reopened.toLocaleString("en")} reopened. Conversations are created at any hour; a bot greeting in 30 % and a ` +
        "private note in 20 % come before the first public agent reply (neither counts); 90 % are answered, four in five replies " +
        "within business hours (median 1 business hour after creation) and the rest out of hours; 85 % of the answered are resolved " +
        "(median 4 business hours after the reply), 15 % of those reopened and most resolved again. The hand-written loops give the " +
        "same summaries to the bit. They compute the same figures (first public agent reply, Zendesk's first and full resolution, count, mean, min, max and type-7 " +
        "median, p90 and p95 after a sort) but validate nothing and return no per-conversation records; touchpoint validates every " +
        "timestamp, author and status and returns one record per conversation.",
    );

    const verdict = (name: string, a: Agreement) =>
      a.agree === a.total
        ? `${name} agreed on all ${a.total.toLocaleString("en")}`
        : `${name} differed on ${(a.total - a.agree).toLocaleString("en")} of ${a.total.toLocaleString("en")} (by up to ${span(a.worst)})`;
    sections.push(
      "### What was measured\n\n" +
        `Schedule: Monday to Friday 09:00–12:30 and 13:30–17:00 (7 h a day in two intervals) in ${ZONE}, with the ${HOLIDAYS.length} German ` +
        "national holidays of 2025–2027 (and 2028-01-01) as whole closed days. Data, seeded (mulberry32): starts uniform to the " +
        `millisecond over ${iso(FROM).slice(0, 10)} to ${iso(TO).slice(0, 10)}, at any hour, weekends included, so the data spans six ` +
        "daylight-saving changes (Sunday nights, so they shift the intervals' UTC instants by an hour rather than cut one); spans " +
        "log-uniform from 1 minute to 28 days (median 3.3 h, mean 2.6 days); due-time budgets log-uniform from 1 minute to 80 business " +
        "hours; conversations as described above. CPU time; the rows of each table interleaved round by round, the ratio being the " +
        `median of the per-round ratios; load average (1, 5, 15 min) on ${os.cpus().length} cores ${loadBefore} before the run, ${load()} after. The hand loop's table (` +
        `${table.days.length.toLocaleString("en")} dates) is built before timing, as touchpoint's per-date cache is warm after the first ` +
        "round; the cold-cache row shows what filling it costs. Checked before timing: touchpoint equals the hand loop on every one of " +
        `the ${n} durations (${Math.round(total / HOUR).toLocaleString("en")} business hours in all) and ${n} due times, and on the conversation summaries; additivity at a random ` +
        `split point on 10,000 pairs; \`businessDuration(start, addBusinessTime(start, d)) = d\` on ${Math.min(N, 100_000).toLocaleString("en")}; five hand-computed cases ` +
        "(across the spring and autumn changes, across Easter, inside the lunch break, a due time ending at 12:30). dayjs-business-time " +
        `works in the process's local zone (its rows run with \`process.env.TZ = "${ZONE}"\`) and in whole minutes, so the package ` +
        `tables use the first ${k.toLocaleString("en")} pairs rounded to the minute. date-fns' \`differenceInBusinessDays\` is not ` +
        "included: it counts weekdays, without hours or holidays, so it answers a different question. Largest disagreement: " +
        `moment-business-time's \`workingDiff\`, off by up to ${span(momentAgreement.worst)} (${local(ks[momentAgreement.at]!)} to ` +
        `${local(ke[momentAgreement.at]!)}, Berlin time: ${span(momentAgreement.got)} against ${span(momentAgreement.expected)}); it ` +
        `differed on ${(k - momentAgreement.agree).toLocaleString("en")} of ${k.toLocaleString("en")} sample pairs, ` +
        `${momentElsewhere === 0 ? "all of them" : `all but ${momentElsewhere} of them`} spans ending before the afternoon interval on ` +
        `an open day (issue #42). For durations ${verdict("dayjs-business-time", dayjsAgreement)}; for due ` +
        `times ${verdict("dayjs-business-time", dayjsDue)} and ${verdict("moment-business-time", momentDue)}.`,
    );
    keep([starts, ends, dueStarts, budgets, list]);
    return sections.join("\n\n");
  },
};

export default bench;
