import { checkRecord } from "../internal/args.js";
import { validate } from "../schemas/validate.js";
import { invalidPlaybook } from "./define-playbook.js";
import type { Playbook, PlaybookPatch } from "./playbook-types.js";
import { playbookSchema } from "./playbook-schema.js";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function merge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value !== undefined) out[key] = merge(base[key], value);
  }
  return out;
}

/**
 * Returns a copy of a playbook with a team's changes applied and validated: new wording, another
 * template, a translation, an extra escalation rule.
 *
 * @remarks
 * Objects merge key by key at any depth (change only `steps.closing.template.email`, and everything
 * else stays); lists (`avoid`, `checklist`, `escalation.when`, ...) and texts replace the original.
 * The result passes the same validation as {@link definePlaybook}. To translate, set `language` and
 * the texts; keep the `id` so {@link recommend} finds it when asked for that language.
 *
 * @param base - the playbook to start from (a built-in one, or a team's)
 * @param patch - the changes
 * @returns a new, validated playbook; `base` is not changed
 * @throws TouchpointError `invalid_playbook` listing every issue of the result with its path
 *
 * @example
 * ```ts
 * import { interactionTypePlaybooks, overridePlaybook, scenarioPlaybooks } from "touchpoint/playbooks";
 *
 * const ours = overridePlaybook(scenarioPlaybooks.loyalty, {
 *   steps: { closing: { template: { chat: "Thanks for staying with {{companyName}}, {{customerFirstName}}!" } } },
 * });
 * ours.steps.closing.template.chat; // => "Thanks for staying with {{companyName}}, {{customerFirstName}}!"
 * ours.steps.closing.template.email === scenarioPlaybooks.loyalty.steps.closing.template.email; // => true
 *
 * const german = overridePlaybook(interactionTypePlaybooks.praise, {
 *   language: "de",
 *   steps: { greeting: { template: { chat: "Hallo {{customerFirstName}}, vielen Dank!" } } },
 * });
 * german.language; // => "de"
 * overridePlaybook(interactionTypePlaybooks.praise, { steps: { greeting: { template: { chat: "Hi {{nickname}}" } } } }); // throws invalid_playbook
 * ```
 *
 * @category Playbooks
 */
export function overridePlaybook(base: Playbook, patch: PlaybookPatch): Playbook {
  checkRecord("overridePlaybook", "base", base);
  const result = validate(playbookSchema, merge(base, patch));
  if (!result.success)
    throw invalidPlaybook("overridePlaybook", `the override of ${JSON.stringify(base.id)}`, result.issues);
  return result.data;
}
