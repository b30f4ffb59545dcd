/*
 * Inflected sentiment words: "greatest", "happily", "nicer" borrow the sentiment of "great", "happy",
 * "nice" when the lexicon does not list them. The candidates are hashed from the word's code units, so
 * no string is made for a word of ASCII letters.
 */
import { type CompiledLexicon, childOf, ROOT } from "./lexicon.js";
import { foldedAt } from "./codes.js";
import { HASH_PRIME, HASH_SEED } from "./vocab.js";

/** The root node of a stem (`length` folded units of the word, then `extra`) with a sentiment hit, or −1. */
function stemCandidate(c: CompiledLexicon, start: number, length: number, extra: number): number {
  let h = HASH_SEED;
  for (let k = 0; k < length; k++) h = Math.imul(h ^ foldedAt(start + k), HASH_PRIME);
  if (extra >= 0) h = Math.imul(h ^ extra, HASH_PRIME);
  const id = c.vocab.lookupStem(start, length, extra, h);
  if (id < 0) return -1;
  const node = childOf(c, ROOT, id);
  return node >= 0 && c.sentiment[node] === 1 ? node : -1;
}

const Y = 121;
const E = 101;
const L = 108;
const I = 105;
const T = 116;
const S = 115;
const R = 114;

/**
 * The trie node of a word's base form when the word itself is not in the lexicon and the base form
 * carries sentiment: `-ly` and `-ily` adverbs, `-er`/`-est` comparatives and superlatives (with a
 * doubled consonant or a `y`); −1 when none. Only the sentiment hits of the node count.
 */
export function sentimentStem(
  c: CompiledLexicon,
  text: string,
  start: number,
  end: number,
  other: boolean,
): number {
  if (other)
    return sentimentStemString(
      c,
      text
        .slice(start, end)
        .replace(/[\u2018\u2019]/g, "'")
        .toLowerCase(),
    );
  const n = end - start;
  if (n < 5) return -1;
  // the suffixes by their last letter: -ly and -ily end in "y", -est and -iest in "t", -er and -ier in "r"
  const z = foldedAt(end - 1);
  const y = foldedAt(end - 2);
  const x = foldedAt(end - 3);
  let found = -1;
  if (z === Y) {
    if (y !== L) return -1;
    if (x === I) return stemCandidate(c, start, n - 3, Y);
    found = stemCandidate(c, start, n - 2, -1);
    return found >= 0 ? found : stemCandidate(c, start, n - 2, E);
  }
  if (z === T) {
    if (y !== S || x !== E) return -1;
    if (foldedAt(end - 4) === I) return stemCandidate(c, start, n - 4, Y);
    found = stemCandidate(c, start, n - 3, -1);
    if (found < 0) found = stemCandidate(c, start, n - 2, -1);
    return found >= 0 ? found : stemCandidate(c, start, n - 4, -1);
  }
  if (z === R) {
    if (y !== E) return -1;
    if (x === I) return stemCandidate(c, start, n - 3, Y);
    found = stemCandidate(c, start, n - 2, -1);
    if (found < 0) found = stemCandidate(c, start, n - 1, -1);
    return found >= 0 ? found : stemCandidate(c, start, n - 3, -1);
  }
  return -1;
}

/** {@link sentimentStem} for words with letters outside ASCII, by string. */
function sentimentStemString(c: CompiledLexicon, word: string): number {
  if (word.length < 5) return -1;
  const candidates: string[] = [];
  const cut = (n: number) => word.slice(0, word.length - n);
  if (word.endsWith("ily")) candidates.push(`${cut(3)}y`);
  else if (word.endsWith("ly")) candidates.push(cut(2), `${cut(2)}e`);
  if (word.endsWith("iest")) candidates.push(`${cut(4)}y`);
  else if (word.endsWith("est")) candidates.push(cut(3), cut(2), cut(4));
  if (word.endsWith("ier")) candidates.push(`${cut(3)}y`);
  else if (word.endsWith("er")) candidates.push(cut(2), cut(1), cut(3));
  for (const w of candidates) {
    const node = childOf(c, ROOT, c.vocab.get(w));
    if (node >= 0 && c.sentiment[node] === 1) return node;
  }
  return -1;
}
