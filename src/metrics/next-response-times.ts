import { checkOptions } from "../internal/args.js";
import type { Summary } from "../internal/summary.js";
import { openBetween } from "./business-duration.js";
import { type BusinessSchedule, type Compiled, compiledOf } from "./business-schedule.js";
import {
  checkConversation,
  checkList,
  isReply,
  isResolvedStatus,
  type MetricConversation,
  type ReplyOptions,
  statusSteps,
  summaries,
} from "./conversation-facts.js";
import { firstResponse } from "./first-response-times.js";

/**
 * Options of {@link nextResponseTimes}.
 *
 * @category Conversation metrics
 */
export interface NextResponseOptions extends ReplyOptions {
  /** A schedule from {@link businessSchedule}: adds business-time figures. */
  readonly schedule?: BusinessSchedule | undefined;
  /**
   * A change to resolved or closed ends an unanswered wait without a value (counted in
   * `resolvedWithoutReply`), as resolving clears Chatwoot's `waiting_since`. Default `true`; with
   * `false` the wait runs on until the next reply.
   */
  readonly resolveEndsWait?: boolean;
  /** As in {@link FirstResponseOptions}: an agent's opening message is not the first reply. Default `true`. */
  readonly skipAgentOpening?: boolean;
}

/**
 * One customer wait after the first response.
 *
 * @category Conversation metrics
 */
export interface ResponseWait {
  /** The oldest unanswered customer message. */
  readonly start: number;
  /** The reply that ended the wait, or `null` (still waiting, or resolved without a reply). */
  readonly end: number | null;
  /** Calendar milliseconds, or `null` when `end` is. */
  readonly calendar: number | null;
  /** Business milliseconds, or `null` when `end` is or there is no schedule. */
  readonly business: number | null;
  /** `answered` by a reply, still `waiting` at the end of the data, or `resolved` without a reply. */
  readonly outcome: "answered" | "waiting" | "resolved";
}

/**
 * The waits of one conversation, in input order.
 *
 * @category Conversation metrics
 */
export interface ConversationWaits {
  /** The conversation's position in the input. */
  readonly index: number;
  /** The conversation's id, when it has one. */
  readonly id: string | undefined;
  /** Its waits after the first response, oldest first. */
  readonly waits: readonly ResponseWait[];
}

/**
 * What {@link nextResponseTimes} returns.
 *
 * @category Conversation metrics
 */
export interface NextResponseTimesResult {
  /** Summary over every answered wait (pooled across conversations), or `null` when there is none. */
  readonly calendar: Summary | null;
  /** The same in business time, or `null` without a schedule. */
  readonly business: Summary | null;
  /** Answered waits. */
  readonly answered: number;
  /** Waits still open at the end of the data. */
  readonly unanswered: number;
  /** Waits ended by a resolution without a reply. */
  readonly resolvedWithoutReply: number;
  /** Per conversation, in input order. */
  readonly conversations: readonly ConversationWaits[];
}

/** The waits of one conversation after its first response. */
export function responseWaits(
  c: MetricConversation,
  options: NextResponseOptions,
  compiled: Compiled | undefined,
): ResponseWait[] {
  const waits: ResponseWait[] = [];
  const first = firstResponse(c, options);
  if (first.end === null) return waits;
  const messages = c.messages ?? [];
  const steps = options.resolveEndsWait === false ? [] : statusSteps(c);
  let s = 0;
  while (s < steps.length && steps[s]!.at <= first.end) s++;
  let waitStart = Number.NaN;
  const closeBy = (t: number) => {
    for (; s < steps.length && steps[s]!.at < t; s++) {
      if (!Number.isNaN(waitStart) && isResolvedStatus(steps[s]!.to)) {
        waits.push({ start: waitStart, end: null, calendar: null, business: null, outcome: "resolved" });
        waitStart = Number.NaN;
      }
    }
  };
  for (let i = first.at + 1; i < messages.length; i++) {
    const m = messages[i]!;
    closeBy(m.at);
    if (m.author === "customer") {
      if (Number.isNaN(waitStart)) waitStart = m.at;
    } else if (!Number.isNaN(waitStart) && isReply(m, options)) {
      waits.push({
        start: waitStart,
        end: m.at,
        calendar: m.at - waitStart,
        business: compiled === undefined ? null : openBetween(compiled, waitStart, m.at),
        outcome: "answered",
      });
      waitStart = Number.NaN;
    }
  }
  closeBy(Number.POSITIVE_INFINITY);
  if (!Number.isNaN(waitStart))
    waits.push({ start: waitStart, end: null, calendar: null, business: null, outcome: "waiting" });
  return waits;
}

/**
 * Returns every wait for a reply after the first response, and their summary (count, mean,
 * median, p90, p95, min, max), in calendar time and, given a schedule, in business time.
 *
 * @remarks
 * After the first response, a customer message starts a wait unless one is already running; the
 * next reply (public human-agent message by default) ends it. So the wait "begins with the oldest
 * unanswered customer comment", Zendesk's next reply time (anchors §2.2), and matches Chatwoot's
 * reply time ("customer waiting time", `waiting_since` to the next human reply) and Intercom's
 * subsequent response time (anchors §2.4, §2.8). The wait before the first response is
 * {@link firstResponseTimes}' business, not this one's.
 *
 * A wait still open at the end of the data counts in `unanswered`; one ended by a resolution
 * without a reply in `resolvedWithoutReply` (unless `resolveEndsWait: false`). Neither enters the
 * summaries. Waits are pooled: a conversation with five waits weighs five times.
 *
 * @param conversations - conversations ({@link MetricConversation})
 * @param options - which replies count, an optional schedule
 * @returns pooled summaries (`null` when no wait was answered), counts and per-conversation waits
 * @throws {@link TouchpointError} as {@link firstResponseTimes}
 *
 * @example
 * ```ts
 * import { nextResponseTimes } from "touchpoint/metrics";
 *
 * const at = (time: string) => Date.parse(`2026-03-02T${time}:00Z`);
 * const result = nextResponseTimes([
 *   { createdAt: at("09:00"), messages: [
 *     { author: "customer" as const, at: at("09:00") },
 *     { author: "agent" as const, at: at("09:10") }, // first response
 *     { author: "customer" as const, at: at("09:30") }, // wait starts
 *     { author: "customer" as const, at: at("09:35") },
 *     { author: "agent" as const, at: at("10:00") }, // 30 minutes
 *     { author: "customer" as const, at: at("10:05") },
 *     { author: "agent" as const, visibility: "private" as const, at: at("10:10") },
 *     { author: "agent" as const, at: at("10:25") }, // 20 minutes
 *     { author: "customer" as const, at: at("11:00") }, // still waiting
 *   ] },
 * ]);
 * result.calendar; // => { count: 2, mean: 1500000, median: 1500000, p90: 1740000, p95: 1770000, min: 1200000, max: 1800000 }
 * result.unanswered; // => 1
 * ```
 *
 * @category Conversation metrics
 */
export function nextResponseTimes(
  conversations: readonly MetricConversation[],
  options: NextResponseOptions = {},
): NextResponseTimesResult {
  options = checkOptions("nextResponseTimes", options);
  const fn = "nextResponseTimes";
  checkList(conversations, fn);
  const schedule = options.schedule;
  const compiled = schedule === undefined ? undefined : compiledOf(schedule, fn);
  const out: ConversationWaits[] = [];
  const calendar: number[] = [];
  const business: number[] = [];
  let unanswered = 0;
  let resolvedWithoutReply = 0;
  for (let index = 0; index < conversations.length; index++) {
    const c = conversations[index]!;
    checkConversation(c, fn, index);
    const waits = responseWaits(c, options, compiled);
    for (const wait of waits) {
      if (wait.calendar !== null) {
        calendar.push(wait.calendar);
        if (wait.business !== null) business.push(wait.business);
      } else if (wait.outcome === "waiting") unanswered++;
      else resolvedWithoutReply++;
    }
    out.push({ index, id: c.id, waits });
  }
  const n = calendar.length;
  return {
    ...summaries(Float64Array.from(calendar), Float64Array.from(business), n, schedule),
    answered: n,
    unanswered,
    resolvedWithoutReply,
    conversations: out,
  };
}
