/**
 * Classifiers for customer messages: what a helpdesk or a bot runs on every incoming message.
 *
 * - {@link detectSignals}: sentiment in [−1, 1] and the signals the scenarios turn on (urgency,
 *   frustration, confusion, gratitude, purchase intent, comparison, onboarding, loyalty, intent to cancel).
 * - {@link classifyInteraction}: question, complaint, suggestion or praise (or `unknown`), with a score
 *   for each, the others a mixed message carries, and per-sentence results.
 * - {@link classifyAct}: the dialogue act of one utterance and the conversation stage it signals.
 * - {@link classifyCategory} and {@link classifyScenario}: seed 000's categories and eight scenarios from
 *   the text and what is known of the customer, as decision tables checked exhaustive at compile time,
 *   with reasons.
 * - {@link classifyConversation}: what a whole conversation is about, from all of the customer's turns:
 *   its scenario and type, the mix over the turns, and how the signals changed (frustration rising).
 * - {@link trainClassifier} and {@link loadClassifier}: a model for any label set, trained on a team's own
 *   history, with the same result shape, serialised to JSON.
 *
 * Method, and why: the built-in classifiers are a hand-written English lexicon plus the rules of
 * sentiment composition (negation scope, intensifiers, contrast, irrealis modals, litotes, after VADER)
 * and of sentence form (question marks, wh-words, subject–auxiliary inversion, clause-initial
 * imperatives, request frames such as "it would be great if" or "please add"). Complaints are read from
 * general cues of complaint language rather than from listed phrases: a denied predicate of functioning,
 * arriving or answering ("it won't load", "hasn't arrived", "no reply"), failures told as events ("went
 * missing", "keeps restarting"), repeated contact and waiting ("third time", "on hold for forty
 * minutes"), exasperated questions ("what is taking so long"), a question beside a problem report,
 * blame addressed to the company ("you lost my booking", negativity at an @mention), threats to leave and
 * sarcasm markers; "like" counts as liking only as a verb. A request to put something right ("please
 * fix", "refund") beside a problem report is part of the complaint, not a suggestion, and an intent to
 * cancel beside a grievance is a complaint. Repeated contact, repeated failure and being ignored ("third
 * time", "nobody replied", "hasn't answered") are frustration in a complaint, as seed 000 describes the
 * unhappy customer; where the customer names the feeling they add nothing. Confusion needs evidence of
 * not understanding ("I don't understand", "not sure where", "can't figure out", "what does X mean?"):
 * a how-to question is a question, and a newcomer who is unsure is onboarding. "Instead of" and "rather
 * than" set the option after them aside ("instead of cancelling" is no intent to cancel), and comparison
 * needs an alternative to the company ("other tools", "your competitor", "cheaper than"). Dialogue acts
 * are read sentence by sentence, and the primary act is the one that moves the conversation furthest
 * through seed 003's stages (see {@link classifyAct}). Rules need no training data, explain every
 * label with the cue and its character span, and run at well over a hundred thousand 200-character
 * messages a second on one core; where a team has labelled history, the trained model (logistic regression over words,
 * bigrams and the rules' own scores) adapts to its domain. One single-pass tokenizer and a phrase trie
 * make every classifier linear in the input; only the first 20,000 characters are read by default
 * (`maxLength`), so any input costs a bounded time. Every function is total: any string gets a result.
 * Figures on real third-party data are in bench/CLASSIFY.md.
 *
 * Speed, and why it is built this way: the text's code units are copied once into a typed array (V8
 * stops inlining `charCodeAt` on strings as soon as any code in the process subclasses `String`, as
 * node-redis does, which made every classifier 2.3 times slower); the tokenizer hashes each word's
 * lower-cased code units as it scans them and finds the word in the lexicon's vocabulary without making
 * a string; the phrase trie is keyed by word ids in typed arrays; tokens, scores and evidence go to typed
 * buffers reused from call to call (every classifier is synchronous and never re-entered), and
 * `Evidence` objects are made only for what a result returns. The grammar words the rules test ("not",
 * "can't", "is", the verbs of functioning) carry flags in the vocabulary, so no rule lowercases, slices
 * or runs a regular expression in the hot loop.
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
export type { ActName, ActResult, ClassifyActOptions, SentenceAct, Speaker } from "./classify-act.js";
export { actNames, actStages, classifyAct } from "./classify-act.js";
export type {
  ClassifierJson,
  TrainClassifierOptions,
  TrainedClassifier,
  TrainingExample,
} from "./train-classifier.js";
export { loadClassifier, trainClassifier } from "./train-classifier.js";
export type {
  AnyJourneyStage,
  CategoryInput,
  CategoryResult,
  RelationshipPhase,
} from "./classify-category.js";
export { classifyCategory } from "./classify-category.js";
export type {
  ConversationFacts,
  CustomerFacts,
  ScenarioFacts,
  ScenarioInput,
  ScenarioResult,
} from "./classify-scenario.js";
export { classifyScenario } from "./classify-scenario.js";
export type {
  ClassifyConversationOptions,
  ConversationClassification,
  ConversationLike,
  ConversationMessageLike,
  CustomerTurn,
  SignalCourse,
} from "./classify-conversation.js";
export { classifyConversation } from "./classify-conversation.js";
export { isTouchpointError, TouchpointError } from "../internal/errors.js";
