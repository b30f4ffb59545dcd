import { TouchpointError } from "../internal/errors.js";
import { type InteractionType, interactionTypes, type Scenario } from "../schemas/vocabulary.js";
import { analyze, type SignalName, signalNames } from "./analyze.js";
import {
  type ConversationFacts,
  type CustomerFacts,
  classifyScenario,
  scenarioOf,
} from "./classify-scenario.js";
import { signalsOf } from "./detect-signals.js";
import type { Lexicon } from "./lexicon.js";

/**
 * A message as {@link classifyConversation} reads it: who wrote it and what it says. The messages of a
 * touchpoint/schemas `Conversation` fit as they are.
 *
 * @category Conversation
 */
export interface ConversationMessageLike {
  /** Who wrote it; only `"customer"` messages are read. */
  author: string;
  /** Its text (a missing text reads as empty). */
  text?: string | undefined;
  /** `"private"` for an internal note, which is never the customer's. */
  visibility?: string | undefined;
}

/**
 * What {@link classifyConversation} reads: a conversation with its messages, in order (a
 * touchpoint/schemas `Conversation` fits), or the list of messages alone.
 *
 * @category Conversation
 */
export type ConversationLike =
  | {
      /** The conversation's messages, in order. */
      readonly messages: readonly ConversationMessageLike[];
    }
  | readonly ConversationMessageLike[];

/** Options of {@link classifyConversation}. @category Conversation */
export interface ClassifyConversationOptions {
  /** Facts about the customer, as {@link classifyScenario} takes them. */
  customer?: CustomerFacts;
  /** Facts about the conversation (previous contacts, reopened, waiting), as {@link classifyScenario} takes them. */
  conversation?: ConversationFacts;
  /** A lexicon from {@link createLexicon}; the built-in English one by default. */
  lexicon?: Lexicon;
  /** Read at most this many UTF-16 code units of each message (default 20,000). */
  maxLength?: number;
}

/**
 * One customer turn as {@link classifyConversation} read it.
 *
 * @category Conversation
 */
export interface CustomerTurn {
  /** The message's position in the conversation's `messages`. */
  index: number;
  /** Its interaction type. */
  type: InteractionType | "unknown";
  /** Its scenario. */
  scenario: Scenario;
  /** Whether the scenario rests on nothing but the interaction type (a greeting, "quick question"). */
  fallback: boolean;
  /** Its sentiment in [−1, 1]. */
  sentiment: number;
}

/**
 * How one signal ran through the customer's turns.
 *
 * @category Conversation
 */
export interface SignalCourse {
  /** Which signal. */
  signal: SignalName;
  /** Its strongest reading in any turn. */
  strength: number;
  /** Its strength in each customer turn, in order. */
  strengths: number[];
  /** Its strongest reading in the first half of the turns (an odd middle turn counts in both halves). */
  early: number;
  /** Its strongest reading in the second half of the turns. */
  late: number;
  /** `"rising"` when `late − early ≥ 0.2`, `"falling"` when `early − late ≥ 0.2`, else `"steady"`. */
  trend: "rising" | "falling" | "steady";
}

/**
 * What {@link classifyConversation} returns.
 *
 * @category Conversation
 */
export interface ConversationClassification {
  /** The conversation's scenario: the most pressing one any customer turn shows (see the remarks). */
  scenario: Scenario;
  /**
   * The conversation's interaction type: a complaint if any turn complains, else the most frequent type
   * (turns that say no more than their type count only when no turn says more).
   */
  type: InteractionType | "unknown";
  /** How many customer turns have each type. */
  types: Record<InteractionType | "unknown", number>;
  /** How many customer turns have each scenario. */
  scenarios: Record<Scenario, number>;
  /** The signals present (strength ≥ 0.5) in any turn, strongest first, with their course. */
  signals: SignalCourse[];
  /** Every customer turn, in order. */
  turns: CustomerTurn[];
  /** Why, in words. */
  reasons: string[];
}

/**
 * The order in which a turn's scenario stands for the conversation: seed 000's most pressing first,
 * as in the decision table of {@link classifyScenario}.
 */
const PRESSING: readonly Scenario[] = [
  "frustration",
  "quick-resolution",
  "onboarding",
  "confusion",
  "loyalty",
  "evaluation",
  "experience",
  "information-seeking",
];
const PRESENT = 0.5;
const TREND = 0.2;

function messagesOf(input: ConversationLike): readonly ConversationMessageLike[] {
  const messages = Array.isArray(input)
    ? (input as readonly ConversationMessageLike[])
    : typeof input === "object" && input !== null
      ? (input as { messages?: unknown }).messages
      : undefined;
  if (!Array.isArray(messages)) {
    throw new TouchpointError(
      "invalid_conversation",
      `classifyConversation: expected a conversation with a \`messages\` array or an array of messages, got ${describe(input)}`,
      { path: "messages", value: input },
    );
  }
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as unknown;
    if (typeof m !== "object" || m === null || typeof (m as { author?: unknown }).author !== "string") {
      throw new TouchpointError(
        "invalid_message",
        `classifyConversation: expected a message with a string \`author\` at messages[${i}], got ${describe(m)}`,
        { index: i, path: `messages[${i}].author`, value: m },
      );
    }
    const text = (m as { text?: unknown }).text;
    if (text !== undefined && typeof text !== "string") {
      throw new TouchpointError(
        "invalid_message",
        `classifyConversation: expected a string \`text\` at messages[${i}], got ${describe(text)}`,
        { index: i, path: `messages[${i}].text`, value: text },
      );
    }
  }
  return messages as readonly ConversationMessageLike[];
}

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  try {
    const s = JSON.stringify(value);
    return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return String(value);
  }
}

/**
 * Returns what a whole conversation is about, read from all of the customer's turns: its scenario, its
 * interaction type, the mix of both over the turns, and the signals with how they changed (frustration
 * rising, urgency falling).
 *
 * @remarks
 * Each public customer message is read on its own by {@link classifyScenario},
 * {@link classifyInteraction} (through the scenario's `type`) and {@link detectSignals}; agents', bots'
 * and private notes are skipped. The conversation's scenario is the most pressing scenario that a turn
 * shows, in the order of seed 000's table (frustration, quick resolution, onboarding, confusion,
 * loyalty, evaluation, experience, information seeking), counting a turn whose scenario rests on nothing
 * but its type (`fallback`: "hi", "quick question", "thanks!") only when no turn says more, and then
 * the first turn that asks or reports. So a bare
 * greeting as the first message does not stand for the conversation, and a customer who turns angry in
 * the fourth message makes it a frustration conversation. The type is a complaint when any turn
 * complains (a conversation with a problem report is about the problem), else the most frequent known
 * type, ties to the earliest. A signal's trend compares its strongest reading in the first half of the
 * turns with the second half. The customer and conversation facts, when given, apply to every turn. A
 * conversation with no customer text gives the scenario of an empty message, with no turns.
 *
 * @param conversation - a conversation with `messages` (a touchpoint/schemas `Conversation` fits), or the messages alone
 * @param options - customer and conversation facts, a lexicon, the length read of each message
 * @returns the scenario, the type, the mix of types and scenarios over the turns, the signals with their course, each turn, and the reasons
 * @throws {@link TouchpointError} `invalid_conversation` when there is no `messages` array, `invalid_message` when a message has no string `author` or a `text` that is not a string
 *
 * @example
 * ```ts
 * import { classifyConversation } from "touchpoint/classify";
 *
 * const r = classifyConversation({
 *   messages: [
 *     { author: "customer", text: "Hi, quick question" },
 *     { author: "agent", text: "Sure, how can I help?" },
 *     { author: "customer", text: "My parcel was due on Monday and it still hasn't arrived." },
 *     { author: "agent", text: "I'm sorry, let me check with the courier." },
 *     { author: "customer", text: "This is the third time I ask. I'm fed up!" },
 *   ],
 * });
 * r.scenario; // => "frustration"
 * r.type; // => "complaint"
 * r.turns.length; // => 3
 * r.signals.find((s) => s.signal === "frustration")?.trend; // => "rising"
 * classifyConversation([{ author: "customer", text: "Do you ship to Norway?" }]).scenario; // => "information-seeking"
 * ```
 *
 * @category Conversation
 */
export function classifyConversation(
  conversation: ConversationLike,
  options: ClassifyConversationOptions = {},
): ConversationClassification {
  const messages = messagesOf(conversation);
  const base = {
    ...(options.customer ? { customer: options.customer } : {}),
    ...(options.conversation ? { conversation: options.conversation } : {}),
    ...(options.lexicon ? { lexicon: options.lexicon } : {}),
    ...(options.maxLength !== undefined ? { maxLength: options.maxLength } : {}),
  };
  const types = Object.fromEntries([...interactionTypes, "unknown"].map((t) => [t, 0])) as Record<
    InteractionType | "unknown",
    number
  >;
  const scenarioCounts = Object.fromEntries(PRESSING.map((s) => [s, 0])) as Record<Scenario, number>;
  const turns: CustomerTurn[] = [];
  const strengths = signalNames.map(() => [] as number[]);
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as ConversationMessageLike;
    if (m.author !== "customer" || m.visibility === "private") continue;
    const text = m.text ?? "";
    // One analysis per turn serves both readings: classifyScenario's, and detectSignals' at threshold 1.
    const a = analyze(text, options.lexicon, options.maxLength, true);
    const r = scenarioOf(a, { text, ...base });
    const s = signalsOf(a, 1);
    turns.push({
      index: i,
      type: r.type,
      scenario: r.scenario,
      fallback: r.fallback,
      sentiment: s.sentiment,
    });
    types[r.type]++;
    scenarioCounts[r.scenario]++;
    for (let k = 0; k < signalNames.length; k++)
      (strengths[k] as number[]).push(s.strengths[signalNames[k] as SignalName]);
  }

  const reasons: string[] = [];
  let scenario: Scenario;
  const decided = turns.filter((t) => !t.fallback);
  if (turns.length === 0) {
    scenario = classifyScenario({ text: "", ...base }).scenario;
    reasons.push("no customer text: the scenario of an empty message");
  } else if (decided.length === 0) {
    // nothing but types: the first turn that asks or reports, else the first with a type, says most
    const at =
      turns.find((t) => t.type !== "unknown" && t.type !== "praise") ??
      turns.find((t) => t.type !== "unknown") ??
      (turns[0] as CustomerTurn);
    scenario = at.scenario;
    reasons.push(`${scenario}: no turn says more than its type; read from message ${at.index}`);
  } else {
    scenario = PRESSING.find((s) => decided.some((t) => t.scenario === s)) as Scenario;
    const at = decided.find((t) => t.scenario === scenario) as CustomerTurn;
    reasons.push(
      `${scenario}: the most pressing scenario of the customer's turns (first in message ${at.index})` +
        (decided.length < turns.length
          ? `; ${turns.length - decided.length} turn(s) with nothing but their type set aside`
          : ""),
    );
  }

  // the type, like the scenario, comes from the turns that say more than their type when there are any
  const typed = decided.length > 0 ? decided : turns;
  const tally = new Map<InteractionType, number>();
  for (const t of typed) if (t.type !== "unknown") tally.set(t.type, (tally.get(t.type) ?? 0) + 1);
  let type: InteractionType | "unknown" = "unknown";
  if (tally.has("complaint")) {
    type = "complaint";
    reasons.push(`complaint: ${types.complaint} of ${turns.length} customer turn(s) complain`);
  } else {
    let best = 0;
    // most frequent, ties to the earliest (the tally keeps the order of first appearance)
    for (const [t, n] of tally) {
      if (n > best) {
        best = n;
        type = t;
      }
    }
    if (type !== "unknown") reasons.push(`${type}: the most frequent type of the customer's turns (${best})`);
  }

  const signals: SignalCourse[] = [];
  const n = turns.length;
  const half = Math.ceil(n / 2);
  for (let k = 0; k < signalNames.length; k++) {
    const list = strengths[k] as number[];
    let strength = 0;
    for (const v of list) strength = Math.max(strength, v);
    if (strength < PRESENT) continue;
    let early = 0;
    let late = 0;
    for (let t = 0; t < n; t++) {
      const v = list[t] as number;
      if (t < half) early = Math.max(early, v);
      if (t >= n - half && n > 1) late = Math.max(late, v);
    }
    if (n <= 1) late = early;
    const trend = late - early >= TREND ? "rising" : early - late >= TREND ? "falling" : "steady";
    signals.push({ signal: signalNames[k] as SignalName, strength, strengths: list, early, late, trend });
    if (trend !== "steady")
      reasons.push(`${signalNames[k]} ${trend} (${early.toFixed(2)} → ${late.toFixed(2)})`);
  }
  signals.sort((a, b) => b.strength - a.strength);
  return { scenario, type, types, scenarios: scenarioCounts, signals, turns, reasons };
}
