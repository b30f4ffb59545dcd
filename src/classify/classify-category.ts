import { match, P } from "ts-pattern";
import type {
  AcquisitionJourneyStage,
  ConversionJourneyStage,
  InteractionCategory,
  InteractionType,
  JourneyStage,
} from "../schemas/vocabulary.js";
import type { SignalName } from "./analyze.js";

/** A stage of any of the three journey models of the vocabulary. @category Scenario */
export type AnyJourneyStage = JourneyStage | AcquisitionJourneyStage | ConversionJourneyStage;

/** Where a journey stage sits in the relationship: before buying, just bought, using, or loyal. @category Scenario */
export type RelationshipPhase = "prospect" | "new" | "established" | "loyal";

/** The relationship phase of a journey stage (all three journey models). */
export function phaseOf(stage: AnyJourneyStage): RelationshipPhase {
  switch (stage) {
    case "awareness":
    case "consideration":
    case "decision":
      return "prospect";
    case "purchase":
    case "acquisition":
    case "conversion":
      return "new";
    case "retention":
    case "experience":
      return "established";
    case "advocacy":
    case "loyalty":
      return "loyal";
    default: {
      const never: never = stage;
      return never;
    }
  }
}

/**
 * What {@link classifyCategory} reads: the interaction type, the journey stage and the signals.
 *
 * @category Scenario
 */
export interface CategoryInput {
  /** The interaction type, e.g. from {@link classifyInteraction}. */
  type?: InteractionType | "unknown";
  /** The customer's journey stage, in any of the three journey models. */
  journeyStage?: AnyJourneyStage;
  /**
   * The relationship phase when the journey stage is not known but the phase is (a customer with
   * no purchase is a prospect); the journey stage wins when both are given.
   */
  phase?: RelationshipPhase;
  /** Signal strengths in [0, 1], e.g. `detectSignals(text).strengths`; missing signals count as 0. */
  signals?: Partial<Record<SignalName, number>>;
  /** Sentiment in [−1, 1], e.g. `detectSignals(text).sentiment`. */
  sentiment?: number;
}

/**
 * What {@link classifyCategory} returns.
 *
 * @category Scenario
 */
export interface CategoryResult {
  /** The category. */
  category: InteractionCategory;
  /** Why, in words: the row of the decision table that applied. */
  reasons: string[];
}

/** A signal counts as present at this strength and above. */
export const SIGNAL_PRESENT = 0.5;

/**
 * Returns the category of an interaction (stabilizing, critical or planned) from its type, the
 * customer's journey stage and the signals.
 *
 * @remarks
 * Seed 000's three categories: stabilizing interactions belong to the early relationship and make the
 * customer familiar with how things work; critical ones are service encounters (a complaint, a question,
 * a special request) that decide whether the experience is good or bad; planned ones grow the
 * relationship (up-selling, cross-selling, changed purchasing patterns). The decision table, first row
 * that applies wins: a complaint, or frustration, urgency or intent to cancel, or sentiment at or below
 * −0.5 → critical; onboarding talk, or a prospect or new customer → stabilizing; purchase intent or
 * comparison from an existing customer, or praise or a suggestion from a loyal one → planned; any other
 * question or suggestion → critical; the rest → planned for established and loyal customers, stabilizing
 * otherwise.
 *
 * @param input - type, journey stage, signal strengths and sentiment (all optional)
 * @returns the category and the reason
 *
 * @example
 * ```ts
 * import { classifyCategory } from "touchpoint/classify";
 *
 * classifyCategory({ type: "complaint", journeyStage: "retention" }).category; // => "critical"
 * classifyCategory({ type: "question", journeyStage: "awareness" }).category; // => "stabilizing"
 * classifyCategory({ type: "question", phase: "prospect" }).category; // => "stabilizing"
 * classifyCategory({ type: "question", journeyStage: "retention", signals: { "purchase-intent": 0.8 } }).category; // => "planned"
 * ```
 *
 * @category Scenario
 */
export function classifyCategory(input: CategoryInput): CategoryResult {
  // Total, as every classifier: no facts object means no facts.
  const given: CategoryInput = typeof input === "object" && input !== null ? input : {};
  const s = given.signals ?? {};
  const on = (name: SignalName): boolean => (s[name] ?? 0) >= SIGNAL_PRESENT;
  const phase: RelationshipPhase | "unknown" = given.journeyStage
    ? phaseOf(given.journeyStage)
    : (given.phase ?? "unknown");
  const facts: CategoryFacts = {
    type: given.type ?? "unknown",
    atStake: on("frustration") || on("urgency") || on("cancel-intent") || (given.sentiment ?? 0) <= -0.5,
    onboarding: on("onboarding"),
    phase,
    growth: on("purchase-intent") || on("comparison"),
  };
  const key = keyOf(facts);
  let decision = key === undefined ? undefined : decisions.get(key);
  if (decision === undefined) {
    decision = decide(facts);
    if (key !== undefined) decisions.set(key, decision);
  }
  return { category: decision.category, reasons: [...decision.reasons] };
}

/** The facts the decision table reads. */
interface CategoryFacts {
  type: InteractionType | "unknown";
  atStake: boolean;
  onboarding: boolean;
  phase: RelationshipPhase | "unknown";
  growth: boolean;
}

const knownTypes: ReadonlySet<unknown> = new Set([
  "question",
  "complaint",
  "suggestion",
  "praise",
  "unknown",
]);
const knownPhases: ReadonlySet<unknown> = new Set(["prospect", "new", "established", "loyal", "unknown"]);

/**
 * The decisions made so far, by facts. The facts take 200 values, and matching the table through
 * ts-pattern costs several microseconds a call (most of a message's classification when it ran twice
 * per message), so each decision is made once. Facts outside the vocabulary are not cached.
 */
const decisions = new Map<string, CategoryResult>();

function keyOf(f: CategoryFacts): string | undefined {
  if (!knownTypes.has(f.type) || !knownPhases.has(f.phase)) return undefined;
  return `${f.type} ${f.phase} ${f.atStake ? 1 : 0}${f.onboarding ? 1 : 0}${f.growth ? 1 : 0}`;
}

/** The decision table: the first row that applies wins. */
function decide(facts: CategoryFacts): CategoryResult {
  return match(facts)
    .returnType<CategoryResult>()
    .with({ type: "complaint" }, () => ({
      category: "critical",
      reasons: ["a complaint is a critical service encounter"],
    }))
    .with({ atStake: true }, () => ({
      category: "critical",
      reasons: [
        "frustration, urgency, intent to cancel or strongly negative sentiment put the relationship at stake",
      ],
    }))
    .with({ onboarding: true }, () => ({
      category: "stabilizing",
      reasons: ["onboarding talk: the relationship is being set up"],
    }))
    .with({ phase: P.union("prospect", "new") }, ({ phase: p }) => ({
      category: "stabilizing",
      reasons: [`${p === "prospect" ? "a prospect" : "a new customer"}: early in the relationship`],
    }))
    .with({ growth: true, phase: P.union("established", "loyal") }, () => ({
      category: "planned",
      reasons: ["purchase intent or comparison from an existing customer: a chance to up-sell or cross-sell"],
    }))
    .with({ type: P.union("praise", "suggestion"), phase: "loyal" }, () => ({
      category: "planned",
      reasons: ["praise or a suggestion from a loyal customer: a chance to deepen the relationship"],
    }))
    .with({ type: P.union("question", "suggestion") }, () => ({
      category: "critical",
      reasons: ["a question or request is a service encounter whose handling decides the experience"],
    }))
    .with({ phase: P.union("established", "loyal") }, () => ({
      category: "planned",
      reasons: ["an existing customer with nothing at stake: a planned, relationship-building contact"],
    }))
    .with({ phase: "unknown" }, () => ({
      category: "stabilizing",
      reasons: ["nothing at stake and no journey stage known"],
    }))
    .exhaustive();
}
