// The HTML decoder against the reference: every named reference the adapters decode gives what the
// WHATWG named character references table gives, as decoded by `entities` (fb55's implementation of
// the HTML tokenizer's character reference states, a devDependency used only here), and numeric
// references follow the spec's replacements (HTML 13.2.5.80, numeric character reference end state).
import { decodeHTML } from "entities/decode";
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/adapters/html-text.js";

/** The names the decoder knows (src/adapters/html-text.ts), each checked below. */
const latin1 =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml".split(
    " ",
  );
const legacy = [...latin1, "amp", "lt", "gt", "quot", "AMP", "LT", "GT", "QUOT", "COPY", "REG"];
const others =
  "apos OElig oelig Scaron scaron Yuml fnof circ tilde ensp emsp thinsp zwnj zwj lrm rlm ndash mdash lsquo rsquo sbquo ldquo rdquo bdquo dagger Dagger bull hellip permil prime Prime lsaquo rsaquo euro trade larr uarr rarr darr harr minus infin ne le ge".split(
    " ",
  );
/** As the reference decodes `text`, with the adapters' one change: a no-break space is a space. */
const reference = (text: string) => decodeHTML(text).replace(/\u00a0/g, " ");

describe("htmlToText: character references", () => {
  it("has HTML's 106 legacy names", () => {
    expect(new Set(legacy).size).toBe(106);
  });

  it.each([...legacy, ...others])("&%s; as the WHATWG table", (name) => {
    expect(htmlToText(`x&${name};y`)).toBe(reference(`x&${name};y`).trim());
  });

  it.each(legacy)("&%s without its semicolon, in text, as a browser", (name) => {
    expect(htmlToText(`x &${name}9 y`)).toBe(reference(`x &${name}9 y`));
  });

  it.each([
    ["&#0;", "\ufffd"],
    ["&#xD800;", "\ufffd"],
    ["&#x110000;", "\ufffd"],
    ["&#99999999999999999999;", "\ufffd"],
    ["&#x80;", "\u20ac"],
    ["&#x81;", "\u0081"],
    ["&#x9F;", "\u0178"],
    ["&#150;", "\u2013"],
    ["&#x1F600;", "\u{1F600}"],
    ["&#39", "'"],
  ])("%s as the spec reads it", (text, decoded) => {
    expect(htmlToText(`a${text}b`)).toBe(`a${decoded}b`);
    expect(htmlToText(`a${text}b`)).toBe(reference(`a${text}b`));
  });

  it("leaves a name it does not know as written, rather than guess a prefix", () => {
    expect(htmlToText("&unknown; &notin; stay")).toBe("&unknown; &notin; stay");
  });
});
