import { checkOptions } from "../internal/args.js";
import type { Summary } from "../internal/summary.js";
import { openBetween } from "./business-duration.js";
import { type BusinessSchedule, compiledOf } from "./business-schedule.js";
import {
  type ConversationDuration,
  checkConversation,
  checkList,
  checkOption,
  finalStatus,
  handoffInstants,
  isResolvedStatus,
  type MetricConversation,
  reopenInstants,
  resolutionInstants,
  statusSteps,
  summaries,
} from "./conversation-facts.js";

/**
 * Options of {@link resolutionTimes}.
 *
 * @category Conversation metrics
 */
export interface ResolutionOptions {
  /** A schedule from {@link businessSchedule}: adds business-time figures. */
  readonly schedule?: BusinessSchedule | undefined;
  /**
   * `created` (default, Zendesk and Chatwoot) or `handoff`: start at the first bot hand-off, so the
   * time a bot held the conversation is left out (the complaint of Chatwoot #7679). Hand-offs are
   * detected as in {@link firstResponseTimes}.
   */
  readonly clockStart?: "created" | "handoff";
}

/**
 * Resolution times of one kind (first or full).
 *
 * @category Conversation metrics
 */
export interface ResolutionTimes {
  /** Summary in calendar milliseconds over the conversations that have this resolution, or `null`. */
  readonly calendar: Summary | null;
  /** The same in business time, or `null` without a schedule. */
  readonly business: Summary | null;
  /** One entry per input conversation, in input order; `end` is the resolution, or `null`. */
  readonly conversations: readonly ConversationDuration[];
}

/**
 * What {@link resolutionTimes} returns.
 *
 * @category Conversation metrics
 */
export interface ResolutionTimesResult {
  /** Clock start → first change to resolved or closed. */
  readonly first: ResolutionTimes;
  /** Clock start → last change to resolved or closed, for conversations resolved now. */
  readonly full: ResolutionTimes;
  /** Conversations whose latest status is resolved or closed. */
  readonly resolved: number;
  /** Conversations whose latest status is another, or unknown (counted, not dropped). */
  readonly unresolved: number;
  /** Conversations reopened at least once. */
  readonly reopened: number;
}

/**
 * Returns first and full resolution times of each conversation and their summaries (count, mean,
 * median, p90, p95, min, max), in calendar time and, given a schedule, in business time.
 *
 * @remarks
 * Zendesk's definitions (anchors §2.1): **first resolution time** = creation → the first time the
 * conversation became resolved (or closed); **full resolution time** = creation → the last time,
 * known only while the conversation is resolved now (after a reopen it is `null` until the next
 * resolution). A move from resolved to closed is not a new resolution. Chatwoot records a
 * cumulative value from creation at each resolve (anchors §2.8); full resolution time is its
 * latest. Without a status history, `resolvedAt` is the one resolution.
 *
 * Conversations without the event have `end: null` and stay out of the summaries; `unresolved`
 * counts those not resolved now.
 *
 * @param conversations - conversations ({@link MetricConversation})
 * @param options - an optional schedule and where the clock starts
 * @returns summaries (`null` when nothing was resolved), counts and per-conversation values
 * @throws {@link TouchpointError} as {@link firstResponseTimes}, and `invalid_option` for an
 * unknown option value
 *
 * @example
 * ```ts
 * import { resolutionTimes } from "touchpoint/metrics";
 *
 * const at = (time: string) => Date.parse(`2026-03-02T${time}:00Z`);
 * const result = resolutionTimes([
 *   { createdAt: at("09:00"), statusChanges: [
 *     { at: at("10:00"), to: "resolved" as const },
 *     { at: at("11:00"), to: "open" as const }, // the customer came back
 *     { at: at("13:00"), to: "resolved" as const },
 *   ] },
 *   { createdAt: at("09:00"), resolvedAt: at("09:30") },
 *   { createdAt: at("09:00"), statusChanges: [{ at: at("09:05"), to: "open" as const }] },
 * ]);
 * result.first.calendar?.mean; // => 2700000
 * result.full.calendar?.max; // => 14400000
 * result.resolved; // => 2
 * result.unresolved; // => 1
 * result.reopened; // => 1
 * ```
 *
 * @category Conversation metrics
 */
export function resolutionTimes(
  conversations: readonly MetricConversation[],
  options: ResolutionOptions = {},
): ResolutionTimesResult {
  options = checkOptions("resolutionTimes", options);
  const fn = "resolutionTimes";
  checkList(conversations, fn);
  checkOption(options.clockStart, ["created", "handoff"], fn, "options.clockStart");
  const schedule = options.schedule;
  const compiled = schedule === undefined ? undefined : compiledOf(schedule, fn);
  const n = conversations.length;
  const arrays = [
    new Float64Array(n),
    new Float64Array(n),
    new Float64Array(n),
    new Float64Array(n),
  ] as const;
  const counts = [0, 0];
  const lists: [ConversationDuration[], ConversationDuration[]] = [[], []];
  let resolved = 0;
  let reopened = 0;
  for (let index = 0; index < n; index++) {
    const c = conversations[index]!;
    checkConversation(c, fn, index);
    const steps = statusSteps(c);
    const isResolved = isResolvedStatus(finalStatus(c, steps));
    if (isResolved) resolved++;
    if (reopenInstants(steps).length > 0) reopened++;
    const instants = resolutionInstants(steps);
    const firstAt = instants.length > 0 ? instants[0]! : null;
    const fullAt = isResolved && instants.length > 0 ? instants[instants.length - 1]! : null;
    let start = c.createdAt;
    if (options.clockStart === "handoff") {
      const handoff = handoffInstants(c)[0];
      if (handoff !== undefined && (firstAt === null || handoff <= firstAt)) start = handoff;
    }
    for (let k = 0; k < 2; k++) {
      const end = k === 0 ? firstAt : fullAt;
      if (end === null) {
        lists[k]!.push({ index, id: c.id, start, end, calendar: null, business: null });
        continue;
      }
      const cal = end - start;
      const biz = compiled === undefined ? null : openBetween(compiled, start, end);
      arrays[2 * k]![counts[k]!] = cal;
      if (biz !== null) arrays[2 * k + 1]![counts[k]!] = biz;
      counts[k]!++;
      lists[k]!.push({ index, id: c.id, start, end, calendar: cal, business: biz });
    }
  }
  return {
    first: { ...summaries(arrays[0], arrays[1], counts[0]!, schedule), conversations: lists[0] },
    full: { ...summaries(arrays[2], arrays[3], counts[1]!, schedule), conversations: lists[1] },
    resolved,
    unresolved: n - resolved,
    reopened,
  };
}
