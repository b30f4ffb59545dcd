import type { Channel, ConversationStage, Priority } from "../schemas/vocabulary.js";

/**
 * Who handles a conversation, from first line to last: a bot, a human agent, an escalated tier
 * (a specialist, a supervisor).
 *
 * @example
 * ```ts
 * import { handlers } from "touchpoint/conversation";
 *
 * handlers; // => ["bot", "human", "escalated"]
 * ```
 *
 * @category Conversation
 */
export const handlers = ["bot", "human", "escalated"] as const;
/** Who handles a conversation ({@link handlers}). @category Conversation */
export type Handler = (typeof handlers)[number];

/**
 * The three SLA clocks the machine keeps: first response, next response, resolution.
 *
 * @remarks
 * The targets Zendesk, Freshdesk and Chatwoot share (notes/helpdesk-anchors.md §2.2, §2.3, §2.8):
 * the first human reply, every later reply to a customer message, and resolution.
 *
 * @example
 * ```ts
 * import { slaKinds } from "touchpoint/conversation";
 *
 * slaKinds; // => ["firstResponse", "nextResponse", "resolution"]
 * ```
 *
 * @category Conversation
 */
export const slaKinds = ["firstResponse", "nextResponse", "resolution"] as const;
/** One of the SLA clocks ({@link slaKinds}). @category Conversation */
export type SlaKind = (typeof slaKinds)[number];

/**
 * Who holds the turn: `awaitingAgent` (the customer wrote last, or nobody yet: the team owes the
 * next message) or `awaitingCustomer` (the agent or bot replied: the customer owes the answer).
 *
 * @category Conversation
 */
export type ConversationTurn = "awaitingAgent" | "awaitingCustomer";

/** Who sent an agent-side message: a human agent or a bot. @category Conversation */
export type Responder = "agent" | "bot";

/**
 * One SLA clock as it stands: absolute due and warning instants (epoch ms), kept in context so a
 * restored snapshot or a host scheduler can re-arm them (XState does not persist timers).
 *
 * @category Conversation
 */
export interface SlaClock {
  /** `idle` before it starts, `running`, `paused` (awaiting the customer, or resolved), `done` once met. */
  status: "idle" | "running" | "paused" | "done";
  /** When the current cycle started, or `null` before the first one. */
  startedAt: number | null;
  /** The instant the target time is used up, or `null` when it has no target or has not started; a reply at `dueAt` is still in time, the breach is any later instant. */
  dueAt: number | null;
  /** The instant the warning is due, or `null` when there is none. */
  warnAt: number | null;
  /** When it was paused, while paused. */
  pausedAt: number | null;
  /** Whether the warning of the current cycle has been emitted. */
  warned: boolean;
  /** Whether the current cycle has been breached. */
  breached: boolean;
  /** How many cycles started in all (next response runs one cycle per wait for a reply). */
  cycles: number;
  /** How many cycles were met within the target. */
  hits: number;
  /** How many cycles were breached (missed). */
  breaches: number;
  /** How many cycles ended unmet but not breached (resolved or abandoned first). */
  cancels: number;
  /** When the current cycle was met, or `null`. */
  metAt: number | null;
}

/** The SLA targets of one priority, in milliseconds of schedule time; `null` means no target. @category Conversation */
export interface ConversationSlaTargets {
  /** Time to the first human reply. */
  firstResponseMs: number | null;
  /** Time from a customer message to the next human reply. */
  nextResponseMs: number | null;
  /** Time from the start to resolution, not counting time spent awaiting the customer. */
  resolutionMs: number | null;
}

/** The settings a conversation runs with, after defaults (see {@link conversationMachineInputSchema}). @category Conversation */
export interface ConversationSettings {
  /** The SLA targets of this conversation's priority. */
  targets: ConversationSlaTargets;
  /** The fraction of each target after which a warning is emitted (0.75: at 75 % of the time). */
  warningRatio: number;
  /** Rejected proposals in a row that hand the conversation to the next tier. */
  rejectionsBeforeEscalation: number;
  /** Customer silence, while the agent awaits an answer, after which the conversation is abandoned. */
  abandonAfterMs: number;
  /** Time after resolution when the conversation closes for good. */
  autoCloseAfterMs: number;
  /** Time after resolution within which a customer reply reopens it. */
  reopenWindowMs: number;
  /** Whether the agent must restate the problem and have it confirmed before proposing. */
  requireConfirmation: boolean;
  /** Whether the survey is requested only on the first resolution (Chatwoot sends one per conversation). */
  surveyOnce: boolean;
}

/** One proposal the agent or bot made. @category Conversation */
export interface ProposalRecord {
  /** When it was proposed. */
  at: number;
  /** Who proposed it. */
  by: Responder;
  /** What became of it. */
  outcome: "pending" | "accepted" | "rejected" | "superseded" | "withdrawn";
  /** When the outcome was decided. */
  decidedAt: number | null;
}

/** One change of handler. @category Conversation */
export interface HandoffRecord {
  /** When it happened. */
  at: number;
  /** The handler before. */
  from: Handler;
  /** The handler after. */
  to: Handler;
  /** Why: `customer_request`, `repeated_rejections`, `agent_joined`, or the host's own reason. */
  reason: string;
}

/** One visit to a stage. @category Conversation */
export interface StageVisit {
  /** The stage. */
  stage: ConversationStage;
  /** When it was entered. */
  enteredAt: number;
  /** When it was left, or `null` while it lasts. */
  leftAt: number | null;
}

/**
 * The conversation machine's context: what happened, when, and the deadlines ahead.
 *
 * @remarks
 * Plain JSON data only (notes/toolchain.md §1.6 pitfall 3), so a snapshot persists as is.
 *
 * @category Conversation
 */
export interface ConversationContext {
  /** The conversation's id. */
  conversationId: string;
  /** Its priority, which chose the SLA targets. */
  priority: Priority;
  /** The channel, when known. */
  channel: Channel | null;
  /** The settings it runs with. */
  settings: ConversationSettings;
  /** When it started. */
  startedAt: number;
  /** The time of the latest event (events carry their time; the machine never reads a clock). */
  now: number;
  /** The current stage (mirrors the `stage` region; the last stage once finished). */
  stage: ConversationStage;
  /** The current handler. */
  handler: Handler;
  /**
   * Who holds the turn: a reply passes it to the customer, a customer message back to the team.
   * `awaitingCustomer` exactly while {@link ConversationContext.awaitingCustomerSince} is set, so
   * `awaitingAgent` again once the conversation has left `active` (resolved, closed, abandoned).
   */
  turn: ConversationTurn;
  /** Since when the customer's answer has been awaited, or `null` while the agent holds the turn. */
  awaitingCustomerSince: number | null;
  /** Since when the oldest unanswered customer message has waited, or `null`. */
  awaitingAgentSince: number | null;
  /** The SLA clocks. */
  sla: Record<SlaKind, SlaClock>;
  /** When a human agent first replied in public. */
  firstResponseAt: number | null;
  /** Public replies by human agents. */
  humanReplies: number;
  /** Public replies by bots. */
  botReplies: number;
  /** Messages from the customer. */
  customerMessages: number;
  /** Rejected proposals in a row under the current handler. */
  rejections: number;
  /** Every proposal, oldest first. */
  proposals: ProposalRecord[];
  /** Every change of handler, oldest first. */
  handoffs: HandoffRecord[];
  /** Every stage visit, oldest first. */
  timeline: StageVisit[];
  /** When the agent last restated the problem. */
  restatedAt: number | null;
  /** When the customer last confirmed the restatement. */
  confirmedAt: number | null;
  /** How many times "anything else?" was answered yes. */
  extraTopics: number;
  /** How many times the conversation was reopened. */
  reopens: number;
  /** When it was first resolved. */
  firstResolvedAt: number | null;
  /** When it was last resolved (`null` again once reopened). */
  resolvedAt: number | null;
  /** When it closed. */
  closedAt: number | null;
  /** When it was abandoned. */
  abandonedAt: number | null;
  /** When the survey was requested. */
  surveyRequestedAt: number | null;
}

/** An event that carries the time it happened, as epoch milliseconds. @category Conversation */
export interface TimedEvent {
  /** When it happened (epoch ms). */
  at: number;
}

/** A message from the customer that asks or informs. @category Events */
export interface CustomerMessageEvent extends TimedEvent {
  /** `customer.message`. */
  type: "customer.message";
  /** The text, when the host has it (the machine does not read it). */
  text?: string;
}

/**
 * A customer's answer with a meaning the lifecycle needs: `customer.confirm` (the restatement is
 * right), `customer.correct` (it is not), `customer.accept` / `customer.reject` (a proposal, or a
 * delivered solution that failed), `customer.more` / `customer.done` (the answer to "anything
 * else?"), `customer.escalate` (asks for a person or a supervisor).
 *
 * @category Events
 */
export interface CustomerAnswerEvent extends TimedEvent {
  /** What the answer means. */
  type:
    | "customer.confirm"
    | "customer.correct"
    | "customer.accept"
    | "customer.reject"
    | "customer.more"
    | "customer.done"
    | "customer.escalate";
}

/** A public message from the agent or the bot that asks or informs. @category Events */
export interface AgentMessageEvent extends TimedEvent {
  /** `agent.message`. */
  type: "agent.message";
  /** `agent` (a human) or `bot`; when absent, `bot` while a bot handles the conversation, else `agent`. */
  by?: Responder;
  /** The text, when the host has it (the machine does not read it). */
  text?: string;
}

/**
 * A public agent or bot message with a lifecycle meaning: `agent.greet`, `agent.ask` (a question
 * that gathers details), `agent.restate` ("from
 * what I understand ..."), `agent.propose`, `agent.deliver`, `agent.close` ("anything else?"),
 * `agent.goodbye`, `agent.resolve` (marks it solved from any stage).
 *
 * @category Events
 */
export interface AgentActEvent extends TimedEvent {
  /** What the message does. */
  type:
    | "agent.greet"
    | "agent.ask"
    | "agent.restate"
    | "agent.propose"
    | "agent.deliver"
    | "agent.close"
    | "agent.goodbye"
    | "agent.resolve";
  /** `agent` (a human) or `bot`; when absent, `bot` while a bot handles the conversation, else `agent`. */
  by?: Responder;
}

/** A private note: the customer never sees it, so it answers nothing. @category Events */
export interface AgentNoteEvent extends TimedEvent {
  /** `agent.note`. */
  type: "agent.note";
}

/** The host hands the conversation to another handler. @category Events */
export interface HandoffEvent extends TimedEvent {
  /** `handoff`. */
  type: "handoff";
  /** The handler to hand to; the next tier up (bot → human → escalated) when absent. */
  to?: Handler;
  /** Why; emitted with the hand-off (`requested` when absent). */
  reason?: string;
}

/** Time has passed: emit what fell due, re-arm the live timers. @category Events */
export interface ClockTickEvent extends TimedEvent {
  /** `clock.tick`. */
  type: "clock.tick";
}

/**
 * The events the conversation machine understands. Anything else is ignored.
 *
 * @remarks
 * Customer: {@link CustomerMessageEvent}, {@link CustomerAnswerEvent}. Agent or bot:
 * {@link AgentMessageEvent}, {@link AgentActEvent}, {@link AgentNoteEvent}. Host:
 * {@link HandoffEvent}, {@link ClockTickEvent}. Every event carries its time `at`; an event earlier
 * than the previous one counts as happening at the previous one's time.
 *
 * @category Events
 */
export type ConversationEvent =
  | CustomerMessageEvent
  | CustomerAnswerEvent
  | AgentMessageEvent
  | AgentActEvent
  | AgentNoteEvent
  | HandoffEvent
  | ClockTickEvent;

/** The type names of {@link ConversationEvent}. @category Events */
export type ConversationEventType = ConversationEvent["type"];

/** What every emitted event carries. @category Emitted */
export interface EmittedBase {
  /** The conversation's id. */
  conversationId: string;
  /** The instant the fact became true (for a deadline, the deadline itself). */
  at: number;
}

/** An SLA target's warning time has come. @category Emitted */
export interface SlaWarningEmitted extends EmittedBase {
  /** `sla.warning`. */
  type: "sla.warning";
  /** Which target. */
  kind: SlaKind;
  /** Its due time. */
  dueAt: number;
}

/** An SLA target was missed; `at` is the first millisecond past `dueAt`. @category Emitted */
export interface SlaBreachedEmitted extends EmittedBase {
  /** `sla.breached`. */
  type: "sla.breached";
  /** Which target. */
  kind: SlaKind;
  /** Its due time. */
  dueAt: number;
}

/** The conversation changed hands. @category Emitted */
export interface HandoffEmitted extends EmittedBase {
  /** `conversation.handoff`. */
  type: "conversation.handoff";
  /** The handler before. */
  from: Handler;
  /** The handler after. */
  to: Handler;
  /** Why: `customer_request`, `repeated_rejections`, `agent_joined`, or the host's reason. */
  reason: string;
}

/** The conversation was resolved. @category Emitted */
export interface ResolvedEmitted extends EmittedBase {
  /** `conversation.resolved`. */
  type: "conversation.resolved";
  /** Who resolved it: the agent, the customer (no more questions), or silence after "anything else?". */
  by: "agent" | "customer" | "silence";
}

/** Time to send the satisfaction survey (on the first resolution by default). @category Emitted */
export interface SurveyRequestedEmitted extends EmittedBase {
  /** `survey.requested`. */
  type: "survey.requested";
}

/** A customer reply reopened a resolved conversation. @category Emitted */
export interface ReopenedEmitted extends EmittedBase {
  /** `conversation.reopened`. */
  type: "conversation.reopened";
  /** Reopens so far, this one included. */
  reopens: number;
}

/** The customer went silent before resolution. @category Emitted */
export interface AbandonedEmitted extends EmittedBase {
  /** `conversation.abandoned`. */
  type: "conversation.abandoned";
}

/** The conversation closed for good. @category Emitted */
export interface ClosedEmitted extends EmittedBase {
  /** `conversation.closed`. */
  type: "conversation.closed";
  /** `auto_close` after the resolved period, or `late_reply`: a reply after the reopen window (open a new conversation for it). */
  reason: "auto_close" | "late_reply";
}

/**
 * The events the machine emits for the host (`actor.on(type, handler)`, or the `emitted` list of
 * {@link step}): SLA warnings and breaches, hand-offs, resolution, the survey request, reopen,
 * abandonment and closing.
 *
 * @remarks
 * `at` is the instant the fact became true: for a deadline, the deadline itself, whenever the
 * timer or tick that noticed it ran, so live, server-side and replayed runs emit identical events.
 *
 * @category Emitted
 */
export type ConversationEmitted =
  | SlaWarningEmitted
  | SlaBreachedEmitted
  | HandoffEmitted
  | ResolvedEmitted
  | SurveyRequestedEmitted
  | ReopenedEmitted
  | AbandonedEmitted
  | ClosedEmitted;

/**
 * The state value of the conversation machine: the stage while the conversation is under way
 * (`active.stage`), or one of the states after it. Who holds the turn is context
 * ({@link ConversationContext.turn}), not a state.
 *
 * @category Machine
 */
export type ConversationStateValue =
  | "resolved"
  | "closed"
  | "abandoned"
  | {
      /** The conversation under way. */
      active: {
        /** The stage, with its sub-state in understanding and proposing. */
        stage:
          | "greeting"
          | {
              /** Gathering facts, or a restatement awaiting confirmation. */
              understanding: "gathering" | "restated";
            }
          | {
              /** No proposal pending, or one awaiting the customer's decision. */
              proposing: "drafting" | "awaitingDecision";
            }
          | "delivering"
          | "closing";
      };
    };

/**
 * The conversation machine's actions, by name, with their parameters; each can be replaced with
 * `machine.provide({ actions })`.
 *
 * @category Machine
 */
export interface ConversationActionParams {
  /** Moves time to the event's and emits the SLA warnings and breaches that fell due. */
  advanceClock: undefined;
  /** Opens a visit to a stage (closing the previous one). */
  enterStage: {
    /** The stage. */
    stage: ConversationStage;
  };
  /** Closes the open stage visit. */
  leaveStage: undefined;
  /** Counts a customer message and gives the team the turn; starts the next-response clock; resumes the resolution clock. */
  recordCustomerMessage: undefined;
  /** Counts a reply and gives the customer the turn; meets the response clocks (human replies); pauses the resolution clock. */
  recordReply: undefined;
  /** Records the restatement's time. */
  recordRestatement: undefined;
  /** Records the customer's confirmation. */
  recordConfirmation: undefined;
  /** Records a proposal (superseding a pending one). */
  recordProposal: undefined;
  /** Marks the pending proposal accepted. */
  acceptProposal: undefined;
  /** Marks the pending proposal withdrawn (the talk moved on without an answer). */
  withdrawProposal: undefined;
  /** Marks the proposal rejected; escalates at the threshold. */
  rejectProposal: undefined;
  /** Counts a yes to "anything else?". */
  recordExtraTopic: undefined;
  /** Hands off as a `handoff` event says. */
  handOffOnRequest: undefined;
  /** Hands off to the next tier at the customer's request (nothing at the top tier). */
  escalateOnRequest: undefined;
  /** Resolves: emits `conversation.resolved` and, the first time, `survey.requested`. */
  markResolved: {
    /** Who resolved it. */
    by: "agent" | "customer" | "silence";
  };
  /** Reopens on a customer reply. */
  markReopened: undefined;
  /** Closes. */
  markClosed: {
    /** Why. */
    reason: "auto_close" | "late_reply";
  };
  /** Abandons at the silence instant. */
  markAbandoned: undefined;
}

/**
 * The conversation machine's guards, by name, with their parameters; each can be replaced with
 * `machine.provide({ guards })`.
 *
 * @category Machine
 */
export interface ConversationGuardParams {
  /** The stage is closing ("anything else?" was asked). */
  isClosingStage: undefined;
  /** The customer's silence has lasted `abandonAfterMs` by the event's time. */
  isSilenceOver: undefined;
  /** The conversation has been resolved for `autoCloseAfterMs` by the event's time. */
  isAutoCloseDue: undefined;
  /** The event comes within `reopenWindowMs` of the resolution. */
  isWithinReopenWindow: undefined;
  /** A proposal may come before the restatement is confirmed (`requireConfirmation: false`, the default). */
  isConfirmationOptional: undefined;
  /** The customer has been helped: a proposal was made or a solution delivered. */
  hasHelped: undefined;
}

/**
 * The named delays of the live timers, each `deadline − time of the last event`; each can be
 * replaced with `machine.provide({ delays })`.
 *
 * @remarks
 * `slaDeadline` waits for the earliest SLA instant still ahead, whichever clock it belongs to: a
 * warning (`warnAt`) not yet emitted or a breach (1 ms after `dueAt`) not yet counted. When it
 * fires, every warning and breach of that instant is emitted and the timer is armed again for the
 * next one. `customerSilence` waits for the customer's silence to run out (it runs only while the
 * customer holds the turn), `autoClose` for a resolved conversation to close.
 *
 * The SLA and silence timers are re-armed, and their delay evaluated again, only when the instant
 * they stand for moves (a reply, a customer message, a warning emitted, a hand-off), when they
 * fire, and at every `clock.tick`; an event that changes neither leaves them running. A delay
 * replaced with `provide()` therefore counts from the last change of its deadline, not from every
 * event.
 *
 * @category Machine
 */
export type ConversationDelay = "slaDeadline" | "customerSilence" | "autoClose";

/**
 * Turns a record of names and parameters into XState's `{ type, params }` union.
 *
 * @category Machine
 */
export type ParameterizedUnion<T> = {
  [K in keyof T & string]: {
    /** The implementation's name. */
    type: K;
    /** Its parameters. */
    params: T[K];
  };
}[keyof T & string];
