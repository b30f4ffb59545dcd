import type { ConversationStage } from "../schemas/vocabulary.js";
import { analyze, type Evidence } from "./analyze.js";
import { messageRaw } from "./classify-interaction.js";
import { evidenceAt, evidenceOf, log, negatedAt, TARGET_CUE, typeTarget } from "./evidence-log.js";
import { type CueKind, cueKinds, type Lexicon } from "./lexicon.js";

/**
 * The dialogue acts {@link classifyAct} tells apart.
 *
 * @remarks
 * After the turn-level acts of task-oriented dialogue corpora (inform, request, offer, confirm, affirm,
 * negate, thank you, goodbye in the Schema-Guided Dialogue set, Rastogi et al. 2020), named for what a
 * support conversation needs: seed 003's lifecycle greets, asks and restates to understand, proposes,
 * gets a yes or a no, confirms what will be delivered, and says goodbye.
 *
 * @example
 * ```ts
 * import { actNames } from "touchpoint/classify";
 *
 * actNames.includes("restate"); // => true
 * ```
 *
 * @category Acts
 */
export const actNames = [
  "greet",
  "ask",
  "inform",
  "restate",
  "propose",
  "accept",
  "reject",
  "confirm",
  "apologize",
  "thank",
  "goodbye",
  "other",
] as const;
/** A dialogue act ({@link actNames}). @category Acts */
export type ActName = (typeof actNames)[number];

/**
 * The conversation stage each act signals (seed 003's lifecycle), or null for `other`.
 *
 * @remarks
 * greet → greeting; ask, inform, restate, apologize → understanding; propose, reject → proposing (a
 * rejected proposal calls for another); accept, confirm → delivering (an agreed solution is being
 * delivered); thank, goodbye → closing.
 *
 * @example
 * ```ts
 * import { actStages } from "touchpoint/classify";
 *
 * actStages.restate; // => "understanding"
 * actStages.goodbye; // => "closing"
 * ```
 *
 * @category Acts
 */
export const actStages: { readonly [A in ActName]: ConversationStage | null } = {
  greet: "greeting",
  ask: "understanding",
  inform: "understanding",
  restate: "understanding",
  apologize: "understanding",
  propose: "proposing",
  reject: "proposing",
  accept: "delivering",
  confirm: "delivering",
  thank: "closing",
  goodbye: "closing",
  other: null,
};

/** Who speaks an utterance: the customer or the business (an agent or a bot). @category Acts */
export type Speaker = "customer" | "agent" | "bot";

/** Options of {@link classifyAct}. @category Acts */
export interface ClassifyActOptions {
  /** Who said it (default `"customer"`): agents propose and confirm, customers accept and reject. */
  speaker?: Speaker;
  /** A lexicon from {@link createLexicon}; the built-in English one by default. */
  lexicon?: Lexicon;
  /** Read at most this many UTF-16 code units of the text (default 20,000; `Infinity` reads all). */
  maxLength?: number;
}

/**
 * What {@link classifyAct} returns.
 *
 * @category Acts
 */
export interface ActResult {
  /** The act; `other` for an utterance with no words. */
  act: ActName;
  /** The conversation stage the act signals (null for `other`). */
  stage: ConversationStage | null;
  /** The act's score in [0, 1]. */
  confidence: number;
  /** A score for every act. */
  scores: Record<ActName, number>;
  /** The cues behind the act. */
  evidence: Evidence[];
}

const ACT_CUES: { readonly [K in CueKind]?: ActName } = {
  greeting: "greet",
  restate: "restate",
  propose: "propose",
  accept: "accept",
  reject: "reject",
  confirm: "confirm",
  apology: "apologize",
  gratitude: "thank",
  goodbye: "goodbye",
};

/**
 * Returns the dialogue act of one utterance (greet, ask, inform, restate, propose, accept, reject,
 * confirm, apologize, thank, goodbye) and the conversation stage it signals.
 *
 * @remarks
 * Each act's raw score sums its cues. Greetings, acceptances and rejections count in full in the first
 * three words or in a short utterance (six words or fewer) and at a third elsewhere, since a "hello" or a
 * "yes" is an act only where it opens the turn or is the turn; the other acts' cues count anywhere.
 * Questions (`ask`) come from the sentence-form cues of {@link classifyInteraction}; a customer's
 * suggestion counts as `propose`. Agents' proposals and confirmations weigh more than customers',
 * customers' acceptances and rejections more than agents'; an agent's greeting keeps the turn a greeting
 * even when it ends in "How can I help?". A turn with words and nothing stronger is `inform`. Scores are
 * `1 − e^(−raw)`; stages follow {@link actStages}.
 *
 * @param text - one utterance (any string)
 * @param options - the speaker and an optional lexicon
 * @returns the act, its stage, the confidence, every act's score and the evidence
 *
 * @example
 * ```ts
 * import { classifyAct } from "touchpoint/classify";
 *
 * classifyAct("Hi there! How can I help you today?", { speaker: "agent" }).act; // => "greet"
 * classifyAct("From what I understand, the refund never reached your card.", { speaker: "agent" }).stage; // => "understanding"
 * classifyAct("We can offer you a replacement at no cost.", { speaker: "agent" }).act; // => "propose"
 * classifyAct("Yes, that works for me.", { speaker: "customer" }).act; // => "accept"
 * classifyAct("Have a great day, bye!", { speaker: "agent" }).stage; // => "closing"
 * ```
 *
 * @category Acts
 */
export function classifyAct(text: string, options: ClassifyActOptions = {}): ActResult {
  const speaker = options.speaker ?? "customer";
  const business = speaker !== "customer";
  const a = analyze(text, options.lexicon, options.maxLength, true);
  const raw = {} as Record<ActName, number>;
  for (const act of actNames) raw[act] = 0;
  const words = a.words;
  const thirdWordEnd = a.thirdWordEnd;
  const short = words <= 6;
  const weightOf = (act: ActName, k: number): number => {
    const early = (log.start[k] as number) < thirdWordEnd || short;
    // greetings and yes/no answers are acts where they open the turn; the others anywhere
    const positional = act === "greet" || act === "accept" || act === "reject";
    let w = (log.weight[k] as number) * (early || !positional ? 1.5 : 0.5);
    if (act === "propose" || act === "confirm") w *= business ? 1.3 : 0.6;
    if (act === "accept" || act === "reject") w *= business ? 0.6 : 1.2;
    if ((act === "accept" || act === "reject") && !early) w *= 0.5;
    if (act === "greet" && !short) w *= 0.9;
    return w;
  };
  // the act cues, kind by kind in the order each kind first occurs, then in text order
  const order = cueOrder();
  for (const target of order) {
    const act = ACT_CUES[cueKinds[target - TARGET_CUE] as CueKind];
    if (act === undefined) continue;
    for (let k = 0; k < log.n; k++)
      if (log.target[k] === target && !negatedAt(k)) raw[act] += weightOf(act, k);
  }
  const types = messageRaw(a);
  raw.ask += types.question;
  if (!business) raw.propose += 0.6 * types.suggestion;
  if (words > 0) raw.inform += Math.min(0.7, 0.1 * words);
  // an agent's greeting usually ends in an offer of help ("How can I help?"): still a greeting
  if (business && raw.greet > 0) raw.greet += 1;
  // a greeting followed by the real request: the request is the act
  if (!business && raw.greet > 0 && words > 8 && (raw.ask > 1 || raw.propose > 1)) raw.greet *= 0.5;

  const scores = {} as Record<ActName, number>;
  let best: ActName = "other";
  let bestScore = 0;
  for (const act of actNames) {
    const s = raw[act] > 0 ? 1 - Math.exp(-raw[act]) : 0;
    scores[act] = s;
    if (s > bestScore) {
      best = act;
      bestScore = s;
    }
  }
  // the evidence of the chosen act only: its cues, then the sentence-form cues it borrows
  const evidence: Evidence[] = [];
  for (const target of order) {
    if (ACT_CUES[cueKinds[target - TARGET_CUE] as CueKind] !== best) continue;
    for (let k = 0; k < log.n; k++)
      if (log.target[k] === target && !negatedAt(k))
        evidence.push({ ...evidenceAt(a.text, k), weight: weightOf(best, k) });
  }
  if (best === "ask") for (const e of evidenceOf(a.text, typeTarget("question"))) evidence.push(e);
  if (best === "propose" && !business)
    for (const e of evidenceOf(a.text, typeTarget("suggestion")))
      evidence.push({ ...e, weight: 0.6 * e.weight });
  return {
    act: best,
    stage: actStages[best],
    confidence: bestScore,
    scores,
    evidence: evidence.sort((x, y) => y.weight - x.weight),
  };
}

/** The cue targets of the log, each once, in the order they first occur. */
function cueOrder(): number[] {
  const order: number[] = [];
  for (let k = 0; k < log.n; k++) {
    const t = log.target[k] as number;
    if (t >= TARGET_CUE && !order.includes(t)) order.push(t);
  }
  return order;
}
