import { checkOptions } from "../internal/args.js";
import type { Summary } from "../internal/summary.js";
import { openBetween } from "./business-duration.js";
import { type BusinessSchedule, compiledOf } from "./business-schedule.js";
import {
  type ClockStart,
  type ConversationDuration,
  checkConversation,
  checkList,
  checkOption,
  handoffInstants,
  isReply,
  latestAtOrBefore,
  type MetricConversation,
  type ReplyOptions,
  reopenInstants,
  statusSteps,
  summaries,
} from "./conversation-facts.js";

const CLOCK_STARTS: readonly ClockStart[] = ["created", "handoff", "reopen", "handoff-or-reopen"];

/**
 * Options of {@link firstResponseTimes}.
 *
 * @category Conversation metrics
 */
export interface FirstResponseOptions extends ReplyOptions {
  /** A schedule from {@link businessSchedule}: adds business-time figures. */
  readonly schedule?: BusinessSchedule | undefined;
  /** Where the clock starts ({@link ClockStart}); default `created`, as Zendesk. */
  readonly clockStart?: ClockStart;
  /**
   * When the first message is a public agent message sent at the conversation's creation (an agent
   * opened it), wait for the next reply, as Zendesk does for agent-created tickets. Default `true`.
   */
  readonly skipAgentOpening?: boolean;
}

/**
 * What {@link firstResponseTimes} returns.
 *
 * @category Conversation metrics
 */
export interface FirstResponseTimesResult {
  /** Summary of the calendar milliseconds of answered conversations, or `null` when none was answered. */
  readonly calendar: Summary | null;
  /** The same in business time, or `null` without a schedule or when none was answered. */
  readonly business: Summary | null;
  /** Conversations with a first response. */
  readonly answered: number;
  /** Conversations without one (counted, not dropped). */
  readonly unanswered: number;
  /** One entry per input conversation, in input order; `end` is the first response. */
  readonly conversations: readonly ConversationDuration[];
}

/** The first reply's instant (or `null`) and message index (or −1), and the clock start, of one conversation. */
export function firstResponse(
  c: MetricConversation,
  options: FirstResponseOptions,
): { start: number; end: number | null; at: number } {
  const messages = c.messages ?? [];
  let i = 0;
  const first = messages[0];
  if (
    first !== undefined &&
    first.author === "agent" &&
    first.at === c.createdAt &&
    isReply(first, options) &&
    options.skipAgentOpening !== false
  ) {
    i = 1;
  }
  let end: number | null = null;
  for (; i < messages.length; i++) {
    const m = messages[i]!;
    if (isReply(m, options)) {
      end = m.at;
      break;
    }
  }
  const at = end === null ? -1 : i;
  const clock = options.clockStart ?? "created";
  let start = c.createdAt;
  if (clock !== "created") {
    const until = end ?? Number.POSITIVE_INFINITY;
    if (clock === "handoff" || clock === "handoff-or-reopen")
      start = latestAtOrBefore(handoffInstants(c), until, start);
    if (clock === "reopen" || clock === "handoff-or-reopen")
      start = latestAtOrBefore(reopenInstants(statusSteps(c)), until, start);
  }
  return { start, end, at };
}

/**
 * Returns the first response time of each conversation and their summary (count, mean, median,
 * p90, p95, min, max), in calendar time and, given a schedule, in business time.
 *
 * @remarks
 * First response time = the first public human-agent reply − the clock start, per Zendesk's first
 * reply time ("from ticket creation to the first public agent comment"; when an agent opened the
 * ticket with a public comment, the clock stops at the second one) and Freshdesk's (private notes
 * do not count) (anchors §2.1, §2.3). Bot replies and private notes are left out unless
 * `includeBots` / `includePrivate` say otherwise.
 *
 * The clock starts at creation by default. `clockStart: "handoff"` starts it at the latest bot
 * hand-off before the reply, `"reopen"` at the latest reopen before it, and `"handoff-or-reopen"`
 * at the later of the two, which is Chatwoot's definition (anchors §2.8). A hand-off is a status
 * change to `open` made `by: "bot"` (Chatwoot's `bot_handoff!`); when the history records none, the
 * last bot message before the first human-agent message (the bot's "connecting you to an agent").
 *
 * A conversation without a reply is counted in `unanswered` and has `end: null`; it is not in the
 * summaries. Summaries use type-7 percentiles (R's and NumPy's default).
 *
 * @param conversations - conversations ({@link MetricConversation}; a parsed `Conversation` fits)
 * @param options - which replies count, where the clock starts, an optional schedule
 * @returns summaries (`null` when no conversation was answered), counts and per-conversation values
 * @throws {@link TouchpointError} `invalid_timestamp`, `out_of_order`, `end_before_start`,
 * `invalid_author`, `invalid_visibility`, `invalid_status`, `invalid_conversation` naming the
 * conversation's index and field; `invalid_input` when `conversations` is not an array;
 * `invalid_option` for an unknown `clockStart`
 *
 * @example
 * ```ts
 * import { firstResponseTimes } from "touchpoint/metrics";
 *
 * const at = (time: string) => Date.parse(`2026-03-02T${time}:00Z`);
 * const conversations = [
 *   { id: "a", createdAt: at("09:00"), messages: [
 *     { author: "customer" as const, at: at("09:00") },
 *     { author: "agent" as const, at: at("09:20") },
 *   ] },
 *   { id: "b", createdAt: at("10:00"), messages: [
 *     { author: "customer" as const, at: at("10:00") },
 *     { author: "bot" as const, at: at("10:01") },
 *     { author: "agent" as const, visibility: "private" as const, at: at("10:05") },
 *     { author: "agent" as const, at: at("10:40") },
 *   ] },
 *   { id: "c", createdAt: at("11:00"), messages: [{ author: "customer" as const, at: at("11:00") }] },
 * ];
 * const result = firstResponseTimes(conversations);
 * result.calendar; // => { count: 2, mean: 1800000, median: 1800000, p90: 2280000, p95: 2340000, min: 1200000, max: 2400000 }
 * result.unanswered; // => 1
 * result.conversations[1]?.calendar; // => 2400000
 * // Measured from the bot's last message instead, as Chatwoot does:
 * firstResponseTimes(conversations, { clockStart: "handoff" }).conversations[1]?.calendar; // => 2340000
 * firstResponseTimes([{ createdAt: Number.NaN }]); // throws invalid_timestamp
 * ```
 *
 * @category Conversation metrics
 */
export function firstResponseTimes(
  conversations: readonly MetricConversation[],
  options: FirstResponseOptions = {},
): FirstResponseTimesResult {
  options = checkOptions("firstResponseTimes", options);
  const fn = "firstResponseTimes";
  checkList(conversations, fn);
  checkOption(options.clockStart, CLOCK_STARTS, fn, "options.clockStart");
  const schedule = options.schedule;
  const compiled = schedule === undefined ? undefined : compiledOf(schedule, fn);
  const n = conversations.length;
  const calendar = new Float64Array(n);
  const business = new Float64Array(n);
  const out: ConversationDuration[] = [];
  let answered = 0;
  for (let index = 0; index < n; index++) {
    const c = conversations[index]!;
    checkConversation(c, fn, index);
    const { start, end } = firstResponse(c, options);
    if (end === null) {
      out.push({ index, id: c.id, start, end, calendar: null, business: null });
      continue;
    }
    const cal = end - start;
    const biz = compiled === undefined ? null : openBetween(compiled, start, end);
    calendar[answered] = cal;
    if (biz !== null) business[answered] = biz;
    answered++;
    out.push({ index, id: c.id, start, end, calendar: cal, business: biz });
  }
  return {
    ...summaries(calendar, business, answered, schedule),
    answered,
    unanswered: n - answered,
    conversations: out,
  };
}
