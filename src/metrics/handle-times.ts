import { checkOptions } from "../internal/args.js";
import type { Summary } from "../internal/summary.js";
import type { ConversationStatus } from "../schemas/vocabulary.js";
import { openBetween } from "./business-duration.js";
import { type BusinessSchedule, compiledOf } from "./business-schedule.js";
import {
  checkConversation,
  checkList,
  checkOption,
  checkStatuses,
  finalStatus,
  handoffInstants,
  initialStatus,
  isResolvedStatus,
  type MetricConversation,
  statusSteps,
  summaries,
} from "./conversation-facts.js";

/**
 * Options of {@link handleTimes}.
 *
 * @category Conversation metrics
 */
export interface HandleTimeOptions {
  /** A schedule from {@link businessSchedule}: adds business-time figures. */
  readonly schedule?: BusinessSchedule | undefined;
  /**
   * The statuses in which the team is working the conversation. Default `["new", "open"]`,
   * Zendesk's agent work time (anchors §2.1).
   */
  readonly statuses?: readonly ConversationStatus[];
  /** `created` (default) or `handoff`: leave out the time before the first bot hand-off. */
  readonly clockStart?: "created" | "handoff";
}

/**
 * Handle time of one conversation, in input order.
 *
 * @category Conversation metrics
 */
export interface ConversationHandleTime {
  /** The conversation's position in the input. */
  readonly index: number;
  /** The conversation's id, when it has one. */
  readonly id: string | undefined;
  /** Calendar milliseconds in the working statuses, or `null` when it is not resolved now. */
  readonly calendar: number | null;
  /** Business milliseconds in the working statuses, or `null` (not resolved, or no schedule). */
  readonly business: number | null;
}

/**
 * What {@link handleTimes} returns.
 *
 * @category Conversation metrics
 */
export interface HandleTimesResult {
  /** Summary over resolved conversations, in calendar milliseconds, or `null` when none is resolved. */
  readonly calendar: Summary | null;
  /** The same in business time, or `null` without a schedule. */
  readonly business: Summary | null;
  /**
   * Conversations not resolved now, or resolved with no time recorded (a `status` without
   * `resolvedAt` or history), left out of the summaries (counted, not dropped).
   */
  readonly unresolved: number;
  /** One entry per input conversation, in input order. */
  readonly conversations: readonly ConversationHandleTime[];
}

/**
 * Returns the handle time of each resolved conversation, the time it spent being worked on, and
 * their summary (count, mean, median, p90, p95, min, max), in calendar and business time.
 *
 * @remarks
 * Handle time = the total time in the working statuses (`new` and `open` by default) from the
 * clock start to the latest resolution, read from the status history; time waiting on the customer
 * (`pending`), on a third party (`on-hold`) or resolved does not count. This is Zendesk's agent
 * work time (New + Open, paused in Pending and On-hold; anchors §2.1) and approximates Intercom's
 * conversation handling time ("time open and assigned to a teammate, counted once closed"; anchors
 * §2.4), with the status history standing in for assignment records, which conversations here do
 * not carry. Like Intercom's, it is counted once the conversation is resolved; others count in
 * `unresolved`. The status before the first change is that change's `from`, or `new`.
 *
 * @param conversations - conversations ({@link MetricConversation})
 * @param options - an optional schedule, the working statuses, where the clock starts
 * @returns summaries (`null` when nothing is resolved), the unresolved count, per-conversation values
 * @throws {@link TouchpointError} as {@link firstResponseTimes}, and `invalid_option` for an
 * unknown option value
 *
 * @example
 * ```ts
 * import { handleTimes } from "touchpoint/metrics";
 *
 * const at = (time: string) => Date.parse(`2026-03-02T${time}:00Z`);
 * const result = handleTimes([
 *   { createdAt: at("09:00"), statusChanges: [
 *     { at: at("09:10"), to: "open" as const }, // 10 min new
 *     { at: at("09:40"), to: "pending" as const }, // 30 min open
 *     { at: at("10:40"), to: "open" as const }, // an hour waiting on the customer: not counted
 *     { at: at("11:00"), to: "resolved" as const }, // 20 min open
 *   ] },
 *   { createdAt: at("09:00"), statusChanges: [
 *     { at: at("09:00"), from: "new" as const, to: "open" as const },
 *     { at: at("09:15"), to: "on-hold" as const },
 *     { at: at("10:15"), to: "open" as const },
 *     { at: at("10:30"), to: "resolved" as const },
 *   ] },
 *   { createdAt: at("09:00") },
 * ]);
 * result.conversations[0]?.calendar; // => 3600000
 * result.calendar?.mean; // => 2700000
 * result.unresolved; // => 1
 * ```
 *
 * @category Conversation metrics
 */
export function handleTimes(
  conversations: readonly MetricConversation[],
  options: HandleTimeOptions = {},
): HandleTimesResult {
  options = checkOptions("handleTimes", options);
  const fn = "handleTimes";
  checkList(conversations, fn);
  checkOption(options.clockStart, ["created", "handoff"], fn, "options.clockStart");
  checkStatuses(options.statuses, fn, "options.statuses");
  const schedule = options.schedule;
  const compiled = schedule === undefined ? undefined : compiledOf(schedule, fn);
  const working: ReadonlySet<ConversationStatus> = new Set(options.statuses ?? ["new", "open"]);
  const n = conversations.length;
  const calendar = new Float64Array(n);
  const business = new Float64Array(n);
  const out: ConversationHandleTime[] = [];
  let count = 0;
  for (let index = 0; index < n; index++) {
    const c = conversations[index]!;
    checkConversation(c, fn, index);
    const steps = statusSteps(c);
    if (!isResolvedStatus(finalStatus(c, steps)) || steps.length === 0) {
      out.push({ index, id: c.id, calendar: null, business: null });
      continue;
    }
    let from = c.createdAt;
    if (options.clockStart === "handoff") from = handoffInstants(c)[0] ?? from;
    let cal = 0;
    let biz = 0;
    let status = initialStatus(c);
    let since = c.createdAt;
    for (const step of steps) {
      if (working.has(status)) {
        const lo = Math.max(since, from);
        if (step.at > lo) {
          cal += step.at - lo;
          if (compiled !== undefined) biz += openBetween(compiled, lo, step.at);
        }
      }
      status = step.to;
      since = step.at;
    }
    calendar[count] = cal;
    business[count] = biz;
    count++;
    out.push({ index, id: c.id, calendar: cal, business: compiled === undefined ? null : biz });
  }
  return { ...summaries(calendar, business, count, schedule), unresolved: n - count, conversations: out };
}
