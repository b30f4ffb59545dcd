import * as z from "zod";
import { customerSchema } from "./customer.js";
import { messageSchema } from "./message.js";
import { surveyResponseSchema } from "./survey-response.js";
import { timestampSchema } from "./timestamp.js";
import {
  authorRoleSchema,
  channelSchema,
  conversationStatusSchema,
  prioritySchema,
} from "./vocabulary-schemas.js";

/**
 * Validates one change of a conversation's status.
 *
 * @example
 * ```ts
 * import { statusChangeSchema } from "touchpoint/schemas";
 *
 * statusChangeSchema.parse({ at: "2026-03-01T10:00:00Z", to: "resolved", by: "agent" }).to; // => "resolved"
 * ```
 *
 * @category Domain
 */
export const statusChangeSchema = z.object({
  /** When the status changed. */
  at: timestampSchema,
  /** The status before, when the source records it. */
  from: conversationStatusSchema.optional(),
  /** The status after. */
  to: conversationStatusSchema,
  /** Who changed it. */
  by: authorRoleSchema.optional(),
});

/** A parsed status change ({@link statusChangeSchema}). @category Domain */
export type StatusChange = z.output<typeof statusChangeSchema>;

/**
 * Validates a whole conversation (a ticket, a chat): its messages, status history, survey answers
 * and who it is with.
 *
 * @remarks
 * Messages and status changes must be in time order and not before `createdAt`: calculators rely on
 * it and a transcript out of order is a bug in the export, better caught here with its index than
 * hidden in an average. `resolvedAt`, when given, must agree with the status history; when the
 * history is given and `resolvedAt` is not, metrics read resolution from the history.
 *
 * @example
 * ```ts
 * import { conversationSchema } from "touchpoint/schemas";
 *
 * const conversation = conversationSchema.parse({
 *   id: "t-1",
 *   channel: "email",
 *   createdAt: "2026-03-02T09:00:00Z",
 *   messages: [
 *     { author: "customer", at: "2026-03-02T09:00:00Z", text: "My invoice is wrong." },
 *     { author: "agent", at: "2026-03-02T09:20:00Z", text: "Fixed, sorry about that." },
 *   ],
 *   statusChanges: [{ at: "2026-03-02T09:21:00Z", to: "resolved" }],
 * });
 * conversation.priority; // => "normal"
 * conversation.messages[1]!.at - conversation.createdAt; // => 1200000
 *
 * const bad = conversationSchema.safeParse({ id: "t-2", channel: "fax", createdAt: "2026-03-02T09:00:00Z" });
 * bad.success; // => false
 * bad.error?.issues[0]?.path; // => ["channel"]
 * ```
 *
 * @category Domain
 */
export const conversationSchema = z
  .object({
    /** The conversation's id in the source system. */
    id: z.string().min(1),
    /** The channel it started on. */
    channel: channelSchema,
    /** Its priority; `normal` when the source has none. */
    priority: prioritySchema.default("normal"),
    /** When it was created. */
    createdAt: timestampSchema,
    /** Its current status, when known. */
    status: conversationStatusSchema.optional(),
    /** When it was (last) resolved, when known. */
    resolvedAt: timestampSchema.optional(),
    /** The messages, oldest first. */
    messages: z.array(messageSchema).default([]),
    /** The status history, oldest first. */
    statusChanges: z.array(statusChangeSchema).default([]),
    /** Survey answers about this conversation. */
    surveys: z.array(surveyResponseSchema).default([]),
    /** The customer's id. */
    customerId: z.string().min(1).optional(),
    /** The customer, when the source embeds it. */
    customer: customerSchema.optional(),
    /** The agent it is assigned to. */
    assigneeId: z.string().min(1).optional(),
    /** The team or group it is assigned to. */
    groupId: z.string().min(1).optional(),
    /** Free tags or labels. */
    tags: z.array(z.string()).default([]),
  })
  .check((ctx) => {
    const c = ctx.value;
    const inOrder = (list: readonly { at: number }[], field: string) => {
      let previous = c.createdAt;
      list.forEach((item, index) => {
        if (item.at < previous) {
          ctx.issues.push({
            code: "custom",
            path: [field, index, "at"],
            input: new Date(item.at).toISOString(),
            message:
              index === 0 || previous === c.createdAt
                ? `expected a time at or after createdAt (${new Date(c.createdAt).toISOString()})`
                : `expected a time at or after ${field}[${index - 1}].at (${new Date(previous).toISOString()}): records must be in time order`,
          });
        }
        previous = Math.max(previous, item.at);
      });
    };
    inOrder(c.messages, "messages");
    inOrder(c.statusChanges, "statusChanges");
    if (c.resolvedAt !== undefined && c.resolvedAt < c.createdAt) {
      ctx.issues.push({
        code: "custom",
        path: ["resolvedAt"],
        input: new Date(c.resolvedAt).toISOString(),
        message: `expected a time at or after createdAt (${new Date(c.createdAt).toISOString()})`,
      });
    }
  });

/** A parsed conversation ({@link conversationSchema}). @category Domain */
export type Conversation = z.output<typeof conversationSchema>;
/** What {@link conversationSchema} accepts. @category Domain */
export type ConversationInput = z.input<typeof conversationSchema>;
