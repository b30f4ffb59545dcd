/*
 * The one pass behind every built-in classifier: tokenise, match the lexicon's phrases (longest
 * first), and apply the rules of sentiment composition — negation scope, intensifiers and
 * diminishers, capitals, contrast ("but"), irrealis modals ("would be great") — in the manner of
 * VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
 * Social Media Text", ICWSM), plus the sentence-form cues of questions (a final "?", wh-words,
 * subject–auxiliary inversion) and of requests (a clause-initial imperative verb).
 *
 * Everything is a single walk over the tokens; the phrase walk at each token is bounded by the
 * longest phrase, so the whole is linear in the input length. The pass writes its scores into typed
 * arrays and its evidence into the evidence log (evidence-log.ts), both reused from call to call: an
 * `Analysis` is a view that is valid until the next analysis, read at once by the classifiers, which
 * make objects only for what their result returns.
 */
import { textOf } from "../internal/args.js";
import type { InteractionType } from "../schemas/vocabulary.js";
import {
  drop,
  dropped,
  EK_HYPOTHETICAL,
  EK_QUESTION_MARK,
  EK_QUESTION_OPENER,
  log,
  MAX_EVIDENCE,
  record,
  resetLog,
  startSentenceLog,
  TARGET_CUE,
  TARGET_SENTIMENT,
  TARGET_SIGNAL,
} from "./evidence-log.js";
import { unit } from "./codes.js";
import { type CueKind, childOf, compiledOf, cueKinds, type Lexicon } from "./lexicon.js";
import { bridged, deniedComparative, failedVerb } from "./negation.js";
import { sentimentStem } from "./sentiment-stem.js";
import {
  K_MENTION,
  K_NUMBER,
  K_PUNCT,
  K_URL,
  K_WORD,
  scan,
  T_HASHTAG,
  T_OTHER,
  T_SHOUT,
  type TokenBuffer,
} from "./tokenize.js";
import {
  F_ANSWER_VERB,
  F_AUX,
  F_DO_AUX,
  F_ENDORSE,
  F_LEAD_FILLER,
  F_LIKE,
  F_LIKE_SUBJECT,
  F_NUMBER_WORD,
  F_OPENER_FILLER,
  F_REMEDY,
  F_SECOND_PERSON,
  F_SUBJECT,
  F_WH,
  flagsOf,
  ID_A,
  ID_AN,
  ID_APOSTROPHE,
  ID_BANG,
  ID_CLOSE_PAREN,
  ID_DEICTIC_FIRST,
  ID_DEICTIC_LAST,
  ID_HELP,
  ID_HOW,
  ID_HYPHEN,
  ID_I,
  ID_INSTEAD,
  ID_MEAN,
  ID_MEANS,
  ID_OF,
  ID_OPEN_PAREN,
  ID_QUESTION,
  ID_QUOTE,
  ID_RATHER,
  ID_SLASH,
  ID_THAN,
  ID_WHAT,
  ID_WHY,
  NUMBER_ID,
} from "./vocab.js";

/**
 * What a piece of evidence is: a lexicon cue of some kind, or a rule of sentence form.
 *
 * @category Results
 */
export type EvidenceKind =
  | CueKind
  | "question-mark"
  | "question-opener"
  | "imperative"
  | "hypothetical"
  | "exclamation"
  | "shout"
  | "feature";

/**
 * One cue that moved a score: the text it matched, its kind, where it is, and its weight.
 *
 * @category Results
 */
export interface Evidence {
  /** The text as written in the input (the matched span). */
  cue: string;
  /** The kind of cue or rule. */
  kind: EvidenceKind;
  /** The half-open span `[start, end)` in UTF-16 code units of the input. */
  span: readonly [number, number];
  /** How much it added to the score it counts for (after negation, intensity and contrast). */
  weight: number;
  /** True when the cue sat in the scope of a negation ("not happy") and was reversed or dropped. */
  negated?: boolean;
}

/**
 * The signals {@link detectSignals} looks for: the ones the eight scenarios of seed 000 turn on.
 *
 * @example
 * ```ts
 * import { signalNames } from "touchpoint/classify";
 *
 * signalNames.includes("cancel-intent"); // => true
 * signalNames.length; // => 9
 * ```
 *
 * @category Signals
 */
export const signalNames = [
  "urgency",
  "frustration",
  "confusion",
  "gratitude",
  "purchase-intent",
  "comparison",
  "onboarding",
  "loyalty",
  "cancel-intent",
] as const;
/** A signal ({@link signalNames}). @category Signals */
export type SignalName = (typeof signalNames)[number];

/**
 * The result of one pass: a view over reused buffers, valid until the next {@link analyze} call.
 * Scores per sentence are in `raw` (four per sentence, in `interactionTypes` order); evidence is in the
 * evidence log, read with `evidenceOf`.
 */
export interface Analysis {
  /** The text read (the window of the input). */
  text: string;
  /** Number of sentences. */
  sentences: number;
  /** Sentence spans (index < `sentences`). */
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  /** Raw type scores, `raw[4 * sentence + type]`. */
  raw: Float64Array;
  /** Raw signal scores by index in `signalNames`. */
  signalRaw: Float64Array;
  /** Sum of signed valences, contrast-weighted. */
  valence: number;
  exclamations: number;
  /** Words and numbers in the text. */
  words: number;
  /** End of the third word or number (0 if fewer). */
  thirdWordEnd: number;
  /** Words of three or more letters written in capitals. */
  shouts: number;
  /**
   * Per sentence (index < `sentences`), filled only when cues are collected (the act classifier):
   * words and numbers, and the end of the third of them (of the last, if fewer; 0 if none).
   */
  sentenceWords: Int32Array;
  sentenceThirdWordEnd: Int32Array;
  /** Per sentence: 1 when it is a question by form (a question mark). */
  sentenceQuestion: Uint8Array;
  /** The weight of grievance voiced: problem cues, failures and negative sentiment, not a plea for help. */
  grievance: number;
}

const NEGATION_FACTOR = -0.74; // VADER's N_SCALAR
const SHOUT_FACTOR = 1.3; // VADER's C_INCR is +0.733 on a ~2 valence: roughly ×1.3
const NEGATION_WINDOW = 3; // VADER looks three words back
const MODAL_WINDOW = 4;

const NEGATED_PREDICATE = 0.35;
/** A negated predicate of functioning, arriving or answering: "it won't load", "hasn't arrived". */
const FAILED_PREDICATE = 0.9;
/** A question beside a problem report: its question score is damped and its complaint raised. */
const QA_DAMP = 0.4;
const QA_BONUS = 0.5;
/** How much of a repetition cue's weight counts as frustration when the message complains. */
const REPETITION_FRUSTRATION = 0.8;
/** How much of a confusion cue's weight counts as a question. */
const CONFUSION_QUESTION = 0.7;
/** A message whose complaint score reaches this keeps its confusion cues out of the question score. */
const CONFUSION_COMPLAINT = 0.5;
/** The frustration a repetition written in capitals voices ("AGAIN."). */
const SHOUTED_REPETITION = 1.4;
/** The most frustration repetition alone implies. */
const REPETITION_CAP = 1;
/** What a signal keeps in the scope of "instead of" / "rather than": the option set aside. */
const SET_ASIDE = 0.2;
/** The complaint a stated intent to cancel adds when the message also voices a grievance. */
const CANCEL_GRIEVANCE = 0.6;
/** "What does X mean?": confusion about a word of the product. */
const MEANING_QUESTION = 1.2;

// Type indices in the raw arrays and log targets (interactionTypes order).
const Q = 0;
const C = 1;
const S = 2;
const P = 3;

// Cue kinds by index in cueKinds (the compiled trie stores indices).
const POSITIVE = cueKinds.indexOf("positive");
const NEGATIVE = cueKinds.indexOf("negative");
const PROBLEM = cueKinds.indexOf("problem");
const REPETITION = cueKinds.indexOf("repetition");
const SUGGESTION = cueKinds.indexOf("suggestion");
const IMPERATIVE = cueKinds.indexOf("imperative");
const QUESTION = cueKinds.indexOf("question");
const NEGATOR = cueKinds.indexOf("negator");
const INTENSIFIER = cueKinds.indexOf("intensifier");
const DIMINISHER = cueKinds.indexOf("diminisher");
const CONTRAST = cueKinds.indexOf("contrast");
const MODAL = cueKinds.indexOf("modal");
const FRUSTRATION = cueKinds.indexOf("frustration");
const GRATITUDE = cueKinds.indexOf("gratitude");
const POLITENESS = cueKinds.indexOf("politeness");
const CONFUSION = cueKinds.indexOf("confusion");
const CANCEL = cueKinds.indexOf("cancel-intent");
/** The index in signalNames of each cue kind that is a signal, −1 for the others. */
const SIGNAL_INDEX: Int8Array = Int8Array.from(cueKinds, (k) =>
  (signalNames as readonly string[]).indexOf(k),
);
const FRUSTRATION_SIGNAL = signalNames.indexOf("frustration");
const CONFUSION_SIGNAL = signalNames.indexOf("confusion");

/** Whether a sentence speaks to someone ("you", "your", an @mention): checked only for negative sentences. */
function addresses(b: TokenBuffer, from: number, to: number): boolean {
  for (let k = from; k < to; k++)
    if (b.kind[k] === K_MENTION || (flagsOf(b.id[k] as number) & F_SECOND_PERSON) !== 0) return true;
  return false;
}

// Reused per-sentence buffers: raw scores (4 each), question flag, thanks.
let sentenceRaw = new Float64Array(64);
let sentenceQuestion = new Uint8Array(16);
let sentenceThanks = new Float64Array(16);
const signalRaw = new Float64Array(signalNames.length);
// The sentiment cues of the sentence being read (at most MAX_EVIDENCE), kept until its contrast is known.
const sentAt = new Int32Array(MAX_EVIDENCE);
const sentValue = new Float64Array(MAX_EVIDENCE);
const sentStart = new Int32Array(MAX_EVIDENCE);
const sentEnd = new Int32Array(MAX_EVIDENCE);
const sentKind = new Uint8Array(MAX_EVIDENCE);
const sentFlip = new Uint8Array(MAX_EVIDENCE);
// Evidence waiting for a message-level rule: repetition cues (frustration if the message complains)
// and remedy requests (a complaint if it reports a problem), by log index, at most MAX_EVIDENCE each.
const repLog = new Int32Array(MAX_EVIDENCE);
// The confusion cues of the message: a question unless the message complains (decided at the end).
const confusionSentence = new Int32Array(MAX_EVIDENCE);
const confusionAt = new Int32Array(MAX_EVIDENCE);
const confusionEnd = new Int32Array(MAX_EVIDENCE);
const confusionWeight = new Float64Array(MAX_EVIDENCE);
const remedyLog = new Int32Array(MAX_EVIDENCE);
const remedySentence = new Int32Array(MAX_EVIDENCE);
const remedyWeight = new Float64Array(MAX_EVIDENCE);
const remedyPointed = new Uint8Array(MAX_EVIDENCE);
let repN = 0;
let repFrustration = 0;
let sentenceWords = new Int32Array(16);
let sentenceThirdWordEnd = new Int32Array(16);

function ensureSentences(n: number): void {
  if (sentenceQuestion.length >= n) return;
  let cap = sentenceQuestion.length;
  while (cap < n) cap *= 2;
  sentenceRaw = new Float64Array(cap * 4);
  sentenceQuestion = new Uint8Array(cap);
  sentenceThanks = new Float64Array(cap);
  sentenceWords = new Int32Array(cap);
  sentenceThirdWordEnd = new Int32Array(cap);
}

/** Whether the tokens `[from, to)` include the word `id`. */
function spans(ids: Int32Array, from: number, to: number, id: number): boolean {
  for (let q = from; q < to; q++) if (ids[q] === id) return true;
  return false;
}

/**
 * Notes a cue of repetition or of being ignored: frustration, kept only if the message complains.
 */
function noteRepetition(sentence: number, start: number, end: number, weight: number): void {
  const w = REPETITION_FRUSTRATION * weight;
  const k = record(TARGET_SIGNAL + FRUSTRATION_SIGNAL, sentence, REPETITION, start, end, w, false);
  repFrustration += w;
  if (k >= 0 && repN < repLog.length) repLog[repN++] = k;
}

/**
 * Whether a remedy verb at token `v` points at a reported problem: its object is a pro-form or the
 * customer's own thing ("fix this", "refund me", "sort my account"), or nothing follows ("please fix!").
 */
function pointsBack(b: TokenBuffer, v: number, endToken: number): boolean {
  const next = v + 1;
  if (next >= endToken || b.kind[next] === K_PUNCT) return true;
  const id = b.id[next] as number;
  return b.kind[next] === K_WORD && id >= ID_DEICTIC_FIRST && id <= ID_DEICTIC_LAST;
}

/** How much of a text the classifiers read by default (UTF-16 code units). */
export const DEFAULT_MAX_LENGTH = 20_000;

/** The prefix of `text` the classifiers read: at most `limit` code units, never splitting a surrogate pair. */
export function window(text: string, limit: number | undefined): string {
  const max =
    limit === undefined || Number.isNaN(limit) ? DEFAULT_MAX_LENGTH : Math.max(0, Math.floor(limit));
  if (text.length <= max) return text;
  let cut = max;
  const c = unit(text, cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return text.slice(0, cut);
}

/**
 * Runs the single analysis pass over (the first `limit` code units of) `text` with `lexicon`
 * (English by default). With `collectCues`, every lexicon match is also logged (for the act classifier).
 */
export function analyze(input: unknown, lexicon?: Lexicon, limit?: number, collectCues = false): Analysis {
  const text = window(textOf(input), limit);
  const c = compiledOf(lexicon);
  const maxLength = c.maxLength;
  const hitStart = c.hitStart;
  const hitKind = c.hitKind;
  const hitWeight = c.hitWeight;
  const rootChild = c.rootChild;
  const b = scan(text, c.vocab);
  const kinds = b.kind;
  const ids = b.id;
  const starts = b.start;
  const ends = b.end;
  const tflags = b.flags;
  const sentences = b.sentences;
  ensureSentences(sentences);
  const R = sentenceRaw;
  R.fill(0, 0, 4 * sentences);
  signalRaw.fill(0);
  resetLog();
  let valence = 0;
  let exclamations = 0;
  repN = 0;
  repFrustration = 0;
  let remedyN = 0;
  let confusionN = 0;
  let grievance = 0;
  let cancelSentence = -1;
  let cancelStart = 0;
  let cancelEnd = 0;

  for (let si = 0; si < sentences; si++) {
    const firstToken = b.sFirst[si] as number;
    const endToken = b.sEndToken[si] as number;
    const base = 4 * si;
    const logStart = log.n;
    startSentenceLog();
    let question = false;
    let thanks = 0;

    // sentence form: the first word (after @mentions and "please"/"so"/"and") and the final mark
    let first = firstToken;
    while (first < endToken && kinds[first] !== K_WORD) first++;
    let lead = first;
    while (
      lead < endToken &&
      (kinds[lead] !== K_WORD || (flagsOf(ids[lead] as number) & F_LEAD_FILLER) !== 0)
    )
      lead++;
    // the question opener is the first word after greetings and fillers ("Hi, do you ship abroad?")
    let opener = first;
    while (
      opener < endToken &&
      (kinds[opener] !== K_WORD || (flagsOf(ids[opener] as number) & F_OPENER_FILLER) !== 0)
    )
      opener++;
    const hasOpener = opener < endToken;

    let lastMark = -1;
    let questionMarks = 0;
    let endsWithQuestion = false;
    for (let i = endToken - 1; i >= firstToken; i--) {
      if (kinds[i] !== K_PUNCT) continue;
      const id = ids[i] as number;
      if (id === ID_QUESTION) {
        if (questionMarks === 0) {
          lastMark = i;
          if (i >= endToken - 2) endsWithQuestion = true;
        }
        questionMarks++;
      } else if (id === ID_BANG) exclamations++;
    }
    if (lastMark >= 0) {
      question = true;
      const w = endsWithQuestion ? 1.6 : 0.8;
      R[base + Q] = (R[base + Q] as number) + w;
      record(Q, si, EK_QUESTION_MARK, starts[lastMark] as number, ends[lastMark] as number, w, false);
    }
    if (hasOpener) {
      const openerId = ids[opener] as number;
      const hasNext = opener + 1 < endToken;
      const nextId = hasNext ? (ids[opener + 1] as number) : -1;
      const openerFlags = flagsOf(openerId);
      if ((openerFlags & F_WH) !== 0 && !(hasNext && (nextId === ID_A || nextId === ID_AN))) {
        const w = questionMarks > 0 ? 0.6 : 0.9;
        R[base + Q] = (R[base + Q] as number) + w;
        record(Q, si, EK_QUESTION_OPENER, starts[opener] as number, ends[opener] as number, w, false);
      } else if ((openerFlags & F_AUX) !== 0 && hasNext && (flagsOf(nextId) & F_SUBJECT) !== 0) {
        const w = questionMarks > 0 ? 0.6 : 0.9;
        R[base + Q] = (R[base + Q] as number) + w;
        record(Q, si, EK_QUESTION_OPENER, starts[opener] as number, ends[opener + 1] as number, w, false);
      }
    }

    // walk the tokens of the sentence: match phrases, track modifier scopes
    let negUntil = -1;
    let negatorEnd = -10;
    let negatorAt = -1;
    let modalUntil = -1;
    let boost = 1;
    let boostUntil = -1;
    let coverEnd = -1;
    let contrastAt = -1;
    const whyQuestion = hasOpener && (ids[opener] === ID_WHY || ids[opener] === ID_HOW);
    let sentimentCount = 0;
    let posPre = 0;
    let pendingStart = -1;
    let pendingEnd = -1;
    let pendingWeight = 0;
    let negatedPredicates = 0;
    let negPre = 0;
    let posPost = 0;
    let negPost = 0;
    let strongNegative = 0;
    let pendingIgnored = false;
    let setAsideUntil = -1;
    let confused = false;

    for (let i = firstToken; i < endToken; i++) {
      const k = kinds[i] as number;
      if (k === K_PUNCT) {
        const id = ids[i] as number;
        if (id !== ID_APOSTROPHE && id !== ID_QUOTE && id !== ID_HYPHEN && id !== ID_SLASH) {
          negUntil = -1;
          boostUntil = -1;
          if (id !== ID_OPEN_PAREN && id !== ID_CLOSE_PAREN) modalUntil = -1;
        }
        continue;
      }
      if (k === K_URL || k === K_MENTION) continue;
      // "instead of cancelling", "rather than switching": the option named next is set aside
      const wid = ids[i] as number;
      if ((wid === ID_INSTEAD || wid === ID_RATHER) && i + 1 < endToken) {
        const nid = ids[i + 1] as number;
        if ((wid === ID_INSTEAD && nid === ID_OF) || (wid === ID_RATHER && nid === ID_THAN))
          setAsideUntil = i + 3;
      }
      // longest phrase starting here
      let node = 0;
      let hitNode = -1;
      let stem = false;
      let end = i;
      for (let j = i; j < endToken && j - i < maxLength; j++) {
        const id = ids[j] as number;
        let next = j === i ? (id >= 0 ? (rootChild[id] as number) : -1) : childOf(c, node, id);
        if (next < 0 && (kinds[j] === K_NUMBER || (flagsOf(id) & F_NUMBER_WORD) !== 0))
          next = childOf(c, node, NUMBER_ID);
        if (next < 0) {
          if (j === i && kinds[j] === K_WORD) {
            // an inflected sentiment word: "greatest", "exquisitely", "happily"
            const f = tflags[j] as number;
            const st = sentimentStem(
              c,
              text,
              (f & T_HASHTAG) !== 0 ? (starts[j] as number) + 1 : (starts[j] as number),
              ends[j] as number,
              (f & T_OTHER) !== 0,
            );
            if (st >= 0) {
              hitNode = st;
              stem = true;
              end = i + 1;
            }
          }
          break;
        }
        node = next;
        if ((hitStart[node] as number) < (hitStart[node + 1] as number)) {
          hitNode = node;
          end = j + 1;
        }
      }
      if (pendingStart >= 0 && i > negUntil) {
        if (negatedPredicates < 2) {
          R[base + C] = (R[base + C] as number) + pendingWeight;
          record(C, si, NEGATOR, pendingStart, pendingEnd, pendingWeight, false);
          if (pendingIgnored) noteRepetition(si, pendingStart, pendingEnd, 1);
          grievance += pendingWeight;
          negatedPredicates++;
        }
        pendingStart = -1;
      }
      // greedy longest match, left to right: a phrase never starts inside another
      if (hitNode < 0 || i < coverEnd) continue;
      coverEnd = end;
      const cueStart = starts[i] as number;
      const cueEnd = ends[end - 1] as number;
      let shout = false;
      for (let q = i; q < end; q++) if (((tflags[q] as number) & T_SHOUT) !== 0) shout = true;
      const negated = i <= negUntil;
      // a negative word flips only right after its negator ("not bad", "no problem"); further away
      // the negation belongs to something else ("did not resolve my issue")
      const negatedClose = negated && i <= negatorEnd + 1;
      const hypothetical = i <= modalUntil;
      const boosted = i <= boostUntil ? boost : 1;
      const hitEnd = hitStart[hitNode + 1] as number;
      let polite = false;

      for (let h = hitStart[hitNode] as number; h < hitEnd; h++) {
        const kind = hitKind[h] as number;
        if (stem && kind !== POSITIVE && kind !== NEGATIVE) continue;
        const w = hitWeight[h] as number;
        if (collectCues) record(TARGET_CUE + kind, si, kind, cueStart, cueEnd, w, negated);
        switch (kind) {
          case NEGATOR:
            negUntil = end - 1 + NEGATION_WINDOW;
            negatorEnd = end;
            negatorAt = i;
            // a negated predicate ("it won't load my file", "I can't see the tab") reports a mismatch
            // between expectation and reality, the definition of a complaint, unless the negation
            // turns out to reverse a sentiment word (then the sentiment rule has it); a predicate of
            // functioning, arriving or answering counts fully (negation.ts)
            if (end < endToken && kinds[end] === K_WORD) {
              pendingStart = cueStart;
              const v = failedVerb(b, i, end, firstToken, first, endToken);
              pendingEnd = v >= 0 ? (ends[v] as number) : cueEnd;
              pendingWeight = v >= 0 ? FAILED_PREDICATE : NEGATED_PREDICATE;
              // "hasn't replied", "never answered": being ignored
              pendingIgnored = v >= 0 && (flagsOf(ids[v] as number) & F_ANSWER_VERB) !== 0;
            }
            break;
          case INTENSIFIER:
            boost = 1 + w;
            boostUntil = end + 1;
            break;
          case DIMINISHER:
            boost = Math.max(0, 1 - w);
            boostUntil = end + 1;
            break;
          case CONTRAST:
            if (i > firstToken) {
              contrastAt = i;
              posPre += posPost;
              negPre += negPost;
              posPost = 0;
              negPost = 0;
            }
            negUntil = -1;
            modalUntil = -1;
            break;
          case MODAL:
            modalUntil = end - 1 + MODAL_WINDOW;
            break;
          case POSITIVE:
          case NEGATIVE: {
            // "like" is a verb of liking only after a subject or an auxiliary ("I like", "don't
            // like"); elsewhere it compares or hedges ("looks like", "like 3 days", "like a bus")
            if (
              end === i + 1 &&
              (flagsOf(ids[i] as number) & F_LIKE) !== 0 &&
              !(
                i > firstToken &&
                kinds[i - 1] === K_WORD &&
                (flagsOf(ids[i - 1] as number) & F_LIKE_SUBJECT) !== 0
              )
            )
              break;
            let v = (kind === POSITIVE ? w : -w) * boosted * (shout ? SHOUT_FACTOR : 1);
            // "couldn't have been kinder", "can't be more helpful": a denied comparative is the
            // highest praise (litotes), and "couldn't be slower" the harshest blame, so the word
            // keeps its sign
            const litotes = negated && deniedComparative(b, negatorAt, negatorEnd, i);
            const flips =
              !litotes &&
              (kind === POSITIVE
                ? negated
                : negatedClose || (negated && (boostUntil >= i || bridged(b, negatorEnd, i))));
            if (flips || litotes) pendingStart = -1;
            if (flips) v *= NEGATION_FACTOR;
            // "it would be really nice to ..." is a wish: counts for suggestion, not praise; but
            // "would recommend" and "would stay again" endorse
            if (hypothetical && v > 0 && !litotes && (flagsOf(ids[end - 1] as number) & F_ENDORSE) === 0) {
              const sw = 0.5 * v;
              R[base + S] = (R[base + S] as number) + sw;
              record(S, si, EK_HYPOTHETICAL, cueStart, cueEnd, sw, false);
              break;
            }
            if (contrastAt >= 0) {
              if (v > 0) posPost += v;
              else negPost += v;
            } else if (v > 0) posPre += v;
            else negPre += v;
            if (v <= -1.5) strongNegative += -0.15 * v;
            if (sentimentCount < sentAt.length) {
              sentAt[sentimentCount] = i;
              sentValue[sentimentCount] = v;
              sentStart[sentimentCount] = cueStart;
              sentEnd[sentimentCount] = cueEnd;
              sentKind[sentimentCount] = kind;
              sentFlip[sentimentCount] = flips ? 1 : 0;
              sentimentCount++;
            }
            break;
          }
          case PROBLEM:
            if (negated) break;
            R[base + C] = (R[base + C] as number) + w * boosted;
            record(C, si, PROBLEM, cueStart, cueEnd, w * boosted, false);
            // "help me", "need help": a plea, which tells of a problem but voices no grievance
            if (!spans(ids, i, end, ID_HELP)) grievance += w * boosted;
            break;
          case REPETITION:
            // repeated contact, repeated failure, being ignored: a problem report, and frustration
            // when the message complains (decided after the last sentence)
            if (negated) break;
            R[base + C] = (R[base + C] as number) + w * boosted;
            record(C, si, REPETITION, cueStart, cueEnd, w * boosted, false);
            noteRepetition(si, cueStart, cueEnd, w * boosted);
            grievance += w * boosted;
            // a repetition shouted in capitals ("crashed AGAIN.") voices the feeling itself
            if (shout && cueEnd - cueStart > 2) {
              signalRaw[FRUSTRATION_SIGNAL] = (signalRaw[FRUSTRATION_SIGNAL] as number) + SHOUTED_REPETITION;
              record(
                TARGET_SIGNAL + FRUSTRATION_SIGNAL,
                si,
                REPETITION,
                cueStart,
                cueEnd,
                SHOUTED_REPETITION,
                false,
              );
            }
            break;
          case SUGGESTION:
          case IMPERATIVE: {
            if (kind === SUGGESTION ? negated : i !== lead || (lead > 0 && ids[lead - 1] === ID_I)) break;
            R[base + S] = (R[base + S] as number) + w;
            const at = record(S, si, kind, cueStart, cueEnd, w, false);
            // a request to put something right ("please fix", "refund"): a complaint when it points
            // at a reported problem (decided after the last sentence)
            if (at >= 0 && remedyN < remedyLog.length) {
              for (let v = i; v < end; v++) {
                if ((flagsOf(ids[v] as number) & F_REMEDY) === 0) continue;
                remedyLog[remedyN] = at;
                remedySentence[remedyN] = si;
                remedyWeight[remedyN] = w;
                remedyPointed[remedyN] = pointsBack(b, end - 1, endToken) ? 1 : 0;
                remedyN++;
                break;
              }
            }
            break;
          }
          case QUESTION:
            R[base + Q] = (R[base + Q] as number) + w * 0.8;
            record(Q, si, QUESTION, cueStart, cueEnd, w * 0.8, false);
            break;
          case POLITENESS:
            polite = true;
            break;
          default: {
            const signal = SIGNAL_INDEX[kind] as number;
            if (signal < 0) break;
            if (negated && kind !== FRUSTRATION) break;
            const sw = w * boosted * (i <= setAsideUntil ? SET_ASIDE : 1);
            if (kind === CONFUSION) {
              confused = true;
              if (confusionN < confusionAt.length) {
                confusionSentence[confusionN] = si;
                confusionAt[confusionN] = cueStart;
                confusionEnd[confusionN] = cueEnd;
                confusionWeight[confusionN] = sw;
                confusionN++;
              }
            } else if (kind === CANCEL && cancelSentence < 0 && sw >= 1) {
              cancelSentence = si;
              cancelStart = cueStart;
              cancelEnd = cueEnd;
            }
            signalRaw[signal] = (signalRaw[signal] as number) + sw;
            record(TARGET_SIGNAL + signal, si, kind, cueStart, cueEnd, sw, false);
            if (kind === GRATITUDE) {
              R[base + P] = (R[base + P] as number) + 0.7 * sw;
              thanks += 0.7 * sw;
              record(P, si, kind, cueStart, cueEnd, 0.7 * sw, false);
            } else if (kind === FRUSTRATION) {
              R[base + C] = (R[base + C] as number) + 0.4 * sw;
              record(C, si, kind, cueStart, cueEnd, 0.4 * sw, false);
            }
          }
        }
      }
      if (polite) {
        // "thanks in advance": politeness, so undo any gratitude counted for praise in this span
        for (let q = log.n - 1; q >= logStart; q--) {
          if (log.target[q] !== P || dropped(q)) continue;
          if ((log.start[q] as number) >= cueStart && (log.end[q] as number) <= cueEnd) {
            R[base + P] = (R[base + P] as number) - (log.weight[q] as number);
            drop(q);
          }
        }
      }
    }
    if (pendingStart >= 0 && negatedPredicates < 2) {
      R[base + C] = (R[base + C] as number) + pendingWeight;
      record(C, si, NEGATOR, pendingStart, pendingEnd, pendingWeight, false);
      if (pendingIgnored) noteRepetition(si, pendingStart, pendingEnd, 1);
      grievance += pendingWeight;
    }
    // "What does 'pending' mean?": the customer does not understand a word of ours
    if (!confused && hasOpener && ids[opener] === ID_WHAT && opener + 1 < endToken) {
      if ((flagsOf(ids[opener + 1] as number) & F_DO_AUX) !== 0) {
        for (let k = opener + 2; k < endToken; k++) {
          if (ids[k] !== ID_MEAN && ids[k] !== ID_MEANS) continue;
          signalRaw[CONFUSION_SIGNAL] = (signalRaw[CONFUSION_SIGNAL] as number) + MEANING_QUESTION;
          record(
            TARGET_SIGNAL + CONFUSION_SIGNAL,
            si,
            CONFUSION,
            starts[opener] as number,
            ends[k] as number,
            MEANING_QUESTION,
            false,
          );
          break;
        }
      }
    }
    // contrast: what follows "but" weighs more than what precedes it (VADER: ×0.5 before, ×1.5 after)
    // (sums are kept in full; only the evidence lists are capped)
    const preFactor = contrastAt >= 0 ? 0.5 : 1;
    const positive = posPre * preFactor + posPost * 1.5;
    const negative = negPre * preFactor + negPost * 1.5;
    const sentenceValence = positive + negative;
    R[base + P] = (R[base + P] as number) + 0.55 * positive;
    R[base + C] = (R[base + C] as number) + -0.65 * negative;
    grievance -= 0.65 * negative;
    signalRaw[FRUSTRATION_SIGNAL] = (signalRaw[FRUSTRATION_SIGNAL] as number) + strongNegative;
    for (let x = 0; x < sentimentCount; x++) {
      const at = sentAt[x] as number;
      const v = (sentValue[x] as number) * (contrastAt >= 0 ? (at < contrastAt ? 0.5 : 1.5) : 1);
      const s0 = sentStart[x] as number;
      const s1 = sentEnd[x] as number;
      const kind = sentKind[x] as number;
      const flipped = sentFlip[x] === 1;
      record(TARGET_SENTIMENT, si, kind, s0, s1, v, flipped);
      if (v > 0) record(P, si, kind, s0, s1, 0.55 * v, flipped);
      else if (v < 0) record(C, si, kind, s0, s1, -0.65 * v, flipped);
    }
    // a question about a problem is a complaint in question form ("Why is my order still not here?"):
    // a complaint is a mismatch between expectation and reality, whatever the sentence form
    if (question && (R[base + C] as number) >= (whyQuestion ? 0.5 : 0.9)) {
      R[base + C] = (R[base + C] as number) + (whyQuestion ? 0.8 : 0.5);
      R[base + Q] = (R[base + Q] as number) * 0.6;
    }
    // negative sentiment aimed at the addressee ("your app is useless") is a complaint to them
    if (sentenceValence < 0 && addresses(b, firstToken, endToken)) {
      R[base + C] = (R[base + C] as number) + Math.min(1, -0.25 * sentenceValence);
    }
    // a request worded as a question ("could you add ...?") is a suggestion first
    if ((R[base + S] as number) >= 1 && (R[base + Q] as number) > 0)
      R[base + Q] = (R[base + Q] as number) * 0.6;
    // praise inside a question ("is the great deal still on?") is not praise of us
    if (question && (R[base + P] as number) > 0) R[base + P] = (R[base + P] as number) * 0.5;
    sentenceQuestion[si] = question ? 1 : 0;
    sentenceThanks[si] = thanks;
    valence += sentenceValence;
  }
  // a request to put something right is part of a complaint, not a proposed improvement, when the
  // message reports a problem ("I was charged twice. Please fix this."), or carries a hint of one and
  // the request points back at it ("it's not right, please sort it"): its weight moves from
  // suggestion to complaint
  if (remedyN > 0) {
    let reported = false;
    let complaint = 0;
    for (let k = 0; k < sentences; k++) {
      const rc = R[4 * k + C] as number;
      if (rc >= 0.9) reported = true;
      complaint += rc;
    }
    for (let r = 0; r < remedyN; r++) {
      if (!reported && !(remedyPointed[r] === 1 && complaint >= 0.3)) continue;
      const base = 4 * (remedySentence[r] as number);
      const w = remedyWeight[r] as number;
      R[base + S] = (R[base + S] as number) - w;
      R[base + C] = (R[base + C] as number) + w;
      log.target[remedyLog[r] as number] = C;
    }
  }
  // a question next to a problem report asks for help with that problem ("The app won't open. What
  // do I do?"): the message is a complaint in question form, as within one sentence above
  if (sentences > 1) {
    let report = -1;
    for (let k = 0; k < sentences; k++) {
      const rc = R[4 * k + C] as number;
      if (rc >= 0.9 && rc >= (R[4 * k + Q] as number)) report = k;
    }
    if (report >= 0) {
      for (let k = 0; k < sentences; k++) {
        if (k !== report && sentenceQuestion[k] === 1 && (R[4 * k + S] as number) < 1) {
          R[4 * k + Q] = (R[4 * k + Q] as number) * QA_DAMP;
          R[4 * k + C] = (R[4 * k + C] as number) + QA_BONUS;
        }
      }
    }
  }
  // an intent to cancel with a grievance beside it ("I'm cancelling, the price went up again") is a
  // complaint: the grievance is the reason for leaving (a plea for help with cancelling is not one)
  if (cancelSentence >= 0 && grievance >= 0.5) {
    R[4 * cancelSentence + C] = (R[4 * cancelSentence + C] as number) + CANCEL_GRIEVANCE;
    record(C, cancelSentence, CANCEL, cancelStart, cancelEnd, CANCEL_GRIEVANCE, false);
  }
  // saying one does not understand asks for an explanation: a question, whatever its form, unless the
  // message reports a problem (then the confusion is part of the complaint)
  if (confusionN > 0) {
    let complaint = 0;
    for (let k = 0; k < sentences; k++) complaint += R[4 * k + C] as number;
    if (complaint < CONFUSION_COMPLAINT) {
      for (let x = 0; x < confusionN; x++) {
        const k = confusionSentence[x] as number;
        const w = CONFUSION_QUESTION * (confusionWeight[x] as number);
        R[4 * k + Q] = (R[4 * k + Q] as number) + w;
        record(Q, k, CONFUSION, confusionAt[x] as number, confusionEnd[x] as number, w, false);
      }
    }
  }
  // thanks in a message that asks, requests or complains is politeness ("Can you check? Thanks"),
  // not praise
  let asks = false;
  for (let k = 0; k < sentences; k++)
    if ((R[4 * k + Q] as number) >= 1 || (R[4 * k + S] as number) >= 1 || (R[4 * k + C] as number) >= 1)
      asks = true;
  if (asks) {
    let thanked = false;
    for (let k = 0; k < sentences; k++) {
      const t = sentenceThanks[k] as number;
      if (t <= 0) continue;
      thanked = true;
      R[4 * k + P] = (R[4 * k + P] as number) - 0.7 * Math.min(t, R[4 * k + P] as number);
    }
    if (thanked) {
      for (let q = 0; q < log.n; q++)
        if (
          log.target[q] === P &&
          log.kind[q] === GRATITUDE &&
          (sentenceThanks[log.sentence[q] as number] as number) > 0
        )
          log.weight[q] = (log.weight[q] as number) * 0.3;
    }
  }
  // repetition and being ignored are frustration in a message that complains (seed 000's unhappy
  // customer), and only a problem report in one that does not ("Can you send it again?")
  if (repN > 0 || repFrustration > 0) {
    let complaint = 0;
    let praise = 0;
    for (let k = 0; k < sentences; k++) {
      complaint += R[4 * k + C] as number;
      praise += R[4 * k + P] as number;
    }
    // evidence the customer need not name: where they name the feeling ("fed up"), repetition adds
    // nothing, and on its own it makes frustration present but not extreme (at most 1 − e^−1)
    const named = signalRaw[FRUSTRATION_SIGNAL] as number;
    const implied = Math.min(repFrustration, REPETITION_CAP);
    if (complaint >= 0.9 && complaint >= praise && implied > named) signalRaw[FRUSTRATION_SIGNAL] = implied;
    else for (let r = 0; r < repN; r++) drop(repLog[r] as number);
  }
  if (collectCues) {
    for (let si = 0; si < sentences; si++) {
      let n = 0;
      let third = 0;
      const to = b.sEndToken[si] as number;
      for (let i = b.sFirst[si] as number; i < to; i++) {
        if (kinds[i] !== K_WORD && kinds[i] !== K_NUMBER) continue;
        n++;
        if (n <= 3) third = ends[i] as number;
      }
      sentenceWords[si] = n;
      sentenceThirdWordEnd[si] = third;
    }
  }
  let words = 0;
  let thirdWordEnd = 0;
  let shouts = 0;
  for (let i = 0; i < b.n; i++) {
    const k = kinds[i];
    if (k === K_WORD || k === K_NUMBER) {
      words++;
      if (words <= 3) thirdWordEnd = ends[i] as number;
      const f = tflags[i] as number;
      if (
        (f & T_SHOUT) !== 0 &&
        (ends[i] as number) - (starts[i] as number) - ((f & T_HASHTAG) !== 0 ? 1 : 0) > 2
      )
        shouts++;
    }
  }
  return {
    text,
    sentences,
    sentenceStart: b.sStart,
    sentenceEnd: b.sEnd,
    raw: R,
    signalRaw,
    valence,
    exclamations,
    words,
    thirdWordEnd,
    shouts,
    sentenceWords,
    sentenceThirdWordEnd,
    sentenceQuestion,
    grievance,
  };
}

/** The raw type scores of sentence `k` (or, for −1, summed over the sentences). */
export function rawOf(a: Analysis, k = -1): Record<InteractionType, number> {
  const R = a.raw;
  if (k >= 0 || a.sentences === 1) {
    const base = 4 * Math.max(k, 0);
    return {
      question: R[base + Q] as number,
      complaint: R[base + C] as number,
      suggestion: R[base + S] as number,
      praise: R[base + P] as number,
    };
  }
  const raw = { question: 0, complaint: 0, suggestion: 0, praise: 0 };
  for (let s = 0; s < a.sentences; s++) {
    raw.question += R[4 * s + Q] as number;
    raw.complaint += R[4 * s + C] as number;
    raw.suggestion += R[4 * s + S] as number;
    raw.praise += R[4 * s + P] as number;
  }
  return raw;
}
