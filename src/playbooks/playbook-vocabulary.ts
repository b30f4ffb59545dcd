/*
 * The words a playbook is written in: the signals it recognises, the metrics it is judged by, the
 * channels its templates are written for, and the placeholders a template may use. Each is an
 * `as const` tuple (or object), zod-free, the single source of its type and schema.
 *
 * The signal and metric lists mirror names owned by other areas (touchpoint/classify's
 * `signalNames`, touchpoint/metrics' calculators). They are repeated here, not imported, so that
 * this area does not pull the classifier's lexicon into a bundle that only renders templates; the
 * compile-time checks at the bottom of the file break the build if the lists drift apart.
 */
import type { SignalName } from "../classify/analyze.js";
import type * as Metrics from "../metrics/index.js";
import type { Channel } from "../schemas/vocabulary.js";
import { acquisitionJourneyStages, conversionJourneyStages, journeyStages } from "../schemas/vocabulary.js";

/**
 * The signals of touchpoint/classify that a playbook can be recognised by.
 *
 * @remarks
 * The same names, in the same order, as `signalNames` of touchpoint/classify (what `detectSignals`
 * reports): the cues the eight scenarios of seed 000 turn on.
 *
 * @example
 * ```ts
 * import { playbookSignals } from "touchpoint/playbooks";
 *
 * playbookSignals.length; // => 9
 * playbookSignals.includes("cancel-intent"); // => true
 * ```
 *
 * @category Vocabulary
 */
export const playbookSignals = [
  "urgency",
  "frustration",
  "confusion",
  "gratitude",
  "purchase-intent",
  "comparison",
  "onboarding",
  "loyalty",
  "cancel-intent",
] as const;
/** A signal a playbook is recognised by ({@link playbookSignals}). @category Vocabulary */
export type PlaybookSignal = (typeof playbookSignals)[number];

/**
 * The calculators of touchpoint/metrics that tell whether a playbook is working.
 *
 * @remarks
 * Each name is an export of touchpoint/metrics: survey scores (CSAT, NPS, CES), speed
 * (first-response and resolution times, SLA compliance), first contact resolution, and the
 * customer-base rates (churn, retention, conversion) that seed 002 lists as the metrics to track.
 *
 * @example
 * ```ts
 * import { playbookMetrics } from "touchpoint/playbooks";
 *
 * playbookMetrics.includes("firstContactResolution"); // => true
 * ```
 *
 * @category Vocabulary
 */
export const playbookMetrics = [
  "csat",
  "nps",
  "ces",
  "firstResponseTimes",
  "resolutionTimes",
  "firstContactResolution",
  "slaCompliance",
  "churnRate",
  "retentionRate",
  "conversionRate",
] as const;
/** A metric a playbook is judged by ({@link playbookMetrics}). @category Vocabulary */
export type PlaybookMetric = (typeof playbookMetrics)[number];

/**
 * The three channels every reply template is written for: a short chat line, a longer email with a
 * greeting and a sign-off, and a spoken phone script.
 *
 * @remarks
 * The other channels of the vocabulary borrow one of these three when a template has no variant of
 * its own (see {@link channelFallbacks}).
 *
 * @example
 * ```ts
 * import { templateChannels } from "touchpoint/playbooks";
 *
 * templateChannels; // => ["chat", "email", "phone"]
 * ```
 *
 * @category Vocabulary
 */
export const templateChannels = ["chat", "email", "phone"] as const;
/** A channel every template has a variant for ({@link templateChannels}). @category Vocabulary */
export type TemplateChannel = (typeof templateChannels)[number];

/**
 * Which of the three written variants each channel of the vocabulary uses when a template has no
 * variant for it.
 *
 * @remarks
 * Written, short and fast channels (SMS, social replies, bots, forums, review replies, self-service
 * widgets) read like chat; spoken ones (video, in person) like the phone script.
 *
 * @example
 * ```ts
 * import { channelFallbacks } from "touchpoint/playbooks";
 *
 * channelFallbacks.sms; // => "chat"
 * channelFallbacks.video; // => "phone"
 * ```
 *
 * @category Vocabulary
 */
export const channelFallbacks = {
  /** Phone: its own script. */
  phone: "phone",
  /** Email: its own letter. */
  email: "email",
  /** Chat: its own short line. */
  chat: "chat",
  /** A social media reply reads like chat. */
  social: "chat",
  /** Face to face, say the phone script. */
  "in-person": "phone",
  /** A video call uses the phone script. */
  video: "phone",
  /** SMS reads like chat. */
  sms: "chat",
  /** A self-service widget shows the chat line. */
  "self-service": "chat",
  /** A bot sends the chat line. */
  bot: "chat",
  /** A forum reply reads like chat. */
  forum: "chat",
  /** A reply to a review reads like chat. */
  review: "chat",
} as const satisfies Record<Channel, TemplateChannel>;

/**
 * The placeholders a template may use, each with what it stands for.
 *
 * @remarks
 * Write a placeholder as `{{name}}` (see {@link renderTemplate}). A team's playbook may declare more
 * names in its `variables` list; any other name is an error when the playbook is defined, so a typo
 * such as `{{custmerFirstName}}` never reaches a customer.
 *
 * @example
 * ```ts
 * import { templateVariables } from "touchpoint/playbooks";
 *
 * Object.keys(templateVariables).includes("orderNumber"); // => true
 * ```
 *
 * @category Vocabulary
 */
export const templateVariables = {
  /** The customer's first name. */
  customerFirstName: "The customer's first name, as they would like to be addressed.",
  /** The agent's (or bot's) name. */
  agentName: "The name the agent (or bot) signs with.",
  /** The company's name. */
  companyName: "The company's name as customers know it.",
  /** The order, booking or account reference. */
  orderNumber: "The order, booking or account reference the conversation is about.",
  /** The product or plan. */
  productName: "The product or plan the conversation is about.",
  /** The helpdesk reference of the conversation. */
  ticketId: "The reference of this conversation in the helpdesk.",
  /** A link to a guide, video or page. */
  resourceUrl: "A link to the guide, video or page that answers the question.",
  /** When the promised result arrives, in words. */
  deliveryWindow: 'When the customer can expect the promised result, in words ("within 2 business days").',
  /** The customer's email address. */
  contactEmail: "The customer's email address on file.",
  /** A link to the survey. */
  surveyUrl: "A link to the satisfaction survey.",
} as const;
/** A placeholder name every template may use ({@link templateVariables}). @category Vocabulary */
export type TemplateVariable = keyof typeof templateVariables;

/**
 * Every journey stage of the three journey models (default, seed 000's, seeds 001/004's), once each.
 *
 * @example
 * ```ts
 * import { playbookJourneyStages } from "touchpoint/playbooks";
 *
 * playbookJourneyStages.includes("loyalty"); // => true
 * playbookJourneyStages.includes("purchase"); // => true
 * ```
 *
 * @category Vocabulary
 */
export const playbookJourneyStages = [
  ...new Set([...journeyStages, ...acquisitionJourneyStages, ...conversionJourneyStages]),
] as readonly (
  | (typeof journeyStages)[number]
  | (typeof acquisitionJourneyStages)[number]
  | (typeof conversionJourneyStages)[number]
)[];
/** A journey stage of any of the three models ({@link playbookJourneyStages}). @category Vocabulary */
export type PlaybookJourneyStage = (typeof playbookJourneyStages)[number];

// Compile-time guards: a signal renamed in touchpoint/classify, or a metric renamed in
// touchpoint/metrics, fails the build here instead of leaving a playbook pointing at nothing.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const signalsMatchClassify: Equal<PlaybookSignal, SignalName> = true;
const metricsExist: [PlaybookMetric] extends [keyof typeof Metrics] ? true : false = true;
void signalsMatchClassify;
void metricsExist;
