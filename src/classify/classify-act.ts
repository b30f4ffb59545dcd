import { checkOptions } from "../internal/args.js";
import type { ConversationStage } from "../schemas/vocabulary.js";
import { analyze, type Evidence, rawOf } from "./analyze.js";
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
  "escalate",
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
 * delivered); thank, goodbye → closing; escalate (asking for a person or someone senior) changes
 * who handles the conversation, not its stage, and `other` has none.
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
  escalate: null,
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
 * The act of one sentence of an utterance, as listed in {@link ActResult.acts}.
 *
 * @category Acts
 */
export interface SentenceAct {
  /** The sentence's own act: its best-scoring act when read alone. */
  act: ActName;
  /** The sentence's half-open span `[start, end)` in UTF-16 code units of the input. */
  span: readonly [number, number];
}

/**
 * What {@link classifyAct} returns.
 *
 * @category Acts
 */
export interface ActResult {
  /** The primary act (see {@link classifyAct} for how it is chosen); `other` for an utterance with no words. */
  act: ActName;
  /** The conversation stage the act signals (null for `other`). */
  stage: ConversationStage | null;
  /** The act's score in [0, 1]. */
  confidence: number;
  /** A score for every act. */
  scores: Record<ActName, number>;
  /** The cues behind the act. */
  evidence: Evidence[];
  /**
   * The act of each sentence, in text order ("Thanks for getting in touch. From what I understand, ...?"
   * is a greeting, then a restatement). Empty for an utterance with no sentences.
   */
  acts: SentenceAct[];
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
  escalate: "escalate",
};

const ACTS = actNames.length;
const GREET = actNames.indexOf("greet");
const ASK = actNames.indexOf("ask");
const INFORM = actNames.indexOf("inform");
const RESTATE = actNames.indexOf("restate");
const PROPOSE = actNames.indexOf("propose");
const ACCEPT = actNames.indexOf("accept");
const REJECT = actNames.indexOf("reject");
const CONFIRM = actNames.indexOf("confirm");
const ESCALATE = actNames.indexOf("escalate");
/** The act index of each cue kind (−1 for kinds that are not act cues). */
const ACT_OF_KIND: Int8Array = Int8Array.from(cueKinds, (k) => {
  const act = ACT_CUES[k];
  return act === undefined ? -1 : actNames.indexOf(act);
});

/**
 * How far each act takes a conversation through seed 003's stages (0: it does not move it): asking and
 * restating understand, a rejection and a proposal propose (the proposal last: it answers a rejection),
 * an acceptance and a confirmation deliver, a goodbye closes. Greetings, apologies, thanks and plain
 * information frame a turn.
 */
const ADVANCE: { readonly [A in ActName]: number } = {
  other: 0,
  greet: 0,
  apologize: 0,
  thank: 0,
  inform: 0,
  ask: 1,
  restate: 2,
  reject: 3,
  propose: 4,
  accept: 5,
  confirm: 6,
  goodbye: 7,
  // Asking for a person outranks everything else the turn says: the hand-off comes first.
  escalate: 8,
};
const ADVANCE_OF: Int8Array = Int8Array.from(actNames, (a) => ADVANCE[a]);

/** Declining right before a cue ("don't want to talk to ...", "don't need a human", "no need to speak to ..."). */
const DECLINED =
  /(?:\b(?:don'?t|do not|doesn'?t|does not|didn'?t|did not|never)(?:\s+really)?(?:\s+(?:want|need|wish)(?:\s+to)?)?|\brather not|\bno need (?:to|for))[\s,]*$/i;

function declinedBefore(text: string, start: number): boolean {
  return DECLINED.test(text.slice(Math.max(0, start - 40), start));
}

/** A restatement's frame damps the question mark and the check it carries ("..., is that right?"). */
const FRAME_DAMP = 0.3;
/** An agent's offer damps its own question mark less than a restatement does. */
const OFFER_DAMP = 0.6;
/** A sentence of this many words or fewer is an act on its own ("Yes.", "Hi there!"). */
const SHORT_SENTENCE = 4;

// Per-sentence raw scores, `ACTS` per sentence, reused from call to call.
let sentenceActs = new Float64Array(ACTS * 16);
// Per sentence: 1 when an offer cue opens it (in its first three words).
let offerOpens = new Uint8Array(16);

/**
 * Returns the dialogue act of one utterance (greet, ask, inform, restate, propose, accept, reject,
 * confirm, apologize, thank, goodbye, escalate), the conversation stage it signals, and the act of
 * each sentence.
 *
 * @remarks
 * Each sentence is scored on its own: each act's raw score sums its cues. Greetings, acceptances and
 * rejections count in full in the first three words of the turn, in a short utterance (six words or
 * fewer) or at the start of a short sentence ("Thanks. Yes, go ahead."), and at a third elsewhere,
 * since a "hello" or a "yes" is an act only where it opens the turn or is the turn; the other acts'
 * cues count anywhere. Questions (`ask`) come from the sentence-form cues of {@link classifyInteraction};
 * a customer's suggestion counts as `propose`. Agents' proposals and confirmations weigh more than
 * customers', customers' acceptances and rejections more than agents'. A restatement's frame ("From what
 * I understand, ...", "If I understand correctly, ...", "So you're saying ...") outranks its question mark,
 * an agent's question that opens as an offer ("Shall I book it?", "Would you like me to resend it?") is
 * a proposal, and an agent's greeting keeps a sentence a greeting even when it ends in "How can I help?".
 * A sentence with words and nothing stronger is `inform`. Scores are `1 − e^(−raw)` over the whole utterance;
 * stages follow {@link actStages}.
 *
 * The primary `act` is the sentence act that moves the conversation furthest through seed 003's
 * stages: ask, then restate, reject, propose (a rejection calls for a new proposal, so a proposal in the
 * same turn outranks it), accept, confirm, goodbye, and above them all escalate, a customer asking
 * for a person or someone senior (an agent's offer to transfer counts less) (so "Thanks for getting in
 * touch. From what I understand, ...?" is a restatement, and "We could change it from your profile.
 * Would you prefer that?" a proposal). Greetings, apologies, thanks and `inform` only frame a turn:
 * when no sentence has one of the acts above, the primary act is the best-scoring act of the whole
 * utterance. A check question right after a restatement ("Is that right?") belongs to it, and an agent's
 * "Sure." or "No," opening a turn acknowledges rather than decides, so neither outranks what follows.
 *
 * @param text - one utterance (any string)
 * @param options - the speaker and an optional lexicon
 * @returns the act, its stage, the confidence, every act's score, the evidence and each sentence's act
 *
 * @example
 * ```ts
 * import { classifyAct } from "touchpoint/classify";
 *
 * classifyAct("Hi there! How can I help you today?", { speaker: "agent" }).act; // => "greet"
 * classifyAct("From what I understand, the refund never reached your card.", { speaker: "agent" }).stage; // => "understanding"
 * classifyAct("If I understand correctly, you'd like a second invoice?", { speaker: "agent" }).act; // => "restate"
 * classifyAct("We can offer you a replacement at no cost.", { speaker: "agent" }).act; // => "propose"
 * classifyAct("I'd recommend the yearly plan for a team your size.", { speaker: "agent" }).act; // => "propose"
 * classifyAct("Yes, that works for me.", { speaker: "customer" }).act; // => "accept"
 * classifyAct("You're welcome, have a lovely evening!", { speaker: "agent" }).act; // => "goodbye"
 * classifyAct("This isn't helping. Can I talk to a real person?").act; // => "escalate"
 *
 * const text = "Thanks for writing in. From what I understand, the export stops halfway?";
 * const result = classifyAct(text, { speaker: "agent" });
 * result.acts.map((s) => s.act); // => ["greet", "restate"]
 * result.act; // => "restate"
 * const [start, end] = result.acts[1]!.span;
 * text.slice(start, end); // => "From what I understand, the export stops halfway?"
 * ```
 *
 * @category Acts
 */
export function classifyAct(text: string, options: ClassifyActOptions = {}): ActResult {
  options = checkOptions("classifyAct", options);
  const speaker = options.speaker ?? "customer";
  const business = speaker !== "customer";
  const a = analyze(text, options.lexicon, options.maxLength, true);
  const n = a.sentences;
  const words = a.words;
  const thirdWordEnd = a.thirdWordEnd;
  const short = words <= 6;
  if (sentenceActs.length < ACTS * n) sentenceActs = new Float64Array(ACTS * Math.max(n, 16) * 2);
  const R = sentenceActs;
  R.fill(0, 0, ACTS * n);
  if (offerOpens.length < n) offerOpens = new Uint8Array(Math.max(n, 16) * 2);
  offerOpens.fill(0, 0, n);
  const weightOf = (act: number, k: number): number => {
    const start = log.start[k] as number;
    const si = log.sentence[k] as number;
    const early =
      start < thirdWordEnd ||
      short ||
      ((a.sentenceWords[si] as number) <= SHORT_SENTENCE && start < (a.sentenceThirdWordEnd[si] as number));
    // greetings and yes/no answers are acts where they open the turn; the others anywhere
    const positional = act === GREET || act === ACCEPT || act === REJECT;
    let w = (log.weight[k] as number) * (early || !positional ? 1.5 : 0.5);
    if (act === PROPOSE || act === CONFIRM) w *= business ? 1.3 : 0.6;
    if (act === ACCEPT || act === REJECT) w *= business ? 0.6 : 1.2;
    if ((act === ACCEPT || act === REJECT) && !early) w *= 0.5;
    if (act === GREET && !short) w *= 0.9;
    // a customer asks for a person; an agent offering one is mostly proposing or informing
    if (act === ESCALATE && business) w *= 0.4;
    return w;
  };
  for (let k = 0; k < log.n; k++) {
    const t = log.target[k] as number;
    if (t < TARGET_CUE || negatedAt(k)) continue;
    const act = ACT_OF_KIND[t - TARGET_CUE] as number;
    if (act < 0) continue;
    // "I don't want to talk to a human": declining a person, a few words before the cue
    if (act === ESCALATE && declinedBefore(a.text, log.start[k] as number)) continue;
    const si = log.sentence[k] as number;
    const at = ACTS * si + act;
    R[at] = (R[at] as number) + weightOf(act, k);
    if (act === PROPOSE && (log.start[k] as number) < (a.sentenceThirdWordEnd[si] as number))
      offerOpens[si] = 1;
  }
  // each sentence on its own: its form, then the frames that outrank it
  const acts: SentenceAct[] = [];
  const raw = new Float64Array(ACTS);
  let moverAct = -1;
  let moverAdvance = 0;
  for (let si = 0; si < n; si++) {
    const base = ACTS * si;
    const types = rawOf(a, si);
    R[base + ASK] = (R[base + ASK] as number) + types.question;
    if (!business) R[base + PROPOSE] = (R[base + PROPOSE] as number) + 0.6 * types.suggestion;
    const sw = a.sentenceWords[si] as number;
    if (sw > 0) R[base + INFORM] = Math.min(0.7, 0.1 * sw);
    if ((R[base + RESTATE] as number) > 0) {
      // "From what I understand, you need X?": the question checks the restatement
      R[base + ASK] = (R[base + ASK] as number) * FRAME_DAMP;
      R[base + CONFIRM] = (R[base + CONFIRM] as number) * FRAME_DAMP;
    }
    // "Shall I book a call?", "Would you like me to resend it?": a question that opens as an offer is one
    if (business && offerOpens[si] === 1) R[base + ASK] = (R[base + ASK] as number) * OFFER_DAMP;
    if (business && (R[base + GREET] as number) > 0) {
      // an agent's greeting usually ends in an offer of help ("How can I help?"): still a greeting
      R[base + GREET] = (R[base + GREET] as number) + 1;
      R[base + ASK] = (R[base + ASK] as number) * FRAME_DAMP;
    }
    // a greeting followed by the real request: the request is the act
    if (!business && (R[base + GREET] as number) > 0 && words > 8) {
      if ((R[base + ASK] as number) > 1 || (R[base + PROPOSE] as number) > 1)
        R[base + GREET] = (R[base + GREET] as number) * 0.5;
    }
    let best = -1;
    let bestRaw = 0;
    for (let x = 0; x < ACTS; x++) {
      const v = R[base + x] as number;
      if (x !== INFORM) raw[x] = (raw[x] as number) + v;
      if (v > bestRaw) {
        best = x;
        bestRaw = v;
      }
    }
    if (best < 0) continue;
    acts.push({
      act: actNames[best] as ActName,
      span: [a.sentenceStart[si] as number, a.sentenceEnd[si] as number],
    });
    let advance = ADVANCE_OF[best] as number;
    // a check right after a restatement ("Is that right?") belongs to it
    if ((best === ASK || best === CONFIRM) && a.sentenceQuestion[si] === 1 && si > 0) {
      const prev = acts[acts.length - 2];
      if (prev?.act === "restate") advance = 0;
    }
    // an agent's "Sure." or "No," acknowledges what the customer said; it decides nothing
    if (business && (best === ACCEPT || best === REJECT)) advance = 0;
    if (advance > moverAdvance) {
      moverAct = best;
      moverAdvance = advance;
    }
  }
  if (words > 0) raw[INFORM] = Math.min(0.7, 0.1 * words);

  const scores = {} as Record<ActName, number>;
  let bestIndex = -1;
  let bestScore = 0;
  for (let x = 0; x < ACTS; x++) {
    const r = raw[x] as number;
    const s = r > 0 ? 1 - Math.exp(-r) : 0;
    scores[actNames[x] as ActName] = s;
    if (s > bestScore) {
      bestIndex = x;
      bestScore = s;
    }
  }
  const primary = moverAct >= 0 ? moverAct : bestIndex;
  const best: ActName = primary >= 0 ? (actNames[primary] as ActName) : "other";
  // the evidence of the chosen act only: its cues, then the sentence-form cues it borrows
  const evidence: Evidence[] = [];
  if (primary >= 0) {
    for (let k = 0; k < log.n; k++) {
      const t = log.target[k] as number;
      if (t >= TARGET_CUE && !negatedAt(k) && ACT_OF_KIND[t - TARGET_CUE] === primary)
        evidence.push({ ...evidenceAt(a.text, k), weight: weightOf(primary, k) });
    }
  }
  if (best === "ask") for (const e of evidenceOf(a.text, typeTarget("question"))) evidence.push(e);
  if (best === "propose" && !business)
    for (const e of evidenceOf(a.text, typeTarget("suggestion")))
      evidence.push({ ...e, weight: 0.6 * e.weight });
  return {
    act: best,
    stage: actStages[best],
    confidence: primary >= 0 ? scores[best] : 0,
    scores,
    evidence: evidence.sort((x, y) => y.weight - x.weight),
    acts,
  };
}
