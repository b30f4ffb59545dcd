/*
 * Cue lexicons: phrases of one or more tokens, each with a kind and a weight, compiled into a trie
 * keyed by token so that matching is one walk per token, bounded by the longest phrase.
 */
import { checkOptions, checkRecord, fail, isRecord } from "../internal/args.js";
import { englishCues } from "./english-cues.js";
import { tokenize } from "./tokenize.js";
import { NUMBER_ID, Vocab } from "./vocab.js";

/**
 * The kinds of cue a lexicon holds.
 *
 * @remarks
 * Sentiment (`positive`, `negative`, valence 0–4 like VADER's scale), the interaction-type cues
 * (`problem`, `suggestion`, `imperative`, `question`; `repetition` is a problem cue of repeated contact,
 * repeated failure or being ignored, which also raises frustration in a complaint), the modifiers applied by rule (`negator`,
 * `intensifier`, `diminisher`, `contrast`, `modal`), the signals of {@link detectSignals}, the
 * politeness markers that keep "thanks in advance" from counting as praise, the dialogue-act
 * cues of {@link classifyAct}, and `ownership`: the writer already has something of the company's (an
 * order, an account, a purchase), which {@link classifyScenario} reads as an existing customer.
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
  "repetition",
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
  "escalate",
  "ownership",
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

/** The trie node of the empty phrase. */
export const ROOT = 0;

/**
 * A compiled cue lexicon, built by {@link createLexicon}; pass it as the `lexicon` option.
 *
 * @category Lexicons
 */
export interface Lexicon {
  /** The cues it was compiled from, by kind: phrase → weight. */
  readonly cues: { readonly [K in CueKind]: Readonly<Record<string, number>> };
}

/**
 * The compiled form of a lexicon: its vocabulary and a phrase trie over word ids, flattened into
 * typed arrays. A node's hits (kind index into {@link cueKinds}, weight) are
 * `hitKind/hitWeight[hitStart[node] .. hitStart[node + 1])`, in the order of `cueKinds`.
 */
export interface CompiledLexicon {
  vocab: Vocab;
  /** The child of the root for each word id (−1: none). */
  rootChild: Int32Array;
  /** Open-addressing table of the other edges: (node, word id) → child. */
  edgeNode: Int32Array;
  edgeWord: Int32Array;
  edgeChild: Int32Array;
  edgeMask: number;
  hitStart: Int32Array;
  hitKind: Uint8Array;
  hitWeight: Float64Array;
  /** Whether a node has a positive or negative hit (what an inflected word may borrow). */
  sentiment: Uint8Array;
  /** The longest phrase, in tokens. */
  maxLength: number;
}

/** The child of `node` by word `id` in a compiled lexicon, or −1. */
export function childOf(c: CompiledLexicon, node: number, id: number): number {
  if (id < 0) return -1;
  if (node === ROOT) return id < c.rootChild.length ? (c.rootChild[id] as number) : -1;
  const mask = c.edgeMask;
  let s = (Math.imul(node, 0x9e3779b1) ^ id) & mask;
  for (;;) {
    const child = c.edgeChild[s] as number;
    if (child < 0) return -1;
    if (c.edgeNode[s] === node && c.edgeWord[s] === id) return child;
    s = (s + 1) & mask;
  }
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
 * so `"Doesn’t work"` and `"doesn't work"` are the same phrase; a `#` stands for any number, in digits
 * or in words (`"# weeks"` matches "3 weeks" and "three weeks"). Matching prefers the longest phrase:
 * a phrase inside a longer match (`"great"` inside `"would be great if"`) does not count on its own.
 * Compile once and reuse: building walks every phrase.
 *
 * @param cues - phrases to add, by kind (phrase → weight; weight 0 removes a phrase)
 * @param options - whether to add to the built-in cues or replace them
 * @returns the compiled lexicon
 *
 * @throws {@link TouchpointError} `invalid_input` when `cues` or one of its kinds is not an object; `invalid_option` for an unknown `mode`
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
  options = checkOptions("createLexicon", options);
  checkRecord("createLexicon", "cues", cues);
  const mode = options.mode ?? "add";
  if (mode !== "add" && mode !== "replace" && mode !== "replace-kinds")
    fail("invalid_option", "createLexicon", "options.mode", mode, '"add", "replace" or "replace-kinds"');
  const merged = {} as { [K in CueKind]: Record<string, number> };
  for (const kind of cueKinds) {
    const given = cues[kind];
    if (given !== undefined && !isRecord(given))
      fail("invalid_input", "createLexicon", `cues.${kind}`, given, "an object mapping phrases to weights");
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

interface BuildNode {
  next: Map<number, BuildNode> | null;
  hits: { kind: number; weight: number }[] | null;
  index: number;
}

function compile(cues: { [K in CueKind]: Record<string, number> }): {
  lexicon: Lexicon;
  trie: CompiledLexicon;
} {
  const vocab = new Vocab();
  const nodes: BuildNode[] = [];
  const node = (): BuildNode => {
    const b: BuildNode = { next: null, hits: null, index: nodes.length };
    nodes.push(b);
    return b;
  };
  const root = node();
  let maxLength = 0;
  let edges = 0;
  cueKinds.forEach((kind, kindIndex) => {
    const table = cues[kind] ?? {};
    for (const phrase of Object.keys(table)) {
      const weight = table[phrase] as number;
      const toks = tokenize(phrase).tokens;
      if (toks.length === 0) continue;
      let at = root;
      for (const t of toks) {
        if (at.next === null) at.next = new Map();
        // "#" in a phrase stands for any number ("# times" matches "4 times" and "four times")
        const key = t.norm === "#" ? NUMBER_ID : vocab.add(t.norm);
        let child = at.next.get(key);
        if (!child) {
          child = node();
          at.next.set(key, child);
          if (at !== root) edges++;
        }
        at = child;
      }
      if (at.hits === null) at.hits = [];
      const existing = at.hits.find((h) => h.kind === kindIndex);
      if (existing) existing.weight = weight;
      else at.hits.push({ kind: kindIndex, weight });
      if (toks.length > maxLength) maxLength = toks.length;
    }
  });
  vocab.freeze();
  const rootChild = new Int32Array(vocab.size).fill(-1);
  for (const [id, child] of root.next ?? []) rootChild[id] = child.index;
  let cap = 16;
  while (cap < edges * 2) cap <<= 1;
  const edgeNode = new Int32Array(cap);
  const edgeWord = new Int32Array(cap);
  const edgeChild = new Int32Array(cap).fill(-1);
  const hitStart = new Int32Array(nodes.length + 1);
  const sentiment = new Uint8Array(nodes.length);
  const kinds: number[] = [];
  const weights: number[] = [];
  const positive = cueKinds.indexOf("positive");
  const negative = cueKinds.indexOf("negative");
  for (const b of nodes) {
    hitStart[b.index] = kinds.length;
    for (const h of b.hits ?? []) {
      kinds.push(h.kind);
      weights.push(h.weight);
      if (h.kind === positive || h.kind === negative) sentiment[b.index] = 1;
    }
    if (b === root || b.next === null) continue;
    for (const [id, child] of b.next) {
      let s = (Math.imul(b.index, 0x9e3779b1) ^ id) & (cap - 1);
      while ((edgeChild[s] as number) >= 0) s = (s + 1) & (cap - 1);
      edgeNode[s] = b.index;
      edgeWord[s] = id;
      edgeChild[s] = child.index;
    }
  }
  hitStart[nodes.length] = kinds.length;
  const lexicon: Lexicon = { cues };
  const trie: CompiledLexicon = {
    vocab,
    rootChild,
    edgeNode,
    edgeWord,
    edgeChild,
    edgeMask: cap - 1,
    hitStart,
    hitKind: Uint8Array.from(kinds),
    hitWeight: Float64Array.from(weights),
    sentiment,
    maxLength,
  };
  compiled.set(lexicon, trie);
  return { lexicon, trie };
}

let english: Lexicon | null = null;

/** The built-in English lexicon, compiled on first use. */
export function englishLexicon(): Lexicon {
  if (english === null) english = createLexicon();
  return english;
}
