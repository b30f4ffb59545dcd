import { quote, TouchpointError } from "../internal/errors.js";
import { validate, type ValidationIssue } from "../schemas/validate.js";
import { invalidPlaybook, prefixIssues } from "./define-playbook.js";
import type { Playbook } from "./playbook-types.js";
import { playbookSchema } from "./playbook-schema.js";

/**
 * Returns the playbooks of a JSON document, validated, or throws an error that names every bad field
 * by its path.
 *
 * @remarks
 * Accepts JSON text or an already parsed value, shaped either as a list of playbooks or as
 * `{ "playbooks": [...] }`. Each playbook passes the validation of {@link definePlaybook}; the error
 * lists every issue of every playbook, each path starting at the document
 * (`playbooks.2.steps.closing.template.email: expected a non-empty string`), and two playbooks with
 * the same `id` and `language` are reported too. Nothing is dropped silently: a document loads whole or
 * not at all. Combine the result with the built-in playbooks with {@link extendPlaybooks}.
 *
 * @param json - JSON text, or the parsed value
 * @returns the playbooks, in document order
 * @throws TouchpointError `invalid_json` when the text is not JSON, `invalid_playbook` listing every
 *   issue with its path (`error.path` is the first, `error.value` the list)
 *
 * @example
 * ```ts
 * import { interactionTypePlaybooks, loadPlaybooks } from "touchpoint/playbooks";
 *
 * const text = JSON.stringify({ playbooks: [{ ...interactionTypePlaybooks.praise, id: "kudos" }] });
 * loadPlaybooks(text).map((p) => p.id); // => ["kudos"]
 * loadPlaybooks("{ not json"); // throws invalid_json
 * loadPlaybooks([{ ...interactionTypePlaybooks.praise, metrics: [{ name: "happiness", why: "?" }] }]); // throws invalid_playbook
 * ```
 *
 * @category Playbooks
 */
export function loadPlaybooks(json: unknown): Playbook[] {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new TouchpointError(
        "invalid_json",
        `loadPlaybooks: expected JSON text, got ${quote(json)} (${(error as Error).message})`,
        {
          value: json,
        },
      );
    }
  }
  let list: unknown = value;
  let prefix = "";
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "playbooks" in value) {
    list = (value as { playbooks: unknown }).playbooks;
    prefix = "playbooks.";
  }
  if (!Array.isArray(list)) {
    throw invalidPlaybook("loadPlaybooks", "the document", [
      {
        path: prefix.slice(0, -1),
        code: "invalid_type",
        message: "expected a list of playbooks or { playbooks: [...] }",
        received: list,
      },
    ]);
  }
  const issues: ValidationIssue[] = [];
  const out: Playbook[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const result = validate(playbookSchema, list[i]);
    if (!result.success) {
      issues.push(...prefixIssues(result.issues, `${prefix}${i}`));
      continue;
    }
    const key = `${result.data.id}\u0000${result.data.language}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        path: `${prefix}${i}.id`,
        code: "duplicate",
        message: `expected one playbook per id and language, but ${prefix}${first} has the same id and language`,
        received: result.data.id,
      });
    } else seen.set(key, i);
    out.push(result.data);
  }
  if (issues.length > 0) throw invalidPlaybook("loadPlaybooks", "the document", issues);
  return out;
}
