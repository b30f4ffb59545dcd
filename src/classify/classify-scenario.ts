import { textOf } from "../internal/args.js";
import { match } from "ts-pattern";
import type { InteractionCategory, InteractionType, Scenario } from "../schemas/vocabulary.js";
import { analyze, type Evidence, type SignalName } from "./analyze.js";
import { type AnyJourneyStage, classifyCategory, phaseOf, SIGNAL_PRESENT } from "./classify-category.js";
import { messageRaw } from "./classify-interaction.js";
import { signalsOf } from "./detect-signals.js";
import type { Lexicon } from "./lexicon.js";

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
  /** Comparing alternatives, or a customer at the consideration or decision stage. */
  evaluating: boolean;
  /** No purchase yet (or an awareness-to-decision stage). */
  prospect: boolean;
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
}

/**
 * Returns which of seed 000's eight scenarios a message belongs to, from its text and what is known of
 * the customer and the conversation, with the reasons.
 *
 * @remarks
 * The scenarios of seed 000: potential customers looking for information, customers evaluating
 * solutions, onboarding, experience interactions, customers needing a quick resolution, unhappy customers
 * venting frustration, confused customers, and loyal customers. The facts (see {@link ScenarioFacts}) come
 * from {@link detectSignals} and {@link classifyInteraction} on the text and from the customer and
 * conversation facts. A ts-pattern decision table, checked exhaustive at compile time, takes the first
 * row that applies, most pressing first: frustration, quick resolution, onboarding, confusion, loyalty,
 * evaluation; then a prospect is information-seeking and anyone else an experience interaction.
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
  const a = analyze(given.text, given.lexicon, given.maxLength);
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
  const facts: ScenarioFacts = {
    frustrated: on("frustration") || sig.sentiment <= -0.6 || (complaint && repeated),
    urgent:
      on("urgency") ||
      (complaint && (c.purchases ?? 0) > 0) ||
      (complaint && (conv.waitingMinutes ?? 0) >= 60),
    confused: on("confusion"),
    onboarding: on("onboarding") || (c.tenureDays !== undefined && c.tenureDays <= 30) || phase === "new",
    loyal:
      on("loyalty") ||
      (c.tenureDays ?? 0) >= 730 ||
      (c.purchases ?? 0) >= 5 ||
      (c.lastNps !== undefined && c.lastNps >= 9) ||
      phase === "loyal",
    evaluating: on("comparison") || c.journeyStage === "consideration" || c.journeyStage === "decision",
    prospect:
      phase === "prospect" ||
      c.purchases === 0 ||
      (phase === null && c.purchases === undefined && on("purchase-intent")),
  };
  const because = (signal: SignalName, fallback: string): Evidence[] => {
    if (on(signal)) {
      reasons.push(`${signal} in the text (strength ${st[signal].toFixed(2)})`);
      return sig.signals.find((x) => x.signal === signal)?.evidence ?? [];
    }
    reasons.push(fallback);
    return [];
  };
  const { scenario, evidence } = match(facts)
    .returnType<{ scenario: Scenario; evidence: Evidence[] }>()
    .with({ frustrated: true }, () => ({
      scenario: "frustration",
      evidence: because(
        "frustration",
        repeated && complaint
          ? "a complaint on a repeated or reopened contact"
          : "strongly negative sentiment",
      ),
    }))
    .with({ urgent: true }, () => ({
      scenario: "quick-resolution",
      evidence: because("urgency", "a problem with something the customer has bought"),
    }))
    // a newcomer who is unsure how to begin is being onboarded (seed 000: onboarding introduces the
    // product to new users and helps them learn it), so onboarding comes before confusion
    .with({ onboarding: true }, () => ({
      scenario: "onboarding",
      evidence: because("onboarding", "a new customer (first 30 days or the purchase stage)"),
    }))
    .with({ confused: true }, () => ({ scenario: "confusion", evidence: because("confusion", "confusion") }))
    .with({ loyal: true }, () => ({
      scenario: "loyalty",
      evidence: because("loyalty", "a long-standing, frequent or promoting customer"),
    }))
    .with({ evaluating: true }, () => ({
      scenario: "evaluation",
      evidence: because("comparison", "a customer at the consideration or decision stage"),
    }))
    .with({ prospect: true }, () => {
      reasons.push("a potential customer (no purchase yet) looking for information");
      return { scenario: "information-seeking", evidence: [] };
    })
    .with({ prospect: false }, () => {
      reasons.push("an existing customer's interaction with nothing more pressing");
      return { scenario: "experience", evidence: [] };
    })
    .exhaustive();
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
  return { scenario, category, type, reasons, facts, evidence };
}
