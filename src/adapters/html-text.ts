/*
 * HTML message bodies (Intercom's parts, Freshdesk's description) to the plain text that a Message
 * holds. No DOM: adapters run in browsers, workers and edge runtimes alike, so this is one linear
 * scan that drops tags (and the content of script and style), starts a new line at each <br> and at
 * the edges of blocks (paragraphs, list items, headings), collapses HTML whitespace and decodes
 * character references.
 */
import { decodeHTML } from "entities/decode";

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
 * Character references decoded as a browser decodes them in text (the WHATWG HTML tokenizer): all
 * 2,231 named references, the legacy ones without a semicolon (`&amp`, `&copy`), numeric references
 * with the spec's replacements (`&#0;` and surrogates give U+FFFD, `&#x80;` to `&#x9F;` the
 * Windows-1252 characters). `entities` (fb55, the decoder of htmlparser2 and markdown-it) holds the
 * table in a compact trie; a no-break space becomes a plain space, as the classifiers read text.
 */
function decodeEntities(text: string): string {
  return text.indexOf("&") === -1 ? text : decodeHTML(text).replace(/\u00a0/g, " ");
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
