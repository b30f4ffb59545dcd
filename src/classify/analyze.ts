/*
 * The one pass behind every built-in classifier: tokenise, match the lexicon's phrases (longest
 * first), and apply the rules of sentiment composition — negation scope, intensifiers and
 * diminishers, capitals, contrast ("but"), irrealis modals ("would be great") — in the manner of
 * VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
 * Social Media Text", ICWSM), plus the sentence-form cues of questions (a final "?", wh-words,
 * subject–auxiliary inversion) and of requests (a clause-initial imperative verb).
 *
 * Everything is a single walk over the tokens; the phrase walk at each token is bounded by the
 * longest phrase, so the whole is linear in the input length.
 */
import type { InteractionType } from "../schemas/vocabulary.js";
import { type CueHit, type CueKind, compiledOf, type Lexicon, NUMBER_KEY, type TrieNode } from "./lexicon.js";
import { type Token, tokenize } from "./tokenize.js";

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

/** Per-sentence raw scores (sums of weights, ≥ 0) for the four interaction types. */
export interface SentenceAnalysis {
  start: number;
  end: number;
  raw: Record<InteractionType, number>;
  evidence: Record<InteractionType, Evidence[]>;
  /** Signed sum of valences in the sentence. */
  valence: number;
  /** The sentence ends with (or contains) a question mark. */
  question: boolean;
  /** The part of the praise score that comes from thanks. */
  thanks: number;
}

export interface Analysis {
  tokens: Token[];
  sentences: SentenceAnalysis[];
  /** Sum of signed valences, contrast-weighted. */
  valence: number;
  /** Evidence of sentiment (positive and negative cues). */
  sentimentEvidence: Evidence[];
  signalRaw: Record<SignalName, number>;
  signalEvidence: Record<SignalName, Evidence[]>;
  /** Every lexicon match, for the act classifier: kind → evidence (empty unless asked for). */
  cues: Map<CueKind, Evidence[]>;
  exclamations: number;
}

const NEGATION_FACTOR = -0.74; // VADER's N_SCALAR
const SHOUT_FACTOR = 1.3; // VADER's C_INCR is +0.733 on a ~2 valence: roughly ×1.3
const NEGATION_WINDOW = 3; // VADER looks three words back
const MODAL_WINDOW = 4;

const WH = new Set([
  "what",
  "why",
  "how",
  "where",
  "when",
  "who",
  "which",
  "whom",
  "whose",
  "what's",
  "how's",
  "where's",
  "who's",
  "when's",
  "why's",
]);
const AUX = new Set([
  "is",
  "are",
  "am",
  "was",
  "were",
  "do",
  "does",
  "did",
  "can",
  "could",
  "will",
  "would",
  "should",
  "shall",
  "may",
  "might",
  "have",
  "has",
  "had",
  "isn't",
  "aren't",
  "don't",
  "doesn't",
  "didn't",
  "can't",
  "won't",
  "wouldn't",
  "shouldn't",
  "couldn't",
  "haven't",
  "hasn't",
  "wasn't",
  "weren't",
]);
const SUBJECTS = new Set([
  "you",
  "i",
  "we",
  "it",
  "this",
  "that",
  "there",
  "anyone",
  "anybody",
  "someone",
  "somebody",
  "the",
  "my",
  "your",
  "they",
  "he",
  "she",
  "these",
  "those",
  "our",
  "u",
  "ya",
  "y'all",
  "a",
  "an",
  "any",
  "me",
  "us",
  "his",
  "her",
  "their",
]);

const LEAD_FILLERS = new Set([
  "please",
  "so",
  "and",
  "also",
  "just",
  "pls",
  "plz",
  "kindly",
  "hi",
  "hey",
  "hello",
  "dear",
  "ok",
  "okay",
  "well",
  "oh",
  "btw",
  "then",
  "now",
]);
const OPENER_FILLERS = new Set([
  "so",
  "and",
  "also",
  "hi",
  "hey",
  "hello",
  "dear",
  "ok",
  "okay",
  "well",
  "oh",
  "btw",
  "but",
  "then",
  "now",
  "um",
  "hmm",
  "guys",
  "team",
  "there",
]);
/** Evidence lists keep at most this many entries (the scores still sum every cue). */
const MAX_EVIDENCE = 64;

function evidenceOf(
  cue: string,
  kind: EvidenceKind,
  span: readonly [number, number],
  weight: number,
  negated: boolean,
): Evidence {
  return negated ? { cue, kind, span, weight, negated: true } : { cue, kind, span, weight };
}

function push(
  list: Evidence[],
  text: string,
  start: number,
  end: number,
  kind: EvidenceKind,
  weight: number,
  negated: boolean,
): void {
  if (list.length < MAX_EVIDENCE)
    list.push(evidenceOf(text.slice(start, end), kind, [start, end], weight, negated));
}

const stemCache = new WeakMap<TrieNode, Map<string, CueHit[] | null>>();

/**
 * The sentiment cues of a word's base form when the word itself is not in the lexicon: `-ly` and
 * `-ily` adverbs, `-er`/`-est` comparatives and superlatives (with a doubled consonant or a `y`).
 */
function sentimentStem(root: TrieNode, word: string): CueHit[] | null {
  if (word.length < 5) return null;
  let cache = stemCache.get(root);
  if (!cache) {
    cache = new Map();
    stemCache.set(root, cache);
  }
  const known = cache.get(word);
  if (known !== undefined) return known;
  const candidates: string[] = [];
  const cut = (n: number) => word.slice(0, word.length - n);
  if (word.endsWith("ily")) candidates.push(`${cut(3)}y`);
  else if (word.endsWith("ly")) candidates.push(cut(2), `${cut(2)}e`);
  if (word.endsWith("iest")) candidates.push(`${cut(4)}y`);
  else if (word.endsWith("est")) candidates.push(cut(3), cut(2), cut(4));
  if (word.endsWith("ier")) candidates.push(`${cut(3)}y`);
  else if (word.endsWith("er")) candidates.push(cut(2), cut(1), cut(3));
  let found: CueHit[] | null = null;
  for (const c of candidates) {
    const hits = root.next?.get(c)?.hits;
    if (hits) {
      const sentiment = hits.filter((h) => h.kind === "positive" || h.kind === "negative");
      if (sentiment.length > 0) {
        found = sentiment;
        break;
      }
    }
  }
  if (cache.size < 10_000) cache.set(word, found);
  return found;
}

/** Whether a sentence speaks to someone ("you", "your"): checked only for negative sentences. */
function addresses(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (SECOND_PERSON.has((tokens[k] as Token).norm)) return true;
  return false;
}

const NEGATED_PREDICATE = 0.35;

/** Counts one negated predicate as a complaint cue (at most two a sentence); returns 1 if counted. */
function commitNegation(
  raw: Record<InteractionType, number>,
  evidence: Record<InteractionType, Evidence[]>,
  text: string,
  at: { start: number; end: number },
  sofar: number,
): number {
  if (sofar >= 2) return 0;
  raw.complaint += NEGATED_PREDICATE;
  push(evidence.complaint, text, at.start, at.end, "negator", NEGATED_PREDICATE, false);
  return 1;
}

function politeness(hits: CueHit[]): boolean {
  for (let k = 0; k < hits.length; k++) if ((hits[k] as CueHit).kind === "politeness") return true;
  return false;
}

const SECOND_PERSON = new Set(["you", "your", "you're", "youre", "yours", "u", "ur", "y'all", "ya"]);

function emptyTypes<T>(make: () => T): Record<InteractionType, T> {
  return { question: make(), complaint: make(), suggestion: make(), praise: make() };
}

function emptySignals<T>(make: () => T): Record<SignalName, T> {
  return {
    urgency: make(),
    frustration: make(),
    confusion: make(),
    gratitude: make(),
    "purchase-intent": make(),
    comparison: make(),
    onboarding: make(),
    loyalty: make(),
    "cancel-intent": make(),
  };
}

function isSignal(kind: CueKind): kind is SignalName {
  switch (kind) {
    case "urgency":
    case "frustration":
    case "confusion":
    case "gratitude":
    case "purchase-intent":
    case "comparison":
    case "onboarding":
    case "loyalty":
    case "cancel-intent":
      return true;
    default:
      return false;
  }
}

/** How much of a text the classifiers read by default (UTF-16 code units). */
export const DEFAULT_MAX_LENGTH = 20_000;

/** The prefix of `text` the classifiers read: at most `limit` code units, never splitting a surrogate pair. */
export function window(text: string, limit: number | undefined): string {
  const max =
    limit === undefined || Number.isNaN(limit) ? DEFAULT_MAX_LENGTH : Math.max(0, Math.floor(limit));
  if (text.length <= max) return text;
  let cut = max;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return text.slice(0, cut);
}

/**
 * Runs the single analysis pass over (the first `limit` code units of) `text` with `lexicon`
 * (English by default).
 */
export function analyze(input: unknown, lexicon?: Lexicon, limit?: number, collectCues = false): Analysis {
  const text = window(typeof input === "string" ? input : String(input), limit);
  const { root, maxLength } = compiledOf(lexicon);
  const { tokens, sentences: spans } = tokenize(text);

  const signalRaw = emptySignals(() => 0);
  const signalEvidence = emptySignals<Evidence[]>(() => []);
  const sentimentEvidence: Evidence[] = [];
  const cues = new Map<CueKind, Evidence[]>();
  const sentences: SentenceAnalysis[] = [];
  let valence = 0;
  let exclamations = 0;

  for (const span of spans) {
    const raw = emptyTypes(() => 0);
    const evidence = emptyTypes<Evidence[]>(() => []);
    const s: SentenceAnalysis = {
      start: span.start,
      end: span.end,
      raw,
      evidence,
      valence: 0,
      question: false,
      thanks: 0,
    };
    sentences.push(s);

    // sentence form: the first word (after @mentions and "please"/"so"/"and") and the final mark
    let first = span.firstToken;
    while (first < span.endToken && (tokens[first] as Token).kind !== "word") first++;
    let lead = first;
    while (
      lead < span.endToken &&
      ((tokens[lead] as Token).kind !== "word" || LEAD_FILLERS.has((tokens[lead] as Token).norm))
    )
      lead++;
    const leadTok = lead < span.endToken ? (tokens[lead] as Token) : null;
    // the question opener is the first word after greetings and fillers ("Hi, do you ship abroad?")
    let opener = first;
    while (
      opener < span.endToken &&
      ((tokens[opener] as Token).kind !== "word" || OPENER_FILLERS.has((tokens[opener] as Token).norm))
    )
      opener++;
    const openerTok = opener < span.endToken ? (tokens[opener] as Token) : null;

    let lastMark: Token | null = null;
    let questionMarks = 0;
    let endsWithQuestion = false;
    for (let i = span.endToken - 1; i >= span.firstToken; i--) {
      const t = tokens[i] as Token;
      if (t.kind === "punct" && t.norm === "?") {
        if (questionMarks === 0) {
          lastMark = t;
          if (i >= span.endToken - 2) endsWithQuestion = true;
        }
        questionMarks++;
      }
      if (t.kind === "punct" && t.norm === "!") exclamations++;
    }
    if (lastMark !== null) {
      s.question = true;
      const w = endsWithQuestion ? 1.6 : 0.8;
      raw.question += w;
      evidence.question.push({
        cue: text.slice(lastMark.start, lastMark.end),
        kind: "question-mark",
        span: [lastMark.start, lastMark.end],
        weight: w,
      });
    }
    if (openerTok) {
      const firstTok = openerTok;
      const next = opener + 1 < span.endToken ? (tokens[opener + 1] as Token) : null;
      if (WH.has(firstTok.norm) && !(next && (next.norm === "a" || next.norm === "an"))) {
        const w = questionMarks > 0 ? 0.6 : 0.9;
        raw.question += w;
        evidence.question.push({
          cue: text.slice(firstTok.start, firstTok.end),
          kind: "question-opener",
          span: [firstTok.start, firstTok.end],
          weight: w,
        });
      } else if (AUX.has(firstTok.norm) && next && SUBJECTS.has(next.norm)) {
        const w = questionMarks > 0 ? 0.6 : 0.9;
        raw.question += w;
        evidence.question.push({
          cue: text.slice(firstTok.start, next.end),
          kind: "question-opener",
          span: [firstTok.start, next.end],
          weight: w,
        });
      }
    }

    // walk the tokens of the sentence: match phrases, track modifier scopes
    let negUntil = -1;
    let negatorEnd = -10;
    let modalUntil = -1;
    let boost = 1;
    let boostUntil = -1;
    let coverEnd = -1;
    let contrastAt = -1;
    const whyQuestion = openerTok !== null && (openerTok.norm === "why" || openerTok.norm === "how");
    const sentiments: { at: number; v: number; ev: Evidence }[] = [];
    let posPre = 0;
    let pendingNegation: { start: number; end: number } | null = null;
    let negatedPredicates = 0;
    let negPre = 0;
    let posPost = 0;
    let negPost = 0;
    let strongNegative = 0;

    for (let i = span.firstToken; i < span.endToken; i++) {
      const t = tokens[i] as Token;
      if (t.kind === "punct") {
        if (t.norm !== "'" && t.norm !== '"' && t.norm !== "-" && t.norm !== "/") {
          negUntil = -1;
          boostUntil = -1;
          if (t.norm !== "(" && t.norm !== ")") modalUntil = -1;
        }
        continue;
      }
      if (t.kind === "url" || t.kind === "mention") continue;
      // longest phrase starting here
      let node: TrieNode | undefined = root;
      let hits: CueHit[] | null = null;
      let end = i;
      for (let j = i; j < span.endToken && j - i < maxLength; j++) {
        const tj = tokens[j] as Token;
        let next: TrieNode | undefined = node.next?.get(tj.norm);
        if (next === undefined && tj.kind === "number") next = node.next?.get(NUMBER_KEY);
        if (next === undefined && j === i && tj.kind === "word") {
          // an inflected sentiment word: "greatest", "exquisitely", "happily"
          const stemHits = sentimentStem(root, tj.norm);
          if (stemHits !== null) {
            hits = stemHits;
            end = i + 1;
          }
        }
        if (next === undefined) break;
        node = next;
        if (node.hits !== null) {
          hits = node.hits;
          end = j + 1;
        }
      }
      if (pendingNegation !== null && i > negUntil) {
        negatedPredicates += commitNegation(raw, evidence, text, pendingNegation, negatedPredicates);
        pendingNegation = null;
      }
      // greedy longest match, left to right: a phrase never starts inside another
      if (hits === null || i < coverEnd) continue;
      coverEnd = end;
      const lastTok = tokens[end - 1] as Token;
      const cueStart = t.start;
      const cueEnd = lastTok.end;
      let shout = false;
      for (let k = i; k < end; k++) if ((tokens[k] as Token).shout) shout = true;
      const negated = i <= negUntil;
      // a negative word flips only right after its negator ("not bad", "no problem"); further away
      // the negation belongs to something else ("did not resolve my issue")
      const negatedClose = negated && i <= negatorEnd + 1;
      const hypothetical = i <= modalUntil;
      const boosted = i <= boostUntil ? boost : 1;

      for (const hit of hits) {
        const kind = hit.kind;
        const w = hit.weight;
        if (collectCues) {
          let list = cues.get(kind);
          if (!list) {
            list = [];
            cues.set(kind, list);
          }
          push(list, text, cueStart, cueEnd, kind, w, negated);
        }
        switch (kind) {
          case "negator":
            negUntil = end - 1 + NEGATION_WINDOW;
            negatorEnd = end;
            // a negated predicate ("it won't load my file", "I can't see the tab") reports a mismatch
            // between expectation and reality, the definition of a complaint, unless the negation
            // turns out to reverse a sentiment word (then the sentiment rule has it)
            if (end < span.endToken && (tokens[end] as Token).kind === "word") {
              pendingNegation = { start: cueStart, end: cueEnd };
            }
            break;
          case "intensifier":
            boost = 1 + w;
            boostUntil = end + 1;
            break;
          case "diminisher":
            boost = Math.max(0, 1 - w);
            boostUntil = end + 1;
            break;
          case "contrast":
            if (i > span.firstToken) {
              contrastAt = i;
              posPre += posPost;
              negPre += negPost;
              posPost = 0;
              negPost = 0;
            }
            negUntil = -1;
            modalUntil = -1;
            break;
          case "modal":
            modalUntil = end - 1 + MODAL_WINDOW;
            break;
          case "positive":
          case "negative": {
            let v = (kind === "positive" ? w : -w) * boosted * (shout ? SHOUT_FACTOR : 1);
            const flips = kind === "positive" ? negated : negatedClose || (negated && boostUntil >= i);
            if (flips) pendingNegation = null;
            if (flips) v *= NEGATION_FACTOR;
            if (hypothetical && v > 0) {
              // "it would be really nice to ..." is a wish: counts for suggestion, not praise
              const sw = 0.5 * v;
              raw.suggestion += sw;
              push(evidence.suggestion, text, cueStart, cueEnd, "hypothetical", sw, false);
              break;
            }
            if (contrastAt >= 0) {
              if (v > 0) posPost += v;
              else negPost += v;
            } else if (v > 0) posPre += v;
            else negPre += v;
            if (v <= -1.5) strongNegative += -0.15 * v;
            if (sentiments.length < MAX_EVIDENCE) {
              sentiments.push({
                at: i,
                v,
                ev: evidenceOf(text.slice(cueStart, cueEnd), kind, [cueStart, cueEnd], v, flips),
              });
            }
            break;
          }
          case "problem":
            if (negated) break;
            raw.complaint += w * boosted;
            push(evidence.complaint, text, cueStart, cueEnd, kind, w * boosted, false);
            break;
          case "suggestion":
            if (negated) break;
            raw.suggestion += w;
            push(evidence.suggestion, text, cueStart, cueEnd, kind, w, false);
            break;
          case "imperative":
            if (i === lead && !(leadTok !== null && (tokens[lead - 1] as Token | undefined)?.norm === "i")) {
              raw.suggestion += w;
              push(evidence.suggestion, text, cueStart, cueEnd, "imperative", w, false);
            }
            break;
          case "question":
            raw.question += w * 0.8;
            push(evidence.question, text, cueStart, cueEnd, kind, w * 0.8, false);
            break;
          case "politeness":
            break;
          default:
            if (isSignal(kind)) {
              if (negated && kind !== "frustration") break;
              const sw = w * boosted;
              signalRaw[kind] += sw;
              push(signalEvidence[kind], text, cueStart, cueEnd, kind, sw, false);
              if (kind === "gratitude") {
                raw.praise += 0.7 * sw;
                s.thanks += 0.7 * sw;
                push(evidence.praise, text, cueStart, cueEnd, kind, 0.7 * sw, false);
              } else if (kind === "frustration") {
                raw.complaint += 0.4 * sw;
                push(evidence.complaint, text, cueStart, cueEnd, kind, 0.4 * sw, false);
              }
            }
        }
      }
      if (politeness(hits)) {
        // "thanks in advance": politeness, so undo any gratitude counted for praise in this span
        for (let k = evidence.praise.length - 1; k >= 0; k--) {
          const e = evidence.praise[k] as Evidence;
          if (e.span[0] >= cueStart && e.span[1] <= cueEnd) {
            raw.praise -= e.weight;
            evidence.praise.splice(k, 1);
          }
        }
      }
    }
    // contrast: what follows "but" weighs more than what precedes it (VADER: ×0.5 before, ×1.5 after)
    if (pendingNegation !== null)
      negatedPredicates += commitNegation(raw, evidence, text, pendingNegation, negatedPredicates);
    // (sums are kept in full; only the evidence lists are capped)
    const preFactor = contrastAt >= 0 ? 0.5 : 1;
    const positive = posPre * preFactor + posPost * 1.5;
    const negative = negPre * preFactor + negPost * 1.5;
    const sentenceValence = positive + negative;
    raw.praise += 0.55 * positive;
    raw.complaint += -0.65 * negative;
    signalRaw.frustration += strongNegative;
    for (const x of sentiments) {
      const v = x.v * (contrastAt >= 0 ? (x.at < contrastAt ? 0.5 : 1.5) : 1);
      x.ev.weight = v;
      if (sentimentEvidence.length < MAX_EVIDENCE) sentimentEvidence.push(x.ev);
      if (v > 0)
        push(evidence.praise, text, x.ev.span[0], x.ev.span[1], x.ev.kind, 0.55 * v, x.ev.negated === true);
      else if (v < 0)
        push(
          evidence.complaint,
          text,
          x.ev.span[0],
          x.ev.span[1],
          x.ev.kind,
          -0.65 * v,
          x.ev.negated === true,
        );
    }
    // a question about a problem is a complaint in question form ("Why is my order still not here?"):
    // a complaint is a mismatch between expectation and reality, whatever the sentence form
    if (s.question && raw.complaint >= (whyQuestion ? 0.5 : 0.9)) {
      raw.complaint += whyQuestion ? 0.8 : 0.5;
      raw.question *= 0.6;
    }
    // negative sentiment aimed at the addressee ("your app is useless") is a complaint to them
    if (sentenceValence < 0 && addresses(tokens, span.firstToken, span.endToken)) {
      raw.complaint += Math.min(1, -0.25 * sentenceValence);
    }
    // a request worded as a question ("could you add ...?") is a suggestion first
    if (raw.suggestion >= 1 && raw.question > 0) raw.question *= 0.6;
    // praise inside a question ("is the great deal still on?") is not praise of us
    if (s.question && raw.praise > 0) raw.praise *= 0.5;
    s.valence = sentenceValence;
    valence += sentenceValence;
  }
  // thanks in a message that asks, requests or complains is politeness ("Can you check? Thanks"),
  // not praise
  let asks = false;
  for (const s of sentences)
    if (s.raw.question >= 1 || s.raw.suggestion >= 1 || s.raw.complaint >= 1) asks = true;
  if (asks) {
    for (const s of sentences) {
      if (s.thanks <= 0) continue;
      const cut = 0.7 * Math.min(s.thanks, s.raw.praise);
      s.raw.praise -= cut;
      for (const e of s.evidence.praise) if (e.kind === "gratitude") e.weight *= 0.3;
    }
  }
  return { tokens, sentences, valence, sentimentEvidence, signalRaw, signalEvidence, cues, exclamations };
}
