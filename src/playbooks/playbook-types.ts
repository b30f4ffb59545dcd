import type { Channel, ConversationStage, InteractionType, Scenario } from "../schemas/vocabulary.js";
import type {
  PlaybookJourneyStage,
  PlaybookMetric,
  PlaybookSignal,
  TemplateChannel,
} from "./playbook-vocabulary.js";

/**
 * A reply template with one variant per channel: `chat`, `email` and `phone` always, any other
 * channel of the vocabulary when a team writes one.
 *
 * @remarks
 * Chat variants are short; email variants open with a greeting and end with a sign-off; phone
 * variants are a script to say aloud. Placeholders are written `{{name}}` (see `renderTemplate`).
 *
 * @category Playbooks
 */
export type ChannelTemplates = { [C in TemplateChannel]: string } & {
  [C in Exclude<Channel, TemplateChannel>]?: string | undefined;
};

/**
 * What to do and say on the second turn of a stage, the one the conversation machine names with an
 * action of its own: in proposing, the alternative to offer once the customer has rejected a
 * proposal (`propose_alternative`); in delivering, the check that nothing else is needed once the
 * customer has answered the delivery (`ask_anything_else`).
 *
 * @remarks
 * Only the proposing and delivering steps may have one ({@link playbookSchema} reports it on any
 * other stage). {@link nextPlaybookStep} uses its `action` and `template` in place of the step's on
 * that turn; a step without one gives its own template for every turn. Its placeholders follow the
 * same rules as the step's: {@link templateVariables} and the playbook's `variables`.
 *
 * @category Playbooks
 */
export interface PlaybookFollowUp {
  /** What the agent does on that turn, in one sentence. */
  action: string;
  /** What to say on that turn, per channel. */
  template: ChannelTemplates;
}

/**
 * What to do and say at one stage of the conversation.
 *
 * @category Playbooks
 */
export interface PlaybookStep {
  /** What the agent does at this stage, in one sentence. */
  action: string;
  /** The points to cover before moving on, in order. */
  checklist: string[];
  /** What to say, per channel. */
  template: ChannelTemplates;
  /** Proposing and delivering only: the action and template for the stage's second turn (an alternative after a rejection; "anything else?" after the delivery). Optional. */
  followUp?: PlaybookFollowUp | undefined;
}

/**
 * How to tell that a conversation calls for a playbook, in the terms of touchpoint/classify's
 * outputs.
 *
 * @category Playbooks
 */
export interface PlaybookRecognition {
  /** The scenarios (`classifyScenario(...).scenario`) this playbook handles. */
  scenarios: Scenario[];
  /** The interaction types (`classifyInteraction(...).label`) it handles. */
  types: InteractionType[];
  /** The signals (`detectSignals(...).signals`) that point to it. */
  signals: PlaybookSignal[];
  /** The journey stages where it usually happens (any of the three journey models). */
  journeyStages: PlaybookJourneyStage[];
  /** The cues in words, for the people reading the playbook. */
  cues: string[];
}

/**
 * One condition under which a conversation should go to a person or the next tier.
 *
 * @remarks
 * - `signal`: a signal of touchpoint/classify at or above a strength.
 * - `rejections`: the customer rejected this many proposals in a row (the conversation machine's
 *   `rejections`).
 * - `reopens`: the conversation was reopened this many times.
 * - `previous-contacts`: the customer had already contacted the team this many times about the issue.
 * - `waiting`: the customer has waited this many minutes for an answer.
 * - `sla-breached`: an SLA clock of the conversation was breached.
 *
 * @category Playbooks
 */
export type EscalationTrigger =
  | {
      /** Escalate on a classifier signal. */
      kind: "signal";
      /** The signal. */
      signal: PlaybookSignal;
      /** The strength in (0, 1] from which it counts. */
      minStrength: number;
    }
  | {
      /** Escalate after repeated rejected proposals. */
      kind: "rejections";
      /** How many rejections in a row trigger it. */
      atLeast: number;
    }
  | {
      /** Escalate after reopens. */
      kind: "reopens";
      /** How many reopens trigger it. */
      atLeast: number;
    }
  | {
      /** Escalate when the customer has written about the issue before. */
      kind: "previous-contacts";
      /** How many earlier contacts trigger it. */
      atLeast: number;
    }
  | {
      /** Escalate when the customer has waited too long. */
      kind: "waiting";
      /** Minutes of waiting that trigger it. */
      minutes: number;
    }
  | {
      /** Escalate when an SLA clock was breached. */
      kind: "sla-breached";
    };

/**
 * When and how to hand the conversation on.
 *
 * @category Playbooks
 */
export interface PlaybookEscalation {
  /** What escalation means here and to whom, in words. */
  summary: string;
  /** The conditions, any one of which is enough. */
  when: EscalationTrigger[];
}

/**
 * A metric that shows whether the playbook is working, and why it does.
 *
 * @category Playbooks
 */
export interface PlaybookMetricRef {
  /** The calculator's name in touchpoint/metrics. */
  name: PlaybookMetric;
  /** What a good or bad value says about this playbook. */
  why: string;
}

/**
 * A fact or figure a playbook rests on, in our words, with where it comes from.
 *
 * @category Playbooks
 */
export interface PlaybookFact {
  /** The fact, restated (never quoted). */
  statement: string;
  /** The figure, when there is one (`"70%"`, `"5x"`). */
  figure?: string | undefined;
  /** Where it comes from: `"seed 000"` for the built-in playbooks, a team's own source otherwise. */
  source: string;
}

/**
 * A playbook: how to recognise a kind of conversation and what to do and say at every stage of it.
 *
 * @remarks
 * Playbooks are data: validated by {@link playbookSchema}, loaded from JSON by {@link loadPlaybooks},
 * changed with {@link overridePlaybook}. The built-in twelve cover seed 000's eight scenarios and seed
 * 003's four interaction types.
 *
 * @category Playbooks
 */
export interface Playbook {
  /** A stable identifier: the scenario or interaction type for the built-in ones, any kebab-case name for a team's own. */
  id: string;
  /** The language of its wording and templates, as a BCP 47 tag (`"en"`, `"de"`, `"pt-BR"`). */
  language: string;
  /** A short title for people. */
  title: string;
  /** What the conversation should achieve. */
  goal: string;
  /** How to recognise it. */
  recognize: PlaybookRecognition;
  /** What to do and say at each of the five conversation stages. */
  steps: Record<ConversationStage, PlaybookStep>;
  /** What not to do. */
  avoid: string[];
  /** When to hand on. */
  escalation: PlaybookEscalation;
  /** The metrics that show it is working. */
  metrics: PlaybookMetricRef[];
  /** The facts and figures behind it, with their sources. */
  facts: PlaybookFact[];
  /** Placeholder names its templates may use on top of the built-in `templateVariables`. */
  variables: string[];
}

/**
 * A playbook as a team writes it: a {@link Playbook} whose `language` and `variables` may be left out.
 *
 * @category Playbooks
 */
export interface PlaybookInput extends Omit<Playbook, "language" | "variables"> {
  /** The language of its wording, a BCP 47 tag; `"en"` when left out. */
  language?: string | undefined;
  /** Extra placeholder names its templates may use; none when left out. */
  variables?: string[] | undefined;
}

/**
 * A follow-up as a change to an existing one: a new action, any of its channel variants. To add a
 * follow-up to a step that has none, give the action and the chat, email and phone variants.
 *
 * @category Playbooks
 */
export interface PlaybookFollowUpPatch {
  /** A new action. */
  action?: string;
  /** New channel variants (the others stay). */
  template?: Partial<ChannelTemplates>;
}

/**
 * A step as a change to an existing one: any of its fields, and any of its channel variants.
 *
 * @category Playbooks
 */
export interface PlaybookStepPatch {
  /** A new action. */
  action?: string;
  /** A new checklist (replaces the old one). */
  checklist?: string[];
  /** New channel variants (the others stay). */
  template?: Partial<ChannelTemplates>;
  /** Changes to the follow-up (merged like the step: its other fields and variants stay). */
  followUp?: PlaybookFollowUpPatch;
}

/**
 * A change to a playbook: any part of it. Objects merge key by key; lists and texts replace what
 * was there.
 *
 * @category Playbooks
 */
export interface PlaybookPatch {
  /** A new id (to derive a new playbook from an existing one). */
  id?: string;
  /** A new language (for a translation). */
  language?: string;
  /** A new title. */
  title?: string;
  /** A new goal. */
  goal?: string;
  /** Changes to the recognition (each list given replaces the old one). */
  recognize?: Partial<PlaybookRecognition>;
  /** Changes to the steps of some stages. */
  steps?: { [S in ConversationStage]?: PlaybookStepPatch };
  /** A new list of things to avoid. */
  avoid?: string[];
  /** Changes to the escalation. */
  escalation?: Partial<PlaybookEscalation>;
  /** A new list of metrics. */
  metrics?: PlaybookMetricRef[];
  /** A new list of facts. */
  facts?: PlaybookFact[];
  /** A new list of extra placeholder names. */
  variables?: string[];
}

/**
 * A playbook for every scenario of the vocabulary: a scenario without one does not compile.
 *
 * @category Playbooks
 */
export type ScenarioPlaybooks = Readonly<Record<Scenario, Playbook>>;

/**
 * A playbook for every interaction type of the vocabulary: a type without one does not compile.
 *
 * @category Playbooks
 */
export type InteractionTypePlaybooks = Readonly<Record<InteractionType, Playbook>>;
