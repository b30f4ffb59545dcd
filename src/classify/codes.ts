/*
 * The code units of the text being analysed, copied once into a reused typed array.
 *
 * Why: once any code in the process defines a subclass of `String` (`class X extends String`, as some
 * widely used database clients do), V8 stops inlining `s.charCodeAt(k)` on primitive strings, and each
 * call costs several times as much; the tokenizer and the rules read every code unit, so they read them
 * from this array instead, filled by one tight loop over the built-in taken at load time. The array is
 * reused from call to call (the pass is synchronous and never re-entered) and ends in four zero units, so
 * a look-ahead past the end reads a control character, never a stale one.
 */

const charCodeAt = String.prototype.charCodeAt;

/** `s.charCodeAt(k)` through the built-in taken at load time (for the few reads outside the pass). */
export function unit(s: string, k: number): number {
  return charCodeAt.call(s, k);
}

/** The code units of the last {@link load}, followed by four zeros. */
export const source = { codes: new Uint16Array(1024), length: 0 };

/** Copies the code units of `text` into {@link source} and returns the array. */
export function load(text: string): Uint16Array {
  const n = text.length;
  let codes = source.codes;
  // grow to fit, and give back the memory of a huge text once texts are small again
  if (codes.length < n + 4 || (codes.length > 1 << 16 && codes.length > 8 * (n + 4))) {
    let cap = 1024;
    while (cap < n + 4) cap *= 2;
    codes = new Uint16Array(cap);
    source.codes = codes;
  }
  for (let i = 0; i < n; i++) codes[i] = charCodeAt.call(text, i);
  codes[n] = 0;
  codes[n + 1] = 0;
  codes[n + 2] = 0;
  codes[n + 3] = 0;
  source.length = n;
  return codes;
}

/** The folded (lower-case ASCII, straight apostrophe) code unit at `k` of the loaded text. */
export function foldedAt(k: number): number {
  const c = source.codes[k] as number;
  return c >= 65 && c <= 90 ? c + 32 : c === 0x2019 || c === 0x2018 ? 39 : c;
}
