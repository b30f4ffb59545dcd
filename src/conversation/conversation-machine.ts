/*
 * The conversation machine's definition and its setup() implementations.
 *
 * Structure, and why (measured with bench/conversation.bench.ts and profiles, Node 20):
 * - Two parallel regions under `active`, `turn` then `stage`. Version 1 had four (`turn`, `stage`,
 *   `handler`, `sla`): the `sla` region re-entered its one state on every event to re-arm the SLA
 *   timers, and `handler` mirrored `context.handler` through eventless transitions checked after
 *   every step. XState's price per event grows with each region that moves on it (two regions that
 *   both move cost 2.5 times one), so the handler became context only and the SLA timers moved
 *   into the turn states: `awaitingAgent` arms them, `awaitingCustomer` arms the silence timer and,
 *   in its `watching` child, the SLA timers only while a team deadline is still ahead (a bot replied
 *   for a human, a hand-off started the first-response clock; `paused` otherwise). A 12-event
 *   conversation went from about 670 to 440 µs through an actor, 800 to 530 µs through `transition()`.
 * - One SLA timer, not six. There was one per clock and instant (first response, next response,
 *   resolution; warning, due), all re-armed at every turn change, and XState books and cancels
 *   each one: a state re-entered with six delayed transitions costs about 4 times the bare
 *   transition, with one about 2 times. `slaDeadline` waits for the earliest warning or breach
 *   still ahead among the running clocks; when it fires, `advanceClock` moves time to that instant,
 *   which emits every warning and breach due by then (several clocks may share it), and the
 *   re-entry arms it for the next. Each fact is emitted at the same instant as before, live, through
 *   step() (one wake-up instead of up to six) and in replay (checked against the six-timer machine
 *   on 6,000 random transcripts, live under a simulated clock and through step()). Measured in one
 *   process, alternating the two machines (CPU time, median of 40 rounds of 200 conversations, load
 *   average about 3 on 2 cores): 550 → 450 µs per conversation through an actor (−18 %), 710 → 680 µs
 *   through `transition()` (−4 %), 365 → 347 µs with the replay runner (−5 %); the runner and
 *   `transition()` never book timers, so they only save XState's resolving of the actions.
 * - Tried and dropped: a flat `awaitingCustomer` (no `paused`/`watching`, the SLA timer always
 *   armed, "never" when nothing is ahead) would have saved the eventless checks and a nested state
 *   but books one more timer on every customer turn: no faster in the same harness (actor 415 →
 *   440 µs, `transition()` 647 → 628 µs, the runner 326 → 322 µs), and it would have changed the
 *   snapshot shape.
 *   Re-entering only when a deadline changed would save little (one event in twelve in the bench
 *   conversation keeps its deadlines) and break capped delays, whose fired timer reads the
 *   instant from the time of the last event.
 * - What is left is XState's own. With every action a no-op the structure alone costs 70 to 80 %
 *   of the time; taking the stage region away would save about a third (measured with six timers). Each snapshot copy (one per
 *   assign, one per change of active states) rebuilds the state value from fresh Sets and Maps,
 *   about 40 kB allocated per event, so garbage collection is a quarter of a replay. The stage
 *   states are part of the API, which rules out flattening them.
 * - One assign per action (see `Changes`): every assign copies the snapshot.
 */
import {
  and,
  assign,
  enqueueActions,
  type MetaObject,
  type NonReducibleUnknown,
  type SnapshotFrom,
  type StateMachine,
  not,
  type StateSchema,
  setup,
} from "xstate";
import type { ConversationStage } from "../schemas/vocabulary.js";
import * as fx from "./conversation-effects.js";
import type { ParsedConversationMachineInput } from "./conversation-input.js";
import { parseConversationInput, settingsOf } from "./conversation-input.js";
import type {
  ConversationActionParams,
  ConversationContext,
  ConversationDelay,
  ConversationEmitted,
  ConversationEvent,
  ConversationGuardParams,
  ConversationStateValue,
  ParameterizedUnion,
} from "./conversation-types.js";
import type { ConversationMachineInput } from "./conversation-input.js";
import type { SlaSchedule } from "./sla-clock.js";
import { calendarSchedule, idleClock, startClock } from "./sla-clock.js";

/** Options of {@link createConversationMachine}. @category Conversation */
export interface ConversationMachineOptions {
  /**
   * How SLA time counts: calendar time (the default) or business hours. Pass
   * `{ add: (start, ms) => due, elapsed: (start, end) => ms }`, e.g. built on touchpoint/metrics'
   * business-hours schedule.
   */
  schedule?: SlaSchedule;
}

function initialContext(input: ParsedConversationMachineInput, schedule: SlaSchedule): ConversationContext {
  const settings = settingsOf(input);
  const at = input.startedAt;
  const { targets, warningRatio } = settings;
  return {
    conversationId: input.conversationId,
    priority: input.priority,
    channel: input.channel ?? null,
    settings,
    startedAt: at,
    now: at,
    stage: "greeting",
    handler: input.handler,
    awaitingCustomerSince: null,
    awaitingAgentSince: at,
    sla: {
      // Bots are not held to human response targets; the clock starts at the hand-off
      // (Chatwoot measures first response from the bot hand-off, notes/helpdesk-anchors.md §2.8).
      firstResponse:
        input.handler === "human"
          ? startClock(idleClock(), at, targets.firstResponseMs, warningRatio, schedule)
          : idleClock(),
      nextResponse: idleClock(),
      resolution: startClock(idleClock(), at, targets.resolutionMs, warningRatio, schedule),
    },
    firstResponseAt: null,
    humanReplies: 0,
    botReplies: 0,
    customerMessages: 0,
    rejections: 0,
    proposals: [],
    handoffs: [],
    timeline: [],
    restatedAt: null,
    confirmedAt: null,
    extraTopics: 0,
    reopens: 0,
    firstResolvedAt: null,
    resolvedAt: null,
    closedAt: null,
    abandonedAt: null,
    surveyRequestedAt: null,
  };
}

const RESOLVED = "#conversation.resolved";
const ABANDONED = "#conversation.abandoned";

/** The part of XState's `enqueue` that {@link Changes} uses. */
interface Enqueue {
  assign(patch: Partial<ConversationContext>): void;
  emit(event: ConversationEmitted): void;
}

/**
 * Effects applied in order, each on the context the previous ones left, then one assign with their
 * combined patch and their emitted events: one snapshot copy per action, whatever it does, and none
 * when nothing changed. The effects share one draft (a shallow copy made on the first change):
 * copying the 28-field context once per effect was the biggest cost of our own code in the profile.
 */
class Changes {
  private draft: ConversationContext | null = null;
  private patch: Record<string, unknown> | null = null;
  private emitted: ConversationEmitted[] | null = null;

  constructor(private readonly base: ConversationContext) {}

  /** The context as the effects so far left it. */
  get context(): ConversationContext {
    return this.draft ?? this.base;
  }

  add(effect: fx.Effect): this {
    const current = this.context as unknown as Record<string, unknown>;
    const changes = effect.patch as Record<string, unknown>;
    for (const key in changes) {
      const value = changes[key];
      if (value === current[key]) continue;
      if (this.draft === null) this.draft = { ...this.base };
      (this.draft as unknown as Record<string, unknown>)[key] = value;
      if (this.patch === null) this.patch = {};
      this.patch[key] = value;
    }
    if (effect.emitted.length > 0) {
      this.emitted = this.emitted === null ? effect.emitted.slice() : this.emitted.concat(effect.emitted);
    }
    return this;
  }

  flush(enqueue: Enqueue): void {
    if (this.patch !== null) enqueue.assign(this.patch as Partial<ConversationContext>);
    if (this.emitted !== null) for (const x of this.emitted) enqueue.emit(x);
  }
}

/** The actions without parameters that {@link silence} adds. */
type PlainAction = "handOffOnRequest" | "escalateOnRequest";

/**
 * Tried first by every event while the customer holds the turn: has the silence run out? `also`
 * is the hand-off the same event asks for: it still runs after the abandonment or resolution, as
 * in version 1, where hand-offs were a region of their own beside this one, so transcripts replay
 * the same.
 */
function silence(also?: PlainAction) {
  const extra = also === undefined ? [] : [also];
  return [
    {
      // Silence after "anything else?" means the customer is done, not gone.
      guard: and(["isSilenceOver", "isClosingStage"]),
      target: RESOLVED,
      actions: [{ type: "markResolved" as const, params: { by: "silence" as const } }, ...extra],
    },
    { guard: "isSilenceOver" as const, target: ABANDONED, actions: ["markAbandoned" as const, ...extra] },
  ];
}

/**
 * The SLA timer of a state: it fires at the earliest SLA instant still ahead (`slaDeadline`), moves
 * time there (emitting every warning and breach of that instant) and re-enters the state, which
 * re-arms it for the next instant from the deadlines in context.
 */
function slaTimer(state: "awaitingAgent" | "watching") {
  return { slaDeadline: { target: state, reenter: true, actions: "advanceClock" as const } };
}

/** Tried first by every event once resolved: is it time to close? */
function autoClose() {
  return [
    {
      guard: "isAutoCloseDue" as const,
      target: "#conversation.closed",
      actions: { type: "markClosed" as const, params: { reason: "auto_close" as const } },
    },
  ];
}

/**
 * Creates the conversation machine with a schedule of your own (business hours); otherwise the
 * same as {@link conversationMachine}.
 *
 * @remarks
 * The schedule is code, not data, so it cannot travel in the input or the snapshot: it is fixed
 * when the machine is made. Restore a snapshot with the machine that made it.
 *
 * @param options - `schedule`: how SLA time counts (calendar time by default)
 * @returns a machine of the same type as {@link conversationMachine}
 *
 * @example
 * ```ts
 * import { createConversationMachine } from "touchpoint/conversation";
 * import { initialTransition } from "xstate";
 *
 * // A toy schedule where every SLA millisecond takes two real ones.
 * const slow = createConversationMachine({ schedule: { add: (start, ms) => start + 2 * ms, elapsed: (a, b) => Math.max(0, (b - a) / 2) } });
 * const [snapshot] = initialTransition(slow, { conversationId: "c-1", startedAt: 0, priority: "urgent" });
 * snapshot.context.sla.firstResponse.dueAt; // => 7200000
 * ```
 *
 * @category Conversation
 */
export function createConversationMachine(options: ConversationMachineOptions = {}): ConversationMachine {
  return build(options.schedule ?? calendarSchedule) as unknown as ConversationMachine;
}

function build(schedule: SlaSchedule) {
  const at = fx.timeOf;

  return setup({
    types: {
      context: {} as ConversationContext,
      events: {} as ConversationEvent,
      input: {} as ConversationMachineInput,
      emitted: {} as ConversationEmitted,
    },
    actions: {
      /** Moves time to the event's and emits every SLA warning or breach that fell due. */
      advanceClock: enqueueActions(({ context, event, enqueue }) => {
        const e = fx.advance(context, at(context, event));
        // Nothing changed (a second region seeing the same event): no assign, no snapshot copy.
        if (e.emitted.length === 0 && e.patch.now === context.now && e.patch.sla === context.sla) return;
        enqueue.assign(e.patch);
        for (const x of e.emitted) enqueue.emit(x);
      }),
      enterStage: assign(
        ({ context, event }, params: { stage: ConversationStage }) =>
          fx.enterStage(context, params.stage, at(context, event)).patch,
      ),
      leaveStage: assign(({ context, event }) => fx.leaveStage(context, at(context, event)).patch),
      /** Advances the clock, counts the message, resumes the resolution clock. */
      recordCustomerMessage: enqueueActions(({ context, event, enqueue }) => {
        const t = at(context, event);
        const c = new Changes(context).add(fx.advance(context, t));
        c.add(fx.resumeResolution(c.context, t, schedule));
        c.add(fx.customerMessage(c.context, t, schedule)).flush(enqueue);
      }),
      /** Advances the clock, counts the reply (meets response clocks), pauses the resolution clock. */
      recordReply: enqueueActions(({ context, event, enqueue }) => {
        const t = at(context, event);
        const c = new Changes(context).add(fx.advance(context, t));
        c.add(fx.reply(c.context, fx.responderOf(context, event), t, schedule));
        c.add(fx.pauseResolution(c.context, t)).flush(enqueue);
      }),
      recordRestatement: assign(({ context, event }) => ({ restatedAt: at(context, event) })),
      recordConfirmation: assign(({ context, event }) => ({ confirmedAt: at(context, event) })),
      recordProposal: assign(
        ({ context, event }) => fx.propose(context, fx.responderOf(context, event), at(context, event)).patch,
      ),
      acceptProposal: assign(({ context, event }) => fx.accept(context, at(context, event)).patch),
      rejectProposal: enqueueActions(({ context, event, enqueue }) => {
        new Changes(context).add(fx.reject(context, at(context, event), schedule)).flush(enqueue);
      }),
      recordExtraTopic: assign(({ context }) => ({
        extraTopics: context.extraTopics + 1,
        confirmedAt: null,
        restatedAt: null,
      })),
      /** Advances the clock and hands off as the host's `handoff` event says. */
      handOffOnRequest: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== "handoff") return;
        const t = at(context, event);
        const to = event.to ?? fx.nextTier(context.handler);
        const c = new Changes(context).add(fx.advance(context, t));
        if (to !== null) c.add(fx.handOff(c.context, to, event.reason ?? "requested", t, schedule));
        c.flush(enqueue);
      }),
      /** Advances the clock and hands off to the next tier at the customer's request; nothing at the top tier. */
      escalateOnRequest: enqueueActions(({ context, event, enqueue }) => {
        const to = fx.nextTier(context.handler);
        if (to === null) return;
        const t = at(context, event);
        const c = new Changes(context).add(fx.advance(context, t));
        c.add(fx.handOff(c.context, to, "customer_request", t, schedule)).flush(enqueue);
      }),
      /** Advances the clock to the resolution's instant and resolves (the survey is requested once). */
      markResolved: enqueueActions(
        ({ context, event, enqueue }, params: { by: "agent" | "customer" | "silence" }) => {
          const t =
            params.by === "silence"
              ? (fx.instantOf(context, "customerSilence") ?? context.now)
              : at(context, event);
          const c = new Changes(context).add(fx.advance(context, t));
          c.add(fx.resolve(c.context, t, params.by)).flush(enqueue);
        },
      ),
      markReopened: enqueueActions(({ context, event, enqueue }) => {
        const t = at(context, event);
        const c = new Changes(context).add(fx.advance(context, t));
        c.add(fx.reopen(c.context, t, schedule)).flush(enqueue);
      }),
      markClosed: enqueueActions(
        ({ context, event, enqueue }, params: { reason: "auto_close" | "late_reply" }) => {
          const t =
            params.reason === "auto_close"
              ? (fx.instantOf(context, "autoClose") ?? context.now)
              : at(context, event);
          const c = new Changes(context).add(fx.advance(context, t));
          c.add(fx.close(c.context, t, params.reason)).flush(enqueue);
        },
      ),
      markAbandoned: enqueueActions(({ context, enqueue }) => {
        const t = fx.instantOf(context, "customerSilence") ?? context.now;
        const c = new Changes(context).add(fx.advance(context, t));
        c.add(fx.abandon(c.context, t)).flush(enqueue);
      }),
    },
    guards: {
      /** The current stage is closing (the agent asked "anything else?"). */
      isClosingStage: ({ context }) => context.stage === "closing",
      /** The customer's silence has lasted `abandonAfterMs` by the time of this event. */
      isSilenceOver: ({ context, event }) => {
        const instant = fx.instantOf(context, "customerSilence");
        return instant !== null && at(context, event) >= instant;
      },
      /** The conversation has been resolved for `autoCloseAfterMs` by the time of this event. */
      isAutoCloseDue: ({ context, event }) => {
        const instant = fx.instantOf(context, "autoClose");
        return instant !== null && at(context, event) >= instant;
      },
      /** This event comes within `reopenWindowMs` of the resolution. */
      isWithinReopenWindow: ({ context, event }) =>
        context.resolvedAt !== null &&
        at(context, event) < context.resolvedAt + context.settings.reopenWindowMs,
      /** A proposal may come before the customer confirmed the restatement. */
      isConfirmationOptional: ({ context }) => !context.settings.requireConfirmation,
      /** Some SLA warning or due time is still to come (a clock runs with an instant ahead). */
      hasSlaTimer: ({ context }) => fx.hasSlaTimer(context),
    },
    delays: {
      /** Until the earliest SLA warning or breach still ahead, whichever clock it belongs to. */
      slaDeadline: ({ context }) => fx.delayOf(context, "slaDeadline"),
      customerSilence: ({ context }) => fx.delayOf(context, "customerSilence"),
      autoClose: ({ context }) => fx.delayOf(context, "autoClose"),
    },
  }).createMachine({
    id: "conversation",
    description:
      "One support conversation: the stage of seed 003's lifecycle, who holds the turn, and its SLA clocks.",
    context: ({ input }) => initialContext(parseConversationInput(input), schedule),
    initial: "active",
    states: {
      active: {
        description:
          "The conversation is under way: who holds the turn (and the live timers) in one region, the stage in the other.",
        type: "parallel",
        // Entering a stage closes the previous visit; leaving `active` closes the last one.
        exit: "leaveStage",
        states: {
          // The turn region comes first: it owns every way out of `active`, so in a conflict with a
          // stage move on the same event (SCXML document order) the way out wins.
          turn: {
            description:
              "Who holds the turn, and the live timers that go with it; every event re-arms them from the deadlines in context.",
            initial: "awaitingAgent",
            states: {
              awaitingAgent: {
                description:
                  "The customer wrote last: the agent or bot owes the next message. One SLA timer, armed for the earliest warning or breach still ahead (`deadline − time of the last event`).",
                after: slaTimer("awaitingAgent"),
                // Every event that moves time re-enters the state, which re-arms its timers.
                on: {
                  "customer.done": [
                    {
                      guard: "isClosingStage",
                      target: RESOLVED,
                      actions: [
                        "recordCustomerMessage",
                        { type: "markResolved", params: { by: "customer" } },
                      ],
                    },
                    { target: "awaitingAgent", reenter: true, actions: "recordCustomerMessage" },
                  ],
                  "customer.escalate": {
                    target: "awaitingAgent",
                    reenter: true,
                    actions: ["recordCustomerMessage", "escalateOnRequest"],
                  },
                  "customer.*": { target: "awaitingAgent", reenter: true, actions: "recordCustomerMessage" },
                  "agent.note": { target: "awaitingAgent", reenter: true, actions: "advanceClock" },
                  "agent.resolve": {
                    target: RESOLVED,
                    actions: { type: "markResolved", params: { by: "agent" } },
                  },
                  "agent.goodbye": [
                    {
                      guard: "isClosingStage",
                      target: RESOLVED,
                      actions: ["recordReply", { type: "markResolved", params: { by: "agent" } }],
                    },
                    { target: "awaitingCustomer", actions: "recordReply" },
                  ],
                  "agent.*": { target: "awaitingCustomer", actions: "recordReply" },
                  handoff: { target: "awaitingAgent", reenter: true, actions: "handOffOnRequest" },
                  "clock.tick": { target: "awaitingAgent", reenter: true, actions: "advanceClock" },
                },
              },
              awaitingCustomer: {
                description:
                  'The agent or bot wrote last: the customer owes an answer. The resolution clock is paused; long silence abandons the conversation (or, after "anything else?", resolves it).',
                initial: "paused",
                after: {
                  // A silence longer than one JavaScript timer fires early: re-arm and wait on.
                  customerSilence: [
                    ...silence(),
                    { target: "awaitingCustomer", reenter: true, actions: "advanceClock" },
                  ],
                },
                on: {
                  "customer.done": [
                    ...silence(),
                    {
                      guard: "isClosingStage",
                      target: RESOLVED,
                      actions: [
                        "recordCustomerMessage",
                        { type: "markResolved", params: { by: "customer" } },
                      ],
                    },
                    { target: "awaitingAgent", actions: "recordCustomerMessage" },
                  ],
                  "customer.escalate": [
                    ...silence("escalateOnRequest"),
                    { target: "awaitingAgent", actions: ["recordCustomerMessage", "escalateOnRequest"] },
                  ],
                  "customer.*": [...silence(), { target: "awaitingAgent", actions: "recordCustomerMessage" }],
                  // Every event that moves time here re-arms the silence timer (see `timeOf` on capped delays).
                  "agent.note": [
                    ...silence(),
                    { target: "awaitingCustomer", reenter: true, actions: "advanceClock" },
                  ],
                  "agent.resolve": [
                    ...silence(),
                    { target: RESOLVED, actions: { type: "markResolved", params: { by: "agent" } } },
                  ],
                  "agent.goodbye": [
                    ...silence(),
                    {
                      guard: "isClosingStage",
                      target: RESOLVED,
                      actions: ["recordReply", { type: "markResolved", params: { by: "agent" } }],
                    },
                    { target: "awaitingCustomer", reenter: true, actions: "recordReply" },
                  ],
                  "agent.*": [
                    ...silence(),
                    { target: "awaitingCustomer", reenter: true, actions: "recordReply" },
                  ],
                  handoff: [
                    ...silence("handOffOnRequest"),
                    { target: "awaitingCustomer", reenter: true, actions: "handOffOnRequest" },
                  ],
                  // Re-entering re-arms the timers (after a restore, for instance).
                  "clock.tick": [
                    ...silence(),
                    { target: "awaitingCustomer", reenter: true, actions: "advanceClock" },
                  ],
                },
                states: {
                  paused: {
                    description:
                      "No SLA warning or due time ahead (the usual case: a reply met the response clocks and paused the resolution clock), so no SLA timer runs.",
                    always: { guard: "hasSlaTimer", target: "watching" },
                  },
                  watching: {
                    description:
                      "An SLA deadline is still ahead while the customer owes the answer (a bot replied, or a hand-off started the first-response clock): the SLA timer runs.",
                    always: { guard: not("hasSlaTimer"), target: "paused" },
                    after: slaTimer("watching"),
                  },
                },
              },
            },
          },
          stage: {
            description: "Where the talk is in seed 003's lifecycle.",
            initial: "greeting",
            states: {
              greeting: {
                description: "Saying hello: greet the customer and invite them to explain.",
                entry: { type: "enterStage", params: { stage: "greeting" } },
                on: {
                  "agent.greet": "understanding",
                  "agent.message": "understanding",
                  "agent.deliver": "understanding",
                  "agent.restate": { target: "understanding.restated", actions: "recordRestatement" },
                  "agent.propose": [
                    {
                      guard: "isConfirmationOptional",
                      target: "proposing.awaitingDecision",
                      actions: "recordProposal",
                    },
                    { target: "understanding" },
                  ],
                },
              },
              understanding: {
                description:
                  "Understanding: ask questions, then restate the problem for the customer to confirm.",
                entry: { type: "enterStage", params: { stage: "understanding" } },
                initial: "gathering",
                on: {
                  "agent.propose": {
                    guard: "isConfirmationOptional",
                    target: "proposing.awaitingDecision",
                    actions: "recordProposal",
                  },
                },
                states: {
                  gathering: {
                    description: "Collecting facts and feelings; no restatement on the table.",
                    on: { "agent.restate": { target: "restated", actions: "recordRestatement" } },
                  },
                  restated: {
                    description:
                      'The agent said "from what I understand ..."; the customer\'s confirmation is awaited.',
                    on: {
                      "customer.confirm": {
                        target: "#conversation.active.stage.proposing",
                        actions: "recordConfirmation",
                      },
                      "customer.correct": "gathering",
                      "agent.restate": { target: "restated", reenter: true, actions: "recordRestatement" },
                    },
                  },
                },
              },
              proposing: {
                description: "Proposing: offer a solution, be clear about what cannot be done.",
                entry: { type: "enterStage", params: { stage: "proposing" } },
                initial: "drafting",
                states: {
                  drafting: {
                    description:
                      "No proposal pending: the agent owes one (or an alternative after a rejection).",
                    on: { "agent.propose": { target: "awaitingDecision", actions: "recordProposal" } },
                  },
                  awaitingDecision: {
                    description: "A proposal is on the table; the customer accepts or rejects it.",
                    on: {
                      "customer.accept": {
                        target: "#conversation.active.stage.delivering",
                        actions: "acceptProposal",
                      },
                      "customer.reject": { target: "drafting", actions: "rejectProposal" },
                      "agent.propose": {
                        target: "awaitingDecision",
                        reenter: true,
                        actions: "recordProposal",
                      },
                    },
                  },
                },
              },
              delivering: {
                description: "Delivering the agreed solution, saying clearly what happens next.",
                entry: { type: "enterStage", params: { stage: "delivering" } },
                on: {
                  "agent.close": "closing",
                  "agent.propose": { target: "proposing.awaitingDecision", actions: "recordProposal" },
                  "customer.reject": { target: "proposing", actions: "rejectProposal" },
                },
              },
              closing: {
                description:
                  'Saying goodbye: the agent asked "anything else?"; yes reopens understanding, no resolves.',
                entry: { type: "enterStage", params: { stage: "closing" } },
                on: { "customer.more": { target: "understanding", actions: "recordExtraTopic" } },
              },
            },
          },
        },
      },
      resolved: {
        description:
          "Resolved; the survey has been requested. A customer reply within the reopen window reopens it; otherwise it closes.",
        after: {
          // An auto-close delay longer than one JavaScript timer fires early: re-arm and wait on.
          autoClose: [...autoClose(), { target: "resolved", reenter: true, actions: "advanceClock" }],
        },
        on: {
          "customer.done": [...autoClose(), { target: "resolved", reenter: true, actions: "advanceClock" }],
          "customer.*": [
            ...autoClose(),
            {
              guard: "isWithinReopenWindow",
              target: "#conversation.active.stage.understanding",
              actions: "markReopened",
            },
            {
              target: "closed",
              actions: { type: "markClosed", params: { reason: "late_reply" } },
            },
          ],
          "agent.*": autoClose(),
          handoff: autoClose(),
          "clock.tick": [...autoClose(), { target: "resolved", reenter: true, actions: "advanceClock" }],
        },
      },
      closed: {
        description: "Closed for good; a later message needs a new conversation.",
        type: "final",
      },
      abandoned: {
        description: "The customer went silent before resolution.",
        type: "final",
      },
    },
  });
}

/**
 * The type of {@link conversationMachine} (and of every machine {@link createConversationMachine}
 * makes): an XState `StateMachine` over {@link ConversationContext}, {@link ConversationEvent},
 * {@link ConversationMachineInput} and {@link ConversationEmitted}, with the actions of
 * {@link ConversationActionParams}, the guards of {@link ConversationGuardParams} and the delays of
 * {@link ConversationDelay}.
 *
 * @remarks
 * Written out rather than inferred: the inferred type lists the whole config, which makes the
 * declarations and the docs unreadable (notes/toolchain.md §1.1).
 *
 * @category Machine
 */
export type ConversationMachine = StateMachine<
  ConversationContext,
  ConversationEvent,
  Record<string, never>,
  never,
  ParameterizedUnion<ConversationActionParams>,
  ParameterizedUnion<ConversationGuardParams>,
  ConversationDelay,
  ConversationStateValue,
  string,
  ConversationMachineInput,
  NonReducibleUnknown,
  ConversationEmitted,
  MetaObject,
  StateSchema
>;

/** A snapshot of the conversation machine. @category Conversation */
export type ConversationSnapshot = SnapshotFrom<ConversationMachine>;

/**
 * The conversation lifecycle machine, with SLA clocks in calendar time.
 *
 * @remarks
 * Two parallel regions under `active`: `turn` (`awaitingAgent`, which runs the SLA timer, or
 * `awaitingCustomer`, which runs the silence timer and, only while a team deadline is still ahead,
 * the SLA timer too) and `stage` (seed 003's greeting → understanding → proposing → delivering →
 * closing, with the restatement confirmed before a proposal and a rejected proposal sending the
 * agent back to draft another). Who handles the conversation (bot, human, escalated tier) is
 * `context.handler`. Then `resolved` (survey requested; a reply within the window reopens),
 * `closed` and `abandoned`.
 *
 * Time comes from events: each carries `at` (epoch ms), deadlines are absolute instants in context,
 * and named delays arm live timers as `deadline − time of the last event`: `slaDeadline` for the
 * earliest SLA warning or breach still ahead (one timer for all three clocks; when it fires, every
 * warning and breach of that instant is emitted and it re-arms for the next), `customerSilence`
 * and `autoClose`. A `clock.tick` event does the same work without
 * timers, so a transcript replays identically anywhere. Guards, actions and delays are all declared
 * in `setup()` and can be replaced with `machine.provide()`. Unknown events are ignored.
 *
 * @example
 * ```ts
 * import { initialTransition, transition } from "xstate";
 * import { conversationMachine } from "touchpoint/conversation";
 *
 * let [s] = initialTransition(conversationMachine, { conversationId: "c-1", startedAt: 0, priority: "urgent" });
 * [s] = transition(conversationMachine, s, { type: "agent.greet", at: 60_000 });
 * [s] = transition(conversationMachine, s, { type: "agent.restate", at: 120_000 });
 * s.value; // => { active: { turn: { awaitingCustomer: "paused" }, stage: { understanding: "restated" } } }
 * [s] = transition(conversationMachine, s, { type: "customer.confirm", at: 180_000 });
 * s.context.stage; // => "proposing"
 * s.context.sla.firstResponse.metAt; // => 60000
 * ```
 *
 * @category Conversation
 */
export const conversationMachine: ConversationMachine = createConversationMachine();
