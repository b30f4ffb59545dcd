/*
 * The scope of a negation: which negated predicates report a failure ("it won't load", "hasn't
 * arrived", "no reply"), which deny a thing ("never had a problem"), and which denied comparatives
 * are praise or blame ("couldn't have been kinder"). Each reads a few tokens around the negator from
 * the scan buffer, testing word classes by the grammar flags of the vocabulary.
 */
import { foldedAt } from "./codes.js";
import { K_WORD, type TokenBuffer } from "./tokenize.js";
import {
  F_ABILITY_AUX,
  F_ABILITY_VERB,
  F_ABSENCE_NOUN,
  F_DO_AUX,
  F_FAIL_STATE,
  F_FIRST_PERSON,
  F_FUNCTION_VERB,
  F_HAVE_AUX,
  F_HAVING,
  F_NEG_ABILITY,
  F_NEG_BE,
  F_NEG_BRIDGE,
  F_NEG_DO,
  F_NEG_EXCEPT,
  F_NEG_HAVE,
  F_NEG_SKIP,
  F_PARTICIPLE,
  F_RECEPTION,
  flagsOf,
  ID_BE,
  ID_BEEN,
  ID_MORE,
  ID_NEVER,
  ID_NO,
  ID_NOT,
  ID_NT,
  ID_OF,
} from "./vocab.js";

const CLS_ABILITY = 1;
const CLS_DO = 2;
const CLS_BE = 3;
const CLS_HAVE = 4;
const CLS_NEVER = 5;

/** Whether the word at `[start, end)` ends in `-ing` or `-ed` (a participle), long enough to be one. */
function participleLike(start: number, end: number): boolean {
  const n = end - start;
  if (n >= 5 && foldedAt(end - 3) === 105 && foldedAt(end - 2) === 110 && foldedAt(end - 1) === 103)
    return true; // -ing
  return n >= 5 && foldedAt(end - 2) === 101 && foldedAt(end - 1) === 100; // -ed
}

/**
 * The verb of a negated predicate that reports a failure, or −1: the negator at `[at, end)` denies
 * ability or willingness ("can't log in", "won't turn on"), a function verb under do-support ("doesn't
 * work", "didn't arrive"), a progressive, passive or state under be ("isn't loading", "not accepted",
 * "not available"), a perfect under have ("hasn't shipped"), or comes as "never" + a function verb or
 * participle ("never responded"); "no" denies a thing of service ("no response") or an existential
 * ("there was no towel", or "No towel." opening a sentence). Adverbs and "seem to" in between are skipped ("doesn't even seem to work").
 */
export function failedVerb(
  b: TokenBuffer,
  at: number,
  end: number,
  first: number,
  opening: number,
  last: number,
): number {
  const ids = b.id;
  const kinds = b.kind;
  const neg = ids[end - 1] as number;
  const nf = flagsOf(neg);
  if (neg === ID_NO) {
    if ((flagsOf(ids[end] as number) & F_ABSENCE_NOUN) !== 0) return end;
    // "there was no kettle", "we had no water", and the "No kettle in the room." of notes
    const p = at - 1;
    if (at === opening || (p >= first && kinds[p] === K_WORD && (flagsOf(ids[p] as number) & F_HAVING) !== 0))
      return end;
    return -1;
  }
  let cls = 0;
  if ((nf & F_NEG_ABILITY) !== 0) cls = CLS_ABILITY;
  else if ((nf & F_NEG_DO) !== 0) cls = CLS_DO;
  else if ((nf & F_NEG_BE) !== 0) cls = CLS_BE;
  else if ((nf & F_NEG_HAVE) !== 0) cls = CLS_HAVE;
  else if (neg === ID_NEVER) cls = CLS_NEVER;
  else if (neg === ID_NOT || neg === ID_NT) {
    const pf = at - 1 >= first && kinds[at - 1] === K_WORD ? flagsOf(ids[at - 1] as number) : 0;
    cls =
      (pf & F_ABILITY_AUX) !== 0
        ? CLS_ABILITY
        : (pf & F_DO_AUX) !== 0
          ? CLS_DO
          : (pf & F_HAVE_AUX) !== 0
            ? CLS_HAVE
            : CLS_BE; // "is not", "it's not", and the bare "camera not working" of notes and tweets
  } else return -1;
  let v = end;
  for (let skips = 0; skips < 3 && v < last && kinds[v] === K_WORD; skips++) {
    if ((flagsOf(ids[v] as number) & F_NEG_SKIP) === 0) break;
    v++;
  }
  if (v >= last || kinds[v] !== K_WORD) return -1;
  const vf = flagsOf(ids[v] as number);
  if ((vf & F_NEG_EXCEPT) !== 0) return -1;
  // "never heard of it", "not aware of": the negation denies knowledge, not a service
  if (v + 1 < last && ids[v + 1] === ID_OF) return -1;
  switch (cls) {
    case CLS_ABILITY:
      // "couldn't have been nicer" is counterfactual praise, not a failure
      return (vf & F_ABILITY_VERB) !== 0 && (vf & F_HAVE_AUX) === 0 ? v : -1;
    case CLS_DO: {
      if ((vf & (F_FUNCTION_VERB | F_HAVE_AUX)) === 0) return -1;
      // what I did not do or have is no failure of theirs ("I didn't send it", "I don't have an
      // account"); what I did not get is, and so is what the room did not have
      const s = neg === ID_NOT || neg === ID_NT ? at - 2 : at - 1;
      const firstPerson = s >= first && (flagsOf(ids[s] as number) & F_FIRST_PERSON) !== 0;
      return firstPerson && (vf & F_RECEPTION) === 0 ? -1 : v;
    }
    case CLS_BE:
      return (vf & (F_FAIL_STATE | F_PARTICIPLE)) !== 0 ||
        participleLike(b.start[v] as number, b.end[v] as number)
        ? v
        : -1;
    default: // have, never
      return (vf & (F_PARTICIPLE | F_FUNCTION_VERB)) !== 0 ||
        participleLike(b.start[v] as number, b.end[v] as number)
        ? v
        : -1;
  }
}

/**
 * Whether the positive word at `i`, in the scope of the negator at `[at, negatorEnd)`, is a denied
 * comparative: an ability negator ("can't", "couldn't", "could not"), then "be" or "have been", then
 * a comparative ("kinder", "more helpful").
 */
export function deniedComparative(b: TokenBuffer, at: number, negatorEnd: number, i: number): boolean {
  if (at < 0) return false;
  const ids = b.id;
  const neg = ids[negatorEnd - 1] as number;
  const ability =
    (flagsOf(neg) & F_NEG_ABILITY) !== 0 ||
    ((neg === ID_NOT || neg === ID_NT) && at > 0 && (flagsOf(ids[at - 1] as number) & F_ABILITY_AUX) !== 0);
  if (!ability) return false;
  let be = false;
  for (let k = negatorEnd; k < i; k++) if (ids[k] === ID_BE || ids[k] === ID_BEEN) be = true;
  if (!be) return false;
  if (i > 0 && ids[i - 1] === ID_MORE) return true;
  const s = b.start[i] as number;
  const e = b.end[i] as number;
  return e - s >= 4 && foldedAt(e - 2) === 101 && foldedAt(e - 1) === 114; // -er
}

/**
 * Whether a negation at `negatorEnd` reaches the word at `i` over determiners and light verbs only
 * ("never had a problem", "not any issue"): then it denies the thing, and a negative word flips.
 */
export function bridged(b: TokenBuffer, negatorEnd: number, i: number): boolean {
  for (let k = negatorEnd; k < i; k++)
    if (b.kind[k] !== K_WORD || (flagsOf(b.id[k] as number) & F_NEG_BRIDGE) === 0) return false;
  return true;
}
