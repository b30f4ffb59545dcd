/**
 * Playbooks: what to do and what to say at every stage of a support conversation, as typed,
 * validated data, and the functions that put them to work.
 *
 * @remarks
 * - **Content**: twelve built-in playbooks, one for each of seed 000's eight scenarios
 *   ({@link scenarioPlaybooks}) and one for each of seed 003's four interaction types
 *   ({@link interactionTypePlaybooks}). Each has a goal; how to recognise it in the terms of
 *   touchpoint/classify (scenarios, types, signals, journey stages); a step for each of the five
 *   conversation stages with reply templates for chat, email and phone (plus a follow-up for the
 *   alternative after a rejection and for "anything else?" after the delivery); what to avoid; when to
 *   escalate; the touchpoint/metrics calculators that show it works; and the facts and figures behind
 *   it, each cited to its seed. The wording is ours: the seeds give facts and structure, not sentences.
 * - **Exhaustive by type**: the built-in records are `Record<Scenario, Playbook>` and
 *   `Record<InteractionType, Playbook>`, and a playbook's steps are `Record<ConversationStage, ...>`,
 *   so a new scenario, type or stage in the vocabulary does not compile until it has a playbook.
 * - **Templates**: {@link renderTemplate} fills `{{name}}` placeholders in one pass; a missing or
 *   unknown name is an error, never an empty gap; values are inserted literally (an injected
 *   `{{name}}` is not expanded) and HTML-escaped on request.
 * - **A team's own**: {@link definePlaybook}, {@link overridePlaybook}, {@link extendPlaybooks} and
 *   {@link loadPlaybooks} (JSON) all apply the same zod validation ({@link playbookSchema}) and report
 *   each issue by its path. Translations are playbooks with the same `id` and another `language`.
 * - **Recommend**: {@link recommend} takes plain data (a stage, a channel, and whatever a classifier
 *   or the conversation machine knows) and returns the playbook, the step, the template and why.
 * - **Next step**: {@link nextPlaybookStep} fills touchpoint/conversation's `nextStep(snapshot)` with
 *   the scenario's playbook: the machine's action and stage checklist, the playbook's step and
 *   template for the channel, and whether to hand off, in one call. {@link playbookExtension} is the
 *   same as a hook for `nextStep`'s `extend` option.
 *
 * Choices: the built-in type playbooks do not list the signals that define a scenario (frustration,
 * urgency, confusion), so that {@link recommend} sends a complaint with strong frustration to the
 * frustration playbook and a plain complaint to the complaint playbook. The signal and metric lists
 * repeat names owned by touchpoint/classify and touchpoint/metrics, with compile-time checks that they
 * agree, so rendering a template does not bundle the classifier.
 *
 * @example
 * ```ts
 * import { recommend, renderTemplate } from "touchpoint/playbooks";
 *
 * const advice = recommend({ scenario: "quick-resolution", stage: "greeting", channel: "phone" });
 * const values = { customerFirstName: "Ana", agentName: "Sam", companyName: "Acme" };
 * renderTemplate(advice.template, values); // => "Hi Ana, Sam at Acme. I understand it's urgent, so let's get straight to it."
 * ```
 *
 * @module playbooks
 */

export { isTouchpointError, TouchpointError } from "../internal/errors.js";
export { builtinPlaybooks, interactionTypePlaybooks, scenarioPlaybooks } from "./builtin-playbooks.js";
export { definePlaybook } from "./define-playbook.js";
export { extendPlaybooks } from "./extend-playbooks.js";
export { loadPlaybooks } from "./load-playbooks.js";
export type {
  NextPlaybookStepInput,
  PlaybookChecklistEntry,
  PlaybookNextStep,
  PlaybookNextStepExtension,
} from "./next-playbook-step.js";
export { nextPlaybookStep, playbookExtension } from "./next-playbook-step.js";
export { overridePlaybook } from "./override-playbook.js";
export { playbookSchema } from "./playbook-schema.js";
export type {
  ChannelTemplates,
  EscalationTrigger,
  InteractionTypePlaybooks,
  Playbook,
  PlaybookEscalation,
  PlaybookFact,
  PlaybookFollowUp,
  PlaybookFollowUpPatch,
  PlaybookInput,
  PlaybookMetricRef,
  PlaybookPatch,
  PlaybookRecognition,
  PlaybookStep,
  PlaybookStepPatch,
  ScenarioPlaybooks,
} from "./playbook-types.js";
export type {
  PlaybookJourneyStage,
  PlaybookMetric,
  PlaybookSignal,
  TemplateChannel,
  TemplateVariable,
} from "./playbook-vocabulary.js";
export {
  channelFallbacks,
  playbookJourneyStages,
  playbookMetrics,
  playbookSignals,
  templateChannels,
  templateVariables,
} from "./playbook-vocabulary.js";
export type {
  RecommendAlternative,
  RecommendClassification,
  RecommendConversation,
  RecommendedTemplate,
  RecommendInput,
  RecommendSignals,
  Recommendation,
  SignalStrength,
} from "./recommend.js";
export { recommend } from "./recommend.js";
export { recommendFrom } from "./recommend-from.js";
export type { RenderTemplateOptions, ResolvedTemplate, TemplateValues } from "./render-template.js";
export { renderTemplate } from "./render-template.js";
export type { TemplatePlaceholders } from "./template-placeholders.js";
export { templatePlaceholders } from "./template-placeholders.js";
