import { checkSnapshot } from "../internal/args.js";
import type { ConversationStage, Priority } from "../schemas/vocabulary.js";
import type { ConversationContext, HandoffRecord, SlaClock, StageVisit } from "./conversation-types.js";

/**
 * Where one SLA target stands, in touchpoint/metrics' words (`SlaStatus`, Intercom's statuses):
 * `hit`, `missed`, `active`, `cancelled`.
 *
 * @category Record
 */
export type SlaTargetStatus = "hit" | "missed" | "active" | "cancelled";

/** Counts of next-response waits by outcome. @category Record */
export interface NextResponseCounts {
  /** Waits answered in time. */
  hit: number;
  /** Waits answered late, or not answered past the due time. */
  missed: number;
  /** The wait running now, if any (0 or 1). */
  active: number;
  /** Waits ended by resolution (or abandonment) before a reply, in time. */
  cancelled: number;
}

/** Proposals by outcome. @category Record */
export interface ProposalCounts {
  /** Proposals made. */
  made: number;
  /** Proposals the customer rejected (or whose delivered solution failed). */
  rejected: number;
  /** Proposals the customer accepted. */
  accepted: number;
}

/** The SLA outcome per target. @category Record */
export interface SlaOutcomes {
  /** First response target; `null` when it does not apply (no target, or a bot kept the conversation). */
  firstResponse: SlaTargetStatus | null;
  /** Next response waits by outcome. */
  nextResponse: NextResponseCounts;
  /** Resolution target; `null` without a target. */
  resolution: SlaTargetStatus | null;
  /** Whether any target was missed. */
  breached: boolean;
}

/**
 * What {@link conversationRecord} returns: the figures touchpoint/metrics computes, taken from the
 * machine's own timeline.
 *
 * @category Record
 */
export interface ConversationRecord {
  /** The conversation's id. */
  id: string;
  /** Its priority. */
  priority: Priority;
  /** `active`, `resolved`, `closed` or `abandoned`. */
  status: "active" | "resolved" | "closed" | "abandoned";
  /** When it started. */
  startedAt: number;
  /** Where the first-response clock started: the start, or the hand-off from a bot. `null` if a bot kept it. */
  firstResponseStart: number | null;
  /** When a human agent first replied in public, or `null`. */
  firstResponseAt: number | null;
  /** `firstResponseAt − firstResponseStart` in ms, or `null` without a reply. */
  firstResponseMs: number | null;
  /** Start → first resolution in ms, or `null` if never resolved. */
  firstResolutionMs: number | null;
  /** Start → latest resolution in ms, while resolved or closed after a resolution; else `null`. */
  fullResolutionMs: number | null;
  /** Public replies by human agents. */
  humanReplies: number;
  /** Public replies by bots. */
  botReplies: number;
  /** Times it was reopened. */
  reopens: number;
  /** Zendesk one-touch (fewer than 2 human replies, resolved now) and never reopened; `null` while unresolved. */
  oneTouch: boolean | null;
  /** Freshdesk single-reply FCR (exactly 1 human reply, resolved now) and never reopened; `null` while unresolved. */
  singleReply: boolean | null;
  /** Whether a bot handled it and never handed it off. */
  botOnly: boolean;
  /** The SLA outcome per target. */
  sla: SlaOutcomes;
  /** Every stage visit, with enter and leave times. */
  stages: StageVisit[];
  /** Milliseconds spent in each stage (visits summed; an open visit counts up to the last event). */
  stageMs: Record<ConversationStage, number>;
  /** Every hand-off. */
  handoffs: HandoffRecord[];
  /** Proposals by outcome. */
  proposals: ProposalCounts;
}

function statusOf(clock: SlaClock, resolvedNow: boolean): SlaTargetStatus | null {
  if (clock.cycles === 0) return null;
  if (clock.breaches > 0) return "missed";
  if (clock.hits > 0 && !(clock.status === "running" || clock.status === "paused")) return "hit";
  if (clock.status === "running" || clock.status === "paused") return resolvedNow ? "hit" : "active";
  return clock.cancels > 0 ? "cancelled" : "hit";
}

/**
 * Returns the figures touchpoint/metrics works with (first response, resolution, one-touch, SLA
 * outcome) for one conversation, read from a snapshot of the machine.
 *
 * @remarks
 * The definitions are touchpoint/metrics' defaults, so the figures agree with its calculators run on
 * the same transcript: first response = the first public human reply − the clock start (the start,
 * or the bot hand-off: `clockStart: "handoff"`), bots never count (Zendesk, Chatwoot);
 * resolution = start → first and latest resolution (Zendesk's first and full resolution time);
 * one-touch = resolved now with fewer than two human replies (Zendesk Explore's formula, zero-reply
 * solves included) and single-reply = exactly one (Freshdesk), both `not-fcr` once reopened;
 * SLA statuses are Intercom's hit / missed / active / cancelled, the resolution clock paused while
 * awaiting the customer (Freshdesk's pending; `pauseStatuses: ["pending"]` in `slaCompliance`).
 *
 * @param snapshot - a snapshot of the conversation machine (or anything with its `value` and `context`)
 * @returns the record
 *
 * @example
 * ```ts
 * import { initialTransition, transition } from "xstate";
 * import { conversationMachine, conversationRecord } from "touchpoint/conversation";
 *
 * const m = conversationMachine;
 * let [s] = initialTransition(m, { conversationId: "c-1", startedAt: 0, priority: "urgent" });
 * [s] = transition(m, s, { type: "agent.greet", at: 600_000 });
 * [s] = transition(m, s, { type: "customer.message", at: 700_000 });
 * [s] = transition(m, s, { type: "agent.resolve", at: 1_200_000 });
 * const record = conversationRecord(s);
 * record.firstResponseMs; // => 600000
 * record.firstResolutionMs; // => 1200000
 * record.oneTouch; // => true
 * record.sla.firstResponse; // => "hit"
 * record.sla.nextResponse; // => { hit: 0, missed: 0, active: 0, cancelled: 1 }
 * ```
 *
 * @category Record
 */
export function conversationRecord(snapshot: {
  value: unknown;
  context: ConversationContext;
}): ConversationRecord {
  checkSnapshot("conversationRecord", snapshot);
  const c = snapshot.context;
  const status =
    snapshot.value === "resolved"
      ? "resolved"
      : snapshot.value === "closed"
        ? "closed"
        : snapshot.value === "abandoned"
          ? "abandoned"
          : "active";
  const resolvedNow = status === "resolved" || (status === "closed" && c.firstResolvedAt !== null);
  const frStart =
    c.sla.firstResponse.startedAt ?? (c.handler === "bot" && c.handoffs.length === 0 ? null : c.startedAt);
  const lastResolution = resolvedNow ? (c.resolvedAt ?? lastResolvedAt(c)) : null;
  const nr = c.sla.nextResponse;
  const nrActive = nr.status === "running" && !nr.breached ? 1 : 0;
  const nextResponse: NextResponseCounts = {
    hit: nr.hits,
    missed: nr.breaches,
    active: nrActive,
    cancelled: nr.cancels,
  };
  const firstResponse = statusOf(c.sla.firstResponse, false);
  const resolution =
    c.sla.resolution.cycles === 0
      ? null
      : c.sla.resolution.breaches > 0
        ? "missed"
        : resolvedNow
          ? "hit"
          : status === "abandoned"
            ? "cancelled"
            : "active";
  const stageMs: Record<ConversationStage, number> = {
    greeting: 0,
    understanding: 0,
    proposing: 0,
    delivering: 0,
    closing: 0,
  };
  for (const visit of c.timeline) stageMs[visit.stage] += (visit.leftAt ?? c.now) - visit.enteredAt;
  let rejected = 0;
  let accepted = 0;
  for (const p of c.proposals) {
    if (p.outcome === "rejected") rejected++;
    else if (p.outcome === "accepted") accepted++;
  }
  return {
    id: c.conversationId,
    priority: c.priority,
    status,
    startedAt: c.startedAt,
    firstResponseStart: frStart,
    firstResponseAt: c.firstResponseAt,
    firstResponseMs: c.firstResponseAt === null || frStart === null ? null : c.firstResponseAt - frStart,
    firstResolutionMs: c.firstResolvedAt === null ? null : c.firstResolvedAt - c.startedAt,
    fullResolutionMs: lastResolution === null ? null : lastResolution - c.startedAt,
    humanReplies: c.humanReplies,
    botReplies: c.botReplies,
    reopens: c.reopens,
    oneTouch: resolvedNow ? c.humanReplies < 2 && c.reopens === 0 : null,
    singleReply: resolvedNow ? c.humanReplies === 1 && c.reopens === 0 : null,
    botOnly: c.handoffs.length === 0 && c.handler === "bot",
    sla: {
      firstResponse,
      nextResponse,
      resolution,
      breached: firstResponse === "missed" || nextResponse.missed > 0 || resolution === "missed",
    },
    stages: c.timeline.map((v) => ({ ...v })),
    stageMs,
    handoffs: c.handoffs.map((h) => ({ ...h })),
    proposals: { made: c.proposals.length, rejected, accepted },
  };
}

function lastResolvedAt(c: ConversationContext): number | null {
  // Closed after resolution: the resolution clock's latest stop is the latest resolution.
  return c.sla.resolution.metAt ?? c.firstResolvedAt;
}
