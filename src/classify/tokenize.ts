/*
 * The single-pass tokenizer every classifier of this area reads text through.
 *
 * It walks the UTF-16 code units once, left to right, with no regular expressions, so its time is
 * linear in the input and no input can make it backtrack. Lone surrogates, control characters and
 * any script are accepted: letters outside ASCII are kept as word characters (so other languages
 * give words, just no English cues), emoji become one token each, and URLs, @mentions and e-mail
 * addresses become single tokens of their own kind, whose text never counts as a word.
 */

/** What a token is. */
export type TokenKind = "word" | "number" | "punct" | "emoji" | "mention" | "url";

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

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
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
  return isAsciiLetter(c) || isDigit(c) || isOtherLetter(c);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000;
}

/** Symbols in the BMP that are emoji or emoticon-like: ☹ ☺ ♥ ✓ ❤ ⭐ and friends. */
function isBmpSymbol(c: number): boolean {
  return (c >= 0x2600 && c <= 0x27bf) || c === 0x2b50 || c === 0x2764 || c === 0x2639 || c === 0x263a;
}

/** Ends a sentence when followed by space or the end: `.`, `!`, `?`, `…`, and their CJK forms. */
function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/**
 * Splits `text` into tokens and sentences in one left-to-right pass.
 *
 * @param text - any string
 * @returns the tokens (words, numbers, punctuation, emoji, mentions, URLs) and sentence spans
 */
export function tokenize(text: string): Tokenized {
  const tokens: Token[] = [];
  const sentences: SentenceSpan[] = [];
  const n = text.length;
  let sentence = 0;
  let sentenceStart = -1;
  let sentenceFirstToken = 0;
  let i = 0;

  const closeSentence = (end: number): void => {
    if (sentenceStart < 0) return;
    sentences.push({ start: sentenceStart, end, firstToken: sentenceFirstToken, endToken: tokens.length });
    sentence++;
    sentenceStart = -1;
    sentenceFirstToken = tokens.length;
  };
  const push = (norm: string, kind: TokenKind, start: number, end: number, shout: boolean): void => {
    if (sentenceStart < 0) {
      sentenceStart = start;
      sentenceFirstToken = tokens.length;
    }
    tokens.push({ norm, kind, start, end, shout, sentence });
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      // A blank line, or a line break after a sentence, ends the sentence.
      if (c === 10 && sentenceStart >= 0) {
        let j = i + 1;
        while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 13))
          j++;
        if (
          j >= n ||
          text.charCodeAt(j) === 10 ||
          tokens.length === 0 ||
          tokens[tokens.length - 1]?.kind === "punct"
        ) {
          const last = tokens[tokens.length - 1];
          closeSentence(last ? last.end : i);
        }
      }
      i++;
      continue;
    }
    const start = i;
    // URLs: http://, https://, www. up to the next space.
    if (
      (c === 104 || c === 119 || c === 72 || c === 87) &&
      (startsWithAt(text, i, "http://") || startsWithAt(text, i, "https://") || startsWithAt(text, i, "www."))
    ) {
      while (i < n && !isSpace(text.charCodeAt(i))) i++;
      push("<url>", "url", start, i, false);
      continue;
    }
    if (c === 64 /* @ */ && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
      i++;
      while (i < n && (isWordChar(text.charCodeAt(i)) || text.charCodeAt(i) === 95)) i++;
      push("<mention>", "mention", start, i, false);
      continue;
    }
    if (isWordChar(c) || (c === 35 /* # */ && i + 1 < n && isWordChar(text.charCodeAt(i + 1)))) {
      const hashtag = c === 35;
      if (hashtag) i++;
      const wordStart = i;
      let letters = 0;
      let upper = 0;
      let digitsOnly = true;
      let other = false;
      let curly = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isWordChar(d)) {
          if (!isDigit(d)) digitsOnly = false;
          if (d >= 65 && d <= 90) upper++;
          else if (d > 127) other = true;
          if (!isDigit(d)) letters++;
          i++;
        } else if (isApostrophe(d) && i + 1 < n && isWordChar(text.charCodeAt(i + 1)) && i > wordStart) {
          digitsOnly = false;
          if (d !== 39) curly = true;
          i++;
        } else if (
          (d === 45 /* - */ || d === 46 /* . */ || d === 44 /* , */ || d === 95) &&
          i + 1 < n &&
          isWordChar(text.charCodeAt(i + 1)) &&
          (d === 45 || d === 95 || (isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))))
        ) {
          // hyphenated words ("log-in"), snake_case, and numbers like 1,000.50
          i++;
        } else if (d === 64 /* @ */ && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
          // an e-mail address: swallow it whole
          while (i < n && !isSpace(text.charCodeAt(i))) i++;
          push("<email>", "url", start, i, false);
          digitsOnly = false;
          letters = -1;
          break;
        } else break;
      }
      if (letters === -1) continue;
      let raw = text.slice(wordStart, i);
      if (curly) raw = raw.replace(/[\u2018\u2019]/g, "'");
      const lower = upper === 0 && !other ? raw : raw.toLowerCase();
      push(lower, digitsOnly ? "number" : "word", start, i, letters >= 2 && upper === letters);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        i += 2;
        // swallow variation selectors, skin tones and zero-width joiners of the same emoji
        while (i < n) {
          const e = text.charCodeAt(i);
          if (e === 0x200d || (e >= 0xfe00 && e <= 0xfe0f)) i++;
          else if (
            e === 0xd83c &&
            i + 1 < n &&
            text.charCodeAt(i + 1) >= 0xdffb &&
            text.charCodeAt(i + 1) <= 0xdfff
          )
            i += 2;
          else break;
        }
        // a run of the same emoji is one cue ("😀😀😀" is as happy as "😀")
        while (i + 1 < n && text.charCodeAt(i) === c && text.charCodeAt(i + 1) === d) {
          i += 2;
          while (
            i < n &&
            (text.charCodeAt(i) === 0x200d || (text.charCodeAt(i) >= 0xfe00 && text.charCodeAt(i) <= 0xfe0f))
          )
            i++;
        }
        push(text.slice(start, start + 2), "emoji", start, i, false);
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
        ((text.charCodeAt(i) >= 0xfe00 && text.charCodeAt(i) <= 0xfe0f) || text.charCodeAt(i) === c)
      )
        i++;
      push(text.charAt(start), "emoji", start, i, false);
      continue;
    }
    if (isTerminal(c)) {
      // a run of terminal marks ("?!", "...") is one token; it ends the sentence when followed by a
      // space or the end (so "v1.2" and "e.g.x" do not split)
      let question = false;
      let bang = false;
      while (i < n && isTerminal(text.charCodeAt(i))) {
        const d = text.charCodeAt(i);
        if (d === 63 || d === 0xff1f) question = true;
        if (d === 33 || d === 0xff01) bang = true;
        i++;
      }
      const norm = question ? "?" : bang ? "!" : ".";
      push(norm, "punct", start, i, false);
      if (i >= n || isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 34 || text.charCodeAt(i) === 41)
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
      const e = emoticonAt(text, start);
      if (e) {
        i = start + e.length;
        push(e.norm, "emoji", start, i, false);
        continue;
      }
    }
    // a run of the same mark ("---", "<<<", "::::") is one token
    while (i < n && text.charCodeAt(i) === c) i++;
    push(text.charAt(start), "punct", start, i, false);
  }
  const last = tokens[tokens.length - 1];
  closeSentence(last ? last.end : 0);
  return { tokens, sentences };
}

function startsWithAt(text: string, at: number, prefix: string): boolean {
  if (at + prefix.length > text.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    let c = text.charCodeAt(at + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

function emoticonAt(text: string, at: number): { norm: string; length: number } | null {
  let k = at + 1;
  if (text.charCodeAt(k) === 45 /* - */) k++;
  const c = text.charCodeAt(k);
  const after = text.charCodeAt(k + 1);
  // an emoticon must end the word: ":)" but not ":Data"
  if (!Number.isNaN(after) && isWordChar(after)) return null;
  switch (c) {
    case 41: // )
    case 68: // D
      return { norm: ":)", length: k + 1 - at };
    case 40: // (
      return { norm: ":(", length: k + 1 - at };
    case 47: // /
    case 92: // \
      return text.charCodeAt(k + 1) === 47 ? null : { norm: ":/", length: k + 1 - at };
    default:
      return null;
  }
}
