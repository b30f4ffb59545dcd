import * as z from "zod";
import { authorRoleSchema, channelSchema } from "./vocabulary-schemas.js";
import { timestampSchema } from "./timestamp.js";

/**
 * Validates one message of a conversation.
 *
 * @remarks
 * A message has an author role (customer, agent, bot or system), a visibility (public, or a private
 * note that the customer never sees), the time it was sent and its text. Metrics follow the vendors
 * here: Zendesk and Freshdesk count only public agent replies as responses, and Chatwoot never
 * counts bot messages, so role and visibility are required facts, not decoration.
 *
 * @example
 * ```ts
 * import { messageSchema } from "touchpoint/schemas";
 *
 * const message = messageSchema.parse({ author: "customer", at: "2026-03-01T09:30:00Z", text: "Where is my order?" });
 * message.visibility; // => "public"
 * message.at; // => 1772357400000
 * ```
 *
 * @category Domain
 */
export const messageSchema = z.object({
  /** The message's id in the source system, if it has one. */
  id: z.string().min(1).optional(),
  /** Who wrote it. */
  author: authorRoleSchema,
  /** The id of the person or bot who wrote it (agent id, bot name, customer id). */
  authorId: z.string().min(1).optional(),
  /** `private` for internal notes that the customer does not see. */
  visibility: z.enum(["public", "private"]).default("public"),
  /** The channel it was sent on, when it differs from the conversation's. */
  channel: channelSchema.optional(),
  /** When it was sent. */
  at: timestampSchema,
  /** Its plain text (HTML already stripped by the adapter). */
  text: z.string().default(""),
});

/** One message of a conversation, as parsed by {@link messageSchema}. @category Domain */
export type Message = z.output<typeof messageSchema>;
/** What {@link messageSchema} accepts. @category Domain */
export type MessageInput = z.input<typeof messageSchema>;
