/*
 * The conversation machine's bookkeeping as pure functions of (context, time): what each event
 * changes in context and which facts it emits. The machine file only wires them to states, so the
 * rules read in one place and the property tests can reason about them.
 */
import type { ConversationStage } from "../schemas/vocabulary.js";
import type {
  ConversationContext,
  ConversationEmitted,
  ConversationEvent,
  Handler,
  Responder,
  SlaClock,
  SlaKind,
} from "./conversation-types.js";
import type { SlaSchedule } from "./sla-clock.js";
import {
  breachInstant,
  cancelClock,
  meetClock,
  nextInstantOf,
  pauseClock,
  resumeClock,
  startClock,
} from "./sla-clock.js";

/** What an effect returns: the context fields it changes and the facts it emits. */
export interface Effect {
  patch: Partial<ConversationContext>;
  emitted: ConversationEmitted[];
}

/** The longest delay a JavaScript timer can hold; a delay of this length stands for "never". */
export const NEVER = 2_147_483_647;

/** The instant a named delay stands for, or `null` when it does not apply now. */
export function instantOf(context: ConversationContext, delay: string): number | null {
  switch (delay) {
    case "slaDeadline":
      return slaInstant(context);
    case "customerSilence":
      return context.awaitingCustomerSince === null
        ? null
        : context.awaitingCustomerSince + context.settings.abandonAfterMs;
    case "autoClose":
      return context.resolvedAt === null ? null : context.resolvedAt + context.settings.autoCloseAfterMs;
    default:
      return null;
  }
}

/**
 * The earliest SLA instant still ahead: a running clock's warning not yet emitted, or the first
 * millisecond after its due time not yet breached; `null` when no clock has one. The one SLA timer
 * (`slaDeadline`) waits for it; firing, it moves time there, which emits what fell due (every
 * warning and breach of that instant, whatever the clock) and re-arms for the next.
 */
export function slaInstant(context: ConversationContext): number | null {
  const s = context.sla;
  let next = earlier(null, s.firstResponse);
  next = earlier(next, s.nextResponse);
  return earlier(next, s.resolution);
}

function earlier(next: number | null, clock: SlaClock): number | null {
  if (clock.status !== "running") return next;
  if (!clock.warned && clock.warnAt !== null && (next === null || clock.warnAt < next)) next = clock.warnAt;
  if (!clock.breached && clock.dueAt !== null) {
    const breach = breachInstant(clock.dueAt);
    if (next === null || breach < next) next = breach;
  }
  return next;
}

/** The longest delay armed for a real deadline (one less than {@link NEVER}). */
export const MAX_DELAY = NEVER - 1;

/** The delay of a named timer from the time of the last event: the instant minus `now` (capped), or {@link NEVER}. */
export function delayOf(context: ConversationContext, delay: string): number {
  const instant = instantOf(context, delay);
  if (instant === null) return NEVER;
  return Math.min(MAX_DELAY, Math.max(0, instant - context.now));
}

/**
 * The time an event happened: its `at` (never earlier than the last event), or for a fired timer
 * the instant the timer stands for. The machine never reads a clock.
 */
export function timeOf(context: ConversationContext, event: { type: string; at?: unknown }): number {
  if (typeof event.at === "number" && Number.isFinite(event.at)) return Math.max(context.now, event.at);
  if (event.type.startsWith("xstate.after.")) {
    const instant = instantOf(context, event.type.split(".")[2] ?? "");
    if (instant === null) return context.now;
    // A deadline further than one JavaScript timer can wait was armed with a capped delay, so the
    // timer fired early: it stands for the capped instant, not the deadline (the machine re-arms).
    if (instant - context.now > MAX_DELAY) return context.now + MAX_DELAY;
    return Math.max(context.now, instant);
  }
  return context.now;
}

const kinds: readonly SlaKind[] = ["firstResponse", "nextResponse", "resolution"];

/** Moves time forward to `at`: emits every warning and breach that fell due, in time order. */
export function advance(context: ConversationContext, at: number): Effect {
  const emitted: ConversationEmitted[] = [];
  let sla = context.sla;
  for (const kind of kinds) {
    let clock = sla[kind];
    if (clock.status !== "running") continue;
    if (!clock.warned && clock.warnAt !== null && clock.warnAt <= at) {
      clock = { ...clock, warned: true };
      emitted.push({
        type: "sla.warning",
        conversationId: context.conversationId,
        kind,
        at: clock.warnAt ?? at,
        dueAt: clock.dueAt ?? at,
      });
    }
    if (!clock.breached && clock.dueAt !== null && breachInstant(clock.dueAt) <= at) {
      clock = { ...clock, breached: true, breaches: clock.breaches + 1 };
      const dueAt = clock.dueAt ?? at;
      emitted.push({
        type: "sla.breached",
        conversationId: context.conversationId,
        kind,
        at: breachInstant(dueAt),
        dueAt,
      });
    }
    if (clock !== sla[kind]) sla = { ...sla, [kind]: clock };
  }
  if (emitted.length > 1) emitted.sort((a, b) => (a as { at: number }).at - (b as { at: number }).at);
  return { patch: { now: Math.max(context.now, at), sla }, emitted };
}

/** The next handler up: bot → human → escalated; `null` at the top. */
export function nextTier(handler: Handler): Handler | null {
  switch (handler) {
    case "bot":
      return "human";
    case "human":
      return "escalated";
    case "escalated":
      return null;
    default: {
      const never: never = handler;
      return never;
    }
  }
}

/** Hands the conversation to `to`; a human tier starts the first-response clock if it never ran. */
export function handOff(
  context: ConversationContext,
  to: Handler,
  reason: string,
  at: number,
  schedule: SlaSchedule,
): Effect {
  if (to === context.handler) return { patch: {}, emitted: [] };
  let sla = context.sla;
  if (to !== "bot" && context.firstResponseAt === null && sla.firstResponse.status === "idle") {
    sla = {
      ...sla,
      firstResponse: startClock(
        sla.firstResponse,
        at,
        context.settings.targets.firstResponseMs,
        context.settings.warningRatio,
        schedule,
      ),
    };
  }
  return {
    patch: {
      handler: to,
      rejections: 0,
      sla,
      handoffs: [...context.handoffs, { at, from: context.handler, to, reason }],
    },
    emitted: [
      {
        type: "conversation.handoff",
        conversationId: context.conversationId,
        at,
        from: context.handler,
        to,
        reason,
      },
    ],
  };
}

/** A message from the customer: the turn passes to the team; the oldest unanswered one starts the next-response clock. */
export function customerMessage(context: ConversationContext, at: number, schedule: SlaSchedule): Effect {
  const patch: Partial<ConversationContext> = { customerMessages: context.customerMessages + 1 };
  if (context.awaitingAgentSince === null) {
    patch.awaitingAgentSince = at;
    if (context.firstResponseAt !== null && context.handler !== "bot") {
      patch.sla = {
        ...context.sla,
        nextResponse: startClock(
          context.sla.nextResponse,
          at,
          context.settings.targets.nextResponseMs,
          context.settings.warningRatio,
          schedule,
        ),
      };
    }
  }
  patch.awaitingCustomerSince = null;
  patch.turn = "awaitingAgent";
  return { patch, emitted: [] };
}

/** Who sent an agent-side event. */
export function responderOf(context: ConversationContext, event: ConversationEvent): Responder {
  if ("by" in event && (event.by === "agent" || event.by === "bot")) return event.by;
  return context.handler === "bot" ? "bot" : "agent";
}

/**
 * A public reply by the agent or the bot: the turn passes to the customer. A human reply meets the first- and next-response clocks
 * (bots never count: Zendesk messaging and Chatwoot, notes/helpdesk-anchors.md §2.1, §2.8) and, when
 * a bot was handling the conversation, takes it over.
 */
export function reply(
  context: ConversationContext,
  by: Responder,
  at: number,
  schedule: SlaSchedule,
): Effect {
  if (by === "bot") {
    return {
      patch: {
        botReplies: context.botReplies + 1,
        awaitingAgentSince: null,
        awaitingCustomerSince: at,
        turn: "awaitingCustomer",
      },
      emitted: [],
    };
  }
  let base = context;
  let taken: Effect = { patch: {}, emitted: [] };
  if (context.handler === "bot") {
    taken = handOff(context, "human", "agent_joined", at, schedule);
    base = { ...context, ...taken.patch };
  }
  const sla = {
    ...base.sla,
    firstResponse: meetClock(base.sla.firstResponse, at),
    nextResponse: meetClock(base.sla.nextResponse, at),
  };
  return {
    patch: {
      ...taken.patch,
      humanReplies: context.humanReplies + 1,
      firstResponseAt: context.firstResponseAt ?? at,
      awaitingAgentSince: null,
      awaitingCustomerSince: at,
      turn: "awaitingCustomer",
      sla,
    },
    emitted: taken.emitted,
  };
}

const UNCHANGED: Effect = { patch: {}, emitted: [] };

/** Pauses the resolution clock (the customer holds the turn). */
export function pauseResolution(context: ConversationContext, at: number): Effect {
  const resolution = pauseClock(context.sla.resolution, at);
  if (resolution === context.sla.resolution) return UNCHANGED;
  return { patch: { sla: { ...context.sla, resolution } }, emitted: [] };
}

/** Resumes the resolution clock (the agent holds the turn again). */
export function resumeResolution(context: ConversationContext, at: number, schedule: SlaSchedule): Effect {
  const resolution = resumeClock(context.sla.resolution, at, schedule);
  if (resolution === context.sla.resolution) return UNCHANGED;
  return { patch: { sla: { ...context.sla, resolution } }, emitted: [] };
}

/** The latest proposal still awaiting a decision, as an index, or -1. */
function pendingIndex(context: ConversationContext): number {
  const i = context.proposals.length - 1;
  return i >= 0 && context.proposals[i]?.outcome === "pending" ? i : -1;
}

function decideLast(
  context: ConversationContext,
  outcome: "accepted" | "rejected" | "superseded" | "withdrawn",
  at: number,
  only: "pending" | "pending-or-accepted",
): ConversationContext["proposals"] {
  const i = context.proposals.length - 1;
  const last = context.proposals[i];
  if (last === undefined) return context.proposals;
  const ok = last.outcome === "pending" || (only === "pending-or-accepted" && last.outcome === "accepted");
  if (!ok) return context.proposals;
  const proposals = context.proposals.slice();
  proposals[i] = { ...last, outcome, decidedAt: at };
  return proposals;
}

/** A new proposal; one still pending is superseded by it. */
export function propose(context: ConversationContext, by: Responder, at: number): Effect {
  const proposals =
    pendingIndex(context) >= 0 ? decideLast(context, "superseded", at, "pending") : context.proposals.slice();
  proposals.push({ at, by, outcome: "pending", decidedAt: null });
  return { patch: { proposals }, emitted: [] };
}

/** The customer accepts the pending proposal. */
export function accept(context: ConversationContext, at: number): Effect {
  return { patch: { proposals: decideLast(context, "accepted", at, "pending"), rejections: 0 }, emitted: [] };
}

/** The pending proposal is dropped without a decision (the stage moved on). */
export function withdraw(context: ConversationContext, at: number): Effect {
  return pendingIndex(context) < 0
    ? { patch: {}, emitted: [] }
    : { patch: { proposals: decideLast(context, "withdrawn", at, "pending") }, emitted: [] };
}

/** The customer rejects a proposal (or a delivered solution that failed); enough in a row escalate. */
export function reject(context: ConversationContext, at: number, schedule: SlaSchedule): Effect {
  const rejections = context.rejections + 1;
  const proposals = decideLast(context, "rejected", at, "pending-or-accepted");
  if (rejections < context.settings.rejectionsBeforeEscalation) {
    return { patch: { proposals, rejections }, emitted: [] };
  }
  const to = nextTier(context.handler);
  if (to === null) return { patch: { proposals, rejections }, emitted: [] };
  const up = handOff({ ...context, proposals }, to, "repeated_rejections", at, schedule);
  return { patch: { proposals, ...up.patch }, emitted: up.emitted };
}

/** Resolution: pauses the resolution clock (a reopen resumes it) and ends open response cycles. */
export function resolve(
  context: ConversationContext,
  at: number,
  by: "agent" | "customer" | "silence",
): Effect {
  const cancel = cancelClock;
  const resolution = context.sla.resolution;
  const emitted: ConversationEmitted[] = [
    { type: "conversation.resolved", conversationId: context.conversationId, at, by },
  ];
  const firstTime = context.surveyRequestedAt === null;
  if (firstTime || !context.settings.surveyOnce) {
    emitted.push({ type: "survey.requested", conversationId: context.conversationId, at });
  }
  return {
    patch: {
      proposals: decideLast(context, "withdrawn", at, "pending"),
      resolvedAt: at,
      firstResolvedAt: context.firstResolvedAt ?? at,
      surveyRequestedAt: firstTime || !context.settings.surveyOnce ? at : context.surveyRequestedAt,
      awaitingAgentSince: null,
      awaitingCustomerSince: null,
      turn: "awaitingAgent",
      sla: {
        firstResponse: cancel(context.sla.firstResponse),
        nextResponse: cancel(context.sla.nextResponse),
        resolution:
          resolution.status === "running"
            ? { ...resolution, status: "paused", pausedAt: at, metAt: at }
            : resolution.status === "paused"
              ? { ...resolution, metAt: at }
              : resolution,
      },
    },
    emitted,
  };
}

/** A customer reply within the reopen window: the agent holds the turn again. */
export function reopen(context: ConversationContext, at: number, schedule: SlaSchedule): Effect {
  const reopens = context.reopens + 1;
  const base: ConversationContext = {
    ...context,
    resolvedAt: null,
    sla: { ...context.sla, resolution: resumeClock(context.sla.resolution, at, schedule) },
  };
  const message = customerMessage(base, at, schedule);
  return {
    patch: { reopens, resolvedAt: null, sla: base.sla, ...message.patch },
    emitted: [{ type: "conversation.reopened", conversationId: context.conversationId, at, reopens }],
  };
}

/** Closing for good. */
export function close(context: ConversationContext, at: number, reason: "auto_close" | "late_reply"): Effect {
  return {
    patch: { closedAt: at },
    emitted: [{ type: "conversation.closed", conversationId: context.conversationId, at, reason }],
  };
}

/** The customer went silent before resolution. */
export function abandon(context: ConversationContext, at: number): Effect {
  const stop = cancelClock;
  return {
    patch: {
      proposals: decideLast(context, "withdrawn", at, "pending"),
      abandonedAt: at,
      awaitingCustomerSince: null,
      awaitingAgentSince: null,
      turn: "awaitingAgent",
      sla: {
        firstResponse: stop(context.sla.firstResponse),
        nextResponse: stop(context.sla.nextResponse),
        resolution: stop(context.sla.resolution),
      },
    },
    emitted: [{ type: "conversation.abandoned", conversationId: context.conversationId, at }],
  };
}

/** Opens a visit to `stage` (closing the open one, if any). */
export function enterStage(context: ConversationContext, stage: ConversationStage, at: number): Effect {
  const timeline = closeVisit(context.timeline, at);
  timeline.push({ stage, enteredAt: at, leftAt: null });
  return { patch: { stage, timeline }, emitted: [] };
}

/** Closes the open stage visit. */
export function leaveStage(context: ConversationContext, at: number): Effect {
  return { patch: { timeline: closeVisit(context.timeline, at) }, emitted: [] };
}

function closeVisit(timeline: ConversationContext["timeline"], at: number): ConversationContext["timeline"] {
  const copy = timeline.slice();
  const last = copy[copy.length - 1];
  if (last !== undefined && last.leftAt === null) copy[copy.length - 1] = { ...last, leftAt: at };
  return copy;
}

/** The earliest instant any deadline or timer of this context falls due, or `null`. */
export function nextInstant(context: ConversationContext, resolved: boolean): number | null {
  if (resolved) return instantOf(context, "autoClose");
  let next = instantOf(context, "customerSilence");
  for (const kind of kinds) {
    const instant = nextInstantOf(context.sla[kind]);
    if (instant !== null && (next === null || instant < next)) next = instant;
  }
  return next;
}
