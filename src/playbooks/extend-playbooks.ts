import { checkList, fail, isRecord } from "../internal/args.js";
import { validate, type ValidationIssue } from "../schemas/validate.js";
import { invalidPlaybook, prefixIssues } from "./define-playbook.js";
import type { Playbook, PlaybookInput } from "./playbook-types.js";
import { playbookSchema } from "./playbook-schema.js";

/**
 * Returns a playbook library with a team's playbooks added: one with the same `id` and `language`
 * as an existing playbook replaces it in place, any other is appended.
 *
 * @remarks
 * Every addition is validated as by {@link definePlaybook}; all issues of all additions are reported
 * together, each path starting with the addition's position (`1.steps.closing.template.email`).
 * Adding a playbook with an existing `id` in another `language` adds a translation; {@link recommend}
 * picks it when asked for that language.
 *
 * @param base - the library to start from, usually {@link builtinPlaybooks}
 * @param additions - the team's playbooks (new ones, replacements, translations)
 * @returns a new list; `base` is not changed
 * @throws TouchpointError `invalid_playbook` listing every issue with its path; `invalid_input` when `base` or `additions` is not an array, or an item of `base` is not a playbook
 *
 * @example
 * ```ts
 * import { builtinPlaybooks, extendPlaybooks, interactionTypePlaybooks, scenarioPlaybooks } from "touchpoint/playbooks";
 *
 * const library = extendPlaybooks(builtinPlaybooks, [
 *   { ...scenarioPlaybooks.loyalty, id: "vip-renewal", title: "Renew a VIP contract" },
 *   { ...interactionTypePlaybooks.praise, language: "de", title: "Lob annehmen" },
 * ]);
 * library.length; // => 14
 * library.filter((p) => p.id === "praise").map((p) => p.language); // => ["en", "de"]
 * extendPlaybooks(builtinPlaybooks, [{ ...interactionTypePlaybooks.praise, title: "" }]); // throws invalid_playbook
 * ```
 *
 * @category Playbooks
 */
export function extendPlaybooks(base: readonly Playbook[], additions: readonly PlaybookInput[]): Playbook[] {
  checkList("extendPlaybooks", "base", base);
  checkList("extendPlaybooks", "additions", additions);
  for (let i = 0; i < base.length; i++) {
    const p = base[i] as unknown;
    if (!isRecord(p) || typeof p.id !== "string" || typeof p.language !== "string")
      fail(
        "invalid_input",
        "extendPlaybooks",
        `base[${i}]`,
        p,
        "a playbook (from builtinPlaybooks or definePlaybook)",
      );
  }
  const issues: ValidationIssue[] = [];
  const parsed: Playbook[] = [];
  for (let i = 0; i < additions.length; i++) {
    const result = validate(playbookSchema, additions[i]);
    if (result.success) parsed.push(result.data);
    else issues.push(...prefixIssues(result.issues, String(i)));
  }
  if (issues.length > 0) throw invalidPlaybook("extendPlaybooks", "an addition", issues);
  const out = [...base];
  for (const playbook of parsed) {
    const at = out.findIndex((p) => p.id === playbook.id && p.language === playbook.language);
    if (at === -1) out.push(playbook);
    else out[at] = playbook;
  }
  return out;
}
