/*
 * The single-pass tokenizer every classifier of this area reads text through.
 *
 * It walks the UTF-16 code units once, left to right, with no regular expressions, so its time is
 * linear in the input and no input can make it backtrack. Lone surrogates, control characters and
 * any script are accepted: letters outside ASCII are kept as word characters (so other languages
 * give words, just no English cues), emoji become one token each, and URLs, @mentions and e-mail
 * addresses become single tokens of their own kind, whose text never counts as a word.
 *
 * Speed: `scan` writes the tokens into typed arrays that are reused from call to call (the pass is
 * synchronous and never re-entered), and looks each word up in the lexicon's vocabulary from a hash
 * of its lower-cased code units taken during the scan, so the hot path makes no string and no object
 * per token. `tokenize` builds the token objects with their text, for callers that need the words
 * themselves (compiling a lexicon, training a model).
 */
import { load, unit } from "./codes.js";
import { HASH_PRIME, HASH_SEED, ID_BANG, ID_PERIOD, ID_QUESTION, type Vocab } from "./vocab.js";

/** What a token is. */
export type TokenKind = "word" | "number" | "punct" | "emoji" | "mention" | "url";

/** Token kinds in the scan buffers. */
export const K_WORD = 0;
export const K_NUMBER = 1;
export const K_PUNCT = 2;
export const K_EMOJI = 3;
export const K_MENTION = 4;
export const K_URL = 5;
const KIND_NAMES: readonly TokenKind[] = ["word", "number", "punct", "emoji", "mention", "url"];

/** Token flags in the scan buffers (bits). */
export const T_SHOUT = 1;
export const T_HASHTAG = 2;
const T_QUESTION = 4;
const T_BANG = 8;
const T_TERMINAL = 16;
const T_EMAIL = 32;
const T_SMILE = 64;
const T_FROWN = 128;
const T_SKEW = 256;
/** A run of two or more marks ("!!", "?!", "???"). */
export const T_RUN = 512;
/** A word with letters outside ASCII (looked up by its lower-cased string). */
export const T_OTHER = 1024;

/** One token: its normalised text and where it sits in the input. */
export interface Token {
  /** Lower-cased text; curly apostrophes straightened, a leading `#` dropped from hashtags. */
  norm: string;
  /** What the token is. */
  kind: TokenKind;
  /** Index of the first UTF-16 code unit in the input. */
  start: number;
  /** Index one past the last UTF-16 code unit (half-open span). */
  end: number;
  /** True for a word of two or more letters written all in capitals ("NEVER"). */
  shout: boolean;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

/** A sentence as a span of the input and a range of token indices. */
export interface SentenceSpan {
  /** First character (UTF-16 index). */
  start: number;
  /** One past the last character. */
  end: number;
  /** Index of its first token. */
  firstToken: number;
  /** One past its last token. */
  endToken: number;
}

/** The tokens of a text and its sentences. */
export interface Tokenized {
  tokens: Token[];
  sentences: SentenceSpan[];
}

/** The tokens of the last {@link scan}, as parallel arrays (valid until the next scan). */
export interface TokenBuffer {
  /** Number of tokens. */
  n: number;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** Vocabulary id (−1: not in the vocabulary). */
  id: Int32Array;
  flags: Uint16Array;
  /** Number of sentences. */
  sentences: number;
  sStart: Int32Array;
  sEnd: Int32Array;
  sFirst: Int32Array;
  sEndToken: Int32Array;
}

function allocate(tokens: number, sentences: number): TokenBuffer {
  return {
    n: 0,
    kind: new Uint8Array(tokens),
    start: new Int32Array(tokens),
    end: new Int32Array(tokens),
    id: new Int32Array(tokens),
    flags: new Uint16Array(tokens),
    sentences: 0,
    sStart: new Int32Array(sentences),
    sEnd: new Int32Array(sentences),
    sFirst: new Int32Array(sentences),
    sEndToken: new Int32Array(sentences),
  };
}

/** The scan buffers, grown on demand and reused (a constant object whose arrays are replaced). */
const buf: TokenBuffer = allocate(256, 32);

function growTokens(): void {
  const cap = buf.kind.length * 2;
  const kind = new Uint8Array(cap);
  const start = new Int32Array(cap);
  const end = new Int32Array(cap);
  const id = new Int32Array(cap);
  const flags = new Uint16Array(cap);
  kind.set(buf.kind);
  start.set(buf.start);
  end.set(buf.end);
  id.set(buf.id);
  flags.set(buf.flags);
  buf.kind = kind;
  buf.start = start;
  buf.end = end;
  buf.id = id;
  buf.flags = flags;
}

function growSentences(): void {
  const cap = buf.sStart.length * 2;
  const grow = (a: Int32Array): Int32Array => {
    const b = new Int32Array(cap);
    b.set(a);
    return b;
  };
  buf.sStart = grow(buf.sStart);
  buf.sEnd = grow(buf.sEnd);
  buf.sFirst = grow(buf.sFirst);
  buf.sEndToken = grow(buf.sEndToken);
}

/** ASCII character classes: 1 word character (letter or digit), 2 white space. */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) ASCII[c] = 1;
  else if (c === 32 || (c >= 9 && c <= 13)) ASCII[c] = 2;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters of other scripts: Latin-1 letters, Latin Extended, Greek, Cyrillic, CJK, and so on. */
function isOtherLetter(c: number): boolean {
  if (c < 0xc0) return false;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows, dingbats
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates: handled as emoji or dropped
  if (c >= 0xfe00 && c <= 0xfe0f) return false; // variation selectors
  if (c === 0xfeff) return false;
  return true;
}

function isWordChar(c: number): boolean {
  return c < 128 ? ASCII[c] === 1 : isOtherLetter(c);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018;
}

function isSpace(c: number): boolean {
  return c < 128 ? ASCII[c] === 2 : c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000;
}

/** Symbols in the BMP that are emoji or emoticon-like: ☹ ☺ ♥ ✓ ❤ ⭐ and friends. */
function isBmpSymbol(c: number): boolean {
  return (c >= 0x2600 && c <= 0x27bf) || c === 0x2b50 || c === 0x2764 || c === 0x2639 || c === 0x263a;
}

/** Ends a sentence when followed by space or the end: `.`, `!`, `?`, `…`, and their CJK forms. */
function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

// Scan state (module level: the scan is synchronous and never re-entered), in a constant object.
const state = { sentenceStart: -1, sentenceFirstToken: 0 };

function closeSentence(end: number): void {
  if (state.sentenceStart < 0) return;
  const s = buf.sentences;
  if (s === buf.sStart.length) growSentences();
  buf.sStart[s] = state.sentenceStart;
  buf.sEnd[s] = end;
  buf.sFirst[s] = state.sentenceFirstToken;
  buf.sEndToken[s] = buf.n;
  buf.sentences = s + 1;
  state.sentenceStart = -1;
  state.sentenceFirstToken = buf.n;
}

function push(kind: number, start: number, end: number, id: number, flags: number): void {
  const k = buf.n;
  if (state.sentenceStart < 0) {
    state.sentenceStart = start;
    state.sentenceFirstToken = k;
  }
  if (k === buf.kind.length) growTokens();
  buf.kind[k] = kind;
  buf.start[k] = start;
  buf.end[k] = end;
  buf.id[k] = id;
  buf.flags[k] = flags;
  buf.n = k + 1;
}

/**
 * Splits `text` into tokens and sentences in one left-to-right pass, into {@link buf}, looking every
 * token up in `vocab` (ids are −1 without one). Returns the buffer.
 */
export function scan(text: string, vocab: Vocab | null): TokenBuffer {
  const codes = load(text);
  buf.n = 0;
  buf.sentences = 0;
  state.sentenceStart = -1;
  state.sentenceFirstToken = 0;
  const n = text.length;
  let i = 0;

  while (i < n) {
    const c = codes[i] as number;
    if (isSpace(c)) {
      // A blank line, or a line break after a sentence, ends the sentence.
      if (c === 10 && state.sentenceStart >= 0) {
        let j = i + 1;
        while (
          j < n &&
          ((codes[j] as number) === 32 || (codes[j] as number) === 9 || (codes[j] as number) === 13)
        )
          j++;
        const last = buf.n - 1;
        if (j >= n || (codes[j] as number) === 10 || buf.n === 0 || buf.kind[last] === K_PUNCT) {
          closeSentence(buf.n > 0 ? (buf.end[last] as number) : i);
        }
      }
      i++;
      continue;
    }
    const start = i;
    // URLs: http://, https://, www. up to the next space (the second letter rules out most words).
    if (
      (c === 104 || c === 119 || c === 72 || c === 87) &&
      (((codes[i + 1] as number) | 32) === 116 || ((codes[i + 1] as number) | 32) === 119) &&
      (startsWithAt(codes, i, "http://") ||
        startsWithAt(codes, i, "https://") ||
        startsWithAt(codes, i, "www."))
    ) {
      while (i < n && !isSpace(codes[i] as number)) i++;
      push(K_URL, start, i, vocab === null ? -1 : vocab.url, 0);
      continue;
    }
    if (c === 64 /* @ */ && i + 1 < n && isWordChar(codes[i + 1] as number)) {
      i++;
      while (i < n && (isWordChar(codes[i] as number) || (codes[i] as number) === 95)) i++;
      push(K_MENTION, start, i, vocab === null ? -1 : vocab.mention, 0);
      continue;
    }
    if (isWordChar(c) || (c === 35 /* # */ && i + 1 < n && isWordChar(codes[i + 1] as number))) {
      const hashtag = c === 35;
      if (hashtag) i++;
      const wordStart = i;
      let letters = 0;
      let upper = 0;
      let digitsOnly = true;
      let other = false;
      let email = false;
      let h = HASH_SEED;
      while (i < n) {
        const d = codes[i] as number;
        if (d >= 97 && d <= 122) {
          // the common case first: a lower-case ASCII letter
          letters++;
          digitsOnly = false;
          h = Math.imul(h ^ d, HASH_PRIME);
          i++;
        } else if (isWordChar(d)) {
          if (!isDigit(d)) {
            digitsOnly = false;
            letters++;
            if (d >= 65 && d <= 90) {
              upper++;
              h = Math.imul(h ^ (d + 32), HASH_PRIME);
              i++;
              continue;
            }
            if (d > 127) other = true;
          }
          h = Math.imul(h ^ d, HASH_PRIME);
          i++;
        } else if (isApostrophe(d) && i + 1 < n && isWordChar(codes[i + 1] as number) && i > wordStart) {
          digitsOnly = false;
          h = Math.imul(h ^ 39, HASH_PRIME);
          i++;
        } else if (
          (d === 45 /* - */ || d === 46 /* . */ || d === 44 /* , */ || d === 95) &&
          i + 1 < n &&
          isWordChar(codes[i + 1] as number) &&
          (d === 45 || d === 95 || (isDigit(codes[i - 1] as number) && isDigit(codes[i + 1] as number)))
        ) {
          // hyphenated words ("log-in"), snake_case, and numbers like 1,000.50
          h = Math.imul(h ^ d, HASH_PRIME);
          i++;
        } else if (d === 64 /* @ */ && i + 1 < n && isWordChar(codes[i + 1] as number)) {
          // an e-mail address: swallow it whole
          while (i < n && !isSpace(codes[i] as number)) i++;
          email = true;
          break;
        } else break;
      }
      if (email) {
        push(K_URL, start, i, vocab === null ? -1 : vocab.email, T_EMAIL);
        continue;
      }
      let id = -1;
      if (vocab !== null) {
        id = other
          ? vocab.get(
              text
                .slice(wordStart, i)
                .replace(/[\u2018\u2019]/g, "'")
                .toLowerCase(),
            )
          : vocab.lookup(wordStart, i, h);
      }
      push(
        digitsOnly ? K_NUMBER : K_WORD,
        start,
        i,
        id,
        (letters >= 2 && upper === letters ? T_SHOUT : 0) | (hashtag ? T_HASHTAG : 0) | (other ? T_OTHER : 0),
      );
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < n ? (codes[i + 1] as number) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        i += 2;
        // swallow variation selectors, skin tones and zero-width joiners of the same emoji
        while (i < n) {
          const e = codes[i] as number;
          if (e === 0x200d || (e >= 0xfe00 && e <= 0xfe0f)) i++;
          else if (
            e === 0xd83c &&
            i + 1 < n &&
            (codes[i + 1] as number) >= 0xdffb &&
            (codes[i + 1] as number) <= 0xdfff
          )
            i += 2;
          else break;
        }
        // a run of the same emoji is one cue ("😀😀😀" is as happy as "😀")
        while (i + 1 < n && (codes[i] as number) === c && (codes[i + 1] as number) === d) {
          i += 2;
          while (
            i < n &&
            ((codes[i] as number) === 0x200d ||
              ((codes[i] as number) >= 0xfe00 && (codes[i] as number) <= 0xfe0f))
          )
            i++;
        }
        const id =
          vocab === null
            ? -1
            : vocab.lookup(start, start + 2, Math.imul(Math.imul(HASH_SEED ^ c, HASH_PRIME) ^ d, HASH_PRIME));
        push(K_EMOJI, start, i, id, 0);
        continue;
      }
      i++; // lone high surrogate
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      i++; // lone low surrogate
      continue;
    }
    if (isBmpSymbol(c)) {
      i++;
      while (
        i < n &&
        (((codes[i] as number) >= 0xfe00 && (codes[i] as number) <= 0xfe0f) || (codes[i] as number) === c)
      )
        i++;
      push(K_EMOJI, start, i, vocab === null ? -1 : vocab.lookupChar(c), 0);
      continue;
    }
    if (isTerminal(c)) {
      // a run of terminal marks ("?!", "...") is one token; it ends the sentence when followed by a
      // space or the end (so "v1.2" and "e.g.x" do not split)
      let question = false;
      let bang = false;
      while (i < n && isTerminal(codes[i] as number)) {
        const d = codes[i] as number;
        if (d === 63 || d === 0xff1f) question = true;
        if (d === 33 || d === 0xff01) bang = true;
        i++;
      }
      push(
        K_PUNCT,
        start,
        i,
        question ? ID_QUESTION : bang ? ID_BANG : ID_PERIOD,
        T_TERMINAL | (question ? T_QUESTION : 0) | (bang ? T_BANG : 0) | (i - start > 1 ? T_RUN : 0),
      );
      if (i >= n || isSpace(codes[i] as number) || (codes[i] as number) === 34 || (codes[i] as number) === 41)
        closeSentence(i);
      continue;
    }
    if (c < 32 || c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff) {
      i++; // control characters and zero-width marks
      continue;
    }
    i++;
    if (c === 58 || c === 59) {
      // emoticons :) :( :-) ;) :/ :D
      const e = emoticonAt(codes, start);
      if (e !== 0) {
        i = start + (e >> 2);
        const type = e & 3;
        const flag = type === 1 ? T_SMILE : type === 2 ? T_FROWN : T_SKEW;
        const id = vocab === null ? -1 : type === 1 ? vocab.smile : type === 2 ? vocab.frown : vocab.skew;
        push(K_EMOJI, start, i, id, flag);
        continue;
      }
    }
    // a run of the same mark ("---", "<<<", "::::") is one token
    while (i < n && (codes[i] as number) === c) i++;
    push(K_PUNCT, start, i, vocab === null ? -1 : vocab.lookupChar(c), 0);
  }
  closeSentence(buf.n > 0 ? (buf.end[buf.n - 1] as number) : 0);
  return buf;
}

/**
 * Splits `text` into tokens and sentences in one left-to-right pass.
 *
 * @param text - any string
 * @returns the tokens (words, numbers, punctuation, emoji, mentions, URLs) and sentence spans
 */
export function tokenize(text: string): Tokenized {
  const b = scan(text, null);
  const tokens: Token[] = [];
  const sentences: SentenceSpan[] = [];
  let s = 0;
  for (let k = 0; k < b.n; k++) {
    while (s < b.sentences && k >= (b.sEndToken[s] as number)) s++;
    const kind = b.kind[k] as number;
    const start = b.start[k] as number;
    const end = b.end[k] as number;
    const flags = b.flags[k] as number;
    tokens.push({
      norm: normOf(text, kind, start, end, flags),
      kind: KIND_NAMES[kind] as TokenKind,
      start,
      end,
      shout: (flags & T_SHOUT) !== 0,
      sentence: s,
    });
  }
  for (let k = 0; k < b.sentences; k++) {
    sentences.push({
      start: b.sStart[k] as number,
      end: b.sEnd[k] as number,
      firstToken: b.sFirst[k] as number,
      endToken: b.sEndToken[k] as number,
    });
  }
  return { tokens, sentences };
}

/** The buffer of the last {@link scan} (valid until the next one). */
export function lastScan(): TokenBuffer {
  return buf;
}

/** The normalised text of token `k` of the last scan of `text`. */
export function normAt(text: string, k: number): string {
  return normOf(
    text,
    buf.kind[k] as number,
    buf.start[k] as number,
    buf.end[k] as number,
    buf.flags[k] as number,
  );
}

/** The normalised text of a scanned token. */
function normOf(text: string, kind: number, start: number, end: number, flags: number): string {
  switch (kind) {
    case K_WORD:
    case K_NUMBER: {
      const raw = text.slice((flags & T_HASHTAG) !== 0 ? start + 1 : start, end);
      return raw.replace(/[\u2018\u2019]/g, "'").toLowerCase();
    }
    case K_PUNCT:
      if ((flags & T_TERMINAL) !== 0)
        return (flags & T_QUESTION) !== 0 ? "?" : (flags & T_BANG) !== 0 ? "!" : ".";
      return text.charAt(start);
    case K_EMOJI: {
      if ((flags & T_SMILE) !== 0) return ":)";
      if ((flags & T_FROWN) !== 0) return ":(";
      if ((flags & T_SKEW) !== 0) return ":/";
      const c = unit(text, start);
      return c >= 0xd800 && c <= 0xdbff ? text.slice(start, start + 2) : text.charAt(start);
    }
    case K_MENTION:
      return "<mention>";
    default:
      return (flags & T_EMAIL) !== 0 ? "<email>" : "<url>";
  }
}

function startsWithAt(codes: Uint16Array, at: number, prefix: string): boolean {
  // (the zeros after the text end any comparison that runs past it)
  for (let k = 0; k < prefix.length; k++) {
    let c = codes[at + k] as number;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== unit(prefix, k)) return false;
  }
  return true;
}

/** An emoticon at `at`: `(length << 2) | type` (1 ":)", 2 ":(", 3 ":/"), or 0. */
function emoticonAt(codes: Uint16Array, at: number): number {
  let k = at + 1;
  if ((codes[k] as number) === 45 /* - */) k++;
  const c = codes[k] as number;
  const after = codes[k + 1] as number;
  // an emoticon must end the word: ":)" but not ":Data" (past the end reads a zero: no word char)
  if (isWordChar(after)) return 0;
  const length = k + 1 - at;
  switch (c) {
    case 41: // )
    case 68: // D
      return (length << 2) | 1;
    case 40: // (
      return (length << 2) | 2;
    case 47: // /
    case 92: // \
      return (codes[k + 1] as number) === 47 ? 0 : (length << 2) | 3;
    default:
      return 0;
  }
}
