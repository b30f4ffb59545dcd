import { checkOptions } from "../internal/args.js";
import { type InteractionType, interactionTypes } from "../schemas/vocabulary.js";
import { type Analysis, analyze, type Evidence, rawOf } from "./analyze.js";
import { evidenceOf } from "./evidence-log.js";
import { normalizeValence } from "./detect-signals.js";
import type { Lexicon } from "./lexicon.js";

/**
 * A label with its score, as listed in {@link ClassificationResult.ranked}.
 *
 * @category Results
 */
export interface RankedLabel<L extends string> {
  /** The label. */
  label: L;
  /** Its score in [0, 1]. */
  score: number;
}

/**
 * The result every classifier of this area returns, the built-in ones and trained models alike.
 *
 * @category Results
 */
export interface ClassificationResult<L extends string> {
  /** The primary label, or `"unknown"` when no label reaches the threshold. */
  label: L | "unknown";
  /** The primary label's score (0 for `"unknown"`). */
  confidence: number;
  /** A score in [0, 1] for every label. */
  scores: Record<L, number>;
  /** The labels at or above the threshold, best first: the primary, then the others. */
  ranked: RankedLabel<L>[];
  /** The cues (or, for trained models, the features) that raised the primary label, strongest first. */
  evidence: Evidence[];
}

/**
 * One sentence of a message, classified on its own.
 *
 * @category Results
 */
export interface SentenceResult extends ClassificationResult<InteractionType> {
  /** The sentence's half-open span `[start, end)` in the input. */
  span: readonly [number, number];
}

/**
 * What {@link classifyInteraction} returns: the primary type, every type's score, the evidence, the
 * sentiment and, on request, each sentence's own result.
 *
 * @category Results
 */
export interface InteractionResult extends ClassificationResult<InteractionType> {
  /** Sentiment in [−1, 1], as {@link detectSignals} computes it. */
  sentiment: number;
  /** Per-sentence results, when `sentences: true` was asked for (empty otherwise). */
  sentences: SentenceResult[];
}

/** Options of {@link classifyInteraction}. @category Interaction */
export interface ClassifyInteractionOptions {
  /** A lexicon from {@link createLexicon}; the built-in English one by default. */
  lexicon?: Lexicon;
  /** Minimum score for a type to count (default 0.5); below it for all types the label is `"unknown"`. */
  threshold?: number;
  /** Also classify each sentence on its own (default false). */
  sentences?: boolean;
  /** Read at most this many UTF-16 code units of the text (default 20,000; `Infinity` reads all). */
  maxLength?: number;
}

export const DEFAULT_THRESHOLD = 0.5;

function byWeight(a: Evidence, b: Evidence): number {
  return Math.abs(b.weight) - Math.abs(a.weight);
}

function toScore(raw: number): number {
  return raw > 0 ? 1 - Math.exp(-raw) : 0;
}

/**
 * The result for raw scores `raw` of the analysis `a` (of sentence `sentence`, or of the whole message
 * for −1): the evidence objects are made for the primary label only. Internal.
 */
export function resultOf(
  raw: Record<InteractionType, number>,
  a: Analysis,
  sentence: number,
  threshold: number,
): ClassificationResult<InteractionType> {
  const scores: Record<InteractionType, number> = {
    question: toScore(raw.question),
    complaint: toScore(raw.complaint),
    suggestion: toScore(raw.suggestion),
    praise: toScore(raw.praise),
  };
  // best first, ties in vocabulary order: an insertion sort of at most four (no comparator closure)
  const ranked: { label: InteractionType; score: number }[] = [];
  for (let t = 0; t < interactionTypes.length; t++) {
    const label = interactionTypes[t] as InteractionType;
    const score = scores[label];
    if (!(score >= threshold && score > 0)) continue;
    let at = ranked.length;
    while (at > 0 && (ranked[at - 1] as RankedLabel<InteractionType>).score < score) at--;
    ranked.splice(at, 0, { label, score });
  }
  const top = ranked[0];
  if (!top) return { label: "unknown", confidence: 0, scores, ranked, evidence: [] };
  const ev = evidenceOf(a.text, interactionTypes.indexOf(top.label), sentence);
  if (ev.length > 1) ev.sort(byWeight);
  return { label: top.label, confidence: top.score, scores, ranked, evidence: ev };
}

/** Sums the sentences of an analysis into message-level raw scores. */
export function messageRaw(a: Analysis): Record<InteractionType, number> {
  return rawOf(a, -1);
}

/**
 * Returns the kind of a customer message (question, complaint, suggestion or praise, or `"unknown"`),
 * with a score for every kind, the evidence, and the other kinds it also carries.
 *
 * @remarks
 * The four kinds are seed 003's (seed 004 calls them information, problem, request and compliment).
 * Each sentence gets a raw score per kind from cues and sentence form: a question mark, a wh-word or
 * subject–auxiliary inversion at the start (question); problem reports, denied predicates of
 * functioning, arriving or answering ("won't load", "hasn't arrived", "no reply"), repeated contact,
 * waiting, exasperated questions, blame and negative sentiment aimed at the addressee, and negative
 * sentiment in general (complaint; a question about a problem, or beside a problem report, counts as a
 * complaint in question form; so does a request to put the problem right, "please fix this", and an
 * intent to cancel beside a grievance); wish and request frames ("it would be great if", "please add",
 * "should have", "why not") and a clause-initial imperative (suggestion); positive sentiment and thanks
 * (praise). Saying one does not know how or where to go on ("not sure where to start") asks for guidance:
 * a question. Negation,
 * intensity, contrast and modality act on sentiment as in {@link detectSignals}. A message's raw score
 * per kind is the sum over its sentences, and its score is `1 − e^(−raw)` (a noisy-or of the cues).
 * The primary kind is the best score at or above the threshold; a message with several kinds
 * ("I love the app, but it crashes on login") lists them all in `ranked`.
 * Built from lexicons and rules, untrained: see bench/CLASSIFY.md for the figures on real data.
 * Only the first `maxLength` code units (default 20,000) are read, so that any input costs a bounded
 * time; the pass itself is linear in the length it reads.
 *
 * @param text - the message (any string; never throws)
 * @param options - lexicon, threshold, and whether to classify each sentence too
 * @returns the primary kind (or `"unknown"`), confidence, scores, ranked kinds, evidence, sentiment
 *
 * @example
 * ```ts
 * import { classifyInteraction } from "touchpoint/classify";
 *
 * classifyInteraction("How do I change my billing address?").label; // => "question"
 * classifyInteraction("My package never arrived and nobody answers my emails.").label; // => "complaint"
 * classifyInteraction("It would be great if the app had a dark mode.").label; // => "suggestion"
 * classifyInteraction("Your support team was amazing, thank you!").label; // => "praise"
 * classifyInteraction("I love the app, but it crashes on login").ranked.map((r) => r.label); // => ["complaint", "praise"]
 * classifyInteraction("The export keeps failing. Please fix it.").label; // => "complaint"
 * classifyInteraction("I'm cancelling, the price went up again.").label; // => "complaint"
 * classifyInteraction("").label; // => "unknown"
 * ```
 *
 * @category Interaction
 */
export function classifyInteraction(
  text: string,
  options: ClassifyInteractionOptions = {},
): InteractionResult {
  options = checkOptions("classifyInteraction", options);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const a = analyze(text, options.lexicon, options.maxLength);
  const result = resultOf(rawOf(a, -1), a, -1, threshold);
  const sentences: SentenceResult[] = [];
  if (options.sentences === true) {
    for (let k = 0; k < a.sentences; k++)
      sentences.push({
        ...resultOf(rawOf(a, k), a, k, threshold),
        span: [a.sentenceStart[k] as number, a.sentenceEnd[k] as number],
      });
  }
  return {
    label: result.label,
    confidence: result.confidence,
    scores: result.scores,
    ranked: result.ranked,
    evidence: result.evidence,
    sentiment: normalizeValence(a.valence, a.exclamations),
    sentences,
  };
}
