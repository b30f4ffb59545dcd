/**
 * The lifecycle of one support conversation as an XState v5 machine: live in a bot, stepped per
 * request on a server, replayed from a transcript, persisted and restored.
 *
 * @remarks
 * The stages are seed 003's (greeting, understanding, proposing, delivering, closing): the agent
 * restates the problem and the customer confirms before a proposal; a rejected proposal sends the
 * agent back for an alternative and repeated rejections escalate; "anything else?" answered yes
 * goes back to understanding; closing resolves and requests a survey. Alongside the stage the
 * machine tracks, in context, who holds the turn (agent or customer) and who handles the
 * conversation (bot, human, escalated tier), and keeps first-response, next-response and resolution SLA clocks as
 * absolute instants in context, paused while the customer holds the turn, as helpdesks do
 * (notes/helpdesk-anchors.md §1, §2).
 *
 * Choices, and why:
 * - **Time comes from events.** Every event carries `at`; the machine never reads a clock. Live
 *   timers are named delays computed as `deadline − time of the last event`; a `clock.tick` event
 *   does the same work without timers. A replay ticks at every deadline before each message, so the
 *   same transcript emits the same events live, on a server and in a test.
 * - **Deadlines live in context**, because XState v5 does not persist pending timers
 *   (notes/toolchain.md §1.6): {@link step} hands the host the wake-ups to schedule, {@link restore}
 *   plus one `clock.tick` re-arms a live actor.
 * - **One region, the stage; the turn is context.** Every event takes one transition: on `active`
 *   when only the turn and the clocks move (targetless, so no state is left or entered), on the
 *   stage state when the stage moves too, with the same bookkeeping. The SLA timer (armed while an
 *   SLA instant is ahead) and the silence timer (while the customer holds the turn) are re-armed by
 *   the actions when their instants move. Version 1 had four regions (`turn`, `stage`, `handler`,
 *   `sla`), version 2 two (`turn`, `stage`); XState's cost grows with every region that moves on an
 *   event, so each fold made every path faster (version 2 by about a third, version 3 by a sixth
 *   to a fifth; bench/RESULTS.md; snapshots migrate, see {@link restore}).
 * - **The bookkeeping is pure functions** (`conversation-effects.ts`) wired into `setup()` actions,
 *   each replaceable with `machine.provide()`; each action assigns once, since every assign makes
 *   XState copy the snapshot and recompute its state value.
 * - **Cost** (bench/RESULTS.md): about 0.25 to 0.4 ms for a 12-event conversation through a live
 *   actor, 5 to 6 times a bare 12-state XState machine, and 2 to 2.3 times through `transition()`.
 *   The structure alone (every action a no-op) costs about twice the bare machine, and stage states
 *   nested this deep cost 1.5 times it with no context at all; the rest is the bookkeeping, a
 *   snapshot copy per assign and the timers.
 * - **Replay runs the definition without XState's snapshots.** {@link replayConversation} steps
 *   the machine's own states, transitions, guards and action code with a runner that builds one
 *   snapshot at the end, in XState's order (checked against XState after every event on random
 *   sequences and transcripts): about 7,000 twelve-message conversations a second with
 *   classification, about three times as many as through XState. A machine with an action of the
 *   host's replays through XState.
 *
 * @example
 * ```ts
 * import { createActor } from "xstate";
 * import { conversationMachine, nextStep } from "touchpoint/conversation";
 *
 * const actor = createActor(conversationMachine, { input: { conversationId: "c-1", startedAt: 0 } }).start();
 * const handoffs: string[] = [];
 * actor.on("conversation.handoff", (e) => handoffs.push(e.reason));
 * actor.send({ type: "agent.greet", at: 1000 });
 * actor.send({ type: "customer.escalate", at: 2000 });
 * handoffs; // => ["customer_request"]
 * nextStep(actor.getSnapshot()).handler; // => "escalated"
 * actor.stop();
 * ```
 *
 * @module conversation
 */

export { isTouchpointError, TouchpointError } from "../internal/errors.js";
export type { MermaidOptions } from "../internal/mermaid.js";
export { toMermaid } from "../internal/mermaid.js";
export { businessHoursSchedule } from "./business-hours-schedule.js";
export type { ConversationMachineInput, ParsedConversationMachineInput } from "./conversation-input.js";
export { conversationMachineInputSchema, defaultSlaTargets } from "./conversation-input.js";
export type {
  ConversationMachine,
  ConversationMachineOptions,
  ConversationSnapshot,
} from "./conversation-machine.js";
export { conversationMachine, createConversationMachine } from "./conversation-machine.js";
export type {
  ConversationRecord,
  NextResponseCounts,
  ProposalCounts,
  SlaOutcomes,
  SlaTargetStatus,
} from "./conversation-record.js";
export { conversationRecord } from "./conversation-record.js";
export type {
  AbandonedEmitted,
  AgentActEvent,
  AgentMessageEvent,
  AgentNoteEvent,
  ClockTickEvent,
  ClosedEmitted,
  ConversationActionParams,
  ConversationContext,
  ConversationDelay,
  ConversationEmitted,
  ConversationEvent,
  ConversationEventType,
  ConversationGuardParams,
  ConversationSettings,
  ConversationSlaTargets,
  ConversationStateValue,
  ConversationTurn,
  CustomerAnswerEvent,
  CustomerMessageEvent,
  EmittedBase,
  Handler,
  HandoffEmitted,
  HandoffEvent,
  HandoffRecord,
  ParameterizedUnion,
  ProposalRecord,
  ReopenedEmitted,
  ResolvedEmitted,
  Responder,
  SlaBreachedEmitted,
  SlaClock,
  SlaKind,
  SlaWarningEmitted,
  StageVisit,
  SurveyRequestedEmitted,
  TimedEvent,
} from "./conversation-types.js";
export { handlers, slaKinds } from "./conversation-types.js";
export type {
  ChecklistEntry,
  ChecklistItem,
  NextAction,
  NextStep,
  NextStepExtension,
  NextStepOptions,
} from "./next-step.js";
export { nextStep, stageChecklists } from "./next-step.js";
export type {
  ActorClock,
  PersistedConversation,
  PersistedConversationSnapshot,
  RestoreActorOptions,
} from "./persistence.js";
export { CONVERSATION_MACHINE_VERSION, persist, restore, restoreActor } from "./persistence.js";
export type {
  ActClassifier,
  ActClassifierOptions,
  ClassifiedAct,
  ReplayConversationOptions,
  ReplayConversationResult,
  ReplayStep,
} from "./replay-conversation.js";
export { replayConversation } from "./replay-conversation.js";
export type { SlaSchedule } from "./sla-clock.js";
export { calendarSchedule } from "./sla-clock.js";
export type { ScheduledTick, StepOptions, StepResult } from "./step.js";
export { initialStep, nextDeadline, step } from "./step.js";
