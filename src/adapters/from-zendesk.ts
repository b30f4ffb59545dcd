import { checkOptions } from "../internal/args.js";
import * as z from "zod";
import type { Conversation, ConversationInput } from "../schemas/conversation.js";
import type { MessageInput } from "../schemas/message.js";
import type { SurveyResponseInput } from "../schemas/survey-response.js";
import type { ValidationIssue } from "../schemas/validate.js";
import type { AuthorRole, Channel, ConversationStatus, Priority } from "../schemas/vocabulary.js";
import { invalidPayload, issue, parseVendor, zodIssues } from "./adapter-issues.js";
import { type AdapterOptions, authorOverride, resolveChannel } from "./adapter-options.js";
import { finishConversation, Provenance } from "./adapter-output.js";
import { anyId, isoTime, nullable } from "./vendor-fields.js";

const FN = "fromZendesk";

/** Zendesk's status words (the status categories of custom statuses too) → touchpoint's. */
const statuses = {
  new: "new",
  open: "open",
  pending: "pending",
  hold: "on-hold",
  solved: "resolved",
  closed: "closed",
} as const satisfies Record<string, ConversationStatus>;

/**
 * `via.channel` as the ticket reports it (the "Ticket created by" column of Zendesk's via types) →
 * touchpoint's channel. Web form and API tickets are email-like: Zendesk's own omnichannel routing
 * handles `web_form`, `mail` and `web_service` as Email.
 */
const viaChannels: Readonly<Record<string, Channel>> = {
  email: "email",
  web: "email",
  api: "email",
  chat: "chat",
  native_messaging: "chat",
  voice: "phone",
  sms: "sms",
  twitter: "social",
  facebook: "social",
  instagram_dm: "social",
  whatsapp: "social",
  line: "social",
  wechat: "social",
  telegram: "social",
  viber: "social",
  forum: "forum",
};

const statusSchema = z.enum(["new", "open", "pending", "hold", "solved", "closed"], {
  error: "expected a Zendesk status: new, open, pending, hold, solved or closed",
});
const prioritySchema = nullable(
  z.enum(["low", "normal", "high", "urgent"], {
    error: "expected a Zendesk priority: low, normal, high, urgent or null",
  }),
);
const userId = nullable(z.number().int());
const ratingScore = z.enum(["offered", "unoffered", "good", "bad"], {
  error: "expected a Zendesk satisfaction score: offered, unoffered, good or bad",
});

const ratingFields = {
  id: nullable(anyId),
  score: ratingScore,
  comment: nullable(z.string()),
};

const ticketSchema = z.looseObject({
  id: z.number().int({ error: "expected the ticket's numeric id" }),
  created_at: isoTime,
  status: statusSchema,
  priority: prioritySchema,
  via: z.looseObject({ channel: z.string({ error: 'expected a via type such as "email" or "web"' }) }),
  requester_id: userId,
  assignee_id: userId,
  group_id: userId,
  tags: nullable(z.array(z.string())),
  satisfaction_rating: nullable(z.looseObject(ratingFields)),
});

const eventSchema = z.looseObject({
  type: z.string({ error: "expected the event's type (Comment, Change, Create, ...)" }),
});
const commentSchema = z.looseObject({
  id: nullable(anyId),
  type: z.literal("Comment"),
  author_id: z.number().int({ error: "expected the comment author's numeric id" }),
  body: nullable(z.string()),
  public: z.boolean({ error: "expected public: true or false" }),
});
const statusEventSchema = z.looseObject({
  type: z.enum(["Change", "Create"]),
  field_name: z.literal("status"),
  value: statusSchema,
  previous_value: nullable(statusSchema),
});

const auditSchema = z.looseObject({
  ticket_id: z.number().int({ error: "expected the audit's ticket_id" }),
  created_at: isoTime,
  author_id: z.number().int({ error: "expected the audit author's numeric id" }),
  via: nullable(z.looseObject({ channel: nullable(z.union([z.string(), z.number()])) })),
  events: z.array(eventSchema),
});

const auditListSchema = z.array(auditSchema, {
  error: "expected the audits: a list, or the API's { audits: [...] } response",
});
const pageSchema = z.looseObject({
  next_page: nullable(z.string({ error: "expected next_page: a URL or null" })),
});

const metricSchema = z.looseObject({
  ticket_id: z.number().int({ error: "expected the metric's ticket_id" }),
  solved_at: nullable(isoTime),
});

const ratingSchema = z.looseObject({
  ...ratingFields,
  ticket_id: z.number().int({ error: "expected the rating's ticket_id" }),
  requester_id: userId,
  created_at: nullable(isoTime),
});

/**
 * Parses one part of the input (`ticket`, `audits`, ...), given as the object itself or as the API
 * response `{ [key]: object }`, collecting its issues under its path in the input
 * (`ticket.ticket.status` when the response was passed whole).
 */
function parsePart<T>(
  value: unknown,
  name: string,
  key: string,
  schema: z.ZodType<T>,
  issues: ValidationIssue[],
): { readonly path: string; readonly data?: T } {
  const envelope = isEnvelope(value, key);
  const path = envelope ? `${name}.${key}` : name;
  const result = schema.safeParse(envelope ? (value as Record<string, unknown>)[key] : value, {
    reportInput: true,
  });
  if (!result.success) {
    issues.push(...zodIssues(result.error, path));
    return { path };
  }
  return { path, data: result.data };
}

const optionalAudits = auditListSchema.optional();
const optionalMetric = metricSchema.optional();
const optionalRating = ratingSchema.optional();

const inputSchema = z.looseObject({
  ticket: z.unknown(),
  audits: z.unknown().optional(),
  metrics: z.unknown().optional(),
  satisfactionRating: z.unknown().optional(),
});

/**
 * What {@link fromZendesk} reads: the ticket and, optionally, its audits, metrics and satisfaction
 * rating, each as the Zendesk API returns it (the response body, or the object inside it).
 *
 * @category Adapters
 */
export interface ZendeskInput {
  /** `GET /api/v2/tickets/{id}`: the `{ ticket }` response or the ticket. */
  readonly ticket: unknown;
  /** `GET /api/v2/tickets/{id}/audits`: the `{ audits }` response of the last page, or every audit in a list. */
  readonly audits?: unknown;
  /** `GET /api/v2/tickets/{id}/metrics`: the `{ ticket_metric }` response or the metric. */
  readonly metrics?: unknown;
  /** `GET /api/v2/satisfaction_ratings/{id}`: the `{ satisfaction_rating }` response or the rating. */
  readonly satisfactionRating?: unknown;
}

/**
 * Options of {@link fromZendesk}: extra `via.channel` values and author roles ({@link AdapterOptions}).
 *
 * @category Adapters
 */
export interface ZendeskOptions extends AdapterOptions {}

type Ticket = z.output<typeof ticketSchema>;

function role(authorId: number, ticket: Ticket, options: ZendeskOptions, byRule: boolean): AuthorRole {
  const override = authorOverride(options, authorId);
  if (override !== undefined) return override;
  if (byRule || authorId === -1) return "system";
  return authorId === ticket.requester_id ? "customer" : "agent";
}

function survey(
  rating: { id?: string | undefined; score: z.output<typeof ratingScore>; comment?: string | undefined },
  conversationId: string,
  extra: { at?: number | undefined; customerId?: string | undefined },
): SurveyResponseInput | undefined {
  if (rating.score !== "good" && rating.score !== "bad") return undefined;
  return {
    kind: "csat",
    score: rating.score === "good" ? 2 : 1,
    scale: { min: 1, max: 2 },
    conversationId,
    ...(rating.id !== undefined ? { id: rating.id } : {}),
    ...(rating.comment ? { comment: rating.comment } : {}),
    ...(extra.at !== undefined ? { at: extra.at } : {}),
    ...(extra.customerId !== undefined ? { customerId: extra.customerId } : {}),
  };
}

/**
 * Returns a touchpoint {@link Conversation} from a Zendesk Support ticket, with its comments, status
 * history and satisfaction rating when you pass the audits and the rating.
 *
 * @remarks
 * Follows the Ticket, Ticket Audits, Ticket Metrics and Satisfaction Ratings APIs
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/,
 * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_audits/,
 * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/,
 * https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/).
 *
 * - **Status**: `new`, `open`, `pending`, `hold` → `on-hold`, `solved` → `resolved`, `closed`. A
 *   custom status reports its category here, so custom statuses map too.
 * - **Priority**: `low`, `normal`, `high`, `urgent` as they are; `null` becomes `normal`.
 * - **Channel** from `via.channel`
 *   (https://developer.zendesk.com/documentation/ticketing/reference-guides/via-types/): `email`,
 *   `web` and `api` → `email` (Zendesk's omnichannel routing treats web-form and API tickets as
 *   email), `chat` and `native_messaging` → `chat`, `voice` → `phone`, `sms` → `sms`, `twitter`,
 *   `facebook`, `instagram_dm`, `whatsapp`, `line`, `wechat`, `telegram`, `viber` → `social`
 *   (Zendesk's "social messaging"), `forum` → `forum`. Others need `options.channels` or
 *   `options.fallbackChannel`.
 * - **Messages** are the audits' `Comment` events, in order, at their audit's time: `public: false`
 *   is a `private` note. The ticket alone gives none: its `description` is the first comment's text
 *   but does not say whether that comment was public.
 * - **Author rule**: `options.authors` first; then an audit made `via` a business rule (trigger,
 *   automation) or by author id -1 is `system`; the ticket's `requester_id` is the `customer`;
 *   anyone else is an `agent`, since Zendesk lets end users comment only on their own requests.
 *   End users copied on the ticket and bots writing as agents need `options.authors`.
 * - **Status history** from the audits' `Change` events on `status` (with the previous status) and a
 *   `Create` event that sets a status other than `new`, by the audit author's role.
 * - **Satisfaction** (legacy CSAT): `good` → a `csat` answer 2, `bad` → 1, on the 2-point scale
 *   `{ min: 1, max: 2 }` (so touchpoint/metrics' `csat` is good ÷ (good + bad)); `offered` and
 *   `unoffered` are no answer. The `satisfactionRating` object wins over the one embedded in the
 *   ticket, which carries no time.
 * - **Metrics**: `solved_at` becomes `resolvedAt` while the ticket is solved or closed.
 * - Ids become strings: `requester_id` → `customerId`, `assignee_id`, `group_id`; `tags` as they are.
 *
 * Audits, metrics and rating must belong to the ticket (`ticket_id`), and an audits response whose
 * `next_page` is set is only part of the history: fetch every page and pass the list, or the ticket is
 * rejected rather than adapted with comments missing.
 *
 * @param input - the ticket, and optionally its audits, metrics and satisfaction rating
 * @param options - extra channels, a fallback channel and author roles
 * @returns the conversation, parsed by `conversationSchema`
 * @throws TouchpointError `invalid_payload` when a field is missing or has a value Zendesk does not
 *   send (`ticket.status: expected a Zendesk status ... (got "archived")`), when the parts belong to
 *   different tickets or when the mapped conversation fails `conversationSchema`; `error.path` is
 *   the first issue's path in the payload and `error.value` the list of issues
 *
 * @example
 * ```ts
 * import { fromZendesk } from "touchpoint/adapters";
 *
 * const conversation = fromZendesk({
 *   ticket: { id: 7, status: "hold", priority: "high", created_at: "2026-03-02T09:00:00Z", requester_id: 11, via: { channel: "web" } },
 *   audits: [
 *     { ticket_id: 7, created_at: "2026-03-02T09:00:00Z", author_id: 11, events: [{ type: "Comment", author_id: 11, body: "My invoice is wrong.", public: true }] },
 *     {
 *       ticket_id: 7,
 *       created_at: "2026-03-02T09:20:00Z",
 *       author_id: 42,
 *       events: [
 *         { type: "Comment", author_id: 42, body: "Asking billing.", public: false },
 *         { type: "Change", field_name: "status", value: "hold", previous_value: "open" },
 *       ],
 *     },
 *   ],
 *   satisfactionRating: { ticket_id: 7, score: "good", created_at: "2026-03-03T10:00:00Z" },
 * });
 * conversation.status; // => "on-hold"
 * conversation.channel; // => "email"
 * conversation.messages.map((m) => `${m.author} ${m.visibility}`); // => ["customer public", "agent private"]
 * conversation.statusChanges; // => [{ at: 1772443200000, from: "open", to: "on-hold", by: "agent" }]
 * conversation.surveys[0]?.score; // => 2
 *
 * const ticket = { id: 8, status: "archived", created_at: "2026-03-02T09:00:00Z", via: { channel: "web" } };
 * fromZendesk({ ticket }); // throws invalid_payload
 * ```
 *
 * @category Adapters
 */
export function fromZendesk(input: ZendeskInput, options: ZendeskOptions = {}): Conversation {
  options = checkOptions("fromZendesk", options);
  const parts = parseVendor(FN, inputSchema, input);
  const issues: ValidationIssue[] = [];
  const t = parsePart(parts.ticket, "ticket", "ticket", ticketSchema, issues);
  const audits = parsePart(parts.audits, "audits", "audits", optionalAudits, issues);
  // A page of the audits API says in next_page whether more audits exist.
  let nextPage: string | undefined;
  if (isEnvelope(parts.audits, "audits")) {
    const page = pageSchema.safeParse(parts.audits, { reportInput: true });
    if (page.success) nextPage = page.data.next_page;
    else issues.push(...zodIssues(page.error, "audits"));
  }
  const metrics = parsePart(parts.metrics, "metrics", "ticket_metric", optionalMetric, issues);
  const rating = parsePart(
    parts.satisfactionRating,
    "satisfactionRating",
    "satisfaction_rating",
    optionalRating,
    issues,
  );
  const ticket = t.data;
  if (ticket === undefined || issues.length > 0) throw invalidPayload(FN, issues);

  const ticketPath = t.path;
  const id = String(ticket.id);
  const provenance = new Provenance(ticketPath, input);
  provenance.set("id", `${ticketPath}.id`);
  provenance.set("createdAt", `${ticketPath}.created_at`);
  provenance.set("channel", `${ticketPath}.via.channel`);

  const channel = resolveChannel(
    ticket.via.channel,
    viaChannels,
    options,
    `${ticketPath}.via.channel`,
    "a via channel",
  );
  if (typeof channel !== "string") issues.push(channel);

  const sameTicket = (ticketId: number, path: string) => {
    if (ticketId !== ticket.id) {
      issues.push(
        issue(path, "inconsistent_value", `expected the id of the ticket given (${ticket.id})`, ticketId),
      );
    }
  };

  const messages: MessageInput[] = [];
  const statusChanges: NonNullable<ConversationInput["statusChanges"]> = [];
  if (audits.data !== undefined) {
    if (nextPage !== undefined) {
      issues.push(
        issue(
          "audits.next_page",
          "incomplete_page",
          "expected every audit: this response is one page of several; fetch the rest and pass them all in a list",
          nextPage,
        ),
      );
    }
    audits.data.forEach((audit, a) => {
      const auditPath = `${audits.path}.${a}`;
      sameTicket(audit.ticket_id, `${auditPath}.ticket_id`);
      const byRule = audit.via?.channel === "rule";
      audit.events.forEach((event, e) => {
        const eventPath = `${auditPath}.events.${e}`;
        if (event.type === "Comment") {
          const comment = commentSchema.safeParse(event, { reportInput: true });
          if (!comment.success) {
            issues.push(...zodIssues(comment.error, eventPath));
            return;
          }
          const c = comment.data;
          const index = messages.length;
          provenance.set(`messages.${index}`, eventPath);
          provenance.set(`messages.${index}.at`, `${auditPath}.created_at`);
          messages.push({
            ...(c.id !== undefined ? { id: c.id } : {}),
            author: role(c.author_id, ticket, options, byRule),
            authorId: String(c.author_id),
            visibility: c.public ? "public" : "private",
            at: audit.created_at,
            text: c.body ?? "",
          });
          return;
        }
        const fieldName = (event as { field_name?: unknown }).field_name;
        if ((event.type === "Change" || event.type === "Create") && fieldName === "status") {
          const change = statusEventSchema.safeParse(event, { reportInput: true });
          if (!change.success) {
            issues.push(...zodIssues(change.error, eventPath));
            return;
          }
          const s = change.data;
          if (s.type === "Create" && s.value === "new") return;
          const index = statusChanges.length;
          provenance.set(`statusChanges.${index}`, eventPath);
          provenance.set(`statusChanges.${index}.at`, `${auditPath}.created_at`);
          statusChanges.push({
            at: audit.created_at,
            ...(s.type === "Change" && s.previous_value !== undefined
              ? { from: statuses[s.previous_value] }
              : {}),
            to: statuses[s.value],
            by: role(audit.author_id, ticket, options, byRule),
          });
        }
      });
    });
  }

  const status = statuses[ticket.status];
  let resolvedAt: number | undefined;
  if (metrics.data !== undefined) {
    sameTicket(metrics.data.ticket_id, `${metrics.path}.ticket_id`);
    if ((status === "resolved" || status === "closed") && metrics.data.solved_at !== undefined) {
      resolvedAt = metrics.data.solved_at;
      provenance.set("resolvedAt", `${metrics.path}.solved_at`);
    }
  }

  const surveys: SurveyResponseInput[] = [];
  if (rating.data !== undefined) {
    const r = rating.data;
    sameTicket(r.ticket_id, `${rating.path}.ticket_id`);
    const answer = survey(r, id, {
      at: r.created_at,
      customerId: r.requester_id !== undefined ? String(r.requester_id) : undefined,
    });
    if (answer !== undefined) {
      provenance.set("surveys.0", rating.path);
      surveys.push(answer);
    }
  } else if (ticket.satisfaction_rating !== undefined) {
    const answer = survey(ticket.satisfaction_rating, id, {
      customerId: ticket.requester_id !== undefined ? String(ticket.requester_id) : undefined,
    });
    if (answer !== undefined) {
      provenance.set("surveys.0", `${ticketPath}.satisfaction_rating`);
      surveys.push(answer);
    }
  }

  const conversation: ConversationInput = {
    id,
    channel: typeof channel === "string" ? channel : "email",
    createdAt: ticket.created_at,
    status,
    messages,
    statusChanges,
    surveys,
    tags: ticket.tags ?? [],
    ...(ticket.priority !== undefined ? { priority: ticket.priority satisfies Priority } : {}),
    ...(resolvedAt !== undefined ? { resolvedAt } : {}),
    ...(ticket.requester_id !== undefined ? { customerId: String(ticket.requester_id) } : {}),
    ...(ticket.assignee_id !== undefined ? { assigneeId: String(ticket.assignee_id) } : {}),
    ...(ticket.group_id !== undefined ? { groupId: String(ticket.group_id) } : {}),
  };
  return finishConversation(FN, conversation, provenance, issues, options);
}

/** Whether `value` is an API response `{ [key]: {...} }` rather than the object itself. */
function isEnvelope(value: unknown, key: string): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && key in value;
}
