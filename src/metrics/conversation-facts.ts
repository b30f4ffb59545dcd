/*
 * What the time metrics read from a conversation, and how: the minimal input shape (a structural
 * subset of `Conversation` from touchpoint/schemas, so plain objects work and zod stays out of the
 * bundle), its validation, and the shared definitions every calculator uses: which messages are
 * replies, where a bot hands off, what counts as a resolution and a reopen.
 */
import { quote, TouchpointError } from "../internal/errors.js";
import { checkInstant } from "../internal/instant.js";
import type { Summary } from "../internal/summary.js";
import { summarizeInPlace } from "../internal/summary.js";
import {
  type AuthorRole,
  authorRoles,
  type ConversationStatus,
  conversationStatuses,
  type Priority,
} from "../schemas/vocabulary.js";
import type { BusinessSchedule } from "./business-schedule.js";

/**
 * The part of a message the time metrics read (a structural subset of `Message` from
 * `touchpoint/schemas`).
 *
 * @category Conversation metrics
 */
export interface MetricMessage {
  /** Who wrote it: `customer`, `agent` (a human), `bot` or `system`. */
  readonly author: AuthorRole;
  /** `private` for an internal note; `public` when left out. */
  readonly visibility?: "public" | "private" | undefined;
  /** When it was sent, epoch milliseconds. */
  readonly at: number;
  /** Who wrote it, for counting participating teammates. */
  readonly authorId?: string | undefined;
}

/**
 * One status change as the time metrics read it (a structural subset of `StatusChange`).
 *
 * @category Conversation metrics
 */
export interface MetricStatusChange {
  /** When the status changed, epoch milliseconds. */
  readonly at: number;
  /** The status before; when left out, the previous change's `to` (or `new` for the first). */
  readonly from?: ConversationStatus | undefined;
  /** The status after. */
  readonly to: ConversationStatus;
  /** Who changed it; `bot` marks a bot hand-off when `to` is `open`. */
  readonly by?: AuthorRole | undefined;
}

/**
 * The part of a conversation the time metrics read (a structural subset of `Conversation` from
 * `touchpoint/schemas`: a parsed conversation fits, and so does a plain object).
 *
 * @remarks
 * Messages and status changes must be in time order and not before `createdAt`, as the schema
 * checks. When `statusChanges` is empty, `resolvedAt` (and `status`) stand for a single resolution.
 *
 * @category Conversation metrics
 */
export interface MetricConversation {
  /** The conversation's id, copied to per-conversation results. */
  readonly id?: string | undefined;
  /** When it was created, epoch milliseconds. */
  readonly createdAt: number;
  /** Its priority, for SLA targets; `normal` when left out. */
  readonly priority?: Priority | undefined;
  /** Its current status, when there is no status history. */
  readonly status?: ConversationStatus | undefined;
  /** When it was resolved, when there is no status history. */
  readonly resolvedAt?: number | undefined;
  /** Its messages, oldest first. */
  readonly messages?: readonly MetricMessage[] | undefined;
  /** Its status history, oldest first. */
  readonly statusChanges?: readonly MetricStatusChange[] | undefined;
}

/**
 * Which messages count as a response.
 *
 * @category Conversation metrics
 */
export interface ReplyOptions {
  /**
   * Count bot messages as responses. Default `false`: Zendesk ignores "automated or bot-related
   * actions" in first reply time and Chatwoot never counts bot senders (anchors §2.1, §2.8).
   */
  readonly includeBots?: boolean;
  /**
   * Count private notes as responses. Default `false`: Zendesk, Freshdesk and Chatwoot count public
   * replies only (anchors §2.1, §2.3, §2.8).
   */
  readonly includePrivate?: boolean;
}

/**
 * Where a clock starts.
 *
 * @remarks
 * - `created`: at the conversation's creation (Zendesk's first reply and resolution times).
 * - `handoff`: at the bot hand-off, when there is one (see {@link MetricConversation} and the
 *   calculators' docs for how it is detected), so time spent with a bot is left out.
 * - `reopen`: at the latest reopen before the event measured.
 * - `handoff-or-reopen`: the later of the two, Chatwoot's first response start since v4 (its latest
 *   `conversation_bot_handoff` or `conversation_opened` event; anchors §2.8).
 *
 * @category Conversation metrics
 */
export type ClockStart = "created" | "handoff" | "reopen" | "handoff-or-reopen";

/**
 * A duration measured on one conversation, in input order.
 *
 * @category Conversation metrics
 */
export interface ConversationDuration {
  /** The conversation's position in the input. */
  readonly index: number;
  /** The conversation's id, when it has one. */
  readonly id: string | undefined;
  /** Where the clock started. */
  readonly start: number;
  /** Where it stopped, or `null` when the event has not happened (no reply, not resolved). */
  readonly end: number | null;
  /** Calendar milliseconds, or `null` when `end` is. */
  readonly calendar: number | null;
  /** Business milliseconds under the schedule, or `null` when `end` is or no schedule was given. */
  readonly business: number | null;
}

/** Statuses that mean "done". */
export function isResolvedStatus(status: ConversationStatus | undefined): boolean {
  return status === "resolved" || status === "closed";
}

const AUTHORS: ReadonlySet<string> = new Set(authorRoles);
const STATUSES: ReadonlySet<string> = new Set(conversationStatuses);

function bad(code: string, fn: string, expected: string, value: unknown, index: number, path: string): never {
  throw new TouchpointError(
    code,
    `${fn}: expected ${expected}, got ${quote(value)} at index ${index} (${path})`,
    {
      index,
      path,
      value,
    },
  );
}

/** Checks that every `at` of `list` is a finite instant, in time order and not before `created`. */
function checkTimeOrder(
  list: readonly { readonly at: number }[],
  field: string,
  created: number,
  fn: string,
  index: number,
): void {
  let previous = created;
  for (let i = 0; i < list.length; i++) {
    const at = checkInstant(list[i]!.at, fn, `${field}[${i}].at`, index);
    if (at < previous) {
      bad(
        "out_of_order",
        fn,
        `a time at or after ${new Date(previous).toISOString()} (records in time order, not before createdAt)`,
        at,
        index,
        `${field}[${i}].at`,
      );
    }
    previous = at;
  }
}

/**
 * Checks one conversation: finite timestamps in time order and not before `createdAt`, known
 * authors and statuses. Throws a {@link TouchpointError} naming `fn`, the value, the conversation's
 * index and the field.
 */
export function checkConversation(c: MetricConversation, fn: string, index: number): void {
  if (typeof c !== "object" || c === null)
    bad("invalid_conversation", fn, "a conversation object", c, index, "");
  const created = checkInstant(c.createdAt, fn, "createdAt", index);
  if (c.resolvedAt !== undefined) {
    checkInstant(c.resolvedAt, fn, "resolvedAt", index);
    if (c.resolvedAt < created) {
      bad(
        "end_before_start",
        fn,
        `a time at or after createdAt ${new Date(created).toISOString()}`,
        c.resolvedAt,
        index,
        "resolvedAt",
      );
    }
  }
  if (c.status !== undefined && !STATUSES.has(c.status))
    bad("invalid_status", fn, "a conversation status", c.status, index, "status");
  const messages = c.messages ?? [];
  checkTimeOrder(messages, "messages", created, fn, index);
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (!AUTHORS.has(m.author))
      bad("invalid_author", fn, "customer, agent, bot or system", m.author, index, `messages[${i}].author`);
    if (m.visibility !== undefined && m.visibility !== "public" && m.visibility !== "private") {
      bad("invalid_visibility", fn, "public or private", m.visibility, index, `messages[${i}].visibility`);
    }
  }
  const changes = c.statusChanges ?? [];
  checkTimeOrder(changes, "statusChanges", created, fn, index);
  for (let i = 0; i < changes.length; i++) {
    const s = changes[i]!;
    if (!STATUSES.has(s.to))
      bad("invalid_status", fn, "a conversation status", s.to, index, `statusChanges[${i}].to`);
    if (s.from !== undefined && !STATUSES.has(s.from))
      bad("invalid_status", fn, "a conversation status", s.from, index, `statusChanges[${i}].from`);
    if (s.by !== undefined && !AUTHORS.has(s.by))
      bad("invalid_author", fn, "customer, agent, bot or system", s.by, index, `statusChanges[${i}].by`);
  }
}

/** A status change with its `from` filled in. */
export interface StatusStep {
  readonly at: number;
  readonly from: ConversationStatus;
  readonly to: ConversationStatus;
  readonly by: AuthorRole | undefined;
}

/**
 * The status history with every `from` filled in (the previous `to`, or `new` at first). Without a
 * history, `resolvedAt` stands for one change to `status` (or `resolved`).
 */
export function statusSteps(c: MetricConversation): StatusStep[] {
  const changes = c.statusChanges ?? [];
  if (changes.length === 0) {
    if (c.resolvedAt === undefined) return [];
    const to = isResolvedStatus(c.status) ? (c.status as ConversationStatus) : "resolved";
    return [{ at: c.resolvedAt, from: "new", to, by: undefined }];
  }
  const steps: StatusStep[] = [];
  let previous: ConversationStatus = changes[0]!.from ?? "new";
  for (const s of changes) {
    const from = s.from ?? previous;
    steps.push({ at: s.at, from, to: s.to, by: s.by });
    previous = s.to;
  }
  return steps;
}

/** The status the conversation was in at creation. */
export function initialStatus(c: MetricConversation): ConversationStatus {
  return c.statusChanges?.[0]?.from ?? "new";
}

/** The latest known status, or undefined when nothing says. */
export function finalStatus(
  c: MetricConversation,
  steps: readonly StatusStep[],
): ConversationStatus | undefined {
  const last = steps[steps.length - 1];
  if (last !== undefined) return last.to;
  return c.status;
}

/** Instants at which the conversation became resolved or closed from an unresolved status. */
export function resolutionInstants(steps: readonly StatusStep[]): number[] {
  const out: number[] = [];
  for (const s of steps) if (!isResolvedStatus(s.from) && isResolvedStatus(s.to)) out.push(s.at);
  return out;
}

/** Instants of reopens: resolved or closed back to new, open, pending or on-hold. */
export function reopenInstants(steps: readonly StatusStep[]): number[] {
  const out: number[] = [];
  for (const s of steps) if (isResolvedStatus(s.from) && !isResolvedStatus(s.to)) out.push(s.at);
  return out;
}

/** Whether `m` counts as a response under `options`. */
export function isReply(m: MetricMessage, options: ReplyOptions): boolean {
  if (m.author === "agent" || (m.author === "bot" && options.includeBots === true)) {
    return m.visibility !== "private" || options.includePrivate === true;
  }
  return false;
}

/**
 * Bot hand-off instants, ascending. A status change to `open` made `by: "bot"` is a hand-off
 * (Chatwoot's `bot_handoff!` moves pending → open; anchors §2.8). When the history has none, a
 * hand-off is inferred at the last bot message before the first human agent message, if a bot
 * spoke before any agent did.
 */
export function handoffInstants(c: MetricConversation): number[] {
  const out: number[] = [];
  for (const s of c.statusChanges ?? []) if (s.by === "bot" && s.to === "open") out.push(s.at);
  if (out.length > 0) return out;
  let lastBot = Number.NaN;
  for (const m of c.messages ?? []) {
    if (m.author === "agent") break;
    if (m.author === "bot") lastBot = m.at;
  }
  if (!Number.isNaN(lastBot)) out.push(lastBot);
  return out;
}

/** The latest instant of `list` (ascending) at or before `t`, or `fallback`. */
export function latestAtOrBefore(list: readonly number[], t: number, fallback: number): number {
  let out = fallback;
  for (const x of list) {
    if (x > t) break;
    if (x > out) out = x;
  }
  return out;
}

/** Summaries of the first `n` values of the calendar and business arrays (reordered in place). */
export function summaries(
  calendar: Float64Array,
  business: Float64Array,
  n: number,
  schedule: BusinessSchedule | undefined,
): { calendar: Summary | null; business: Summary | null } {
  return {
    calendar: summarizeInPlace(calendar, n),
    business: schedule === undefined ? null : summarizeInPlace(business, n),
  };
}

/** Checks that `list` is an array, naming `fn`. */
export function checkList(list: unknown, fn: string, what = "an array of conversations"): void {
  if (!Array.isArray(list)) {
    throw new TouchpointError("invalid_input", `${fn}: expected ${what}, got ${quote(list)}`, {
      value: list,
    });
  }
}

/** Checks that an option is one of `allowed` (or left out), naming `fn` and the option's path. */
export function checkOption(value: unknown, allowed: readonly string[], fn: string, path: string): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    throw new TouchpointError(
      "invalid_option",
      `${fn}: expected ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${quote(value)} at ${path}`,
      { path, value },
    );
  }
}

/** Checks a list of statuses given as an option. */
export function checkStatuses(value: unknown, fn: string, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    throw new TouchpointError(
      "invalid_option",
      `${fn}: expected an array of statuses, got ${quote(value)} at ${path}`,
      {
        path,
        value,
      },
    );
  }
  for (let i = 0; i < value.length; i++) checkOption(value[i], conversationStatuses, fn, `${path}[${i}]`);
}
