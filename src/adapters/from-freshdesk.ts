import { checkOptions } from "../internal/args.js";
import * as z from "zod";
import type { Conversation, ConversationInput } from "../schemas/conversation.js";
import type { CustomerInput } from "../schemas/customer.js";
import type { MessageInput } from "../schemas/message.js";
import type { ValidationIssue } from "../schemas/validate.js";
import type { AuthorRole, Channel, ConversationStatus, Priority } from "../schemas/vocabulary.js";
import { issue, parseVendor } from "./adapter-issues.js";
import { type AdapterOptions, authorOverride, lookup, resolveChannel } from "./adapter-options.js";
import { finishConversation, Provenance } from "./adapter-output.js";
import { htmlToText } from "./html-text.js";
import { isoTime, nullable } from "./vendor-fields.js";

const FN = "fromFreshdesk";

/** Freshdesk's default status codes → touchpoint's (custom statuses go in `options.statuses`). */
const statusCodes: Readonly<Record<string, ConversationStatus>> = {
  "2": "open",
  "3": "pending",
  "4": "resolved",
  "5": "closed",
};

/** Priority codes → touchpoint's priorities (Freshdesk's Medium is Zendesk's normal). */
const priorityCodes: Readonly<Record<number, Priority>> = { 1: "low", 2: "normal", 3: "high", 4: "urgent" };

/** Source codes → channels: Email, Portal, Phone, Chat, Feedback widget, Outbound email. */
const sourceCodes: Readonly<Record<string, Channel>> = {
  "1": "email",
  "2": "self-service",
  "3": "phone",
  "7": "chat",
  "9": "self-service",
  "10": "email",
};

/** The source code of an email an agent sent first (its description is the agent's). */
const OUTBOUND_EMAIL = 10;

const code = (what: string) => z.number({ error: `expected Freshdesk's numeric ${what}` }).int();

const ticketSchema = z.looseObject({
  id: z.number({ error: "expected the ticket's numeric id" }).int(),
  created_at: isoTime,
  status: code("status code (2 Open, 3 Pending, 4 Resolved, 5 Closed or a custom status)"),
  priority: nullable(
    z
      .number()
      .int()
      .min(1, { error: "expected a Freshdesk priority: 1 Low, 2 Medium, 3 High or 4 Urgent" })
      .max(4, { error: "expected a Freshdesk priority: 1 Low, 2 Medium, 3 High or 4 Urgent" }),
  ),
  source: code("source code (1 Email, 2 Portal, 3 Phone, 7 Chat, 9 Feedback widget, 10 Outbound email)"),
  requester_id: nullable(z.number().int()),
  responder_id: nullable(z.number().int()),
  group_id: nullable(z.number().int()),
  tags: nullable(z.array(z.string())),
  description_text: nullable(z.string()),
  description: nullable(z.string()),
  stats: nullable(
    z.looseObject({
      resolved_at: nullable(isoTime),
      closed_at: nullable(isoTime),
    }),
  ),
  requester: nullable(
    z.looseObject({
      id: z.number({ error: "expected the requester's numeric id" }).int(),
      name: nullable(z.string()),
      email: nullable(z.string()),
    }),
  ),
});

const conversationSchema = z.looseObject({
  id: nullable(z.number().int()),
  body_text: nullable(z.string()),
  body: nullable(z.string()),
  incoming: z.boolean({ error: "expected incoming: true or false" }),
  private: z.boolean({ error: "expected private: true or false" }),
  user_id: z.number({ error: "expected the author's numeric user_id" }).int(),
  created_at: isoTime,
  ticket_id: nullable(z.number().int()),
});

const inputSchema = z.object({
  ticket: ticketSchema,
  conversations: nullable(
    z.array(conversationSchema, {
      error: "expected the ticket's conversations: the list GET /api/v2/tickets/{id}/conversations returns",
    }),
  ),
});

/**
 * Options of {@link fromFreshdesk}: custom statuses, extra source codes and author roles.
 *
 * @category Adapters
 */
export interface FreshdeskOptions extends AdapterOptions {
  /**
   * The touchpoint status of custom status codes (Freshdesk numbers them from 6), such as
   * `{ 6: "on-hold" }` for a "Waiting on third party" status. Overrides the defaults too.
   */
  readonly statuses?: Readonly<Record<number, ConversationStatus>>;
}

type Ticket = z.output<typeof ticketSchema>;

function role(c: z.output<typeof conversationSchema>, ticket: Ticket, options: FreshdeskOptions): AuthorRole {
  const override = authorOverride(options, c.user_id);
  if (override !== undefined) return override;
  if (c.user_id === ticket.requester_id || c.incoming) return "customer";
  return "agent";
}

/**
 * Returns a touchpoint {@link Conversation} from a Freshdesk ticket and, optionally, its
 * conversations (replies and notes).
 *
 * @remarks
 * Follows Freshdesk's API v2 ticket and conversation objects
 * (https://developers.freshdesk.com/api/#tickets, https://developers.freshdesk.com/api/#conversations).
 *
 * - **Status** codes: 2 Open → `open`, 3 Pending → `pending`, 4 Resolved → `resolved`, 5 Closed →
 *   `closed`; custom statuses (6 and up) need `options.statuses`.
 * - **Priority** codes: 1 Low → `low`, 2 Medium → `normal`, 3 High → `high`, 4 Urgent → `urgent`.
 * - **Channel** from `source`: 1 Email and 10 Outbound email → `email`, 2 Portal and 9 Feedback
 *   widget → `self-service`, 3 Phone → `phone`, 7 Chat → `chat`; other codes need
 *   `options.channels` (keyed by the code as a string) or `options.fallbackChannel`.
 * - **Messages**: the ticket's description first, at `created_at` (`description_text`, or the HTML
 *   `description` as plain text), written by the requester, or by an agent for an outbound email;
 *   then each conversation, in order, `private` notes as private messages.
 * - **Author rule**: `options.authors` by `user_id` first; the ticket's `requester_id`, or a
 *   conversation marked `incoming` (created from outside the helpdesk, as a customer's emailed
 *   reply is), is the `customer`; any other author is an `agent`.
 * - **Stats**: `stats.resolved_at` (or `closed_at`) becomes `resolvedAt` while the ticket is resolved
 *   or closed. The other stats hold only the latest time of each event, not a history, so no status
 *   changes are made up from them.
 * - `requester_id` → `customerId` and the embedded `requester` (`include=requester`) → `customer`,
 *   `responder_id` → `assigneeId`, `group_id` → `groupId`, `tags` as they are.
 *
 * Conversations must belong to the ticket (`ticket_id`) and an embedded requester must be the
 * ticket's requester. The conversations embedded by `include=conversations` (ten at most) are not
 * read: pass the full list from `GET /api/v2/tickets/{id}/conversations`.
 *
 * @param ticket - the ticket object Freshdesk returns (`GET /api/v2/tickets/{id}`)
 * @param conversations - the ticket's conversations, oldest first
 * @param options - custom statuses, extra channels, a fallback channel and author roles
 * @returns the conversation, parsed by `conversationSchema`
 * @throws TouchpointError `invalid_payload` when a field is missing or has a value Freshdesk does not
 *   send (`ticket.status: expected one of the status codes ... (got 6)`), when the parts disagree or
 *   when the mapped conversation fails `conversationSchema`; `error.path` is the first issue's path
 *   (`ticket.*` or `conversations.*`) and `error.value` the list of issues
 *
 * @example
 * ```ts
 * import { fromFreshdesk } from "touchpoint/adapters";
 *
 * const ticket = { id: 1, status: 4, priority: 2, source: 7, requester_id: 5, created_at: "2026-03-02T09:00:00Z", description_text: "Refund?" };
 * const replies = [{ id: 2, body_text: "Done.", incoming: false, private: false, user_id: 9, created_at: "2026-03-02T09:05:00Z" }];
 * const conversation = fromFreshdesk(ticket, replies);
 * conversation.status; // => "resolved"
 * conversation.priority; // => "normal"
 * conversation.channel; // => "chat"
 * conversation.messages.map((m) => m.author); // => ["customer", "agent"]
 * fromFreshdesk({ ...ticket, status: 6 }); // throws invalid_payload
 * fromFreshdesk({ ...ticket, status: 6 }, [], { statuses: { 6: "on-hold" } }).status; // => "on-hold"
 * ```
 *
 * @category Adapters
 */
export function fromFreshdesk(
  ticket: unknown,
  conversations?: unknown,
  options: FreshdeskOptions = {},
): Conversation {
  options = checkOptions("fromFreshdesk", options);
  const parsed = parseVendor(FN, inputSchema, { ticket, conversations });
  const t = parsed.ticket;
  const issues: ValidationIssue[] = [];
  const provenance = new Provenance("ticket", { ticket, conversations });
  provenance.set("id", "ticket.id");
  provenance.set("createdAt", "ticket.created_at");
  provenance.set("channel", "ticket.source");

  const status =
    lookup(options.statuses as Record<string, ConversationStatus> | undefined, String(t.status)) ??
    lookup(statusCodes, String(t.status));
  if (status === undefined) {
    issues.push(
      issue(
        "ticket.status",
        "invalid_value",
        "expected a Freshdesk status code: 2 Open, 3 Pending, 4 Resolved, 5 Closed, or a custom status in options.statuses",
        t.status,
      ),
    );
  }
  const channel = resolveChannel(String(t.source), sourceCodes, options, "ticket.source", "a source code");
  if (typeof channel !== "string") issues.push({ ...channel, received: t.source });

  const messages: MessageInput[] = [];
  const description =
    t.description_text ?? (t.description !== undefined ? htmlToText(t.description) : undefined);
  if (description !== undefined) {
    const byAgent = t.source === OUTBOUND_EMAIL;
    provenance.set(
      "messages.0",
      t.description_text !== undefined ? "ticket.description_text" : "ticket.description",
    );
    messages.push({
      author: byAgent ? "agent" : "customer",
      ...(!byAgent && t.requester_id !== undefined ? { authorId: String(t.requester_id) } : {}),
      at: t.created_at,
      text: description,
    });
  }
  parsed.conversations?.forEach((c, k) => {
    const path = `conversations.${k}`;
    if (c.ticket_id !== undefined && c.ticket_id !== t.id) {
      issues.push(
        issue(
          `${path}.ticket_id`,
          "inconsistent_value",
          `expected the id of the ticket given (${t.id})`,
          c.ticket_id,
        ),
      );
    }
    const index = messages.length;
    provenance.set(`messages.${index}`, path);
    provenance.set(`messages.${index}.at`, `${path}.created_at`);
    messages.push({
      ...(c.id !== undefined ? { id: String(c.id) } : {}),
      author: role(c, t, options),
      authorId: String(c.user_id),
      visibility: c.private ? "private" : "public",
      at: c.created_at,
      text: c.body_text ?? (c.body !== undefined ? htmlToText(c.body) : ""),
    });
  });

  let customer: CustomerInput | undefined;
  const warnings: ValidationIssue[] = [];
  const otherRequester =
    t.requester !== undefined && t.requester_id !== undefined && t.requester.id !== t.requester_id;
  if (otherRequester && options.strict !== true) {
    // Recorded tickets carry it (an anonymised export, a merged contact): the ticket's requester_id
    // stays the customer, the other user's name and email are left out.
    warnings.push(
      issue(
        "ticket.requester.id",
        "requester_mismatch",
        `repaired: the embedded requester is not the ticket's requester_id (${t.requester_id}); it is left out and the customer is requester_id`,
        t.requester?.id,
      ),
    );
  } else if (t.requester !== undefined) {
    if (otherRequester) {
      issues.push(
        issue(
          "ticket.requester.id",
          "inconsistent_value",
          `expected the ticket's requester_id (${t.requester_id})`,
          t.requester.id,
        ),
      );
    }
    customer = {
      id: String(t.requester.id),
      ...(t.requester.name ? { name: t.requester.name } : {}),
      ...(t.requester.email ? { email: t.requester.email } : {}),
    };
    provenance.set("customer", "ticket.requester");
    provenance.set("customer.email", "ticket.requester.email");
  }

  let resolvedAt: number | undefined;
  if (status === "resolved" || status === "closed") {
    resolvedAt = t.stats?.resolved_at ?? t.stats?.closed_at;
    provenance.set(
      "resolvedAt",
      t.stats?.resolved_at !== undefined ? "ticket.stats.resolved_at" : "ticket.stats.closed_at",
    );
  }

  const result: ConversationInput = {
    id: String(t.id),
    channel: typeof channel === "string" ? channel : "email",
    createdAt: t.created_at,
    messages,
    tags: t.tags ?? [],
    ...(status !== undefined ? { status } : {}),
    ...(t.priority !== undefined ? { priority: priorityCodes[t.priority] as Priority } : {}),
    ...(resolvedAt !== undefined ? { resolvedAt } : {}),
    ...(t.requester_id !== undefined ? { customerId: String(t.requester_id) } : {}),
    ...(customer !== undefined ? { customer } : {}),
    ...(t.responder_id !== undefined ? { assigneeId: String(t.responder_id) } : {}),
    ...(t.group_id !== undefined ? { groupId: String(t.group_id) } : {}),
  };
  return finishConversation(FN, result, provenance, issues, options, warnings);
}
