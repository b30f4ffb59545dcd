import { checkOptions, checkRecord, fail, isRecord } from "../internal/args.js";
import { primaryAct } from "../classify/classify-act.js";
import type { Conversation } from "../schemas/conversation.js";
import type { Message } from "../schemas/message.js";
import { nextInstant } from "./conversation-effects.js";
import type { ConversationMachineInput } from "./conversation-input.js";
import type { ConversationMachine, ConversationSnapshot } from "./conversation-machine.js";
import { conversationMachine } from "./conversation-machine.js";
import { type ConversationRecord, conversationRecord } from "./conversation-record.js";
import { type FastState, fastRunnerOf } from "./fast-runner.js";
import { runnerOf } from "./machine-runner.js";
import type { ConversationEmitted, ConversationEvent, Responder } from "./conversation-types.js";

/**
 * Turns one message's text into a dialogue act: the shape of touchpoint/classify's `classifyAct`.
 *
 * @category Replay
 */
export type ActClassifier = (text: string, options: ActClassifierOptions) => ClassifiedAct;

/** What an {@link ActClassifier} is told about a message. @category Replay */
export interface ActClassifierOptions {
  /** Who wrote it. */
  speaker: "customer" | "agent" | "bot";
}

/** What an {@link ActClassifier} returns (touchpoint/classify's `ActResult` fits). @category Replay */
export interface ClassifiedAct {
  /** The act: `greet`, `ask`, `inform`, `restate`, `propose`, `accept`, `reject`, `confirm`, `thank`, `goodbye`, ...; others count as `inform`. */
  act: string;
}

/** Options of {@link replayConversation}. @category Replay */
export interface ReplayConversationOptions {
  /** Message → act; touchpoint/classify's `classifyAct` by default. */
  actClassifier?: ActClassifier;
  /** The machine (one from {@link createConversationMachine} or `provide()`). */
  machine?: ConversationMachine;
  /**
   * Machine input beyond what the conversation gives (`conversationId`, `startedAt`, `priority`,
   * `channel` come from it): targets, durations, thresholds, the first handler.
   */
  input?: Omit<ConversationMachineInput, "conversationId" | "startedAt">;
  /** Deliver a `clock.tick` at every deadline between messages, as live timers would (default `true`). */
  ticks?: boolean;
  /** After the last message, let time run to this instant (ticks included), e.g. the export time. */
  until?: number;
}

/** One event the replay sent, with the message it came from (`-1` for ticks and status changes). @category Replay */
export interface ReplayStep {
  /** The position of the message in `conversation.messages`, or -1. */
  message: number;
  /** The act the classifier gave, when the event came from a message. */
  act: string | null;
  /** The event sent. */
  event: ConversationEvent;
}

/** What {@link replayConversation} returns. @category Replay */
export interface ReplayConversationResult {
  /** The final snapshot. */
  snapshot: ConversationSnapshot;
  /** Its record ({@link conversationRecord}). */
  record: ConversationRecord;
  /** Every emitted event, in order. */
  emitted: ConversationEmitted[];
  /** Every event sent, in order. */
  steps: ReplayStep[];
}

/**
 * "Anything else?" in its common forms: "anything else I can help with", "any other questions",
 * "anything more"; not the last item of a list of options ("music, sports or anything else?").
 */
const ANYTHING_ELSE =
  /(?<!\bor )\b(?:anything|something) (?:else|more)\b|\bany(?: ?thing)? further\b|\b(?:help|assist)(?: you)?(?: with anything)? further\b|\bfurther (?:help|assistance|questions?)\b|\bany other (?:question|issue|thing|help|concern|request)s?\b|\bany more (?:question|help)s?\b|\bneed (?:any )?more (?:help|assistance|from me)\b/i;

/** A holding line, not an answer: "let me check", "one moment". */
const HOLDING =
  /\b(?:let me (?:check|see|look|find|verify|confirm|get)|one moment|just a (?:moment|second|sec|minute)|give me a (?:moment|second|sec|minute)|bear with|hold on|please wait|i'?ll (?:check|look|find out)|i will (?:check|look|find out)|looking into|checking (?:on|that|this|now)|on it)\b/i;

function stageKey(value: unknown): string {
  if (typeof value === "string") return value;
  const stage = (value as { active: { stage: string | Record<string, string> } }).active.stage;
  if (typeof stage === "string") return stage;
  for (const name in stage) return `${name}.${stage[name]}`;
  return "";
}

/**
 * The event a customer's act means in the current state; `anythingElse`: the agent's last message
 * asked "anything else?".
 */
function customerEvent(act: string, state: string, at: number, anythingElse: boolean): ConversationEvent {
  // Asking for a person hands the conversation to the next tier, whatever the stage.
  if (act === "escalate") return { type: "customer.escalate", at };
  switch (state) {
    case "understanding.restated":
      if (act === "confirm" || act === "accept") return { type: "customer.confirm", at };
      if (act === "reject") return { type: "customer.correct", at };
      break;
    case "proposing.awaitingDecision":
      // "Perfect, thank you" answering a proposal takes it
      if (act === "accept" || act === "confirm" || act === "thank") return { type: "customer.accept", at };
      if (act === "reject") return { type: "customer.reject", at };
      break;
    case "delivering":
      if (act === "reject") return { type: "customer.reject", at };
      if (act === "request") return { type: "customer.more", at };
      // Thanks or a goodbye once the solution is delivered ends the talk.
      if (act === "thank" || act === "goodbye") return { type: "customer.done", at };
      break;
    case "closing":
      // A "no" answering "anything else?" is done, never a rejection.
      if (act === "thank" || act === "goodbye" || act === "reject") return { type: "customer.done", at };
      if (act === "accept" || act === "confirm" || act === "ask" || act === "inform" || act === "request")
        return { type: "customer.more", at };
      break;
    case "resolved":
      // Thanks, a goodbye, or "no" to "anything else?" keeps it resolved; anything else reopens.
      if (act === "thank" || act === "goodbye" || (anythingElse && act === "reject"))
        return { type: "customer.done", at };
      break;
    default:
      break;
  }
  // Thanks or a goodbye once helped: the talk is closing (the machine checks that help came).
  if (
    (act === "thank" || act === "goodbye") &&
    (state.startsWith("understanding") || state.startsWith("proposing"))
  )
    return { type: "customer.done", at };
  return { type: "customer.message", at };
}

/** The event an agent's or bot's act means in the current state. */
function agentEvent(act: string, text: string, state: string, at: number, by: Responder): ConversationEvent {
  const stage = state.split(".")[0];
  // "Anything else?" closes from any stage once the customer has been helped (the machine checks).
  if (act !== "goodbye" && stage !== "closing" && ANYTHING_ELSE.test(text))
    return { type: "agent.close", at, by };
  switch (act) {
    case "greet":
      return { type: "agent.greet", at, by };
    case "ask":
      return { type: "agent.ask", at, by };
    case "restate":
      return { type: "agent.restate", at, by };
    case "propose":
      return { type: "agent.propose", at, by };
    // A completion report ("your table is booked") delivers, whatever the stage.
    case "confirm":
      return { type: "agent.deliver", at, by };
    case "goodbye":
      return { type: "agent.goodbye", at, by };
    case "thank":
      if (stage === "closing") return { type: "agent.goodbye", at, by };
      if (stage === "delivering") return { type: "agent.close", at, by };
      break;
    default:
      break;
  }
  if (stage === "delivering" && act === "inform") return { type: "agent.deliver", at, by };
  // Once the customer has said what they need, an answer that is not a holding line puts something forward.
  if (state === "understanding.gathering" && act === "inform" && !HOLDING.test(text))
    return { type: "agent.propose", at, by };
  return { type: "agent.message", at, by };
}

/**
 * Replays a recorded conversation through the machine, with time taken from the messages: returns
 * the final snapshot, its record, every emitted event and every event sent.
 *
 * @remarks
 * Each public message is classified into a dialogue act (touchpoint/classify's `classifyAct` by
 * default) and the act becomes a typed event according to the state: a customer's "yes" confirms
 * a restatement, accepts a proposal, or asks for more after "anything else?"; asking for a person
 * (`escalate`) is `customer.escalate`; thanks or a goodbye after a delivery, or once helped, is
 * `customer.done`, and so is a "no" answering "anything else?"; an agent's detail question is
 * `agent.ask`, a completion report (`confirm`) and an `inform` in delivering deliver, a goodbye is
 * `agent.goodbye` in any stage, and "anything else?" closes from any stage (the machine checks that
 * the customer was helped). Private notes are `agent.note`, system messages
 * are skipped, a status change to `resolved` or `closed` is `agent.resolve`, and one to `open` by a
 * bot is a hand-off. Before each message, a `clock.tick` is delivered at every deadline that falls
 * before it ({@link nextDeadline}), exactly when a live timer would fire, so the replay emits what
 * a live actor would have emitted. No clock is read: the same transcript gives the same result
 * everywhere.
 *
 * The machine's definition is stepped by a runner that skips XState's snapshot copies between
 * events (the same states, transitions, guards and action code, checked against XState on random
 * transcripts), about three times as fast; a machine with an action of the host's
 * (`provide({ actions })`) goes through XState itself.
 *
 * @param conversation - a parsed conversation (touchpoint/schemas' `Conversation`)
 * @param options - the classifier, machine, extra input, ticks, and an end instant
 * @returns snapshot, record, emitted events and steps
 * @throws {@link TouchpointError} `invalid_input` when the extra input is invalid
 *
 * @example
 * ```ts
 * import { replayConversation } from "touchpoint/conversation";
 *
 * const at = (minute: number) => Date.UTC(2026, 2, 2, 9, minute);
 * const result = replayConversation({
 *   id: "c-1", channel: "chat", priority: "normal", createdAt: at(0), statusChanges: [], surveys: [], tags: [],
 *   messages: [
 *     { author: "customer", visibility: "public", at: at(0), text: "My order arrived broken." },
 *     { author: "agent", visibility: "public", at: at(2), text: "Hi! Sorry to hear that." },
 *     { author: "agent", visibility: "public", at: at(3), text: "From what I understand, the vase was broken on arrival?" },
 *     { author: "customer", visibility: "public", at: at(4), text: "Yes, exactly." },
 *     { author: "agent", visibility: "public", at: at(5), text: "We can send you a replacement at no cost." },
 *     { author: "customer", visibility: "public", at: at(6), text: "Yes, that works for me." },
 *   ],
 * });
 * result.snapshot.context.stage; // => "delivering"
 * result.record.firstResponseMs; // => 120000
 * result.steps.map((s) => s.event.type); // => ["customer.message", "agent.greet", "agent.restate", "customer.confirm", "agent.propose", "customer.accept"]
 * ```
 *
 * @category Replay
 */
export function replayConversation(
  conversation: Conversation,
  options: ReplayConversationOptions = {},
): ReplayConversationResult {
  checkConversation(conversation);
  checkOptions("replayConversation", options);
  const machine = options.machine ?? conversationMachine;
  const fast = fastDriver(machine);
  return fast === undefined
    ? replayWith(xstateDriver(machine), conversation, options)
    : replayWith(fast, conversation, options);
}

/**
 * How a replay steps the machine: through XState ({@link xstateDriver}) or through the fast
 * runner, which runs the same definition and actions without XState's snapshots (fast-runner.ts).
 * Both give the same states, contexts and emitted events (test/conversation/fast-runner.test.ts).
 */
export interface ReplayDriver<S> {
  /** Where emitted events go while the replay runs. */
  emitted: ConversationEmitted[];
  start(input: ConversationMachineInput): S;
  send(state: S, event: ConversationEvent): S;
  status(state: S): string;
  context(state: S): ConversationSnapshot["context"];
  value(state: S): unknown;
  snapshot(state: S): ConversationSnapshot;
}

/** The XState driver: XState's own transition on one actor scope (machine-runner.ts). */
export function xstateDriver(machine: ConversationMachine): ReplayDriver<ConversationSnapshot> {
  const runner = runnerOf(machine);
  return {
    get emitted() {
      return runner.emitted;
    },
    set emitted(list) {
      runner.emitted = list;
    },
    start(input) {
      const snapshot = runner.start(input);
      if (snapshot.status === "error") throw snapshot.error;
      return snapshot;
    },
    send: (snapshot, event) => runner.send(snapshot, event),
    status: (snapshot) => snapshot.status,
    context: (snapshot) => snapshot.context,
    value: (snapshot) => snapshot.value,
    snapshot: (snapshot) => snapshot,
  };
}

/** The fast driver, or `undefined` when the fast runner does not cover `machine`. */
export function fastDriver(machine: ConversationMachine): ReplayDriver<FastState> | undefined {
  const runner = fastRunnerOf(machine);
  if (runner === undefined) return undefined;
  return {
    get emitted() {
      return runner.emitted;
    },
    set emitted(list) {
      runner.emitted = list;
    },
    start: (input) => runner.start(input),
    send: (state, event) => runner.send(state, event),
    status: (state) => state.status,
    context: (state) => state.context,
    value: (state) => runner.valueOf(state),
    snapshot: (state) => runner.snapshotOf(state),
  };
}

/** {@link replayConversation} on the given driver. */
export function replayWith<S>(
  driver: ReplayDriver<S>,
  conversation: Conversation,
  options: ReplayConversationOptions = {},
): ReplayConversationResult {
  const classify: ActClassifier = options.actClassifier ?? defaultClassifier;
  const ticks = options.ticks ?? true;
  const messages = conversation.messages;
  const input: ConversationMachineInput = {
    handler: firstHandler(messages),
    ...options.input,
    conversationId: conversation.id,
    startedAt: conversation.createdAt,
    priority: options.input?.priority ?? conversation.priority,
    ...(conversation.channel === undefined ? {} : { channel: conversation.channel }),
  };
  const emitted: ConversationEmitted[] = [];
  const steps: ReplayStep[] = [];
  // The machine without an actor: the ticks below stand in for its timers (see machine-runner.ts
  // for what that saves). The input is validated once, by the machine.
  const outer = driver.emitted;
  driver.emitted = emitted;
  try {
    return run();
  } finally {
    driver.emitted = outer;
  }

  function run(): ReplayConversationResult {
    let state = driver.start(input);

    const send = (event: ConversationEvent, message: number, act: string | null) => {
      if (ticks) tickUntil(event.at);
      if (driver.status(state) !== "active") return;
      state = driver.send(state, event);
      steps.push({ message, act, event });
    };
    const tickUntil = (until: number) => {
      for (;;) {
        if (driver.status(state) !== "active") return;
        const next = nextInstant(driver.context(state), driver.value(state) === "resolved");
        if (next === null || next > until) return;
        const tick: ConversationEvent = { type: "clock.tick", at: next };
        state = driver.send(state, tick);
        steps.push({ message: -1, act: null, event: tick });
      }
    };

    const changes = conversation.statusChanges;
    let c = 0;
    // The last agent or bot message asked "anything else?".
    let askedAnythingElse = false;
    for (let i = 0; i <= messages.length; i++) {
      const m = messages[i];
      // Status changes at or before this message's time come first.
      while (c < changes.length && (m === undefined || (changes[c]?.at ?? 0) <= m.at)) {
        const change = changes[c++];
        if (change === undefined) break;
        if (change.to === "resolved" || change.to === "closed") {
          if (driver.value(state) !== "resolved" && driver.status(state) === "active")
            send({ type: "agent.resolve", at: change.at }, -1, null);
        } else if (change.to === "open" && change.by === "bot") {
          send({ type: "handoff", at: change.at, to: "human", reason: "bot_handoff" }, -1, null);
        }
      }
      if (m === undefined) break;
      if (m.author === "system") continue;
      if (m.visibility === "private") {
        if (m.author !== "customer") send({ type: "agent.note", at: m.at }, i, null);
        continue;
      }
      const speaker = m.author;
      const result = classify(m.text, { speaker });
      const stage = stageKey(driver.value(state));
      const event: ConversationEvent =
        speaker === "customer"
          ? customerEvent(result.act, stage, m.at, askedAnythingElse)
          : agentEvent(result.act, m.text, stage, m.at, speaker === "bot" ? "bot" : "agent");
      if (speaker !== "customer") askedAnythingElse = event.type === "agent.close";
      send(event, i, result.act);
    }
    if (options.until !== undefined && ticks) tickUntil(options.until);
    const snapshot = driver.snapshot(state);
    return { snapshot, record: conversationRecord(snapshot), emitted, steps };
  }
}

/** classifyAct's primary act, without the parts of its result that replay does not read. */
function defaultClassifier(text: string, options: ActClassifierOptions): ClassifiedAct {
  return { act: primaryAct(text, options.speaker) };
}

function firstHandler(messages: readonly Message[]): "bot" | "human" {
  for (const m of messages) {
    if (m.visibility === "private") continue;
    if (m.author === "bot") return "bot";
    if (m.author === "agent") return "human";
  }
  return "human";
}

/**
 * The shape replay reads, checked before it reads it: a conversation parsed by `conversationSchema`
 * (or built by an adapter) passes; raw JSON that was never parsed gets an error that says so.
 */
function checkConversation(conversation: unknown): void {
  const fn = "replayConversation";
  const hint = "(parse it with conversationSchema from touchpoint/schemas first)";
  const c = checkRecord(fn, "conversation", conversation);
  if (typeof c.id !== "string") fail("invalid_input", fn, "conversation.id", c.id, `a string ${hint}`);
  if (typeof c.createdAt !== "number" || !Number.isFinite(c.createdAt))
    fail("invalid_input", fn, "conversation.createdAt", c.createdAt, `epoch milliseconds ${hint}`);
  for (const key of ["messages", "statusChanges"] as const) {
    const list = c[key];
    if (!Array.isArray(list)) fail("invalid_input", fn, `conversation.${key}`, list, `an array ${hint}`);
    for (const [i, item] of list.entries()) {
      if (!isRecord(item) || typeof item.at !== "number" || !Number.isFinite(item.at))
        fail(
          "invalid_input",
          fn,
          `conversation.${key}.${i}.at`,
          isRecord(item) ? item.at : item,
          `epoch milliseconds ${hint}`,
        );
    }
  }
}
