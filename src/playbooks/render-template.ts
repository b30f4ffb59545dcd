import { quote, TouchpointError } from "../internal/errors.js";
import { templateVariables } from "./playbook-vocabulary.js";
import { scanTemplate, type TemplatePlaceholders } from "./template-placeholders.js";
import { escapeHtml } from "../internal/html.js";

/**
 * The values of a template's placeholders: exactly its names when the template is a literal,
 * any names otherwise.
 *
 * @category Templates
 */
export type TemplateValues<T extends string> = { [K in TemplatePlaceholders<T>]: string | number };

/**
 * Options of {@link renderTemplate}.
 *
 * @category Templates
 */
export interface RenderTemplateOptions {
  /**
   * `"html"` escapes `& < > " '` in every inserted value (for email and other HTML channels);
   * `"none"` (the default) inserts values as they are. The template's own text is never escaped.
   */
  escape?: "html" | "none";
  /** Placeholder names allowed on top of {@link templateVariables} (a team's own, such as `couponCode`). */
  variables?: readonly string[];
  /**
   * `true` (the default): a value that renders empty or blank (`""`, `"  "`) is `missing_variable`,
   * so a customer never receives "Hi ,". `false` inserts such values as they are.
   */
  strict?: boolean;
}

const optionNames = new Set(["escape", "variables", "strict"]);

/** Checks renderTemplate's arguments as a JavaScript caller or JSON may pass them. */
function checkArguments(template: unknown, variables: unknown, options: unknown): void {
  const fail = (code: string, path: string, value: unknown, expected: string): never => {
    throw new TouchpointError(code, `renderTemplate: expected ${expected} for ${path}, got ${quote(value)}`, {
      path,
      value,
    });
  };
  if (typeof template !== "string") {
    if (typeof template !== "object" || template === null)
      fail("invalid_template", "template", template, "a string or a resolved template");
    const t = template as Record<string, unknown>;
    if (typeof t.text !== "string") fail("invalid_template", "template.text", t.text, "a string");
    if (!Array.isArray(t.variables) || !t.variables.every((v) => typeof v === "string"))
      fail("invalid_template", "template.variables", t.variables, "an array of strings");
    if (t.escape !== "html" && t.escape !== "none")
      fail("invalid_template", "template.escape", t.escape, '"html" or "none"');
  }
  if (typeof variables !== "object" || variables === null || Array.isArray(variables))
    fail("invalid_variables", "variables", variables, "an object of placeholder values");
  if (options === undefined) return;
  if (typeof options !== "object" || options === null || Array.isArray(options))
    fail("invalid_option", "options", options, "an object");
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!optionNames.has(key))
      fail("invalid_option", `options.${key}`, o[key], "no such option (escape, variables, strict)");
  }
  if (o.escape !== undefined && o.escape !== "html" && o.escape !== "none")
    fail("invalid_option", "options.escape", o.escape, '"html" or "none"');
  if (
    o.variables !== undefined &&
    (!Array.isArray(o.variables) || !o.variables.every((v) => typeof v === "string"))
  )
    fail("invalid_option", "options.variables", o.variables, "an array of strings");
  if (o.strict !== undefined && typeof o.strict !== "boolean")
    fail("invalid_option", "options.strict", o.strict, "a boolean");
}

/**
 * A template with what it needs to render: {@link recommend} returns one.
 *
 * @category Templates
 */
export interface ResolvedTemplate {
  /** The template text, with `{{name}}` placeholders. */
  text: string;
  /** Placeholder names its playbook allows on top of {@link templateVariables}. */
  variables: readonly string[];
  /** Whether its channel wants HTML-escaped values (email). */
  escape: "html" | "none";
}

/**
 * Returns a template with each `{{name}}` placeholder replaced by its value.
 *
 * @remarks
 * Syntax: `{{name}}` (a letter, then letters, digits or `_`); `{{{{` writes a literal `{{`. Names must
 * be {@link templateVariables} or listed in `options.variables`, so a misspelt placeholder is an
 * error, never an empty gap in a message to a customer; so is a value that renders empty or blank,
 * unless `strict: false`. Values are inserted literally, in a single
 * pass: a value that itself contains `{{name}}` stays as typed and is not expanded (no template
 * injection). With `escape: "html"` the values (not the template text) are HTML-escaped. Variables the
 * template does not use are ignored, so one complete set of values can render any template. Linear
 * time in the lengths of the template and the values; no regular expressions.
 *
 * When `template` is a string literal, its placeholders are part of its type: leaving one out of
 * `variables` is a compile error.
 *
 * @param template - the template text, or a {@link ResolvedTemplate} from {@link recommend}
 * @param variables - a value for every placeholder (strings, or numbers printed as JavaScript does)
 * @param options - HTML escaping and extra placeholder names
 * @returns the rendered text
 * @throws TouchpointError `missing_variable` when a placeholder has no value (or, in strict mode, an
 *   empty or blank one), `unknown_variable` when
 *   a placeholder name is not allowed, `invalid_variable` when a value is neither a string nor a
 *   finite number, `unclosed_placeholder` / `invalid_placeholder` when the template is malformed,
 *   `invalid_template` / `invalid_variables` / `invalid_option` when an argument is not of its type or
 *   an option is unknown
 *
 * @example
 * ```ts
 * import { renderTemplate } from "touchpoint/playbooks";
 *
 * renderTemplate("Hi {{customerFirstName}}, I'm {{agentName}}.", { customerFirstName: "Ana", agentName: "Sam" }); // => "Hi Ana, I'm Sam."
 * renderTemplate("Order {{orderNumber}}", { orderNumber: "{{agentName}}" }); // => "Order {{agentName}}"
 * renderTemplate("<p>{{customerFirstName}}</p>", { customerFirstName: "<b>Al</b>" }, { escape: "html" }); // => "<p>&lt;b&gt;Al&lt;/b&gt;</p>"
 * renderTemplate("Use {{{{code}} as typed", {}); // => "Use {{code}} as typed"
 * renderTemplate("Your code: {{couponCode}}", { couponCode: "SAVE10" }, { variables: ["couponCode"] }); // => "Your code: SAVE10"
 * renderTemplate("Hi {{customerFirstName}}" as string, {}); // throws missing_variable
 * renderTemplate("Hi {{customerFirstName}},", { customerFirstName: "" }); // throws missing_variable
 * renderTemplate("Hi {{customerFirstName}},", { customerFirstName: "" }, { strict: false }); // => "Hi ,"
 * renderTemplate("Hi {{custmerFirstName}}" as string, { custmerFirstName: "Ana" }); // throws unknown_variable
 * ```
 *
 * @category Templates
 */
export function renderTemplate<const T extends string>(
  template: T | ResolvedTemplate,
  variables: TemplateValues<T>,
  options: RenderTemplateOptions = {},
): string {
  checkArguments(template, variables, options);
  const strict = options.strict ?? true;
  const text = typeof template === "string" ? template : template.text;
  const escaping = options.escape ?? (typeof template === "string" ? "none" : template.escape);
  const extra =
    typeof template === "string" ? options.variables : [...template.variables, ...(options.variables ?? [])];
  const allowed = extra && extra.length > 0 ? new Set(extra) : undefined;
  const values = variables as Record<string, unknown>;
  let out = "";
  for (const part of scanTemplate(text, "renderTemplate")) {
    if (part.kind === "text") {
      out += part.text;
      continue;
    }
    const { name, index } = part;
    if (!Object.hasOwn(templateVariables, name) && !allowed?.has(name)) {
      throw new TouchpointError(
        "unknown_variable",
        `renderTemplate: expected a known placeholder name, got ${quote(name)} at index ${index}`,
        { index, path: name, value: name },
      );
    }
    if (!Object.hasOwn(values, name) || values[name] === undefined) {
      throw new TouchpointError(
        "missing_variable",
        `renderTemplate: expected a value for ${quote(name)}, got none (placeholder at index ${index})`,
        { index, path: name },
      );
    }
    const value = values[name];
    let inserted: string;
    if (typeof value === "string") {
      if (strict && value.trim() === "") {
        throw new TouchpointError(
          "missing_variable",
          `renderTemplate: expected a non-blank value for ${quote(name)}, got ${quote(value)} (placeholder at index ${index}; pass strict: false to allow it)`,
          { index, path: name, value },
        );
      }
      inserted = value;
    } else if (typeof value === "number" && Number.isFinite(value)) inserted = String(value);
    else {
      throw new TouchpointError(
        "invalid_variable",
        `renderTemplate: expected a string or a finite number for ${quote(name)}, got ${quote(value)}`,
        { index, path: name, value },
      );
    }
    out += escaping === "html" ? escapeHtml(inserted) : inserted;
  }
  return out;
}
