/*
 * The evidence of the last analysis, kept as parallel typed arrays rather than objects.
 *
 * Why: an analysis finds a dozen cues in a message, but a caller reads the evidence of one label (the
 * primary type, the listed signals). The pass appends each cue here as numbers, and the `Evidence`
 * objects, with their quoted text, are made only for what a result returns. The arrays are reused from
 * call to call (the pass is synchronous and never re-entered), so the hot path allocates nothing for
 * evidence it does not return.
 */
import { interactionTypes, type InteractionType } from "../schemas/vocabulary.js";
import type { Evidence, EvidenceKind, SignalName } from "./analyze.js";
import { cueKinds } from "./lexicon.js";

/** What a log entry counts for: a type (0–3, in {@link interactionTypes} order), a signal, sentiment, or a raw cue. */
export const TARGET_SIGNAL = 4;
export const TARGET_SENTIMENT = 13;
export const TARGET_CUE = 14;

/** The evidence kinds by index: the cue kinds, then the rules of sentence form. */
export const evidenceKinds: readonly EvidenceKind[] = [
  ...cueKinds,
  "question-mark",
  "question-opener",
  "hypothetical",
];
export const EK_QUESTION_MARK = cueKinds.length;
export const EK_QUESTION_OPENER = cueKinds.length + 1;
export const EK_HYPOTHETICAL = cueKinds.length + 2;

const NEGATED = 1;
const DELETED = 2;

/** Evidence lists keep at most this many entries (the scores still sum every cue). */
export const MAX_EVIDENCE = 64;

interface Log {
  n: number;
  target: Uint8Array;
  sentence: Int32Array;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  weight: Float64Array;
  flags: Uint8Array;
  /** Entries per list, for the cap: the four types of the current sentence, then every other target. */
  count: Int32Array;
}

function allocate(cap: number): Log {
  return {
    n: 0,
    target: new Uint8Array(cap),
    sentence: new Int32Array(cap),
    kind: new Uint8Array(cap),
    start: new Int32Array(cap),
    end: new Int32Array(cap),
    weight: new Float64Array(cap),
    flags: new Uint8Array(cap),
    count: new Int32Array(TARGET_CUE + cueKinds.length),
  };
}

/** The log (a constant object whose arrays are replaced when they grow). */
export const log: Log = allocate(128);

function grow(): void {
  const cap = log.target.length * 2;
  const next = allocate(cap);
  next.target.set(log.target);
  next.sentence.set(log.sentence);
  next.kind.set(log.kind);
  next.start.set(log.start);
  next.end.set(log.end);
  next.weight.set(log.weight);
  next.flags.set(log.flags);
  log.target = next.target;
  log.sentence = next.sentence;
  log.kind = next.kind;
  log.start = next.start;
  log.end = next.end;
  log.weight = next.weight;
  log.flags = next.flags;
}

/** Empties the log for a new analysis. */
export function resetLog(): void {
  indexedAt = -1;
  log.n = 0;
  log.count.fill(0);
}

/** Starts a sentence: the per-sentence caps of the four types start again. */
export function startSentenceLog(): void {
  const c = log.count;
  c[0] = 0;
  c[1] = 0;
  c[2] = 0;
  c[3] = 0;
}

/** Appends an entry unless its list is full; returns its index or −1. */
export function record(
  target: number,
  sentence: number,
  kind: number,
  start: number,
  end: number,
  weight: number,
  negated: boolean,
): number {
  const c = log.count;
  if ((c[target] as number) >= MAX_EVIDENCE) return -1;
  c[target] = (c[target] as number) + 1;
  const k = log.n;
  if (k === log.target.length) grow();
  log.target[k] = target;
  log.sentence[k] = sentence;
  log.kind[k] = kind;
  log.start[k] = start;
  log.end[k] = end;
  log.weight[k] = weight;
  log.flags[k] = negated ? NEGATED : 0;
  log.n = k + 1;
  return k;
}

/** Drops entry `k` (it no longer counts, and frees a place in its list). */
export function drop(k: number): void {
  log.flags[k] = (log.flags[k] as number) | DELETED;
  const t = log.target[k] as number;
  log.count[t] = (log.count[t] as number) - 1;
}

/** Whether entry `k` sat in the scope of a negation. */
export function negatedAt(k: number): boolean {
  return ((log.flags[k] as number) & NEGATED) !== 0;
}

/** Whether entry `k` was dropped. */
export function dropped(k: number): boolean {
  return ((log.flags[k] as number) & DELETED) !== 0;
}

/** The evidence object of entry `k`, quoting `text`. */
export function evidenceAt(text: string, k: number): Evidence {
  const start = log.start[k] as number;
  const end = log.end[k] as number;
  const e: Evidence = {
    cue: text.slice(start, end),
    kind: evidenceKinds[log.kind[k] as number] as EvidenceKind,
    span: [start, end],
    weight: log.weight[k] as number,
  };
  if (((log.flags[k] as number) & NEGATED) !== 0) e.negated = true;
  return e;
}

/**
 * The evidence of `target` in log order (the order the cues were found), from the sentence
 * `sentence` only, or from all when it is −1.
 */
export function evidenceOf(text: string, target: number, sentence = -1): Evidence[] {
  const out: Evidence[] = [];
  if (sentence >= 0) {
    // Per-sentence results ask once per sentence: scanning the whole log each time was quadratic
    // in the length of the text (issue 13), so entries are indexed by sentence once per analysis.
    if (indexedAt !== log.n) indexBySentence();
    if (sentence >= sentenceCount) return out;
    const last = sentenceOffsets[sentence + 1] as number;
    for (let i = sentenceOffsets[sentence] as number; i < last; i++) {
      const k = sentenceOrder[i] as number;
      if (log.target[k] === target && !dropped(k)) out.push(evidenceAt(text, k));
    }
    return out;
  }
  const n = log.n;
  for (let k = 0; k < n; k++) {
    if (log.target[k] !== target || dropped(k)) continue;
    out.push(evidenceAt(text, k));
  }
  return out;
}

/** The log's size when {@link sentenceOrder} was built; −1 when it is stale. */
let indexedAt = -1;
/** The number of sentences the index covers. */
let sentenceCount = 0;
/** Entry indices grouped by sentence, in log order within a sentence. */
let sentenceOrder = new Int32Array(0);
/** Where each sentence's entries start in {@link sentenceOrder} (one more slot than sentences). */
let sentenceOffsets = new Int32Array(1);

/** A counting sort of the log's entries by sentence: linear in the entries and sentences. */
function indexBySentence(): void {
  const n = log.n;
  let sentences = 0;
  for (let k = 0; k < n; k++) sentences = Math.max(sentences, (log.sentence[k] as number) + 1);
  if (sentenceOffsets.length < sentences + 1) sentenceOffsets = new Int32Array(2 * (sentences + 1));
  else sentenceOffsets.fill(0, 0, sentences + 1);
  const offsets = sentenceOffsets.subarray(0, sentences + 1);
  for (let k = 0; k < n; k++) {
    const s = log.sentence[k] as number;
    if (s >= 0) offsets[s + 1] = (offsets[s + 1] as number) + 1;
  }
  for (let s = 0; s < sentences; s++) offsets[s + 1] = (offsets[s + 1] as number) + (offsets[s] as number);
  if (sentenceOrder.length < n) sentenceOrder = new Int32Array(2 * n);
  const cursor = offsets.slice(0, sentences);
  for (let k = 0; k < n; k++) {
    const s = log.sentence[k] as number;
    if (s < 0) continue;
    const at = cursor[s] as number;
    sentenceOrder[at] = k;
    cursor[s] = at + 1;
  }
  sentenceCount = sentences;
  indexedAt = n;
}

/** The log target of an interaction type. */
export function typeTarget(type: InteractionType): number {
  return interactionTypes.indexOf(type);
}

/** The log target of a signal, given its index in signalNames. */
export function signalTarget(index: number): number {
  return TARGET_SIGNAL + index;
}

export type { SignalName };
