import { checkOptions } from "../internal/args.js";
import * as z from "zod";
import type { Conversation, ConversationInput } from "../schemas/conversation.js";
import type { MessageInput } from "../schemas/message.js";
import type { SurveyResponseInput } from "../schemas/survey-response.js";
import type { ValidationIssue } from "../schemas/validate.js";
import type { AuthorRole, Channel, ConversationStatus } from "../schemas/vocabulary.js";
import { issue, parseVendor } from "./adapter-issues.js";
import { type AdapterOptions, authorOverride, lookup, resolveChannel } from "./adapter-options.js";
import { finishConversation, Provenance } from "./adapter-output.js";
import { htmlToText } from "./html-text.js";
import { anyId, nullable, unixSeconds } from "./vendor-fields.js";

const FN = "fromIntercom";

type IntercomState = "open" | "closed" | "snoozed";

/** Intercom's conversation states → touchpoint's: a closed conversation reopens on a reply, so it is `resolved`. */
const states = {
  open: "open",
  closed: "resolved",
  snoozed: "pending",
} as const satisfies Record<IntercomState, ConversationStatus>;

/** `source.type` → touchpoint's channel (`conversation` is the Messenger). */
const sourceChannels: Readonly<Record<string, Channel>> = {
  conversation: "chat",
  chat: "chat",
  email: "email",
  facebook: "social",
  instagram: "social",
  twitter: "social",
  whatsapp: "social",
  sms: "sms",
  phone_call: "phone",
  phone_switch: "phone",
};

/** Author types → roles. Intercom's contacts are users and leads; teammates are admins (or teams). */
const authorTypes: Readonly<Record<string, AuthorRole>> = {
  user: "customer",
  lead: "customer",
  contact: "customer",
  admin: "agent",
  team: "agent",
  bot: "bot",
};

/** Part types that are always a message (`note*` ones private). */
const messageParts = new Set(["comment", "note", "note_and_reopen", "note_and_unsnooze", "quick_reply"]);
/** Part types that are a message when they carry a body (a reply sent with the action). */
const messageWithBodyParts = new Set([
  "assignment",
  "assign_and_reopen",
  "assign_and_unsnooze",
  "away_mode_assignment",
  "workflow_assignment",
  "open",
  "close",
  "snoozed",
]);
/** Part types that set the conversation's state. */
const stateParts: Readonly<Record<string, IntercomState>> = {
  open: "open",
  close: "closed",
  snoozed: "snoozed",
  unsnoozed: "open",
  timer_unsnooze: "open",
  assign_and_unsnooze: "open",
  assign_and_reopen: "open",
  note_and_unsnooze: "open",
  note_and_reopen: "open",
};

const RATING = "expected an Intercom rating, an integer 1–5";

const stateSchema = z.enum(["open", "closed", "snoozed"], {
  error: "expected an Intercom state: open, closed or snoozed",
});

const authorSchema = z.looseObject({
  type: z.string({ error: "expected the author's type (user, lead, admin, bot, team)" }),
  id: nullable(anyId),
});

const partSchema = z.looseObject({
  id: nullable(anyId),
  part_type: z.string({ error: "expected the part's part_type (comment, note, close, ...)" }),
  body: nullable(z.string()),
  created_at: unixSeconds,
  author: nullable(authorSchema),
  state: nullable(stateSchema),
});

const idList = z.array(z.looseObject({ id: anyId }));

const conversationSchema = z.looseObject({
  id: anyId,
  created_at: unixSeconds,
  state: stateSchema,
  priority: nullable(z.enum(["priority", "not_priority"], { error: "expected priority or not_priority" })),
  admin_assignee_id: nullable(anyId),
  team_assignee_id: nullable(anyId),
  source: nullable(
    z.looseObject({
      type: z.string({ error: "expected the source's type (conversation, email, ...)" }),
      id: nullable(anyId),
      body: nullable(z.string()),
      author: nullable(authorSchema),
    }),
  ),
  contacts: nullable(z.union([idList, z.looseObject({ contacts: idList })])),
  tags: nullable(
    z.union([
      z.array(z.looseObject({ name: z.string() })),
      z.looseObject({ tags: z.array(z.looseObject({ name: z.string() })) }),
    ]),
  ),
  conversation_parts: nullable(
    z.looseObject({
      conversation_parts: z.array(partSchema),
      total_count: nullable(z.number().int()),
    }),
  ),
  conversation_rating: nullable(
    z.looseObject({
      rating: nullable(z.number().int({ error: RATING }).min(1, { error: RATING }).max(5, { error: RATING })),
      remark: nullable(z.string()),
      created_at: nullable(unixSeconds),
      contact: nullable(z.looseObject({ id: nullable(anyId) })),
    }),
  ),
  statistics: nullable(z.looseObject({ last_close_at: nullable(unixSeconds) })),
});

/**
 * Options of {@link fromIntercom}: extra `source.type` values and author roles ({@link AdapterOptions}).
 *
 * @category Adapters
 */
export interface IntercomOptions extends AdapterOptions {}

/**
 * Returns a touchpoint {@link Conversation} from an Intercom conversation, with its parts as
 * messages and status changes and its rating as a CSAT answer.
 *
 * @remarks
 * Follows the conversation model of Intercom's REST API 2.x, `GET /conversations/{id}`
 * (https://developers.intercom.com/docs/references/rest-api/api.intercom.io/conversations/retrieveconversation;
 * schemas `conversation`, `conversation_part`, `conversation_rating` and `conversation_statistics` of
 * https://github.com/intercom/Intercom-OpenAPI, `descriptions/2.14/api.intercom.io.yaml`).
 *
 * - **Status** from `state`: `open`, `snoozed` → `pending`, `closed` → `resolved` (a closed Intercom
 *   conversation reopens when the customer writes again).
 * - **Priority**: `priority` → `high`, `not_priority` → `normal`.
 * - **Channel** from `source.type`: `conversation` (the Messenger) → `chat`, `email`, `facebook`,
 *   `instagram`, `twitter`, `whatsapp` → `social`, `sms`, `phone_call` and `phone_switch` → `phone`.
 * - **Messages**: the `source` (the message that opened the conversation, at `created_at`), then
 *   every `comment`, `quick_reply` and `note*` part (notes are `private`), and an assignment, open,
 *   close or snooze part that carries a body (a reply sent with the action). HTML bodies become
 *   plain text. Other parts (attribute updates, custom actions, SLA and tag events) are not messages.
 * - **Authors**: `options.authors` by author id first; then `user`, `lead` and `contact` are the
 *   `customer`, `admin` and `team` an `agent`, `bot` a `bot`. Intercom's Fin and custom bots often
 *   write as an admin: list their ids in `options.authors`.
 * - **Status history**: the conversation starts open; each part's `state` (the conversation's state
 *   when the part was created), or for older API versions the part type (`close`, `open`, `snoozed`,
 *   `unsnoozed`, `*_and_reopen`, ...), gives a change whenever it differs from the one before, made
 *   `by` the part author's role when the part itself is the open, close or snooze action.
 * - **Rating**: `conversation_rating.rating` 1–5 → a `csat` answer on the 1–5 scale with the remark
 *   as comment, at the rating's `created_at` (Intercom records when the rating was requested).
 * - **Statistics**: `last_close_at` becomes `resolvedAt` while the conversation is closed.
 * - `contacts[0]` (or, without contacts, a contact who wrote the `source`) → `customerId`,
 *   `admin_assignee_id` → `assigneeId`, `team_assignee_id` →
 *   `groupId`, tag names → `tags`. Times are Unix seconds, converted to milliseconds.
 *
 * Intercom returns at most 500 parts; when `total_count` says there are more than the list holds,
 * the conversation is rejected rather than adapted with parts missing.
 *
 * @param conversation - the conversation object Intercom returns
 * @param options - extra channels, a fallback channel and author roles
 * @returns the conversation, parsed by `conversationSchema`
 * @throws TouchpointError `invalid_payload` when a field is missing or has a value Intercom does not
 *   send, when parts are missing or when the mapped conversation fails `conversationSchema` (a part
 *   dated before the conversation's `created_at`); `error.path` is the first issue's path and
 *   `error.value` the list of issues
 *
 * @example
 * ```ts
 * import { fromIntercom } from "touchpoint/adapters";
 *
 * const conversation = fromIntercom({
 *   id: "503",
 *   created_at: 1772442000,
 *   state: "closed",
 *   source: { type: "conversation", id: "9", body: "<p>Where is my <b>parcel</b>?</p>", author: { type: "user", id: "c1" } },
 *   conversation_parts: {
 *     conversation_parts: [
 *       { id: "10", part_type: "comment", body: "<p>It ships today.</p>", created_at: 1772442600, author: { type: "admin", id: "a1" } },
 *       { id: "11", part_type: "close", body: null, created_at: 1772442660, author: { type: "admin", id: "a1" } },
 *     ],
 *     total_count: 2,
 *   },
 *   conversation_rating: { rating: 5, remark: "Quick!", created_at: 1772443000 },
 * });
 * conversation.status; // => "resolved"
 * conversation.channel; // => "chat"
 * conversation.messages.map((m) => `${m.author}: ${m.text}`); // => ["customer: Where is my parcel?", "agent: It ships today."]
 * conversation.statusChanges; // => [{ at: 1772442660000, from: "open", to: "resolved", by: "agent" }]
 * conversation.surveys[0]?.score; // => 5
 * fromIntercom({ id: "504", created_at: 1772442000, state: "archived" }); // throws invalid_payload
 * ```
 *
 * @category Adapters
 */
export function fromIntercom(conversation: unknown, options: IntercomOptions = {}): Conversation {
  options = checkOptions("fromIntercom", options);
  const warnings: ValidationIssue[] = [];
  const c = parseVendor(FN, conversationSchema, conversation, "", { strict: options.strict, warnings });
  const issues: ValidationIssue[] = [];
  const provenance = new Provenance("", conversation);
  provenance.set("id", "id");
  provenance.set("createdAt", "created_at");

  const roleOf = (
    author: z.output<typeof authorSchema> | undefined,
    path: string,
  ): AuthorRole | undefined => {
    if (author === undefined) {
      issues.push(issue(path, "invalid_type", "expected the author of a message", undefined));
      return undefined;
    }
    const role = authorOverride(options, author.id) ?? lookup(authorTypes, author.type);
    if (role === undefined) {
      issues.push(
        issue(
          `${path}.type`,
          "invalid_value",
          "expected an Intercom author type: user, lead, contact, admin, team or bot (or the id in options.authors)",
          author.type,
        ),
      );
    }
    return role;
  };

  let channel: Channel | undefined;
  const messages: MessageInput[] = [];
  if (c.source !== undefined) {
    const resolved = resolveChannel(c.source.type, sourceChannels, options, "source.type", "a source type");
    if (typeof resolved === "string") channel = resolved;
    else issues.push(resolved);
    provenance.set("channel", "source.type");
    const author = roleOf(c.source.author, "source.author");
    if (author !== undefined) {
      provenance.set("messages.0", "source");
      messages.push({
        ...(c.source.id !== undefined ? { id: c.source.id } : {}),
        author,
        ...(c.source.author?.id !== undefined ? { authorId: c.source.author.id } : {}),
        at: c.created_at,
        text: htmlToText(c.source.body ?? ""),
      });
    }
  } else if (options.fallbackChannel !== undefined) {
    channel = options.fallbackChannel;
  } else {
    issues.push(
      issue(
        "source",
        "invalid_type",
        "expected the source (the message that opened the conversation)",
        undefined,
      ),
    );
  }

  const statusChanges: NonNullable<ConversationInput["statusChanges"]> = [];
  const parts = c.conversation_parts;
  if (parts !== undefined) {
    const list = parts.conversation_parts;
    if (parts.total_count !== undefined && parts.total_count > list.length) {
      issues.push(
        issue(
          "conversation_parts.total_count",
          "incomplete_page",
          `expected all ${parts.total_count} parts, got ${list.length} (Intercom returns at most 500)`,
          parts.total_count,
        ),
      );
    }
    let state: IntercomState = "open";
    list.forEach((p, k) => {
      const path = `conversation_parts.conversation_parts.${k}`;
      const hasBody = p.body !== undefined && htmlToText(p.body) !== "";
      if (messageParts.has(p.part_type) || (messageWithBodyParts.has(p.part_type) && hasBody)) {
        const author = roleOf(p.author, `${path}.author`);
        if (author !== undefined) {
          const index = messages.length;
          provenance.set(`messages.${index}`, path);
          provenance.set(`messages.${index}.at`, `${path}.created_at`);
          messages.push({
            ...(p.id !== undefined ? { id: p.id } : {}),
            author,
            ...(p.author?.id !== undefined ? { authorId: p.author.id } : {}),
            visibility: p.part_type.startsWith("note") ? "private" : "public",
            at: p.created_at,
            text: htmlToText(p.body ?? ""),
          });
        }
      }
      const action = lookup(stateParts, p.part_type);
      const next = p.state ?? action ?? state;
      if (next !== state) {
        const index = statusChanges.length;
        provenance.set(`statusChanges.${index}`, path);
        provenance.set(`statusChanges.${index}.at`, `${path}.created_at`);
        const by =
          action !== undefined && p.author !== undefined
            ? (authorOverride(options, p.author.id) ?? lookup(authorTypes, p.author.type))
            : undefined;
        statusChanges.push({
          at: p.created_at,
          from: states[state],
          to: states[next],
          ...(by !== undefined ? { by } : {}),
        });
        state = next;
      }
    });
  }

  const surveys: SurveyResponseInput[] = [];
  const rating = c.conversation_rating;
  const contacts =
    c.contacts === undefined ? [] : Array.isArray(c.contacts) ? c.contacts : c.contacts.contacts;
  // The contacts list, or for a payload without one the contact who wrote the first message.
  const sourceAuthor = c.source?.author;
  const customerId =
    contacts[0]?.id ??
    (sourceAuthor !== undefined && lookup(authorTypes, sourceAuthor.type) === "customer"
      ? sourceAuthor.id
      : undefined);
  if (rating?.rating !== undefined) {
    provenance.set("surveys.0", "conversation_rating");
    const ratedBy = rating.contact?.id ?? customerId;
    surveys.push({
      kind: "csat",
      score: rating.rating,
      scale: { min: 1, max: 5 },
      conversationId: c.id,
      ...(rating.remark ? { comment: rating.remark } : {}),
      ...(rating.created_at !== undefined ? { at: rating.created_at } : {}),
      ...(ratedBy !== undefined ? { customerId: ratedBy } : {}),
    });
  }

  const status = states[c.state];
  const lastClose = c.statistics?.last_close_at;
  if (status === "resolved" && lastClose !== undefined)
    provenance.set("resolvedAt", "statistics.last_close_at");
  const tags = c.tags === undefined ? [] : Array.isArray(c.tags) ? c.tags : c.tags.tags;

  const result: ConversationInput = {
    id: c.id,
    channel: channel ?? "chat",
    createdAt: c.created_at,
    status,
    messages,
    statusChanges,
    surveys,
    tags: tags.map((t) => t.name),
    ...(c.priority === "priority" ? { priority: "high" as const } : {}),
    ...(status === "resolved" && lastClose !== undefined ? { resolvedAt: lastClose } : {}),
    ...(customerId !== undefined ? { customerId } : {}),
    ...(c.admin_assignee_id !== undefined ? { assigneeId: c.admin_assignee_id } : {}),
    ...(c.team_assignee_id !== undefined ? { groupId: c.team_assignee_id } : {}),
  };
  return finishConversation(FN, result, provenance, issues, options, warnings);
}
