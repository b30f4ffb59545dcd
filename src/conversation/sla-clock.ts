import type { SlaClock } from "./conversation-types.js";

/**
 * How SLA time is counted: calendar time, or business hours from a schedule.
 *
 * @remarks
 * `add(start, ms)` is the instant `ms` milliseconds of schedule time after `start` (a due time);
 * `elapsed(start, end)` the schedule time between two instants. A pause keeps the remaining
 * schedule time and resumes with it, so a paused clock stays right across weekends. Both must be
 * pure; a business-hours schedule from touchpoint/metrics plugs in through
 * {@link createConversationMachine}.
 *
 * @category Conversation
 */
export interface SlaSchedule {
  /** The instant `ms` of schedule time after `start`. */
  add(start: number, ms: number): number;
  /** The schedule time between `start` and `end` (0 when `end` is not after `start`). */
  elapsed(start: number, end: number): number;
}

/**
 * Calendar time: every millisecond counts.
 *
 * @example
 * ```ts
 * import { calendarSchedule } from "touchpoint/conversation";
 *
 * calendarSchedule.add(1000, 500); // => 1500
 * calendarSchedule.elapsed(1000, 400); // => 0
 * ```
 *
 * @category Conversation
 */
export const calendarSchedule: SlaSchedule = {
  add: (start, ms) => start + ms,
  elapsed: (start, end) => (end > start ? end - start : 0),
};

/** A clock that never started. */
export function idleClock(): SlaClock {
  return {
    status: "idle",
    startedAt: null,
    dueAt: null,
    warnAt: null,
    pausedAt: null,
    warned: false,
    breached: false,
    cycles: 0,
    hits: 0,
    breaches: 0,
    cancels: 0,
    metAt: null,
  };
}

/** Starts a new cycle at `at` (a clock without a target stays idle). */
export function startClock(
  clock: SlaClock,
  at: number,
  targetMs: number | null,
  warningRatio: number,
  schedule: SlaSchedule,
): SlaClock {
  if (targetMs === null) return clock;
  return {
    status: "running",
    startedAt: at,
    dueAt: schedule.add(at, targetMs),
    warnAt: schedule.add(at, Math.round(targetMs * warningRatio)),
    pausedAt: null,
    warned: false,
    breached: false,
    cycles: clock.cycles + 1,
    hits: clock.hits,
    breaches: clock.breaches,
    cancels: clock.cancels,
    metAt: null,
  };
}

/** Pauses a running clock at `at`. */
export function pauseClock(clock: SlaClock, at: number): SlaClock {
  if (clock.status !== "running") return clock;
  return { ...clock, status: "paused", pausedAt: at };
}

/** Resumes a paused clock at `at` with the schedule time it had left. */
export function resumeClock(clock: SlaClock, at: number, schedule: SlaSchedule): SlaClock {
  if (clock.status !== "paused" || clock.pausedAt === null) return clock;
  const pausedAt = clock.pausedAt;
  return {
    ...clock,
    status: "running",
    pausedAt: null,
    dueAt: shifted(clock.dueAt, pausedAt, at, schedule),
    warnAt: shifted(clock.warnAt, pausedAt, at, schedule),
  };
}

/** Where a pause from `pausedAt` to `at` moves an instant. */
function shifted(instant: number | null, pausedAt: number, at: number, schedule: SlaSchedule): number | null {
  if (instant === null) return null;
  // An instant at the pause moves with it: a clock paused exactly at its due time is not yet breached.
  if (instant < pausedAt) return instant;
  return schedule.add(at, schedule.elapsed(pausedAt, instant));
}

/** Marks the current cycle met at `at`. */
export function meetClock(clock: SlaClock, at: number): SlaClock {
  if (clock.status !== "running" && clock.status !== "paused") return clock;
  return { ...clock, status: "done", pausedAt: null, metAt: at, hits: clock.hits + (clock.breached ? 0 : 1) };
}

/** Ends the current cycle unmet (the conversation was resolved or abandoned first). */
export function cancelClock(clock: SlaClock): SlaClock {
  if (clock.status !== "running" && clock.status !== "paused") return clock;
  return { ...clock, status: "done", pausedAt: null, cancels: clock.cancels + (clock.breached ? 0 : 1) };
}

/** The instant a due time counts as breached: the first millisecond after it (a reply at the due time is in time). */
export function breachInstant(dueAt: number): number {
  return dueAt + 1;
}

/** The next instant this clock needs attention (its warning or its breach), or `null`. */
export function nextInstantOf(clock: SlaClock): number | null {
  if (clock.status !== "running") return null;
  if (!clock.warned && clock.warnAt !== null && (clock.dueAt === null || clock.warnAt < clock.dueAt)) {
    return clock.warnAt;
  }
  if (!clock.breached && clock.dueAt !== null) return breachInstant(clock.dueAt);
  return null;
}
