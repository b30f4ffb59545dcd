import {
  and,
  assign,
  enqueueActions,
  type MetaObject,
  type NonReducibleUnknown,
  type SnapshotFrom,
  type StateMachine,
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
  Handler,
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

const NOTHING: fx.Effect = { patch: {}, emitted: [] };

/** The part of XState's `enqueue` that {@link apply} uses. */
interface Enqueue {
  assign(patch: Partial<ConversationContext>): void;
  emit(event: ConversationEmitted): void;
}

/**
 * Runs effects in order, each on the context the previous ones left, then enqueues one assign with
 * their combined patch and their emitted events: one snapshot copy per action, whatever it does.
 */
function apply(
  enqueue: Enqueue,
  context: ConversationContext,
  effects: readonly ((context: ConversationContext) => fx.Effect)[],
): void {
  let current = context;
  let patch: Partial<ConversationContext> | null = null;
  const emitted: ConversationEmitted[] = [];
  for (const effect of effects) {
    const e = effect(current);
    let changed = false;
    for (const key in e.patch) {
      if (e.patch[key as keyof ConversationContext] !== current[key as keyof ConversationContext]) {
        changed = true;
        break;
      }
    }
    if (changed) {
      current = { ...current, ...e.patch };
      patch = patch === null ? { ...e.patch } : Object.assign(patch, e.patch);
    }
    for (const x of e.emitted) emitted.push(x);
  }
  if (patch !== null) enqueue.assign(patch);
  for (const x of emitted) enqueue.emit(x);
}

/** Tried first by every event while the customer holds the turn: has the silence run out? */
function silence() {
  return [
    {
      // Silence after "anything else?" means the customer is done, not gone.
      guard: and(["isSilenceOver", "isClosingStage"]),
      target: RESOLVED,
      actions: { type: "markResolved" as const, params: { by: "silence" as const } },
    },
    { guard: "isSilenceOver" as const, target: ABANDONED, actions: "markAbandoned" as const },
  ];
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
        apply(enqueue, context, [
          (c) => fx.advance(c, t),
          (c) => fx.resumeResolution(c, t, schedule),
          (c) => fx.customerMessage(c, t, schedule),
        ]);
      }),
      /** Advances the clock, counts the reply (meets response clocks), pauses the resolution clock. */
      recordReply: enqueueActions(({ context, event, enqueue }) => {
        const t = at(context, event);
        const by = fx.responderOf(context, event);
        apply(enqueue, context, [
          (c) => fx.advance(c, t),
          (c) => fx.reply(c, by, t, schedule),
          (c) => fx.pauseResolution(c, t),
        ]);
      }),
      recordRestatement: assign(({ context, event }) => ({ restatedAt: at(context, event) })),
      recordConfirmation: assign(({ context, event }) => ({ confirmedAt: at(context, event) })),
      recordProposal: assign(
        ({ context, event }) => fx.propose(context, fx.responderOf(context, event), at(context, event)).patch,
      ),
      acceptProposal: assign(({ context, event }) => fx.accept(context, at(context, event)).patch),
      rejectProposal: enqueueActions(({ context, event, enqueue }) => {
        apply(enqueue, context, [(c) => fx.reject(c, at(c, event), schedule)]);
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
        apply(enqueue, context, [
          (c) => fx.advance(c, t),
          (c) => (to === null ? NOTHING : fx.handOff(c, to, event.reason ?? "requested", t, schedule)),
        ]);
      }),
      /** Advances the clock and hands off to the next tier at the customer's request. */
      escalateOnRequest: enqueueActions(({ context, event, enqueue }) => {
        const t = at(context, event);
        const to = fx.nextTier(context.handler);
        apply(enqueue, context, [
          (c) => fx.advance(c, t),
          (c) => (to === null ? NOTHING : fx.handOff(c, to, "customer_request", t, schedule)),
        ]);
      }),
      /** Advances the clock to the resolution's instant and resolves (the survey is requested once). */
      markResolved: enqueueActions(
        ({ context, event, enqueue }, params: { by: "agent" | "customer" | "silence" }) => {
          const t =
            params.by === "silence"
              ? (fx.instantOf(context, "customerSilence") ?? context.now)
              : at(context, event);
          apply(enqueue, context, [(c) => fx.advance(c, t), (c) => fx.resolve(c, t, params.by)]);
        },
      ),
      markReopened: enqueueActions(({ context, event, enqueue }) => {
        const t = at(context, event);
        apply(enqueue, context, [(c) => fx.advance(c, t), (c) => fx.reopen(c, t, schedule)]);
      }),
      markClosed: enqueueActions(
        ({ context, event, enqueue }, params: { reason: "auto_close" | "late_reply" }) => {
          const t =
            params.reason === "auto_close"
              ? (fx.instantOf(context, "autoClose") ?? context.now)
              : at(context, event);
          apply(enqueue, context, [(c) => fx.advance(c, t), (c) => fx.close(c, t, params.reason)]);
        },
      ),
      markAbandoned: enqueueActions(({ context, enqueue }) => {
        const t = fx.instantOf(context, "customerSilence") ?? context.now;
        apply(enqueue, context, [(c) => fx.advance(c, t), (c) => fx.abandon(c, t)]);
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
      /** The conversation is handled by `params.handler`. */
      isHandler: ({ context }, params: { handler: Handler }) => context.handler === params.handler,
    },
    delays: {
      firstResponseWarning: ({ context }) => fx.delayOf(context, "firstResponseWarning"),
      firstResponseDue: ({ context }) => fx.delayOf(context, "firstResponseDue"),
      nextResponseWarning: ({ context }) => fx.delayOf(context, "nextResponseWarning"),
      nextResponseDue: ({ context }) => fx.delayOf(context, "nextResponseDue"),
      resolutionWarning: ({ context }) => fx.delayOf(context, "resolutionWarning"),
      resolutionDue: ({ context }) => fx.delayOf(context, "resolutionDue"),
      customerSilence: ({ context }) => fx.delayOf(context, "customerSilence"),
      autoClose: ({ context }) => fx.delayOf(context, "autoClose"),
    },
  }).createMachine({
    id: "conversation",
    description:
      "One support conversation: the stage of seed 003's lifecycle, who holds the turn, who handles it, and its SLA clocks.",
    context: ({ input }) => initialContext(parseConversationInput(input), schedule),
    initial: "active",
    states: {
      active: {
        description: "The conversation is under way; four regions run side by side.",
        type: "parallel",
        // Entering a stage closes the previous visit; leaving `active` closes the last one.
        exit: "leaveStage",
        states: {
          // The turn region comes first: it owns every way out of `active`, so in a conflict with a
          // stage move on the same event (SCXML document order) the way out wins.
          turn: {
            description: "Who holds the turn: the team owes an answer, or the customer does.",
            initial: "awaitingAgent",
            states: {
              awaitingAgent: {
                description: "The customer wrote last: the agent or bot owes the next message.",
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
                    { actions: "recordCustomerMessage" },
                  ],
                  "customer.*": { actions: "recordCustomerMessage" },
                  "agent.note": { actions: "advanceClock" },
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
                  "clock.tick": { actions: "advanceClock" },
                },
              },
              awaitingCustomer: {
                description:
                  'The agent or bot wrote last: the customer owes an answer. The resolution clock is paused; long silence abandons the conversation (or, after "anything else?", resolves it).',
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
                  "customer.*": [...silence(), { target: "awaitingAgent", actions: "recordCustomerMessage" }],
                  // Every event that moves time here re-arms the silence timer (see `timeOf` on capped delays).
                  "agent.note": [
                    ...silence(),
                    { target: "awaitingCustomer", reenter: true, actions: "advanceClock" },
                  ],
                  "agent.resolve": [
                    ...silence(),
                    {
                      target: RESOLVED,
                      actions: { type: "markResolved", params: { by: "agent" } },
                    },
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
                  handoff: [...silence(), { target: "awaitingCustomer", reenter: true }],
                  // Re-entering re-arms the silence timer (after a restore, for instance).
                  "clock.tick": [
                    ...silence(),
                    { target: "awaitingCustomer", reenter: true, actions: "advanceClock" },
                  ],
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
          handler: {
            description: "Who handles the conversation; follows `context.handler`, which hand-offs change.",
            initial: "bot",
            states: {
              bot: {
                description: "A bot answers.",
                always: [
                  { guard: { type: "isHandler", params: { handler: "human" } }, target: "human" },
                  { guard: { type: "isHandler", params: { handler: "escalated" } }, target: "escalated" },
                ],
                on: {
                  handoff: { actions: "handOffOnRequest" },
                  "customer.escalate": { actions: "escalateOnRequest" },
                },
              },
              human: {
                description: "A human agent answers.",
                always: [
                  { guard: { type: "isHandler", params: { handler: "bot" } }, target: "bot" },
                  { guard: { type: "isHandler", params: { handler: "escalated" } }, target: "escalated" },
                ],
                on: {
                  handoff: { actions: "handOffOnRequest" },
                  "customer.escalate": { actions: "escalateOnRequest" },
                },
              },
              escalated: {
                description: "An escalated tier (specialist, supervisor) answers.",
                always: [
                  { guard: { type: "isHandler", params: { handler: "bot" } }, target: "bot" },
                  { guard: { type: "isHandler", params: { handler: "human" } }, target: "human" },
                ],
                on: { handoff: { actions: "handOffOnRequest" } },
              },
            },
          },
          sla: {
            description:
              "Live timers for the SLA deadlines in context; re-armed after every message and clock tick.",
            initial: "watching",
            states: {
              watching: {
                description:
                  "One timer per pending warning and deadline, each `deadline − time of the last event`.",
                after: {
                  firstResponseWarning: { target: "watching", reenter: true, actions: "advanceClock" },
                  firstResponseDue: { target: "watching", reenter: true, actions: "advanceClock" },
                  nextResponseWarning: { target: "watching", reenter: true, actions: "advanceClock" },
                  nextResponseDue: { target: "watching", reenter: true, actions: "advanceClock" },
                  resolutionWarning: { target: "watching", reenter: true, actions: "advanceClock" },
                  resolutionDue: { target: "watching", reenter: true, actions: "advanceClock" },
                },
                on: {
                  "customer.*": { target: "watching", reenter: true },
                  "agent.*": { target: "watching", reenter: true },
                  handoff: { target: "watching", reenter: true },
                  "clock.tick": { target: "watching", reenter: true },
                },
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
 * Four parallel regions under `active`: `turn` (awaiting agent or customer), `stage` (seed 003's
 * greeting → understanding → proposing → delivering → closing, with the restatement confirmed
 * before a proposal and a rejected proposal sending the agent back to draft another), `handler`
 * (bot, human, escalated) and `sla` (the live timers). Then `resolved` (survey requested; a reply
 * within the window reopens), `closed` and `abandoned`.
 *
 * Time comes from events: each carries `at` (epoch ms), deadlines are absolute instants in context,
 * and named delays (`firstResponseWarning`, `firstResponseDue`, `nextResponseWarning`,
 * `nextResponseDue`, `resolutionWarning`, `resolutionDue`, `customerSilence`, `autoClose`) arm live
 * timers as `deadline − time of the last event`. A `clock.tick` event does the same work without
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
 * s.value; // => { active: { turn: "awaitingCustomer", stage: { understanding: "restated" }, handler: "human", sla: "watching" } }
 * [s] = transition(conversationMachine, s, { type: "customer.confirm", at: 180_000 });
 * s.context.stage; // => "proposing"
 * s.context.sla.firstResponse.metAt; // => 60000
 * ```
 *
 * @category Conversation
 */
export const conversationMachine: ConversationMachine = createConversationMachine();
