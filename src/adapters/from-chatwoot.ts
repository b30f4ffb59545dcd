import { checkOptions } from "../internal/args.js";
import * as z from "zod";
import type { Conversation, ConversationInput } from "../schemas/conversation.js";
import type { CustomerInput } from "../schemas/customer.js";
import type { MessageInput } from "../schemas/message.js";
import type { ValidationIssue } from "../schemas/validate.js";
import type { AuthorRole, Channel, ConversationStatus, Priority } from "../schemas/vocabulary.js";
import { invalidPayload, issue, parseVendor, zodIssues } from "./adapter-issues.js";
import { type AdapterOptions, lookup, resolveChannel } from "./adapter-options.js";
import { finishConversation, Provenance } from "./adapter-output.js";
import { anyId, anyTime, nullable } from "./vendor-fields.js";

const FN = "fromChatwoot";

type ChatwootStatus = "open" | "resolved" | "pending" | "snoozed";

/**
 * Chatwoot's statuses → touchpoint's. `pending` is where a conversation waits while an inbox's bot
 * handles it, before any human: touchpoint's `new`. `snoozed` waits for a time or a reply: `pending`.
 */
const statuses = {
  open: "open",
  resolved: "resolved",
  pending: "new",
  snoozed: "pending",
} as const satisfies Record<ChatwootStatus, ConversationStatus>;

/** Inbox channel classes → channels. */
const channelClasses: Readonly<Record<string, Channel>> = {
  "Channel::WebWidget": "chat",
  "Channel::Api": "chat",
  "Channel::Email": "email",
  "Channel::FacebookPage": "social",
  "Channel::Instagram": "social",
  "Channel::TwitterProfile": "social",
  "Channel::Whatsapp": "social",
  "Channel::Telegram": "social",
  "Channel::Line": "social",
  "Channel::Sms": "sms",
  "Channel::TwilioSms": "sms",
  "Channel::Voice": "phone",
};

const priorities = { low: "low", medium: "normal", high: "high", urgent: "urgent" } as const satisfies Record<
  string,
  Priority
>;

/** `message_type` in its numeric (`enum message_type`) and its string (webhook) forms. */
const messageTypes = ["incoming", "outgoing", "activity", "template"] as const;

/** Sender types, lower-cased and without `::`, → the role of an outgoing message's author. */
const senderRoles: Readonly<Record<string, AuthorRole>> = {
  user: "agent",
  agent_bot: "bot",
  agentbot: "bot",
  captain_assistant: "bot",
  captainassistant: "bot",
};

const statusSchema = z.enum(["open", "resolved", "pending", "snoozed"], {
  error: "expected a Chatwoot status: open, resolved, pending or snoozed",
});

const senderSchema = z.looseObject({
  id: nullable(anyId),
  name: nullable(z.string()),
  email: nullable(z.string()),
  type: nullable(z.string()),
});

const messageSchema = z.looseObject({
  id: anyId,
  content: nullable(z.string()),
  created_at: anyTime,
  message_type: z.union([z.literal([0, 1, 2, 3]), z.enum(messageTypes)], {
    error: "expected a Chatwoot message_type: 0 incoming, 1 outgoing, 2 activity, 3 template (or the word)",
  }),
  private: nullable(z.boolean()),
  sender: nullable(senderSchema),
  sender_type: nullable(z.string()),
  sender_id: nullable(anyId),
  content_attributes: nullable(z.looseObject({ external_echo: nullable(z.boolean()) })),
});

const conversationFields = {
  id: anyId,
  status: nullable(statusSchema),
  channel: nullable(z.string()),
  created_at: nullable(anyTime),
  priority: nullable(
    z.enum(["low", "medium", "high", "urgent"], {
      error: "expected a Chatwoot priority: low, medium, high, urgent",
    }),
  ),
  labels: nullable(z.array(z.string())),
  meta: nullable(
    z.looseObject({
      sender: nullable(senderSchema),
      assignee: nullable(z.looseObject({ id: nullable(anyId) })),
      team: nullable(z.looseObject({ id: nullable(anyId) })),
    }),
  ),
};

const messageEventSchema = messageSchema.extend({
  event: nullable(z.string()),
  conversation: z.looseObject(conversationFields),
});

const changeSchema = z.looseObject({ previous_value: nullable(statusSchema), current_value: statusSchema });

const conversationEventSchema = z.looseObject({
  ...conversationFields,
  event: nullable(z.string()),
  updated_at: nullable(anyTime),
  messages: nullable(z.array(messageSchema)),
  changed_attributes: nullable(z.array(z.record(z.string(), z.unknown()))),
});

const MESSAGE_EVENTS = new Set(["message_created", "message_updated"]);
const CONVERSATION_EVENTS = new Set([
  "conversation_created",
  "conversation_updated",
  "conversation_status_changed",
  "conversation_opened",
  "conversation_resolved",
]);

/**
 * Options of {@link fromChatwoot}: extra inbox channel classes ({@link AdapterOptions}; Chatwoot names
 * each sender's type, so `authors` is not read).
 *
 * @category Adapters
 */
export interface ChatwootOptions extends AdapterOptions {}

type ChatwootMessage = z.output<typeof messageSchema>;

function messageOf(m: ChatwootMessage, path: string, issues: ValidationIssue[]): MessageInput | undefined {
  const kind = typeof m.message_type === "number" ? messageTypes[m.message_type] : m.message_type;
  const senderType = m.sender?.type ?? m.sender_type;
  const senderId = m.sender?.id ?? m.sender_id;
  let author: AuthorRole | undefined;
  if (kind === "incoming") author = "customer";
  else if (kind === "activity" || kind === "template") author = "system";
  else if (senderType === undefined) author = m.content_attributes?.external_echo ? "agent" : "system";
  else {
    author = lookup(senderRoles, senderType.toLowerCase().replace("::", "_"));
    if (author === undefined) {
      issues.push(
        issue(
          m.sender?.type !== undefined ? `${path}.sender.type` : `${path}.sender_type`,
          "invalid_value",
          "expected the sender of an outgoing message: a user (agent), agent_bot or captain_assistant",
          senderType,
        ),
      );
      return undefined;
    }
  }
  return {
    id: m.id,
    author,
    ...(senderId !== undefined ? { authorId: senderId } : {}),
    visibility: m.private ? "private" : "public",
    at: m.created_at,
    text: m.content ?? "",
  };
}

/**
 * Returns a touchpoint {@link Conversation} from a Chatwoot webhook payload or conversation object.
 *
 * @remarks
 * Follows Chatwoot's webhook events (https://www.chatwoot.com/hc/user-guide/articles/1677693021-how-to-use-webhooks)
 * and the models of Chatwoot v4 (`app/models/conversation.rb`, `app/models/message.rb`,
 * `Conversations::EventDataPresenter`, https://github.com/chatwoot/chatwoot). Three shapes are read:
 *
 * - a **message event** (`message_created`, `message_updated`, or a message object with its
 *   `conversation`): a conversation holding that one message. Its `createdAt` is the conversation's
 *   `created_at` when the payload has it, otherwise the message's own time;
 * - a **conversation event** (`conversation_created`, `conversation_updated`,
 *   `conversation_status_changed`, `conversation_opened`, `conversation_resolved`) or a
 *   **conversation object**: the conversation with the `messages` it carries (webhooks carry the
 *   latest only). A `status` entry of `changed_attributes` becomes a status change at `updated_at`.
 *
 * Mappings:
 * - **Status**: `open`, `resolved`, `pending` → `new` (Chatwoot's status while an inbox bot holds the
 *   conversation, before any human), `snoozed` → `pending`. A change from `pending` to `open` is the
 *   bot hand-off (`bot_handoff!`) and is recorded `by: "bot"`, which touchpoint/metrics reads as a
 *   hand-off.
 * - **Priority**: `low`, `medium` → `normal`, `high`, `urgent`; none → `normal`.
 * - **Channel** from the inbox class: `Channel::WebWidget` and `Channel::Api` (custom chat
 *   integrations) → `chat`, `Channel::Email` → `email`, `Channel::FacebookPage`, `Channel::Instagram`,
 *   `Channel::TwitterProfile`, `Channel::Whatsapp`, `Channel::Telegram`, `Channel::Line` →
 *   `social`, `Channel::Sms` and `Channel::TwilioSms` → `sms`, `Channel::Voice` → `phone`.
 * - **Messages**: `message_type` 0 / `incoming` → `customer`; 1 / `outgoing` → `agent` when the
 *   sender is a `user` (`User`), `bot` for an `agent_bot` (`AgentBot`) or `captain_assistant`, an
 *   `agent` for a reply sent from the native app (`external_echo`), otherwise `system`; 2 /
 *   `activity` and 3 / `template` → `system`. `private` messages are private notes.
 * - `meta.sender` (the contact) → `customerId` and `customer`, `meta.assignee` → `assigneeId`,
 *   `meta.team` → `groupId`, `labels` → `tags`, read from the conversation of a message event too
 *   (current Chatwoot sends them there). Times are Unix seconds or ISO text.
 *
 * @param payload - the webhook body, or a conversation object from the API
 * @param options - extra channels and a fallback channel
 * @returns the conversation, parsed by `conversationSchema`
 * @throws TouchpointError `invalid_payload` for an event that carries no conversation
 *   (`contact_created`), a field Chatwoot does not send, or a mapped conversation that fails
 *   `conversationSchema`; `error.path` is the first issue's path and `error.value` the list of issues
 *
 * @example
 * ```ts
 * import { fromChatwoot } from "touchpoint/adapters";
 *
 * const event = {
 *   event: "conversation_status_changed",
 *   id: 42,
 *   status: "open",
 *   channel: "Channel::WebWidget",
 *   created_at: 1772442000,
 *   updated_at: 1772442300,
 *   messages: [{ id: 901, content: "A human, please", message_type: 0, created_at: 1772442100, sender_type: "Contact", sender_id: 7 }],
 *   changed_attributes: [{ status: { previous_value: "pending", current_value: "open" } }],
 * };
 * const conversation = fromChatwoot(event);
 * conversation.channel; // => "chat"
 * conversation.messages[0]?.author; // => "customer"
 * conversation.statusChanges; // => [{ at: 1772442300000, from: "new", to: "open", by: "bot" }]
 * fromChatwoot({ event: "contact_created", id: 7 }); // throws invalid_payload
 * ```
 *
 * @category Adapters
 */
export function fromChatwoot(payload: unknown, options: ChatwootOptions = {}): Conversation {
  options = checkOptions("fromChatwoot", options);
  const head = parseVendor(
    FN,
    z.looseObject({ event: nullable(z.string({ error: "expected the event's name" })) }),
    payload,
  );
  const event = head.event;
  const hasMessageType = typeof payload === "object" && payload !== null && "message_type" in payload;
  if (event !== undefined && !MESSAGE_EVENTS.has(event) && !CONVERSATION_EVENTS.has(event)) {
    throw invalidEvent(event);
  }
  const isMessage = event !== undefined ? MESSAGE_EVENTS.has(event) : hasMessageType;
  return isMessage ? fromMessageEvent(payload, options) : fromConversationEvent(payload, options);
}

function invalidEvent(event: string) {
  return invalidPayload(FN, [
    issue(
      "event",
      "invalid_value",
      `expected an event that carries a conversation: ${[...MESSAGE_EVENTS, ...CONVERSATION_EVENTS].join(", ")}`,
      event,
    ),
  ]);
}

function channelOf(
  value: string | undefined,
  path: string,
  options: ChatwootOptions,
  issues: ValidationIssue[],
): Channel {
  if (value === undefined) {
    if (options.fallbackChannel !== undefined) return options.fallbackChannel;
    issues.push(
      issue(path, "invalid_type", "expected the inbox's channel class (Channel::WebWidget, ...)", value),
    );
    return "chat";
  }
  const channel = resolveChannel(value, channelClasses, options, path, "a channel class");
  if (typeof channel === "string") return channel;
  issues.push(channel);
  return "chat";
}

function fromMessageEvent(payload: unknown, options: ChatwootOptions): Conversation {
  const warnings: ValidationIssue[] = [];
  const m = parseVendor(FN, messageEventSchema, payload, "", { strict: options.strict, warnings });
  const issues: ValidationIssue[] = [];
  const provenance = new Provenance("conversation", payload);
  const conversation = m.conversation;
  provenance.set("id", "conversation.id");
  provenance.set("channel", "conversation.channel");
  provenance.set(
    "createdAt",
    conversation.created_at !== undefined ? "conversation.created_at" : "created_at",
  );
  provenance.set("messages.0", "");
  provenance.set("messages.0.at", "created_at");
  const channel = channelOf(conversation.channel, "conversation.channel", options, issues);
  const message = messageOf(m, "", issues);
  const isContact = (m.sender?.type ?? m.sender_type)?.toLowerCase() === "contact";
  const customer: CustomerInput | undefined =
    isContact && m.sender?.id !== undefined
      ? { id: m.sender.id, ...(m.sender.name ? { name: m.sender.name } : {}) }
      : undefined;
  // Current Chatwoot sends the conversation's webhook data with a message event: its labels,
  // priority, assignee and team, as on a conversation event.
  const assignee = conversation.meta?.assignee?.id;
  const team = conversation.meta?.team?.id;
  if (conversation.labels !== undefined) provenance.set("tags", "conversation.labels");
  if (conversation.priority !== undefined) provenance.set("priority", "conversation.priority");
  const result: ConversationInput = {
    id: conversation.id,
    channel,
    createdAt: conversation.created_at ?? m.created_at,
    messages: message !== undefined ? [message] : [],
    tags: conversation.labels ?? [],
    ...(conversation.status !== undefined ? { status: statuses[conversation.status] } : {}),
    ...(conversation.priority !== undefined ? { priority: priorities[conversation.priority] } : {}),
    ...(customer !== undefined ? { customerId: customer.id, customer } : {}),
    ...(assignee !== undefined ? { assigneeId: assignee } : {}),
    ...(team !== undefined ? { groupId: team } : {}),
  };
  return finishConversation(FN, result, provenance, issues, options, warnings);
}

function fromConversationEvent(payload: unknown, options: ChatwootOptions): Conversation {
  const warnings: ValidationIssue[] = [];
  const c = parseVendor(FN, conversationEventSchema, payload, "", { strict: options.strict, warnings });
  const issues: ValidationIssue[] = [];
  const provenance = new Provenance("", payload);
  provenance.set("id", "id");
  provenance.set("channel", "channel");
  const channel = channelOf(c.channel, "channel", options, issues);

  const messages: MessageInput[] = [];
  c.messages?.forEach((m, k) => {
    const message = messageOf(m, `messages.${k}`, issues);
    if (message === undefined) return;
    provenance.set(`messages.${messages.length}`, `messages.${k}`);
    provenance.set(`messages.${messages.length}.at`, `messages.${k}.created_at`);
    messages.push(message);
  });

  const statusChanges: NonNullable<ConversationInput["statusChanges"]> = [];
  c.changed_attributes?.forEach((entry, k) => {
    if (!Object.hasOwn(entry, "status")) return;
    const path = `changed_attributes.${k}.status`;
    const change = changeSchema.safeParse(entry.status, { reportInput: true });
    if (!change.success) {
      issues.push(...zodIssues(change.error, path));
      return;
    }
    if (c.updated_at === undefined) {
      issues.push(
        issue("updated_at", "invalid_type", "expected updated_at, the time of the status change", undefined),
      );
      return;
    }
    const { previous_value: from, current_value: to } = change.data;
    provenance.set(`statusChanges.${statusChanges.length}`, path);
    provenance.set(`statusChanges.${statusChanges.length}.at`, "updated_at");
    statusChanges.push({
      at: c.updated_at,
      ...(from !== undefined ? { from: statuses[from] } : {}),
      to: statuses[to],
      ...(from === "pending" && to === "open" ? { by: "bot" as const } : {}),
    });
  });

  let createdAt = c.created_at;
  if (createdAt !== undefined) provenance.set("createdAt", "created_at");
  else if (messages[0] !== undefined) {
    createdAt = messages[0].at as number;
    provenance.set("createdAt", "messages.0.created_at");
  } else {
    issues.push(issue("created_at", "invalid_type", "expected the conversation's created_at", undefined));
  }

  const sender = c.meta?.sender;
  const customer: CustomerInput | undefined =
    sender?.id !== undefined
      ? {
          id: sender.id,
          ...(sender.name ? { name: sender.name } : {}),
          ...(sender.email ? { email: sender.email } : {}),
        }
      : undefined;
  if (customer !== undefined) {
    provenance.set("customer", "meta.sender");
    provenance.set("customer.email", "meta.sender.email");
  }
  const assignee = c.meta?.assignee?.id;
  const team = c.meta?.team?.id;
  const result: ConversationInput = {
    id: c.id,
    channel,
    createdAt: createdAt ?? 0,
    messages,
    statusChanges,
    tags: c.labels ?? [],
    ...(c.status !== undefined ? { status: statuses[c.status] } : {}),
    ...(c.priority !== undefined ? { priority: priorities[c.priority] } : {}),
    ...(customer !== undefined ? { customerId: customer.id, customer } : {}),
    ...(assignee !== undefined ? { assigneeId: assignee } : {}),
    ...(team !== undefined ? { groupId: team } : {}),
  };
  return finishConversation(FN, result, provenance, issues, options, warnings);
}
