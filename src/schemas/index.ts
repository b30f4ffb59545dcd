/**
 * The shapes of touchpoint's data and the words it uses, as zod schemas and TypeScript types.
 *
 * @remarks
 * Everything else in touchpoint speaks these types: adapters produce a {@link Conversation} from a
 * helpdesk's payload, classifiers read its messages, the machines replay it, metrics measure it.
 * Schemas validate untrusted input once, at the boundary; the rest of the library trusts the types.
 *
 * - **Vocabulary**: `as const` tuples (journey stages, conversation stages, interaction types and
 *   categories, scenarios, channels, priorities, statuses), each with its type and schema.
 * - **Domain**: {@link messageSchema}, {@link conversationSchema}, {@link surveyResponseSchema},
 *   {@link customerSchema}. Times are parsed to epoch milliseconds.
 * - **Validation**: {@link validate} and {@link validateBatch} report every issue with its path and
 *   value instead of throwing; JSON Schema versions of the input shapes ship in
 *   `touchpoint/json-schema/*.json` for helpdesks outside TypeScript.
 *
 * @example
 * ```ts
 * import { conversationSchema, validate } from "touchpoint/schemas";
 *
 * const result = validate(conversationSchema, { id: "t-1", channel: "chat", createdAt: "2026-03-02T09:00:00Z" });
 * result.success; // => true
 * ```
 *
 * @module schemas
 */

export { isTouchpointError, TouchpointError } from "../internal/errors.js";
export type { Conversation, ConversationInput, StatusChange } from "./conversation.js";
export { conversationSchema, statusChangeSchema } from "./conversation.js";
export type { Customer, CustomerInput } from "./customer.js";
export { customerSchema } from "./customer.js";
export type { Message, MessageInput } from "./message.js";
export { messageSchema } from "./message.js";
export type { SurveyResponse, SurveyResponseInput } from "./survey-response.js";
export { surveyResponseSchema } from "./survey-response.js";
export type { Timestamp } from "./timestamp.js";
export { timestampSchema } from "./timestamp.js";
export type { BatchValidationResult, ValidationIssue, ValidationResult } from "./validate.js";
export { formatIssues, validate, validateBatch } from "./validate.js";
export type {
  AcquisitionJourneyStage,
  AuthorRole,
  Channel,
  ConversationStage,
  ConversationStatus,
  ConversionJourneyStage,
  InteractionCategory,
  InteractionType,
  JourneyStage,
  Priority,
  Scenario,
} from "./vocabulary.js";
export {
  acquisitionJourneyStages,
  authorRoles,
  channels,
  conversationStages,
  conversationStatuses,
  conversionJourneyStages,
  interactionCategories,
  interactionTypes,
  journeyStages,
  priorities,
  scenarios,
} from "./vocabulary.js";
export {
  authorRoleSchema,
  channelSchema,
  conversationStageSchema,
  conversationStatusSchema,
  interactionCategorySchema,
  interactionTypeSchema,
  journeyStageSchema,
  prioritySchema,
  scenarioSchema,
} from "./vocabulary-schemas.js";
