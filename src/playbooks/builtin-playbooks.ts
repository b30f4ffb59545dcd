import type { InteractionType, Scenario } from "../schemas/vocabulary.js";
import { complaint } from "./builtin/complaint.js";
import { confusion } from "./builtin/confusion.js";
import { evaluation } from "./builtin/evaluation.js";
import { experience } from "./builtin/experience.js";
import { frustration } from "./builtin/frustration.js";
import { informationSeeking } from "./builtin/information-seeking.js";
import { loyalty } from "./builtin/loyalty.js";
import { onboarding } from "./builtin/onboarding.js";
import { praise } from "./builtin/praise.js";
import { question } from "./builtin/question.js";
import { quickResolution } from "./builtin/quick-resolution.js";
import { suggestion } from "./builtin/suggestion.js";
import type { InteractionTypePlaybooks, Playbook, ScenarioPlaybooks } from "./playbook-types.js";

/**
 * The built-in playbook of each of seed 000's eight scenarios, keyed by scenario.
 *
 * @remarks
 * Typed `Record<Scenario, Playbook>`: a scenario added to the vocabulary without a playbook here is a
 * compile error. The wording is touchpoint's own; the facts and figures are cited to the seeds in each
 * playbook's `facts`.
 *
 * @example
 * ```ts
 * import { scenarioPlaybooks } from "touchpoint/playbooks";
 *
 * Object.keys(scenarioPlaybooks).length; // => 8
 * scenarioPlaybooks.frustration.facts[0]?.figure; // => "70%"
 * scenarioPlaybooks["quick-resolution"].recognize.signals; // => ["urgency"]
 * ```
 *
 * @category Built-in playbooks
 */
export const scenarioPlaybooks = {
  "information-seeking": informationSeeking,
  evaluation,
  onboarding,
  experience,
  "quick-resolution": quickResolution,
  frustration,
  confusion,
  loyalty,
} as const satisfies Record<Scenario, Playbook> as ScenarioPlaybooks;

/**
 * The built-in playbook of each of seed 003's four interaction types, keyed by type.
 *
 * @remarks
 * Typed `Record<InteractionType, Playbook>`: a type added to the vocabulary without a playbook here is
 * a compile error.
 *
 * @example
 * ```ts
 * import { interactionTypePlaybooks } from "touchpoint/playbooks";
 *
 * Object.keys(interactionTypePlaybooks); // => ["question", "complaint", "suggestion", "praise"]
 * interactionTypePlaybooks.praise.escalation.when; // => []
 * ```
 *
 * @category Built-in playbooks
 */
export const interactionTypePlaybooks = {
  question,
  complaint,
  suggestion,
  praise,
} as const satisfies Record<InteractionType, Playbook> as InteractionTypePlaybooks;

/**
 * All twelve built-in playbooks: the eight scenarios first, then the four interaction types.
 *
 * @remarks
 * The default library of {@link recommend}; extend or replace entries with {@link extendPlaybooks}.
 *
 * @example
 * ```ts
 * import { builtinPlaybooks } from "touchpoint/playbooks";
 *
 * builtinPlaybooks.length; // => 12
 * builtinPlaybooks.map((p) => p.id).slice(-4); // => ["question", "complaint", "suggestion", "praise"]
 * ```
 *
 * @category Built-in playbooks
 */
export const builtinPlaybooks: readonly Playbook[] = [
  ...Object.values(scenarioPlaybooks),
  ...Object.values(interactionTypePlaybooks),
];
