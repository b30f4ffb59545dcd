import * as z from "zod";
import {
  authorRoles,
  channels,
  conversationStages,
  conversationStatuses,
  interactionCategories,
  interactionTypes,
  journeyStages,
  priorities,
  scenarios,
} from "./vocabulary.js";

/**
 * Validates a {@link JourneyStage}.
 *
 * @example
 * ```ts
 * import { journeyStageSchema } from "touchpoint/schemas";
 *
 * journeyStageSchema.safeParse("purchase").success; // => true
 * journeyStageSchema.safeParse("checkout").success; // => false
 * ```
 *
 * @category Vocabulary
 */
export const journeyStageSchema = z.enum(journeyStages);

/**
 * Validates a {@link ConversationStage}.
 *
 * @example
 * ```ts
 * import { conversationStageSchema } from "touchpoint/schemas";
 *
 * conversationStageSchema.parse("closing"); // => "closing"
 * ```
 *
 * @category Vocabulary
 */
export const conversationStageSchema = z.enum(conversationStages);

/**
 * Validates an {@link InteractionType}.
 *
 * @example
 * ```ts
 * import { interactionTypeSchema } from "touchpoint/schemas";
 *
 * interactionTypeSchema.safeParse("praise").success; // => true
 * ```
 *
 * @category Vocabulary
 */
export const interactionTypeSchema = z.enum(interactionTypes);

/**
 * Validates an {@link InteractionCategory}.
 *
 * @example
 * ```ts
 * import { interactionCategorySchema } from "touchpoint/schemas";
 *
 * interactionCategorySchema.safeParse("urgent").success; // => false
 * ```
 *
 * @category Vocabulary
 */
export const interactionCategorySchema = z.enum(interactionCategories);

/**
 * Validates a {@link Scenario}.
 *
 * @example
 * ```ts
 * import { scenarioSchema } from "touchpoint/schemas";
 *
 * scenarioSchema.safeParse("loyalty").success; // => true
 * ```
 *
 * @category Vocabulary
 */
export const scenarioSchema = z.enum(scenarios);

/**
 * Validates a {@link Channel}.
 *
 * @example
 * ```ts
 * import { channelSchema } from "touchpoint/schemas";
 *
 * channelSchema.safeParse("fax").success; // => false
 * ```
 *
 * @category Vocabulary
 */
export const channelSchema = z.enum(channels);

/**
 * Validates an {@link AuthorRole}.
 *
 * @example
 * ```ts
 * import { authorRoleSchema } from "touchpoint/schemas";
 *
 * authorRoleSchema.safeParse("bot").success; // => true
 * ```
 *
 * @category Vocabulary
 */
export const authorRoleSchema = z.enum(authorRoles);

/**
 * Validates a {@link Priority}.
 *
 * @example
 * ```ts
 * import { prioritySchema } from "touchpoint/schemas";
 *
 * prioritySchema.safeParse("medium").success; // => false
 * ```
 *
 * @category Vocabulary
 */
export const prioritySchema = z.enum(priorities);

/**
 * Validates a {@link ConversationStatus}.
 *
 * @example
 * ```ts
 * import { conversationStatusSchema } from "touchpoint/schemas";
 *
 * conversationStatusSchema.safeParse("solved").success; // => false
 * ```
 *
 * @category Vocabulary
 */
export const conversationStatusSchema = z.enum(conversationStatuses);
