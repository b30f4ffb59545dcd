/*
 * HTML message bodies (Intercom's parts, Freshdesk's description) to the plain text that a Message
 * holds. No DOM: adapters run in browsers, workers and edge runtimes alike, so this is one linear
 * scan that drops tags (and the content of script and style), starts a new line at each <br> and at
 * the edges of blocks (paragraphs, list items, headings), collapses HTML whitespace and decodes
 * character references.
 */

const BREAKS = new Set([
  "p",
  "div",
  "li",
  "ul",
  "ol",
  "tr",
  "table",
  "blockquote",
  "pre",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
]);

/**
 * Named character references: HTML's legacy set (the 96 Latin-1 names, 160–255 in order, plus
 * `amp`, `lt`, `gt`, `quot` and their capitalised forms), which a browser decodes in text even
 * without the semicolon, then HTML 4's special characters and the symbols support replies use. Each
 * entry is checked against the WHATWG table by a test (test/adapters/html-text.test.ts).
 */
const LATIN1 =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";

const LEGACY: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  AMP: "&",
  LT: "<",
  GT: ">",
  QUOT: '"',
  COPY: "\u00a9",
  REG: "\u00ae",
  ...Object.fromEntries(LATIN1.split(" ").map((name, i) => [name, String.fromCharCode(160 + i)])),
};

/** Named references that need their semicolon, by code point. */
const NAMED: Readonly<Record<string, string>> = {
  ...LEGACY,
  ...Object.fromEntries(
    (
      [
        ["apos", 39],
        ["OElig", 338],
        ["oelig", 339],
        ["Scaron", 352],
        ["scaron", 353],
        ["Yuml", 376],
        ["fnof", 402],
        ["circ", 710],
        ["tilde", 732],
        ["ensp", 8194],
        ["emsp", 8195],
        ["thinsp", 8201],
        ["zwnj", 8204],
        ["zwj", 8205],
        ["lrm", 8206],
        ["rlm", 8207],
        ["ndash", 8211],
        ["mdash", 8212],
        ["lsquo", 8216],
        ["rsquo", 8217],
        ["sbquo", 8218],
        ["ldquo", 8220],
        ["rdquo", 8221],
        ["bdquo", 8222],
        ["dagger", 8224],
        ["Dagger", 8225],
        ["bull", 8226],
        ["hellip", 8230],
        ["permil", 8240],
        ["prime", 8242],
        ["Prime", 8243],
        ["lsaquo", 8249],
        ["rsaquo", 8250],
        ["euro", 8364],
        ["trade", 8482],
        ["larr", 8592],
        ["uarr", 8593],
        ["rarr", 8594],
        ["darr", 8595],
        ["harr", 8596],
        ["minus", 8722],
        ["infin", 8734],
        ["ne", 8800],
        ["le", 8804],
        ["ge", 8805],
      ] as const
    ).map(([name, code]) => [name, String.fromCharCode(code)]),
  ),
};

/** What HTML reads for numeric references to 0x80–0x9F (Windows-1252), 0 where the code stays. */
const C1 = [
  8364, 0, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 0, 381, 0, 0, 8216, 8217, 8220, 8221,
  8226, 8211, 8212, 732, 8482, 353, 8250, 339, 0, 382, 376,
];

function numeric(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
  if (code >= 0x80 && code <= 0x9f) return String.fromCodePoint(C1[code - 0x80] || code);
  return String.fromCodePoint(code);
}

/**
 * Character references decoded as a browser decodes them in text (the WHATWG tokenizer): numeric
 * ones with the spec's replacements (`&#0;`, surrogates and values past U+10FFFF give U+FFFD,
 * `&#x80;`–`&#x9F;` the Windows-1252 characters), the named ones above, and a legacy name without
 * its semicolon (`&amp`, `&copy2026`, the longest that matches). A name with a semicolon that is
 * not above stays as written (this table is not WHATWG's 2,231 names, so a prefix is not guessed).
 * A no-break space becomes a plain space, as the classifiers read text.
 */
function decodeEntities(text: string): string {
  if (text.indexOf("&") === -1) return text;
  return text
    .replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z][a-zA-Z0-9]*));?/g, (whole, dec, hex, name) => {
      if (dec !== undefined || hex !== undefined) {
        const code = dec !== undefined ? Number(dec) : Number.parseInt(hex, 16);
        return numeric(Number.isFinite(code) ? code : 0x110000);
      }
      if (whole.endsWith(";")) return Object.hasOwn(NAMED, name) ? (NAMED[name] as string) : whole;
      // Without its semicolon: the longest legacy name at the start, if any, as HTML reads text.
      for (let n = Math.min(name.length, 6); n >= 2; n--) {
        const prefix = name.slice(0, n);
        if (Object.hasOwn(LEGACY, prefix)) return (LEGACY[prefix] as string) + whole.slice(n + 1);
      }
      return whole;
    })
    .replace(/\u00a0/g, " ");
}

/** The plain text of an HTML fragment, lines trimmed, at most one blank line in a row. Linear time. */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  let out = "";
  // Whether nothing but spaces has been written since the last line break (or the start).
  let lineStart = true;
  const text = (chunk: string) => {
    const collapsed = chunk.replace(/\s+/g, " ");
    out += collapsed;
    if (collapsed.trim() !== "") lineStart = false;
  };
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf("<", i);
    text(html.slice(i, open === -1 ? html.length : open));
    if (open === -1) break;
    if (html.startsWith("<!--", open)) {
      const end = html.indexOf("-->", open + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    // As in HTML, "<" starts a tag only before a letter, "/", "!" or "?"; otherwise it is text.
    if (!/[a-zA-Z/!?]/.test(html[open + 1] ?? "")) {
      text("<");
      i = open + 1;
      continue;
    }
    const close = html.indexOf(">", open + 1);
    if (close === -1) {
      // A lone "<" is text, not a tag.
      text(html.slice(open));
      break;
    }
    const name = /^<\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(open, Math.min(close + 1, open + 40)));
    const tag = name?.[1]?.toLowerCase();
    i = close + 1;
    if (tag === undefined) continue;
    if ((tag === "script" || tag === "style") && html[open + 1] !== "/") {
      const end = lower.indexOf(`</${tag}`, i);
      i = end === -1 ? html.length : lower.indexOf(">", end) + 1 || html.length;
      continue;
    }
    // <br> is a line break; a block's edge starts a new line unless one has just started.
    if (tag === "br" || (BREAKS.has(tag) && !lineStart)) {
      out += "\n";
      lineStart = true;
    }
  }
  return decodeEntities(out)
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
