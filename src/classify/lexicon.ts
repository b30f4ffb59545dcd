/*
 * Cue lexicons: phrases of one or more tokens, each with a kind and a weight, compiled into a trie
 * keyed by token so that matching is one walk per token, bounded by the longest phrase.
 */
import { englishCues } from "./english-cues.js";
import { tokenize } from "./tokenize.js";

/**
 * The kinds of cue a lexicon holds.
 *
 * @remarks
 * Sentiment (`positive`, `negative`, valence 0–4 like VADER's scale), the interaction-type cues
 * (`problem`, `suggestion`, `imperative`, `question`), the modifiers applied by rule (`negator`,
 * `intensifier`, `diminisher`, `contrast`, `modal`), the signals of {@link detectSignals}, the
 * politeness markers that keep "thanks in advance" from counting as praise, and the dialogue-act
 * cues of {@link classifyAct}.
 *
 * @example
 * ```ts
 * import { cueKinds } from "touchpoint/classify";
 *
 * cueKinds.includes("suggestion"); // => true
 * ```
 *
 * @category Lexicons
 */
export const cueKinds = [
  "positive",
  "negative",
  "problem",
  "suggestion",
  "imperative",
  "question",
  "negator",
  "intensifier",
  "diminisher",
  "contrast",
  "modal",
  "urgency",
  "frustration",
  "confusion",
  "gratitude",
  "politeness",
  "purchase-intent",
  "comparison",
  "onboarding",
  "loyalty",
  "cancel-intent",
  "greeting",
  "goodbye",
  "restate",
  "propose",
  "accept",
  "reject",
  "confirm",
  "apology",
] as const;

/** A kind of cue ({@link cueKinds}). @category Lexicons */
export type CueKind = (typeof cueKinds)[number];

/**
 * Cues to add or replace: for each kind, phrase → weight. A weight of 0 removes the phrase; a negative
 * weight lowers the score of its kind (and, being the longer match, keeps the words inside it from
 * counting: `"my order"` at −0.4 stops `"order"` from reading as purchase intent).
 *
 * @category Lexicons
 */
export type CueInput = { readonly [K in CueKind]?: Readonly<Record<string, number>> };

/** One kind a phrase carries, with its weight. */
export interface CueHit {
  /** The kind of cue. */
  kind: CueKind;
  /** Its weight (for sentiment kinds, the valence magnitude). */
  weight: number;
}

/** The trie key that a `#` in a phrase compiles to: it matches any number token. */
export const NUMBER_KEY = "\u0000#";

export interface TrieNode {
  next: Map<string, TrieNode> | null;
  hits: CueHit[] | null;
}

/**
 * A compiled cue lexicon, built by {@link createLexicon}; pass it as the `lexicon` option.
 *
 * @category Lexicons
 */
export interface Lexicon {
  /** The cues it was compiled from, by kind: phrase → weight. */
  readonly cues: { readonly [K in CueKind]: Readonly<Record<string, number>> };
}

/** The compiled form of a lexicon: its phrase trie and longest phrase. */
export interface CompiledLexicon {
  root: TrieNode;
  maxLength: number;
}

const compiled = new WeakMap<Lexicon, CompiledLexicon>();

/** The trie of a lexicon made by {@link createLexicon}; an unknown object falls back to English. */
export function compiledOf(lexicon: Lexicon | undefined): CompiledLexicon {
  const c = lexicon === undefined ? undefined : compiled.get(lexicon);
  if (c) return c;
  if (lexicon?.cues) {
    const made = compile(lexicon.cues as { [K in CueKind]: Record<string, number> });
    compiled.set(lexicon, made.trie);
    return made.trie;
  }
  return compiledOf(englishLexicon());
}

/** Options of {@link createLexicon}. @category Lexicons */
export interface CreateLexiconOptions {
  /**
   * `"add"` (default) merges the given cues into the built-in English lexicon, overriding the weight of
   * phrases it already has; `"replace-kinds"` drops the built-in phrases of every kind given and uses
   * yours; `"replace"` starts from an empty lexicon.
   */
  mode?: "add" | "replace-kinds" | "replace";
}

/**
 * Returns a compiled cue lexicon: the built-in English cues with yours added, or yours alone.
 *
 * @remarks
 * Phrases are tokenised like the text they are matched against (lower case, straight apostrophes),
 * so `"Doesn’t work"` and `"doesn't work"` are the same phrase. Matching prefers the longest phrase:
 * a phrase inside a longer match (`"great"` inside `"would be great if"`) does not count on its own.
 * Compile once and reuse: building walks every phrase.
 *
 * @param cues - phrases to add, by kind (phrase → weight; weight 0 removes a phrase)
 * @param options - whether to add to the built-in cues or replace them
 * @returns the compiled lexicon
 *
 * @example
 * ```ts
 * import { createLexicon, detectSignals } from "touchpoint/classify";
 *
 * const lexicon = createLexicon({ urgency: { "before the launch": 1.5 } });
 * detectSignals("We need the fix before the launch", { lexicon }).signals.map((s) => s.signal); // => ["urgency"]
 * ```
 *
 * @category Lexicons
 */
export function createLexicon(cues: CueInput = {}, options: CreateLexiconOptions = {}): Lexicon {
  const mode = options.mode ?? "add";
  const merged = {} as { [K in CueKind]: Record<string, number> };
  for (const kind of cueKinds) {
    const given = cues[kind];
    const base = mode === "replace" || (mode === "replace-kinds" && given) ? {} : englishCues[kind];
    const out: Record<string, number> = { ...base };
    if (given) {
      for (const phrase of Object.keys(given)) {
        const w = given[phrase];
        if (typeof w !== "number" || !Number.isFinite(w) || w === 0) delete out[phrase];
        else out[phrase] = w;
      }
    }
    merged[kind] = out;
  }
  return compile(merged).lexicon;
}

function compile(cues: { [K in CueKind]: Record<string, number> }): {
  lexicon: Lexicon;
  trie: CompiledLexicon;
} {
  const root: TrieNode = { next: null, hits: null };
  let maxLength = 0;
  for (const kind of cueKinds) {
    const table = cues[kind] ?? {};
    for (const phrase of Object.keys(table)) {
      const weight = table[phrase] as number;
      const toks = tokenize(phrase).tokens;
      if (toks.length === 0) continue;
      let node = root;
      for (const t of toks) {
        if (node.next === null) node.next = new Map();
        // "#" in a phrase stands for any number ("# times" matches "4 times")
        const key = t.norm === "#" ? NUMBER_KEY : t.norm;
        let child = node.next.get(key);
        if (!child) {
          child = { next: null, hits: null };
          node.next.set(key, child);
        }
        node = child;
      }
      if (node.hits === null) node.hits = [];
      const existing = node.hits.find((h) => h.kind === kind);
      if (existing) existing.weight = weight;
      else node.hits.push({ kind, weight });
      if (toks.length > maxLength) maxLength = toks.length;
    }
  }
  const lexicon: Lexicon = { cues };
  const trie = { root, maxLength };
  compiled.set(lexicon, trie);
  return { lexicon, trie };
}

let english: Lexicon | null = null;

/** The built-in English lexicon, compiled on first use. */
export function englishLexicon(): Lexicon {
  if (english === null) english = createLexicon();
  return english;
}
