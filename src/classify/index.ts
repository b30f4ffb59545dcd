/**
 * Classifiers for customer messages: what a helpdesk or a bot runs on every incoming message.
 *
 * - {@link detectSignals}: sentiment in [−1, 1] and the signals the scenarios turn on (urgency,
 *   frustration, confusion, gratitude, purchase intent, comparison, onboarding, loyalty, intent to cancel).
 * - {@link classifyInteraction}: question, complaint, suggestion or praise (or `unknown`), with a score
 *   for each, the others a mixed message carries, and per-sentence results.
 * - {@link classifyAct}: the dialogue act of one utterance and the conversation stage it signals.
 * - {@link classifyCategory} and {@link classifyScenario}: seed 000's categories and eight scenarios from
 *   the text and what is known of the customer, as exhaustive ts-pattern decision tables with reasons.
 * - {@link trainClassifier} and {@link loadClassifier}: a model for any label set, trained on a team's own
 *   history, with the same result shape, serialised to JSON.
 *
 * Method, and why: the built-in classifiers are a hand-written English lexicon plus the rules of
 * sentiment composition (negation scope, intensifiers, contrast, irrealis modals, after VADER) and of
 * sentence form (question marks, wh-words, subject–auxiliary inversion, clause-initial imperatives,
 * request frames such as "it would be great if" or "please add"). Rules need no training data, explain
 * every label with the cue and its character span, and run at tens of thousands of messages a second in
 * a browser; where a team has labelled history, the trained model (logistic regression over words,
 * bigrams and the rules' own scores) adapts to its domain. One single-pass tokenizer and a phrase trie
 * make every classifier linear in the input; only the first 20,000 characters are read by default
 * (`maxLength`), so any input costs a bounded time. Every function is total: any string gets a result.
 * Figures on real third-party data are in bench/CLASSIFY.md.
 *
 * @module
 */
export type { Evidence, EvidenceKind, SignalName } from "./analyze.js";
export { signalNames } from "./analyze.js";
export type {
  ClassificationResult,
  ClassifyInteractionOptions,
  InteractionResult,
  RankedLabel,
  SentenceResult,
} from "./classify-interaction.js";
export { classifyInteraction } from "./classify-interaction.js";
export type { DetectSignalsOptions, Signal, SignalsResult } from "./detect-signals.js";
export { detectSignals } from "./detect-signals.js";
export type { CreateLexiconOptions, CueInput, CueKind, Lexicon } from "./lexicon.js";
export { createLexicon, cueKinds } from "./lexicon.js";
export type { ActName, ActResult, ClassifyActOptions, Speaker } from "./classify-act.js";
export { actNames, actStages, classifyAct } from "./classify-act.js";
export type {
  ClassifierJson,
  TrainClassifierOptions,
  TrainedClassifier,
  TrainingExample,
} from "./train-classifier.js";
export { loadClassifier, trainClassifier } from "./train-classifier.js";
export type { AnyJourneyStage, CategoryInput, CategoryResult } from "./classify-category.js";
export { classifyCategory } from "./classify-category.js";
export type {
  ConversationFacts,
  CustomerFacts,
  ScenarioFacts,
  ScenarioInput,
  ScenarioResult,
} from "./classify-scenario.js";
export { classifyScenario } from "./classify-scenario.js";
export { TouchpointError } from "../internal/errors.js";
