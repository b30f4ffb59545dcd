import { textOf } from "../internal/args.js";
import {
  type InteractionCategory,
  type InteractionType,
  interactionTypes,
  type Scenario,
} from "../schemas/vocabulary.js";
import { type Analysis, analyze, type Evidence, type SignalName } from "./analyze.js";
import { type AnyJourneyStage, classifyCategory, phaseOf, SIGNAL_PRESENT } from "./classify-category.js";
import { messageRaw } from "./classify-interaction.js";
import { signalsOf } from "./detect-signals.js";
import { evidenceAt, evidenceOf, log, negatedAt, TARGET_CUE } from "./evidence-log.js";
import { type CueKind, cueKinds, type Lexicon } from "./lexicon.js";

/**
 * What is known of the customer when a message arrives.
 *
 * @category Scenario
 */
export interface CustomerFacts {
  /** The customer's journey stage, in any of the three journey models. */
  journeyStage?: AnyJourneyStage;
  /** Days since the customer's first purchase or sign-up. */
  tenureDays?: number;
  /** Number of purchases (or paid renewals) so far. */
  purchases?: number;
  /** The customer's last NPS answer, 0–10. */
  lastNps?: number;
}

/**
 * What is known of the conversation so far.
 *
 * @category Scenario
 */
export interface ConversationFacts {
  /** How many times the customer has contacted the team about this issue before (0 for a first contact). */
  previousContacts?: number;
  /** True when the conversation was reopened after being resolved. */
  reopened?: boolean;
  /** Minutes the customer has waited for an answer so far. */
  waitingMinutes?: number;
}

/**
 * What {@link classifyScenario} reads: a message and what is known of the customer and the conversation.
 *
 * @category Scenario
 */
export interface ScenarioInput {
  /** The customer's message (any string). */
  text: string;
  /** Facts about the customer. */
  customer?: CustomerFacts;
  /** Facts about the conversation. */
  conversation?: ConversationFacts;
  /** A lexicon from {@link createLexicon}; the built-in English one by default. */
  lexicon?: Lexicon;
  /** Read at most this many UTF-16 code units of the text (default 20,000; `Infinity` reads all). */
  maxLength?: number;
}

/**
 * The facts the decision table of {@link classifyScenario} turns on, each a yes or no.
 *
 * @category Scenario
 */
export interface ScenarioFacts {
  /**
   * Frustration or anger (in a complaint, repeated contact, repeated failure or being ignored count),
   * strongly negative sentiment, or a repeated or reopened complaint.
   */
  frustrated: boolean;
  /** Urgency, or a problem with something already bought. */
  urgent: boolean;
  /** Confusion: the customer says they do not understand or do not know how to go on (not a mere how-to question). */
  confused: boolean;
  /** Onboarding talk, or a customer in the first 30 days or at the purchase stage. */
  onboarding: boolean;
  /** Loyalty talk, or tenure of two years or more, five or more purchases, a last NPS of 9–10, or a loyal stage. */
  loyal: boolean;
  /** Comparing alternatives or challenging the price, or a customer at the consideration or decision stage. */
  evaluating: boolean;
  /** The message reports a problem (a complaint), from a customer not known to be a prospect. */
  problem: boolean;
  /**
   * No purchase yet (or an awareness-to-decision stage), or, without customer facts, an intent to buy
   * and nothing the writer already has.
   */
  prospect: boolean;
  /**
   * An existing customer: purchases, tenure or a post-purchase stage in the facts, or, in the text,
   * something the writer already has ("my order", "I bought", "the courier").
   */
  existing: boolean;
}

/**
 * What {@link classifyScenario} returns.
 *
 * @category Scenario
 */
export interface ScenarioResult {
  /** One of seed 000's eight scenarios. */
  scenario: Scenario;
  /** The interaction category, from {@link classifyCategory}. */
  category: InteractionCategory;
  /** The interaction type of the message. */
  type: InteractionType | "unknown";
  /** Why: the facts that decided, in words. */
  reasons: string[];
  /** The facts of the decision table. */
  facts: ScenarioFacts;
  /** The cues in the text behind the deciding signal (empty when customer facts decided). */
  evidence: Evidence[];
  /**
   * True when nothing in the text or the facts pointed at a scenario and it was read from the
   * interaction type alone (a greeting, "quick question", a bare thanks): a weak reading, which
   * {@link classifyConversation} sets aside when another turn says more.
   */
  fallback: boolean;
}

/** The frustration an ultimatum counts for ("fix it today or I cancel"). */
const THREAT = 0.8;

/** Whether the last analysis found something the writer already has (an `ownership` cue, not negated). */
function ownershipOf(): boolean {
  const t = TARGET_CUE + OWNERSHIP;
  for (let k = 0; k < log.n; k++)
    if (log.target[k] === t && !negatedAt(k) && (log.weight[k] as number) > 0) return true;
  return false;
}

/** The cues of `kind` in the last analysis, in text order. */
function cueEvidence(a: Analysis, kind: CueKind): Evidence[] {
  const t = TARGET_CUE + cueKinds.indexOf(kind);
  const out: Evidence[] = [];
  for (let k = 0; k < log.n; k++)
    if (log.target[k] === t && !negatedAt(k) && (log.weight[k] as number) > 0)
      out.push(evidenceAt(a.text, k));
  return out;
}

/** The complaint cues of the last analysis, strongest first. */
function complaintEvidence(a: Analysis): Evidence[] {
  const ev = evidenceOf(a.text, interactionTypes.indexOf("complaint"), -1);
  return ev.sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight));
}

const OWNERSHIP = cueKinds.indexOf("ownership");

/**
 * Returns which of seed 000's eight scenarios a message belongs to, from its text and what is known of
 * the customer and the conversation, with the reasons.
 *
 * @remarks
 * The scenarios of seed 000: potential customers looking for information, customers evaluating
 * solutions, onboarding, experience interactions, customers needing a quick resolution, unhappy customers
 * venting frustration, confused customers, and loyal customers. The facts (see {@link ScenarioFacts}) come
 * from {@link detectSignals} and {@link classifyInteraction} on the text and from the customer and
 * conversation facts. A decision table takes the first
 * row that applies, most pressing first: frustration, quick resolution, onboarding, confusion, loyalty,
 * evaluation; then a problem report is quick resolution, a prospect is information-seeking and an
 * existing customer an experience interaction. Without customer facts the text says who is writing: an
 * unknown customer is not taken for an existing one. Something the writer already has ("my order", "I
 * bought", "the courier", an invoice: the `ownership` cues) makes an existing customer; an intent to buy
 * with nothing owned, a prospect; praise or a suggestion alone is experience, and a question or nothing
 * at all is information-seeking, marked `fallback` as a reading from the type alone. A deadline ("in an
 * hour", "before my meeting") is urgency; damage or lateness told as a fact is a problem report; a
 * repetition shouted in capitals ("AGAIN.") and an ultimatum with a grievance are frustration; a rival
 * named or a price challenged is a comparison, which outweighs onboarding or confusion read from the
 * text when at least as strong. A deadline outweighs the frustration that repetition alone implies.
 * Onboarding comes before confusion because a newcomer who is unsure where to begin needs the
 * onboarding of seed 000 (an introduction to the product), not help out of a misunderstanding. A
 * how-to question is not confusion: confusion needs evidence of not understanding ("I don't
 * understand", "not sure where", "can't figure out", "what does X mean?", "makes no sense").
 *
 * A bare string is the text with no customer or conversation facts.
 *
 * @param input - the text and the customer and conversation facts, or the text alone
 * @returns the scenario, the category, the type, the reasons, the facts and the evidence
 *
 * @example
 * ```ts
 * import { classifyScenario } from "touchpoint/classify";
 *
 * classifyScenario({ text: "This is the third time I write, I am so fed up with this!" }).scenario; // => "frustration"
 * classifyScenario({ text: "My card was declined, I need this fixed right now", customer: { purchases: 3 } }).scenario; // => "quick-resolution"
 * classifyScenario({ text: "How does your plan compare to the alternatives?", customer: { purchases: 0 } }).scenario; // => "evaluation"
 * classifyScenario({ text: "Do you ship to Canada?", customer: { purchases: 0 } }).scenario; // => "information-seeking"
 * classifyScenario({ text: "How do I reset my password?" }).scenario; // => "experience"
 * classifyScenario("The box came with the glass in pieces.").scenario; // => "quick-resolution"
 * classifyScenario("hello").scenario; // => "information-seeking"
 * classifyScenario("I'm lost, what does this error mean?").scenario; // => "confusion"
 * classifyScenario({ text: "I signed up on Monday and I'm not sure where to begin." }).scenario; // => "onboarding"
 * classifyScenario({ text: "Is there a yearly invoice?", customer: { tenureDays: 1200, purchases: 14, lastNps: 10 } }).scenario; // => "loyalty"
 * ```
 *
 * @category Scenario
 */
export function classifyScenario(input: ScenarioInput | string): ScenarioResult {
  // Total, as every classifier: anything that is not an input object is the text.
  const given: ScenarioInput = typeof input === "object" && input !== null ? input : { text: textOf(input) };
  return scenarioOf(analyze(given.text, given.lexicon, given.maxLength, true), given);
}

/**
 * {@link classifyScenario} of an analysis made with cues collected (`analyze(text, lexicon, maxLength,
 * true)`), read before any other analysis runs: its cue log is the last one. Internal: lets one
 * analysis serve the scenario, the type and the signals of a message (classifyConversation reads
 * every customer turn, the warehouse's `classify` every message).
 *
 * @internal
 */
export function scenarioOf(a: Analysis, given: ScenarioInput): ScenarioResult {
  const owned = ownershipOf();
  const sig = signalsOf(a, 0);
  const raw = messageRaw(a);
  let type: InteractionType | "unknown" = "unknown";
  let best = 0.69; // raw score of the 0.5 threshold of classifyInteraction
  for (const t of ["question", "complaint", "suggestion", "praise"] as const) {
    if (raw[t] >= best) {
      best = raw[t];
      type = t;
    }
  }
  const c = given.customer ?? {};
  const conv = given.conversation ?? {};
  const st = sig.strengths;
  const on = (name: SignalName): boolean => st[name] >= SIGNAL_PRESENT;
  const phase = c.journeyStage ? phaseOf(c.journeyStage) : null;
  const complaint = type === "complaint" || raw.complaint >= 0.69;
  const repeated = (conv.previousContacts ?? 0) >= 2 || conv.reopened === true;

  const reasons: string[] = [];
  const known = c.journeyStage !== undefined || c.purchases !== undefined || c.tenureDays !== undefined;
  // an ultimatum ("fix it or I cancel") is the unhappy customer's, as strong as a named feeling
  // a plea for help ("can you help me change it?") tells of a task, not of something gone wrong
  const grieved = complaint && a.grievance >= 0.5;
  const threat = on("cancel-intent") && grieved;
  const anger = Math.max(st.frustration, threat ? THREAT : 0);
  const existing =
    (c.purchases ?? 0) > 0 ||
    (c.tenureDays ?? 0) > 0 ||
    phase === "new" ||
    phase === "established" ||
    phase === "loyal" ||
    (!known && owned);
  const prospect = phase === "prospect" || c.purchases === 0 || (!known && !owned && on("purchase-intent"));
  const facts: ScenarioFacts = {
    // a deadline outweighs the frustration repetition implies ("still no sign of it, and I fly in an hour")
    frustrated:
      (anger >= SIGNAL_PRESENT && !(st.urgency > anger)) || sig.sentiment <= -0.6 || (complaint && repeated),
    urgent:
      on("urgency") ||
      (complaint && (c.purchases ?? 0) > 0) ||
      (grieved && !known && owned) ||
      (complaint && (conv.waitingMinutes ?? 0) >= 60),
    confused: on("confusion") && st.confusion > st.comparison,
    onboarding:
      (on("onboarding") && st.onboarding > st.comparison) ||
      (c.tenureDays !== undefined && c.tenureDays <= 30) ||
      phase === "new",
    loyal:
      on("loyalty") ||
      (c.tenureDays ?? 0) >= 730 ||
      (c.purchases ?? 0) >= 5 ||
      (c.lastNps !== undefined && c.lastNps >= 9) ||
      phase === "loyal",
    // onboarding and confusion read from the text give way to a comparison at least as strong (a trial
    // named beside a rival is evaluation)
    evaluating: on("comparison") || c.journeyStage === "consideration" || c.journeyStage === "decision",
    problem: grieved && !prospect,
    prospect,
    existing,
  };
  const because = (signal: SignalName, fallback: string): Evidence[] => {
    if (on(signal)) {
      reasons.push(`${signal} in the text (strength ${st[signal].toFixed(2)})`);
      return sig.signals.find((x) => x.signal === signal)?.evidence ?? [];
    }
    reasons.push(fallback);
    return [];
  };
  let fallback = false;
  let scenario: Scenario;
  let evidence: Evidence[];
  // The decision table as plain conditions, first row that applies wins: it runs for every customer
  // message `touchpoint analyze` reads, where a pattern match cost more than the rest of the reading.
  if (facts.frustrated) {
    scenario = "frustration";
    evidence = because(
      "frustration",
      repeated && complaint ? "a complaint on a repeated or reopened contact" : "strongly negative sentiment",
    );
  } else if (facts.urgent) {
    scenario = "quick-resolution";
    evidence = because("urgency", "a problem with something the customer has bought");
  } else if (facts.onboarding) {
    // a newcomer who is unsure how to begin is being onboarded (seed 000: onboarding introduces the
    // product to new users and helps them learn it), so onboarding comes before confusion
    scenario = "onboarding";
    evidence = because("onboarding", "a new customer (first 30 days or the purchase stage)");
  } else if (facts.confused) {
    scenario = "confusion";
    evidence = because("confusion", "confusion");
  } else if (facts.loyal) {
    scenario = "loyalty";
    evidence = because("loyalty", "a long-standing, frequent or promoting customer");
  } else if (facts.evaluating) {
    scenario = "evaluation";
    evidence = because("comparison", "a customer at the consideration or decision stage");
  } else if (facts.problem) {
    reasons.push("a problem report, most often about something the customer has");
    scenario = "quick-resolution";
    evidence = complaintEvidence(a);
  } else if (facts.prospect) {
    reasons.push(
      known
        ? "a potential customer (no purchase yet) looking for information"
        : "an intent to buy, and nothing in the text the writer already has",
    );
    scenario = "information-seeking";
    evidence = cueEvidence(a, "purchase-intent");
  } else if (facts.existing) {
    reasons.push(
      known
        ? "an existing customer's interaction with nothing more pressing"
        : "the writer already has something of ours, and nothing is more pressing",
    );
    scenario = "experience";
    evidence = cueEvidence(a, "ownership");
  } else {
    // nothing says who the writer is: feedback on the product or the team comes from someone who has
    // used it; a question, or nothing at all, is someone looking for information
    fallback = true;
    evidence = [];
    if (type === "praise" || type === "suggestion") {
      reasons.push(`${type} of the product or the team, from someone who has used it`);
      scenario = "experience";
    } else {
      reasons.push("nothing says the writer is a customer yet: read as looking for information");
      scenario = "information-seeking";
    }
  }
  const { category } = classifyCategory({
    type,
    ...(c.journeyStage
      ? { journeyStage: c.journeyStage }
      : facts.prospect
        ? { phase: "prospect" as const }
        : {}),
    signals: st,
    sentiment: sig.sentiment,
  });
  return { scenario, category, type, reasons, facts, evidence, fallback };
}
