import { quote, TouchpointError } from "../internal/errors.js";

/*
 * The placeholder syntax, in one place: the runtime scanner and its type-level twin must agree.
 *
 *   {{name}}   a placeholder; name = a letter, then letters, digits or "_" (no spaces)
 *   {{{{       a literal "{{" (the only escape needed: "}}", "{" and "}" alone are plain text)
 *
 * The scanner is one left-to-right pass with indexOf, so it runs in time linear in the template and
 * uses no regular expression with backtracking; the name check is a character loop.
 */

/** One piece of a scanned template. */
export type TemplatePart =
  | { kind: "text"; text: string }
  | { kind: "placeholder"; name: string; index: number };

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === 95;
}

/** Whether a string is a valid placeholder name. */
export function isPlaceholderName(name: string): boolean {
  if (name.length === 0 || !isNameStart(name.charCodeAt(0))) return false;
  for (let i = 1; i < name.length; i++) if (!isNameChar(name.charCodeAt(i))) return false;
  return true;
}

/**
 * Splits a template into text and placeholders, in one pass. Throws a TouchpointError
 * (`unclosed_placeholder`, `invalid_placeholder`) whose message starts with `caller`.
 */
export function scanTemplate(template: string, caller: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = "";
  let i = 0;
  const n = template.length;
  while (i < n) {
    const open = template.indexOf("{{", i);
    if (open === -1) {
      text += template.slice(i);
      break;
    }
    text += template.slice(i, open);
    if (template.startsWith("{{", open + 2)) {
      text += "{{";
      i = open + 4;
      continue;
    }
    const close = template.indexOf("}}", open + 2);
    if (close === -1) {
      throw new TouchpointError(
        "unclosed_placeholder",
        `${caller}: expected "}}" to close the placeholder at index ${open}, got ${quote(template.slice(open, open + 40))}`,
        { index: open, value: template.slice(open, open + 40) },
      );
    }
    const name = template.slice(open + 2, close);
    if (!isPlaceholderName(name)) {
      throw new TouchpointError(
        "invalid_placeholder",
        `${caller}: expected a placeholder name (a letter, then letters, digits or "_"), got ${quote(name)} at index ${open}`,
        { index: open, value: name },
      );
    }
    if (text.length > 0) parts.push({ kind: "text", text });
    text = "";
    parts.push({ kind: "placeholder", name, index: open });
    i = close + 2;
  }
  if (text.length > 0) parts.push({ kind: "text", text });
  return parts;
}

/**
 * The placeholder names of a template literal type, as a union (`never` when it has none, `string`
 * when the template is not a literal).
 *
 * @remarks
 * The type-level twin of {@link templatePlaceholders}: it follows the same rules (`{{name}}`, with
 * `{{{{` for a literal `{{`), so `renderTemplate` can require exactly these variables at compile time.
 *
 * @typeParam T - the template text
 * @typeParam Found - the names found so far (leave it out)
 *
 * @category Templates
 */
export type TemplatePlaceholders<T extends string, Found extends string = never> = string extends T
  ? string
  : T extends `${string}{{${infer Rest}`
    ? Rest extends `{{${infer After}`
      ? TemplatePlaceholders<After, Found>
      : Rest extends `${infer Name}}}${infer After}`
        ? TemplatePlaceholders<After, Found | Name>
        : Found
    : Found;

/**
 * Returns the placeholder names of a template, in order of first appearance, each once.
 *
 * @remarks
 * Syntax: `{{name}}` is a placeholder, where a name is a letter followed by letters, digits or `_`
 * (no spaces inside the braces). `{{{{` stands for a literal `{{`; a lone `{`, `}` or `}}` is plain
 * text. One left-to-right pass: linear time in the template's length.
 *
 * @param template - the template text
 * @returns the names, each once, in order of first appearance (empty when there are none)
 * @throws TouchpointError `unclosed_placeholder` when a `{{` has no `}}`, `invalid_placeholder` when
 *   the text between the braces is not a name
 *
 * @example
 * ```ts
 * import { templatePlaceholders } from "touchpoint/playbooks";
 *
 * templatePlaceholders("Hi {{customerFirstName}}, order {{orderNumber}} ships soon, {{customerFirstName}}."); // => ["customerFirstName", "orderNumber"]
 * templatePlaceholders("Literal {{{{braces}} stay text"); // => []
 * templatePlaceholders("Hi {{ customer }}"); // throws invalid_placeholder
 * templatePlaceholders("Hi {{customerFirstName"); // throws unclosed_placeholder
 * ```
 *
 * @category Templates
 */
export function templatePlaceholders(template: string): string[] {
  if (typeof template !== "string")
    throw new TouchpointError(
      "invalid_template",
      `templatePlaceholders: expected a string, got ${quote(template)}`,
      {
        path: "template",
        value: template,
      },
    );
  const seen = new Set<string>();
  for (const part of scanTemplate(template, "templatePlaceholders")) {
    if (part.kind === "placeholder") seen.add(part.name);
  }
  return [...seen];
}
