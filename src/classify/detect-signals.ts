import { checkOptions } from "../internal/args.js";
import { type Analysis, analyze, type Evidence, type SignalName, signalNames } from "./analyze.js";
import { evidenceOf, TARGET_SENTIMENT, TARGET_SIGNAL } from "./evidence-log.js";
import type { Lexicon } from "./lexicon.js";

/**
 * One signal found in a message, with its strength and the cues behind it.
 *
 * @category Signals
 */
export interface Signal {
  /** Which signal. */
  signal: SignalName;
  /** Strength in (0, 1): `1 − e^(−w)` where `w` is the summed weight of its cues. */
  strength: number;
  /** The cues that raised it, in text order. */
  evidence: Evidence[];
}

/**
 * What {@link detectSignals} finds: the sentiment and the signals of one message.
 *
 * @category Signals
 */
export interface SignalsResult {
  /** Sentiment in [−1, 1]: VADER's normalisation `s / √(s² + 15)` of the summed valences. */
  sentiment: number;
  /** The signals at or above the threshold, strongest first. */
  signals: Signal[];
  /** The strength of every signal, 0 when absent. */
  strengths: Record<SignalName, number>;
  /** The sentiment cues (positive weights raise the sentiment, negative ones lower it). */
  evidence: Evidence[];
}

/** Options of {@link detectSignals}. @category Signals */
export interface DetectSignalsOptions {
  /** A lexicon from {@link createLexicon}; the built-in English one by default. */
  lexicon?: Lexicon;
  /** Minimum strength for a signal to be listed (default 0.3). */
  threshold?: number;
  /** Read at most this many UTF-16 code units of the text (default 20,000; `Infinity` reads all). */
  maxLength?: number;
}

/** VADER's normalisation constant alpha (Hutto & Gilbert 2014). */
const ALPHA = 15;

/** The strength at which `detectSignals` lists a signal unless told otherwise. Internal. */
export const SIGNAL_THRESHOLD = 0.3;

/** Turns a summed valence into a sentiment in [−1, 1]. */
export function normalizeValence(valence: number, exclamations: number): number {
  // VADER amplifies by 0.292 per "!" up to four, in the direction of the sentiment
  const bang = Math.min(exclamations, 4) * 0.292;
  const s = valence === 0 ? 0 : valence + (valence > 0 ? bang : -bang);
  const out = s / Math.sqrt(s * s + ALPHA);
  return Number.isFinite(out) ? out : s > 0 ? 1 : -1;
}

/** Whether an analysis reads as a complaint (its summed complaint score reaches a cue's worth). */
function complains(a: Analysis): boolean {
  let c = 0;
  for (let k = 0; k < a.sentences; k++) c += a.raw[4 * k + 1] as number;
  return c >= 0.9;
}

/** Signals from an analysis (shared with classifyScenario and classifyCategory). */
export function signalsOf(a: Analysis, threshold: number): SignalsResult {
  const strengths = {} as Record<SignalName, number>;
  const signals: Signal[] = [];
  const shouts = a.shouts;
  for (let k = 0; k < signalNames.length; k++) {
    const name = signalNames[k] as SignalName;
    let w = a.signalRaw[k] as number;
    if (name === "frustration" && (a.valence < 0 || (shouts > 0 && complains(a)))) {
      // shouting and repeated "!" in a negative message, or shouting in a complaint, are signs of anger
      w += 0.3 * Math.min(shouts, 3) + (a.exclamations >= 2 ? 0.4 : 0);
    }
    const strength = w > 0 ? 1 - Math.exp(-w) : 0;
    strengths[name] = strength;
    if (strength >= threshold && strength > 0)
      signals.push({ signal: name, strength, evidence: evidenceOf(a.text, TARGET_SIGNAL + k) });
  }
  signals.sort((x, y) => y.strength - x.strength);
  return {
    sentiment: normalizeValence(a.valence, a.exclamations),
    signals,
    strengths,
    evidence: evidenceOf(a.text, TARGET_SENTIMENT),
  };
}

/**
 * Returns the sentiment of a message in [−1, 1] and the signals it carries (urgency, frustration,
 * confusion, gratitude, purchase intent, comparison, onboarding, loyalty, intent to cancel), each with
 * a strength and the cues behind it.
 *
 * @remarks
 * A lexicon-and-rules method after VADER (Hutto & Gilbert 2014): valences of words and phrases,
 * reversed and damped (×−0.74) within three words after a negation, raised by intensifiers and capitals,
 * weighted ×0.5 before and ×1.5 after a contrast ("but"), summed and normalised as `s / √(s² + 15)`.
 * A positive word in the scope of a modal ("would be nice") is a wish, not sentiment. The signals are the
 * ones the eight scenarios of seed 000 turn on; each is `1 − e^(−w)` over the weights `w` of its cues.
 * In a message that complains, repeated contact, repeated failure and being ignored ("second time",
 * "nobody replied", "hasn't answered") imply frustration (at most `w = 1`, and nothing where the customer
 * names the feeling); elsewhere "again" is no sign of it. A signal named right after "instead of" or
 * "rather than" is an option set aside and keeps a fifth of its weight. Confusion needs evidence of not
 * understanding ("not sure where", "can't figure out", "what does X mean?"), not a how-to question.
 * Total: any string gets a result, in time linear in its length.
 *
 * @param text - the message (any string)
 * @param options - a custom lexicon and the listing threshold
 * @returns the sentiment, the signals at or above the threshold, every signal's strength, the evidence
 *
 * @example
 * ```ts
 * import { detectSignals } from "touchpoint/classify";
 *
 * const result = detectSignals("I need this fixed today, it is urgent!");
 * result.signals[0]?.signal; // => "urgency"
 * detectSignals("The new dashboard is great").sentiment > 0; // => true
 * detectSignals("The new dashboard is not great").sentiment < 0; // => true
 * detectSignals("The refund is missing and nobody answered my two emails.").strengths.frustration >= 0.5; // => true
 * detectSignals("How do I export my contacts?").strengths.confusion; // => 0
 * detectSignals("Could I pause the plan instead of cancelling it?").strengths["cancel-intent"] < 0.5; // => true
 * detectSignals("").signals; // => []
 * ```
 *
 * @category Signals
 */
export function detectSignals(text: string, options: DetectSignalsOptions = {}): SignalsResult {
  options = checkOptions("detectSignals", options);
  return signalsOf(analyze(text, options.lexicon, options.maxLength), options.threshold ?? SIGNAL_THRESHOLD);
}
