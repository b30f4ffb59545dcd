/*
 * The vocabulary of DESIGN.md. Each word list is one `as const` tuple: the tuple is the single source
 * of its TypeScript type (`(typeof tuple)[number]`), its zod schema (`z.enum(tuple)`, in
 * vocabulary-schemas.ts, so that zod-free areas can import the tuples) and its docs.
 * Adding a value here is how a new stage, type or scenario enters the library; code that switches
 * over a vocabulary exhaustively stops compiling until it handles the new value.
 */

/**
 * The six stages of the customer interaction cycle, touchpoint's default journey model.
 *
 * @remarks
 * From seed 002: a customer becomes aware of a brand, considers it, decides, purchases, is retained
 * and finally advocates for it. The five-stage models of seeds 000, 001 and 004 are
 * {@link acquisitionJourneyStages} and {@link conversionJourneyStages}.
 *
 * @example
 * ```ts
 * import { journeyStages } from "touchpoint/schemas";
 *
 * journeyStages.length; // => 6
 * journeyStages[0]; // => "awareness"
 * ```
 *
 * @category Vocabulary
 */
export const journeyStages = [
  "awareness",
  "consideration",
  "decision",
  "purchase",
  "retention",
  "advocacy",
] as const;
/** A stage of the default six-stage journey model ({@link journeyStages}). @category Vocabulary */
export type JourneyStage = (typeof journeyStages)[number];

/**
 * The five-stage journey of seed 000: awareness, consideration, acquisition, experience, loyalty.
 *
 * @example
 * ```ts
 * import { acquisitionJourneyStages } from "touchpoint/schemas";
 *
 * acquisitionJourneyStages[2]; // => "acquisition"
 * ```
 *
 * @category Vocabulary
 */
export const acquisitionJourneyStages = [
  "awareness",
  "consideration",
  "acquisition",
  "experience",
  "loyalty",
] as const;
/** A stage of seed 000's five-stage journey ({@link acquisitionJourneyStages}). @category Vocabulary */
export type AcquisitionJourneyStage = (typeof acquisitionJourneyStages)[number];

/**
 * The five-stage journey of seeds 001 and 004: awareness, consideration, conversion, retention, advocacy.
 *
 * @example
 * ```ts
 * import { conversionJourneyStages } from "touchpoint/schemas";
 *
 * conversionJourneyStages[2]; // => "conversion"
 * ```
 *
 * @category Vocabulary
 */
export const conversionJourneyStages = [
  "awareness",
  "consideration",
  "conversion",
  "retention",
  "advocacy",
] as const;
/** A stage of the five-stage journey of seeds 001 and 004 ({@link conversionJourneyStages}). @category Vocabulary */
export type ConversionJourneyStage = (typeof conversionJourneyStages)[number];

/**
 * The five stages of one support conversation, in order.
 *
 * @remarks
 * Seed 003 calls them hello, understanding, proposing, delivering and goodbye: greet the customer,
 * understand and restate the need, propose a solution, deliver it, and close.
 *
 * @example
 * ```ts
 * import { conversationStages } from "touchpoint/schemas";
 *
 * conversationStages; // => ["greeting", "understanding", "proposing", "delivering", "closing"]
 * ```
 *
 * @category Vocabulary
 */
export const conversationStages = [
  "greeting",
  "understanding",
  "proposing",
  "delivering",
  "closing",
] as const;
/** A stage of a support conversation ({@link conversationStages}). @category Vocabulary */
export type ConversationStage = (typeof conversationStages)[number];

/**
 * The four kinds of customer interaction.
 *
 * @remarks
 * Seed 003 names questions, complaints, suggestions and praise; seed 004 calls the same four
 * information, problem, request and compliment.
 *
 * @example
 * ```ts
 * import { interactionTypes } from "touchpoint/schemas";
 *
 * interactionTypes; // => ["question", "complaint", "suggestion", "praise"]
 * ```
 *
 * @category Vocabulary
 */
export const interactionTypes = ["question", "complaint", "suggestion", "praise"] as const;
/** A kind of customer interaction ({@link interactionTypes}). @category Vocabulary */
export type InteractionType = (typeof interactionTypes)[number];

/**
 * The three categories of interaction by urgency and intent (seed 000).
 *
 * @remarks
 * Stabilizing interactions keep a relationship steady (routine questions, check-ins); critical ones
 * put it at stake (a failure, an angry customer, a cancellation); planned ones are initiated on a
 * schedule (onboarding calls, renewals, surveys).
 *
 * @example
 * ```ts
 * import { interactionCategories } from "touchpoint/schemas";
 *
 * interactionCategories; // => ["stabilizing", "critical", "planned"]
 * ```
 *
 * @category Vocabulary
 */
export const interactionCategories = ["stabilizing", "critical", "planned"] as const;
/** A category of interaction ({@link interactionCategories}). @category Vocabulary */
export type InteractionCategory = (typeof interactionCategories)[number];

/**
 * The eight common customer-service scenarios of seed 000.
 *
 * @example
 * ```ts
 * import { scenarios } from "touchpoint/schemas";
 *
 * scenarios.length; // => 8
 * scenarios.includes("quick-resolution"); // => true
 * ```
 *
 * @category Vocabulary
 */
export const scenarios = [
  "information-seeking",
  "evaluation",
  "onboarding",
  "experience",
  "quick-resolution",
  "frustration",
  "confusion",
  "loyalty",
] as const;
/** One of the eight common scenarios ({@link scenarios}). @category Vocabulary */
export type Scenario = (typeof scenarios)[number];

/**
 * The channels a customer interaction can happen on (seeds 001, 002 and 003).
 *
 * @example
 * ```ts
 * import { channels } from "touchpoint/schemas";
 *
 * channels.includes("chat"); // => true
 * ```
 *
 * @category Vocabulary
 */
export const channels = [
  "phone",
  "email",
  "chat",
  "social",
  "in-person",
  "video",
  "sms",
  "self-service",
  "bot",
  "forum",
  "review",
] as const;
/** A channel of interaction ({@link channels}). @category Vocabulary */
export type Channel = (typeof channels)[number];

/**
 * Who wrote a message: the customer, a human agent, a bot, or the system (automations, notices).
 *
 * @example
 * ```ts
 * import { authorRoles } from "touchpoint/schemas";
 *
 * authorRoles; // => ["customer", "agent", "bot", "system"]
 * ```
 *
 * @category Vocabulary
 */
export const authorRoles = ["customer", "agent", "bot", "system"] as const;
/** Who wrote a message ({@link authorRoles}). @category Vocabulary */
export type AuthorRole = (typeof authorRoles)[number];

/**
 * Ticket priorities, lowest first, as Zendesk names them (Freshdesk's "medium" maps to "normal").
 *
 * @example
 * ```ts
 * import { priorities } from "touchpoint/schemas";
 *
 * priorities; // => ["low", "normal", "high", "urgent"]
 * ```
 *
 * @category Vocabulary
 */
export const priorities = ["low", "normal", "high", "urgent"] as const;
/** A conversation's priority ({@link priorities}). @category Vocabulary */
export type Priority = (typeof priorities)[number];

/**
 * The statuses a conversation moves through, the common ground of Zendesk, Freshdesk, Intercom,
 * Help Scout and Chatwoot.
 *
 * @remarks
 * `new` (not yet touched), `open` (awaiting the team), `pending` (awaiting the customer; Intercom's
 * and Chatwoot's snoozed maps here), `on-hold` (awaiting a third party), `resolved` (Zendesk's
 * solved) and `closed` (locked). A move from `resolved` or `closed` back to `new`, `open`, `pending`
 * or `on-hold` is a reopen.
 *
 * @example
 * ```ts
 * import { conversationStatuses } from "touchpoint/schemas";
 *
 * conversationStatuses.indexOf("resolved"); // => 4
 * ```
 *
 * @category Vocabulary
 */
export const conversationStatuses = ["new", "open", "pending", "on-hold", "resolved", "closed"] as const;
/** A conversation's status ({@link conversationStatuses}). @category Vocabulary */
export type ConversationStatus = (typeof conversationStatuses)[number];
