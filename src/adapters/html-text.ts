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

/** The named references that rich-text editors emit in support replies; others stay as written. */
const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  laquo: "\u00ab",
  raquo: "\u00bb",
  bull: "\u2022",
  middot: "\u00b7",
  copy: "\u00a9",
  reg: "\u00ae",
  trade: "\u2122",
  euro: "\u20ac",
  pound: "\u00a3",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return Object.hasOwn(NAMED, ref) ? (NAMED[ref] as string) : whole;
  });
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
