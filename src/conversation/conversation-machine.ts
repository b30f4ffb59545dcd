/*
 * The conversation machine's definition and its setup() implementations.
 *
 * Structure, and why (measured with bench/conversation.bench.ts and profiles, Node 20):
 * - One region under `active`: the stage (`active.stage`). Who holds the turn is context
 *   (`context.turn`, set by the reply and customer-message effects), like the handler. Version 1 had
 *   four regions (`turn`, `stage`, `handler`, `sla`), version 2 two (`turn`, `stage`): XState's
 *   price per event grows with each region that moves on it (two that both move cost 2.3 to 2.5
 *   times one), and the turn region moved on nearly every event, re-entering its state to re-arm
 *   the timers, with an eventless `paused`/`watching` check for the SLA timer in the customer's turn.
 * - One transition per event. Every event that moves time has a targetless transition on `active`
 *   (the turn's bookkeeping: `recordReply`, `recordCustomerMessage`, `advanceClock`, hand-offs,
 *   and the ways out: resolution, abandonment); a stage state that moves on the event has its own
 *   (child first), with the same bookkeeping before the stage's actions, and the silence check
 *   first (abandonment in every stage but closing, where silence resolves). Actions run in the order
 *   version 2 ran them (the turn region's, then the stage's), so the context and the emitted facts
 *   are the same.
 * - Timers without states: `slaDeadline` is an `after` of `active` (armed on entering it, cancelled
 *   on leaving), `customerSilence` a delayed event of the same form booked by the actions (no state
 *   exists only while the customer holds the turn). The actions that move an instant re-arm its
 *   timer (`Changes.flush`): cancel, then raise with the named delay, so `provide({ delays })` still
 *   works; a timer whose instant did not move keeps running, except a capped one (longer than one
 *   JavaScript timer) when time moved, since a capped timer fires early and reads its instant from
 *   the time of the last event (`timeOf`). A fired timer and every `clock.tick` re-arm regardless
 *   (a restored actor has none).
 * - Checked against version 2's machine on 27,000 random transcripts (live under fake timers,
 *   through step() with a simulated scheduler, ticked through `transition()` and through the replay
 *   runner; 12,000 more through `replayConversation`): the same facts at the same instants, the same
 *   context apart from `turn`, the same stage and turn, the same pending wake-ups after every step.
 *   The exception is a version 2 bug: with a delay longer than one JavaScript timer (a 30-day
 *   silence), an SLA timer firing meanwhile left the silence timer armed from an older event, so it
 *   fired up to a day early (about 1 % of those transcripts; regression test in
 *   live-and-server.test.ts). Version 3 fires on time.
 * - Measured in one process, alternating the two machines (CPU time, median of 40 rounds of 200
 *   conversations, 2 cores, two runs): 376–405 → 301–329 µs per conversation through an actor
 *   (−19 to −20 %), 573–638 → 485–527 µs through `transition()` (−16 to −17 %), 313–322 → 247–254 µs
 *   with the replay runner (−21 %), 420–441 → 346–363 µs for `replayConversation` with
 *   classification (−18 %). The structure alone (every action a no-op) went from about 4.5–5 to 2
 *   times the bare machine; the actions now also book the timers.
 * - Dropped earlier: six SLA timers, one per clock and instant (one `slaDeadline` for the earliest
 *   instant ahead replaced them: −18 % through an actor), and, tried in version 2, a flat customer
 *   turn with the SLA timer always armed (no faster).
 * - What is left is mostly XState's own. Each snapshot copy (one per assign, one per change of
 *   active states) rebuilds the state value from fresh Sets and Maps, so garbage collection is a
 *   quarter of a replay. The stage states are part of the API, which rules out flattening them.
 * - One assign per action (see `Changes`): every assign copies the snapshot.
 */
import { checkOptions } from "../internal/args.js";
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
import { gateEvents } from "../internal/event-guard.js";
import type { ConversationStage } from "../schemas/vocabulary.js";
import * as fx from "./conversation-effects.js";
import type { ParsedConversationMachineInput } from "./conversation-input.js";
import { checkConversationEvent, parseConversationInput, settingsOf } from "./conversation-input.js";
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
import { registerPure } from "./pure-actions.js";
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
    turn: "awaitingAgent",
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

/** The id, and the event type, of the SLA timer (the `after` of `active`). */
const SLA_TIMER = "xstate.after.slaDeadline.conversation.active";
/** The id, and the event type, of the silence timer, armed by the actions that give the customer the turn. */
const SILENCE_TIMER = "xstate.after.customerSilence.conversation.active";

/** The part of XState's `enqueue` that {@link Changes} uses. */
interface Enqueue {
  assign(patch: Partial<ConversationContext>): void;
  emit(event: ConversationEmitted): void;
  cancel(id: string): void;
  raise(event: { type: string }, options: { id: string; delay: ConversationDelay }): void;
}

/**
 * Which timers an action re-arms whatever their instants did: the one that just fired (it is gone),
 * or both at a `clock.tick` (after a restore, the actor has none); `changed` re-arms only those
 * whose instant moved.
 */
type Rearm = "changed" | "slaDeadline" | "customerSilence" | "both";

/** The timer a fired event stands for, or both at a tick; `changed` for every other event. */
function rearmOn(eventType: string): Rearm {
  if (eventType === "clock.tick") return "both";
  if (eventType === SLA_TIMER) return "slaDeadline";
  if (eventType === SILENCE_TIMER) return "customerSilence";
  return "changed";
}

/** The conversation is still under way: its timers run (resolution and abandonment stop them). */
function isUnderWay(context: ConversationContext): boolean {
  return context.resolvedAt === null && context.abandonedAt === null;
}

/**
 * Re-arms one live timer of `active` as its instant moved from `was` to `is` while time moved from
 * `since` to `now`: cancelled when there is nothing left to wait for, booked again (cancel, then
 * raise with the named delay, which reads the new context) when the instant changed or the timer is
 * `forced`. Otherwise it keeps running, armed for the same instant, unless its delay was capped
 * and time moved: a capped timer fires early and reads its instant from the time of the last event
 * (see `timeOf`), so it is always armed at that time.
 */
function rearmTimer(
  enqueue: Enqueue,
  delay: "slaDeadline" | "customerSilence",
  was: number | null,
  is: number | null,
  since: number,
  now: number,
  forced: boolean,
): void {
  const id = delay === "slaDeadline" ? SLA_TIMER : SILENCE_TIMER;
  if (is === null) {
    if (was !== null) enqueue.cancel(id);
    return;
  }
  if (!forced && is === was && (now === since || is - since <= fx.MAX_DELAY)) return;
  // Nothing to cancel when the silence timer had no instant: only these actions book it. The SLA
  // timer may still be the one entering `active` booked for "never".
  if (was !== null || delay === "slaDeadline") enqueue.cancel(id);
  enqueue.raise({ type: id }, { id, delay });
}

/**
 * Effects applied in order, each on the context the previous ones left, then one assign with their
 * combined patch and their emitted events: one snapshot copy per action, whatever it does, and none
 * when nothing changed. The effects share one draft (a shallow copy made on the first change):
 * copying the context once per effect was the biggest cost of our own code in the profile.
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

  /** The events the effects so far emitted. */
  get emittedEvents(): readonly ConversationEmitted[] {
    return this.emitted ?? NOTHING;
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

  /**
   * Enqueues the assign and the emitted events, then, unless `rearm` is left out (an action that
   * enters or only runs outside `active`), re-arms the timers of `active` whose instants the
   * changes moved (see {@link rearmTimer}).
   */
  flush(enqueue: Enqueue, rearm?: Rearm): void {
    if (this.patch !== null) enqueue.assign(this.patch as Partial<ConversationContext>);
    if (this.emitted !== null) for (const x of this.emitted) enqueue.emit(x);
    // Unchanged context: same instants, same time, so only a forced timer needs booking.
    if (rearm === undefined || (rearm === "changed" && this.draft === null)) return;
    const before = this.base;
    const after = this.context;
    const wasOn = isUnderWay(before);
    const isOn = isUnderWay(after);
    if (!wasOn && !isOn) return;
    rearmTimer(
      enqueue,
      "slaDeadline",
      wasOn ? fx.slaInstant(before) : null,
      isOn ? fx.slaInstant(after) : null,
      before.now,
      after.now,
      rearm === "slaDeadline" || rearm === "both",
    );
    rearmTimer(
      enqueue,
      "customerSilence",
      wasOn ? fx.instantOf(before, "customerSilence") : null,
      isOn ? fx.instantOf(after, "customerSilence") : null,
      before.now,
      after.now,
      rearm === "customerSilence" || rearm === "both",
    );
  }
}

/** XState's `enqueue`, as {@link Changes} uses it (the timer events are not {@link ConversationEvent}s). */
function enqueueOf(enqueue: unknown): Enqueue {
  return enqueue as Enqueue;
}

/** The actions without parameters that {@link silence} adds. */
type PlainAction = "handOffOnRequest" | "escalateOnRequest";

/**
 * Tried first by every event of `active`: has the customer's silence run out? (Never while the team
 * holds the turn: there is no silence to time then.) `also` is the hand-off the same event asks
 * for: it still runs after the abandonment or resolution, as in version 1, where hand-offs were a
 * region of their own, so transcripts replay the same.
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

/** The actions of a stage move besides the turn's bookkeeping. */
type StageAction =
  | "recordRestatement"
  | "recordConfirmation"
  | "recordProposal"
  | "acceptProposal"
  | "rejectProposal"
  | "withdrawProposal"
  | "recordExtraTopic";

/**
 * {@link silence} for a stage state's own transitions, where the stage is known: a silence ends in
 * resolution in closing, in abandonment everywhere else (the other outcome cannot happen there).
 */
function silenceIn(stage: "closing" | "other") {
  const [resolves, abandons] = silence();
  return stage === "closing"
    ? [{ ...resolves, guard: "isSilenceOver" as const }]
    : [abandons as NonNullable<typeof abandons>];
}

/**
 * A stage move on the agent's or bot's reply: the silence check first, then the reply's bookkeeping
 * (what `agent.*` does on `active`: the turn passes to the customer) and the stage's own actions.
 * Without `target`, the stage stays (a restatement or a proposal made again).
 */
function onReply(target: string | undefined, ...actions: StageAction[]) {
  return [...silenceIn("other"), { target, actions: ["recordReply" as const, ...actions] }];
}

/** A stage move on the customer's answer: as {@link onReply}, with a customer message's bookkeeping. */
function onAnswer(stage: "closing" | "other", target: string, ...actions: StageAction[]) {
  return [...silenceIn(stage), { target, actions: ["recordCustomerMessage" as const, ...actions] }];
}

/** A proposal, which may skip the confirmation (`isConfirmationOptional`). */
function proposal() {
  return {
    guard: "isConfirmationOptional" as const,
    target: "proposing.awaitingDecision",
    actions: ["recordReply" as const, "recordProposal" as const],
  };
}

/**
 * The customer has been helped: the agent made a proposal or delivered something. "Anything
 * else?" before that is an ordinary question, not a closing.
 */
function hasHelped(context: ConversationContext): boolean {
  if (context.proposals.length > 0) return true;
  for (const visit of context.timeline) if (visit.stage === "delivering") return true;
  return false;
}

/** "Anything else?" once the customer has been helped: closing, from any stage under way. */
function anythingElse() {
  return [
    ...silenceIn("other"),
    {
      guard: "hasHelped" as const,
      target: "#conversation.active.stage.closing",
      actions: ["recordReply" as const, "withdrawProposal" as const],
    },
  ];
}

/** The agent's goodbye outside closing: the talk is closing; the customer's thanks or goodbye resolves. */
function goodbyeToClosing() {
  return onReply("#conversation.active.stage.closing", "withdrawProposal");
}

/** The customer's thanks or goodbye once helped, outside delivering: the talk is closing. */
function doneToClosing() {
  return [
    ...silenceIn("other"),
    {
      guard: "hasHelped" as const,
      target: "#conversation.active.stage.closing",
      actions: ["recordCustomerMessage" as const, "withdrawProposal" as const],
    },
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
  options = checkOptions("createConversationMachine", options);
  return build(options.schedule ?? calendarSchedule) as unknown as ConversationMachine;
}

/** An event as the actions see it: a {@link ConversationEvent} or a fired timer. */
type AnyEvent = ConversationEvent | { type: string; at?: undefined };

/**
 * The actions' work as pure functions of the context and the event: each XState action below is
 * a thin wrapper (an `assign` of a patch, or `enqueueActions` that flushes {@link Changes} and
 * re-arms the timers), and the replay's fast runner (fast-runner.ts) calls the same functions
 * through {@link registerPure}, so both run the same code.
 */
function stepsOf(schedule: SlaSchedule) {
  const at = fx.timeOf;
  const changes = (context: ConversationContext) => new Changes(context);
  const steps = {
    advanceClock: (context: ConversationContext, event: AnyEvent) =>
      changes(context).add(fx.advance(context, at(context, event))),
    recordCustomerMessage: (context: ConversationContext, event: AnyEvent) => {
      const t = at(context, event);
      const c = changes(context).add(fx.advance(context, t));
      c.add(fx.resumeResolution(c.context, t, schedule));
      return c.add(fx.customerMessage(c.context, t, schedule));
    },
    recordReply: (context: ConversationContext, event: AnyEvent) => {
      const t = at(context, event);
      const c = changes(context).add(fx.advance(context, t));
      c.add(fx.reply(c.context, fx.responderOf(context, event as ConversationEvent), t, schedule));
      return c.add(fx.pauseResolution(c.context, t));
    },
    rejectProposal: (context: ConversationContext, event: AnyEvent) =>
      changes(context).add(fx.reject(context, at(context, event), schedule)),
    /** `undefined` when the event is not a `handoff` (nothing to do). */
    handOffOnRequest: (context: ConversationContext, event: AnyEvent) => {
      if (event.type !== "handoff") return undefined;
      const handoff = event as Extract<ConversationEvent, { type: "handoff" }>;
      const t = at(context, event);
      const to = handoff.to ?? fx.nextTier(context.handler);
      const c = changes(context).add(fx.advance(context, t));
      if (to !== null) c.add(fx.handOff(c.context, to, handoff.reason ?? "requested", t, schedule));
      return c;
    },
    /** `undefined` at the top tier (nothing to do). */
    escalateOnRequest: (context: ConversationContext, event: AnyEvent) => {
      const to = fx.nextTier(context.handler);
      if (to === null) return undefined;
      const t = at(context, event);
      const c = changes(context).add(fx.advance(context, t));
      return c.add(fx.handOff(c.context, to, "customer_request", t, schedule));
    },
    markResolved: (
      context: ConversationContext,
      event: AnyEvent,
      params: { by: "agent" | "customer" | "silence" },
    ) => {
      const t =
        params.by === "silence"
          ? (fx.instantOf(context, "customerSilence") ?? context.now)
          : at(context, event);
      const c = changes(context).add(fx.advance(context, t));
      return c.add(fx.resolve(c.context, t, params.by));
    },
    markReopened: (context: ConversationContext, event: AnyEvent) => {
      const t = at(context, event);
      const c = changes(context).add(fx.advance(context, t));
      return c.add(fx.reopen(c.context, t, schedule));
    },
    markClosed: (
      context: ConversationContext,
      event: AnyEvent,
      params: { reason: "auto_close" | "late_reply" },
    ) => {
      const t =
        params.reason === "auto_close"
          ? (fx.instantOf(context, "autoClose") ?? context.now)
          : at(context, event);
      const c = changes(context).add(fx.advance(context, t));
      return c.add(fx.close(c.context, t, params.reason));
    },
    markAbandoned: (context: ConversationContext, _event: AnyEvent) => {
      const t = fx.instantOf(context, "customerSilence") ?? context.now;
      const c = changes(context).add(fx.advance(context, t));
      return c.add(fx.abandon(c.context, t));
    },
  };
  const patches = {
    enterStage: (context: ConversationContext, event: AnyEvent, params: { stage: ConversationStage }) =>
      fx.enterStage(context, params.stage, at(context, event)).patch,
    leaveStage: (context: ConversationContext, event: AnyEvent) =>
      fx.leaveStage(context, at(context, event)).patch,
    recordRestatement: (context: ConversationContext, event: AnyEvent) => ({
      restatedAt: at(context, event),
    }),
    recordConfirmation: (context: ConversationContext, event: AnyEvent) => ({
      confirmedAt: at(context, event),
    }),
    recordProposal: (context: ConversationContext, event: AnyEvent) =>
      fx.propose(context, fx.responderOf(context, event as ConversationEvent), at(context, event)).patch,
    acceptProposal: (context: ConversationContext, event: AnyEvent) =>
      fx.accept(context, at(context, event)).patch,
    withdrawProposal: (context: ConversationContext, event: AnyEvent) =>
      fx.withdraw(context, at(context, event)).patch,
    recordExtraTopic: (context: ConversationContext): Partial<ConversationContext> => ({
      extraTopics: context.extraTopics + 1,
      confirmedAt: null,
      restatedAt: null,
    }),
  };
  return { steps, patches };
}

const NOTHING: readonly ConversationEmitted[] = [];

/** Registers the pure form of every action of `machine` (see {@link stepsOf}). */
function registerSteps(
  machine: { implementations: { actions: Record<string, unknown> } },
  { steps, patches }: ReturnType<typeof stepsOf>,
) {
  const actions = machine.implementations.actions;
  for (const [name, step] of Object.entries(steps)) {
    const run = step as (
      context: ConversationContext,
      event: AnyEvent,
      params: unknown,
    ) => Changes | undefined;
    registerPure(actions[name], (context, event, params) => {
      const c = run(context, event, params);
      return c === undefined
        ? { context, emitted: NOTHING }
        : { context: c.context, emitted: c.emittedEvents };
    });
  }
  for (const [name, patch] of Object.entries(patches)) {
    const run = patch as (context: ConversationContext, event: AnyEvent, params: unknown) => object;
    registerPure(actions[name], (context, event, params) => ({
      // What XState's assign does with the patch.
      context: Object.assign({}, context, run(context, event, params)),
      emitted: NOTHING,
    }));
  }
}

function build(schedule: SlaSchedule) {
  const pure = stepsOf(schedule);
  const machine = define(schedule, pure);
  registerSteps(machine, pure);
  return gateEvents(machine, checkConversationEvent);
}

function define(schedule: SlaSchedule, { steps, patches }: ReturnType<typeof stepsOf>) {
  const at = fx.timeOf;

  return setup({
    types: {
      context: {} as ConversationContext,
      events: {} as ConversationEvent,
      input: {} as ConversationMachineInput,
      emitted: {} as ConversationEmitted,
    },
    actions: {
      /**
       * Moves time to the event's and emits every SLA warning or breach that fell due; re-arms the
       * timers (the one that fired, both at a `clock.tick`, otherwise those whose instant moved).
       */
      advanceClock: enqueueActions(({ context, event, enqueue }) =>
        steps.advanceClock(context, event).flush(enqueueOf(enqueue), rearmOn(event.type)),
      ),
      enterStage: assign(({ context, event }, params: { stage: ConversationStage }) =>
        patches.enterStage(context, event, params),
      ),
      leaveStage: assign(({ context, event }) => patches.leaveStage(context, event)),
      /** Advances the clock, counts the message (the team gets the turn), resumes the resolution clock. */
      recordCustomerMessage: enqueueActions(({ context, event, enqueue }) =>
        steps.recordCustomerMessage(context, event).flush(enqueueOf(enqueue), "changed"),
      ),
      /** Advances the clock, counts the reply (the customer gets the turn; meets response clocks), pauses the resolution clock. */
      recordReply: enqueueActions(({ context, event, enqueue }) =>
        steps.recordReply(context, event).flush(enqueueOf(enqueue), "changed"),
      ),
      recordRestatement: assign(({ context, event }) => patches.recordRestatement(context, event)),
      recordConfirmation: assign(({ context, event }) => patches.recordConfirmation(context, event)),
      recordProposal: assign(({ context, event }) => patches.recordProposal(context, event)),
      acceptProposal: assign(({ context, event }) => patches.acceptProposal(context, event)),
      /** Drops the pending proposal undecided (the talk moved on without an answer). */
      withdrawProposal: assign(({ context, event }) => patches.withdrawProposal(context, event)),
      /** Rejects; an escalation may start the first-response clock, so the SLA timer may move. */
      rejectProposal: enqueueActions(({ context, event, enqueue }) =>
        steps.rejectProposal(context, event).flush(enqueueOf(enqueue), "changed"),
      ),
      recordExtraTopic: assign(({ context }) => patches.recordExtraTopic(context)),
      /** Advances the clock and hands off as the host's `handoff` event says. */
      handOffOnRequest: enqueueActions(({ context, event, enqueue }) =>
        steps.handOffOnRequest(context, event)?.flush(enqueueOf(enqueue), "changed"),
      ),
      /** Advances the clock and hands off to the next tier at the customer's request; nothing at the top tier. */
      escalateOnRequest: enqueueActions(({ context, event, enqueue }) =>
        steps.escalateOnRequest(context, event)?.flush(enqueueOf(enqueue), "changed"),
      ),
      /** Advances the clock to the resolution's instant and resolves (the survey is requested once). */
      markResolved: enqueueActions(
        ({ context, event, enqueue }, params: { by: "agent" | "customer" | "silence" }) =>
          steps.markResolved(context, event, params).flush(enqueueOf(enqueue), "changed"),
      ),
      /** Reopens; entering `active` arms its SLA timer, so nothing is re-armed here. */
      markReopened: enqueueActions(({ context, event, enqueue }) =>
        steps.markReopened(context, event).flush(enqueueOf(enqueue)),
      ),
      markClosed: enqueueActions(
        ({ context, event, enqueue }, params: { reason: "auto_close" | "late_reply" }) =>
          steps.markClosed(context, event, params).flush(enqueueOf(enqueue)),
      ),
      markAbandoned: enqueueActions(({ context, event, enqueue }) =>
        steps.markAbandoned(context, event).flush(enqueueOf(enqueue), "changed"),
      ),
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
      /** The customer has been helped: a proposal was made or a solution delivered, at any point of the conversation. */
      hasHelped: ({ context }) => hasHelped(context),
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
      "One support conversation: the stage of seed 003's lifecycle, who holds the turn (context), and its SLA clocks.",
    context: ({ input }) => initialContext(parseConversationInput(input), schedule),
    initial: "active",
    states: {
      active: {
        description:
          "The conversation is under way. Every event that moves time is handled here (unless the stage moves on it too): who holds the turn is `context.turn`, and the SLA timer (earliest warning or breach still ahead) and, while the customer holds the turn, the silence timer are re-armed whenever their instants move.",
        initial: "stage",
        // Entering a stage closes the previous visit; leaving `active` closes the last one.
        exit: "leaveStage",
        // Armed on entering `active`; the actions re-arm it when its instant moves.
        after: { slaDeadline: { actions: "advanceClock" } },
        // Targetless: the turn is context, so no state is left or re-entered. A stage state that
        // moves on the same event has its own transition (child first), with the same bookkeeping.
        on: {
          // The silence timer's event: it is booked by the actions, having no state of its own to
          // arm it, and its type is not a ConversationEvent, hence the cast.
          ...({ [SILENCE_TIMER]: [...silence(), { actions: "advanceClock" }] } as object),
          "customer.done": [
            ...silence(),
            {
              guard: "isClosingStage",
              target: RESOLVED,
              actions: ["recordCustomerMessage", { type: "markResolved", params: { by: "customer" } }],
            },
            { actions: "recordCustomerMessage" },
          ],
          "customer.escalate": [
            ...silence("escalateOnRequest"),
            { actions: ["recordCustomerMessage", "escalateOnRequest"] },
          ],
          "customer.*": [...silence(), { actions: "recordCustomerMessage" }],
          "agent.note": [...silence(), { actions: "advanceClock" }],
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
            { actions: "recordReply" },
          ],
          "agent.*": [...silence(), { actions: "recordReply" }],
          handoff: [...silence("handOffOnRequest"), { actions: "handOffOnRequest" }],
          "clock.tick": [...silence(), { actions: "advanceClock" }],
        },
        states: {
          stage: {
            description: "Where the talk is in seed 003's lifecycle.",
            initial: "greeting",
            states: {
              greeting: {
                description: "Saying hello: greet the customer and invite them to explain.",
                entry: { type: "enterStage", params: { stage: "greeting" } },
                on: {
                  "agent.greet": onReply("understanding"),
                  "agent.ask": onReply("understanding"),
                  "agent.message": onReply("understanding"),
                  "agent.deliver": onReply("understanding"),
                  "agent.restate": onReply("understanding.restated", "recordRestatement"),
                  "agent.propose": [
                    ...silenceIn("other"),
                    proposal(),
                    { target: "understanding", actions: "recordReply" },
                  ],
                },
              },
              understanding: {
                description:
                  "Understanding: ask questions for the facts and details; restating the problem for the customer to confirm is good practice, a gate only with `requireConfirmation`.",
                entry: { type: "enterStage", params: { stage: "understanding" } },
                initial: "gathering",
                // Without the guard the proposal is a reply like any other (`agent.*` on `active`).
                on: {
                  "agent.propose": [...silenceIn("other"), proposal()],
                  "agent.deliver": onReply("#conversation.active.stage.delivering"),
                  "agent.close": anythingElse(),
                  "agent.goodbye": goodbyeToClosing(),
                  "customer.done": doneToClosing(),
                },
                states: {
                  gathering: {
                    description: "Collecting facts and feelings; no restatement on the table.",
                    on: { "agent.restate": onReply("restated", "recordRestatement") },
                  },
                  restated: {
                    description:
                      'The agent said "from what I understand ..."; the customer\'s confirmation is awaited.',
                    on: {
                      "customer.confirm": onAnswer(
                        "other",
                        "#conversation.active.stage.proposing",
                        "recordConfirmation",
                      ),
                      "customer.correct": onAnswer("other", "gathering"),
                      "agent.restate": onReply(undefined, "recordRestatement"),
                    },
                  },
                },
              },
              proposing: {
                description: "Proposing: offer a solution, be clear about what cannot be done.",
                entry: { type: "enterStage", params: { stage: "proposing" } },
                initial: "drafting",
                on: {
                  "agent.ask": onReply("#conversation.active.stage.understanding", "withdrawProposal"),
                  "agent.deliver": onReply("#conversation.active.stage.delivering"),
                  "agent.close": anythingElse(),
                  "agent.goodbye": goodbyeToClosing(),
                  "customer.done": doneToClosing(),
                },
                states: {
                  drafting: {
                    description:
                      "No proposal pending: the agent owes one (or an alternative after a rejection).",
                    on: { "agent.propose": onReply("awaitingDecision", "recordProposal") },
                  },
                  awaitingDecision: {
                    description: "A proposal is on the table; the customer accepts or rejects it.",
                    on: {
                      "customer.accept": onAnswer(
                        "other",
                        "#conversation.active.stage.delivering",
                        "acceptProposal",
                      ),
                      "customer.reject": onAnswer("other", "drafting", "rejectProposal"),
                      "agent.propose": onReply(undefined, "recordProposal"),
                      // A completion report answers the proposal: it was taken up.
                      "agent.deliver": onReply("#conversation.active.stage.delivering", "acceptProposal"),
                    },
                  },
                },
              },
              delivering: {
                description: "Delivering the agreed solution, saying clearly what happens next.",
                entry: { type: "enterStage", params: { stage: "delivering" } },
                on: {
                  "agent.close": onReply("closing"),
                  // The agent signs off once the solution is delivered: the talk closes, resolved.
                  "agent.goodbye": [
                    ...silenceIn("other"),
                    {
                      target: RESOLVED,
                      actions: [
                        "recordReply",
                        { type: "enterStage", params: { stage: "closing" } },
                        "leaveStage",
                        { type: "markResolved", params: { by: "agent" } },
                      ],
                    },
                  ],
                  // Asking for details or restating a need after the delivery: a new need is being understood.
                  "agent.ask": onReply("#conversation.active.stage.understanding"),
                  "agent.restate": onReply(
                    "#conversation.active.stage.understanding.restated",
                    "recordRestatement",
                  ),
                  // A new request once the solution is delivered is another topic, as a yes to "anything else?".
                  "customer.more": onAnswer(
                    "other",
                    "#conversation.active.stage.understanding",
                    "recordExtraTopic",
                  ),
                  // Thanks or a goodbye once the solution is delivered: the talk closes there and then.
                  "customer.done": [
                    ...silenceIn("other"),
                    {
                      target: RESOLVED,
                      actions: [
                        "recordCustomerMessage",
                        { type: "enterStage", params: { stage: "closing" } },
                        "leaveStage",
                        { type: "markResolved", params: { by: "customer" } },
                      ],
                    },
                  ],
                  "agent.propose": onReply("proposing.awaitingDecision", "recordProposal"),
                  "customer.reject": onAnswer("other", "proposing", "rejectProposal"),
                },
              },
              closing: {
                description:
                  'Saying goodbye: the agent asked "anything else?"; yes reopens understanding, no resolves.',
                entry: { type: "enterStage", params: { stage: "closing" } },
                on: { "customer.more": onAnswer("closing", "understanding", "recordExtraTopic") },
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
 * One region under `active`, the stage (`active.stage`: seed 003's greeting → understanding →
 * proposing → delivering → closing, following what people say rather than the ideal script: a
 * proposal moves to proposing whether or not a restatement was confirmed, unless the input sets
 * `requireConfirmation`; "anything else?", thanks and goodbyes close from any stage once the
 * customer has been helped; a completion report delivers; a rejected proposal sends the agent back
 * to draft another). Who holds the turn is `context.turn`
 * (`awaitingAgent` or `awaitingCustomer`: a reply passes it to the customer, a customer message back)
 * and who handles the conversation (bot, human, escalated tier) is `context.handler`. Then
 * `resolved` (survey requested; a reply within the window reopens), `closed` and `abandoned`.
 *
 * Time comes from events: each carries `at` (epoch ms), deadlines are absolute instants in context,
 * and named delays arm live timers as `deadline − time of the last event`: `slaDeadline` for the
 * earliest SLA warning or breach still ahead (one timer for all three clocks; when it fires, every
 * warning and breach of that instant is emitted and it re-arms for the next), `customerSilence`
 * while the customer holds the turn, and `autoClose` once resolved. The SLA and silence timers are
 * re-armed when their instants move. A `clock.tick` event does the same work without
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
 * s.value; // => { active: { stage: { understanding: "restated" } } }
 * s.context.turn; // => "awaitingCustomer"
 * [s] = transition(conversationMachine, s, { type: "customer.confirm", at: 180_000 });
 * s.context.stage; // => "proposing"
 * s.context.turn; // => "awaitingAgent"
 * s.context.sla.firstResponse.metAt; // => 60000
 * ```
 *
 * @category Conversation
 */
export const conversationMachine: ConversationMachine = createConversationMachine();
