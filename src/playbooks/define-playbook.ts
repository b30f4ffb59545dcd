import { quote, TouchpointError } from "../internal/errors.js";
import { formatIssues, type ValidationIssue, validate } from "../schemas/validate.js";
import type { Playbook, PlaybookInput } from "./playbook-types.js";
import { playbookSchema } from "./playbook-schema.js";

/** Prefixes every issue's path (`steps.closing` → `3.steps.closing`). */
export function prefixIssues(issues: readonly ValidationIssue[], prefix: string): ValidationIssue[] {
  return issues.map((issue) => ({ ...issue, path: issue.path ? `${prefix}.${issue.path}` : prefix }));
}

/** The `invalid_playbook` error of a caller, listing every issue with its path. */
export function invalidPlaybook(
  caller: string,
  what: string,
  issues: readonly ValidationIssue[],
): TouchpointError {
  const first = issues[0];
  return new TouchpointError(
    "invalid_playbook",
    `${caller}: ${what} is not a valid playbook:\n${formatIssues(issues)}`,
    {
      ...(first ? { path: first.path } : {}),
      value: issues,
    },
  );
}

/**
 * Returns a validated playbook, with defaults filled in, from a playbook written by a team.
 *
 * @remarks
 * The same validation the built-in playbooks pass ({@link playbookSchema}): a step for each of the five
 * conversation stages, a chat, email and phone variant for every template, placeholders that exist,
 * signals, stages and metrics from the vocabulary. The result is a fresh object; the input is not
 * changed. Use it for a team's own playbooks, a translation, or a playbook built in code.
 *
 * @param input - the playbook as written (`language` defaults to `"en"`, `variables` to `[]`)
 * @returns the validated playbook
 * @throws TouchpointError `invalid_playbook` listing every issue with its path
 *   (`steps.closing.template.email: expected a non-empty string`); `error.path` is the first one and
 *   `error.value` the list
 *
 * @example
 * ```ts
 * import { definePlaybook, scenarioPlaybooks } from "touchpoint/playbooks";
 *
 * const own = definePlaybook({ ...scenarioPlaybooks.loyalty, id: "vip-renewal", title: "VIP renewal", language: "en" });
 * own.id; // => "vip-renewal"
 * definePlaybook({ ...scenarioPlaybooks.loyalty, id: "VIP Renewal" }); // throws invalid_playbook
 * ```
 *
 * @category Playbooks
 */
export function definePlaybook(input: PlaybookInput): Playbook {
  const result = validate(playbookSchema, input);
  if (!result.success) {
    const id = typeof input === "object" && input !== null ? (input as { id?: unknown }).id : undefined;
    throw invalidPlaybook(
      "definePlaybook",
      id === undefined ? "the input" : `playbook ${quote(id)}`,
      result.issues,
    );
  }
  return result.data;
}
