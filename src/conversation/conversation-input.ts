import * as z from "zod";
import { TouchpointError } from "../internal/errors.js";
import { withEventTime } from "../internal/event-guard.js";
import { timestampSchema } from "../schemas/timestamp.js";
import type { Priority } from "../schemas/vocabulary.js";
import { channelSchema, prioritySchema } from "../schemas/vocabulary-schemas.js";
import type { ConversationSettings, ConversationSlaTargets } from "./conversation-types.js";
import { handlers } from "./conversation-types.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The default SLA targets per priority, in milliseconds.
 *
 * @remarks
 * First response and resolution follow a published example priority matrix (Workestra's SLA
 * policies page, https://docs.workestra.app/docs/modules/support/sla-policies: critical 1 h / 4 h,
 * high 4 h / 8 h, medium 8 h / 24 h, low 24 h / 72 h), with our `urgent` for its critical and
 * `normal` for its medium. Vendors ship no universal defaults (Zendesk and Freshdesk ask the admin
 * to fill the matrix), so treat these as a starting point. Next response takes the first-response
 * target, as Freshdesk's "every response" target usually does.
 *
 * @example
 * ```ts
 * import { defaultSlaTargets } from "touchpoint/conversation";
 *
 * defaultSlaTargets.urgent.firstResponseMs; // => 3600000
 * defaultSlaTargets.low.resolutionMs; // => 259200000
 * ```
 *
 * @category Conversation
 */
export const defaultSlaTargets: Readonly<Record<Priority, Readonly<ConversationSlaTargets>>> = {
  low: { firstResponseMs: 24 * HOUR, nextResponseMs: 24 * HOUR, resolutionMs: 72 * HOUR },
  normal: { firstResponseMs: 8 * HOUR, nextResponseMs: 8 * HOUR, resolutionMs: 24 * HOUR },
  high: { firstResponseMs: 4 * HOUR, nextResponseMs: 4 * HOUR, resolutionMs: 8 * HOUR },
  urgent: { firstResponseMs: 1 * HOUR, nextResponseMs: 1 * HOUR, resolutionMs: 4 * HOUR },
};

const duration = z.number().int().nonnegative();
const positiveDuration = z.number().int().positive();

const targetsSchema = z.object({
  /** Time to the first human reply; `null` for none. */
  firstResponseMs: positiveDuration.nullable().optional(),
  /** Time from a customer message to the next human reply; `null` for none. */
  nextResponseMs: positiveDuration.nullable().optional(),
  /** Time to resolution, not counting time awaiting the customer; `null` for none. */
  resolutionMs: positiveDuration.nullable().optional(),
});

/**
 * Validates the input of the conversation machine: who, when, which priority and channel, who
 * handles it first, and every duration and threshold.
 *
 * @remarks
 * Defaults: `priority` normal, `handler` human, targets from {@link defaultSlaTargets} (override
 * any of them in `targets`), warning at 75 % of a target (the example policy above warns at 75 %),
 * escalation after 2 rejected proposals in a row, abandonment after 24 h of customer silence,
 * auto-close 4 days after resolution (Zendesk's standard automation closes solved tickets after
 * 4 days, notes/helpdesk-anchors.md §1), reopen window 4 days, no confirmed restatement needed
 * before a proposal (`requireConfirmation: true` makes seed 003's restate-and-confirm a gate again),
 * one survey per conversation (Chatwoot).
 *
 * The machine parses its input with this schema. Invalid input is a broken precondition: the
 * machine's snapshot ends in status `error` with a {@link TouchpointError} (`invalid_input`) as its
 * `error` (XState reports a throwing context factory that way); {@link initialStep} throws it.
 * Parse untrusted input yourself with `safeParse` to handle it as data.
 *
 * @example
 * ```ts
 * import { conversationMachineInputSchema } from "touchpoint/conversation";
 *
 * const input = conversationMachineInputSchema.parse({ conversationId: "c-1", startedAt: "2026-03-02T09:00:00Z" });
 * input.priority; // => "normal"
 * input.startedAt; // => 1772442000000
 * conversationMachineInputSchema.safeParse({ conversationId: "c-1", startedAt: 0, warningRatio: 2 }).success; // => false
 * ```
 *
 * @category Conversation
 */
export const conversationMachineInputSchema = z.object({
  /** The conversation's id. */
  conversationId: z.string().min(1),
  /** When it started (ISO 8601 with offset, or epoch ms). */
  startedAt: timestampSchema,
  /** Its priority; chooses the SLA targets. */
  priority: prioritySchema.default("normal"),
  /** Its channel, when known. */
  channel: channelSchema.optional(),
  /** Who handles it first. */
  handler: z.enum(["bot", "human"]).default("human"),
  /** SLA targets overriding the priority's defaults. */
  targets: targetsSchema.optional(),
  /** Fraction of each target after which a warning is emitted. */
  warningRatio: z.number().gt(0).lt(1).default(0.75),
  /** Rejected proposals in a row that escalate. */
  rejectionsBeforeEscalation: z.number().int().positive().default(2),
  /** Customer silence after which the conversation is abandoned. */
  abandonAfterMs: positiveDuration.default(DAY),
  /** Time after resolution when the conversation closes. */
  autoCloseAfterMs: positiveDuration.default(4 * DAY),
  /** Time after resolution within which a customer reply reopens it. */
  reopenWindowMs: duration.default(4 * DAY),
  /** Whether a proposal needs a confirmed restatement first (seed 003's gate; off by default). */
  requireConfirmation: z.boolean().default(false),
  /** Whether only the first resolution requests a survey. */
  surveyOnce: z.boolean().default(true),
});

/** What {@link conversationMachineInputSchema} accepts: the machine's input. @category Conversation */
export type ConversationMachineInput = z.input<typeof conversationMachineInputSchema>;
/** The input after defaults. @category Conversation */
export type ParsedConversationMachineInput = z.output<typeof conversationMachineInputSchema>;

/*
 * XState's pure transition() builds an inert actor per call, which evaluates the context factory
 * without input and discards the result. Failing that case with one shared error (no stack capture,
 * no zod issue list) keeps each transition() call from paying for an error it never shows.
 */
const MISSING_INPUT = new TouchpointError(
  "invalid_input",
  "conversationMachine: invalid input at (root): expected an object { conversationId, startedAt, ... }, got undefined",
  { path: "" },
);

/** Parses machine input, throwing a TouchpointError that names the field. */
export function parseConversationInput(input: unknown): ParsedConversationMachineInput {
  if (input === undefined) throw MISSING_INPUT;
  const result = conversationMachineInputSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.join(".") ?? "";
  throw new TouchpointError(
    "invalid_input",
    `conversationMachine: invalid input at ${path === "" ? "(root)" : path}: ${issue?.message ?? "invalid"}`,
    { path },
  );
}

/** The settings a parsed input implies. */
export function settingsOf(input: ParsedConversationMachineInput): ConversationSettings {
  const base = defaultSlaTargets[input.priority];
  const t = input.targets ?? {};
  return {
    targets: {
      firstResponseMs: t.firstResponseMs === undefined ? base.firstResponseMs : t.firstResponseMs,
      nextResponseMs: t.nextResponseMs === undefined ? base.nextResponseMs : t.nextResponseMs,
      resolutionMs: t.resolutionMs === undefined ? base.resolutionMs : t.resolutionMs,
    },
    warningRatio: input.warningRatio,
    rejectionsBeforeEscalation: input.rejectionsBeforeEscalation,
    abandonAfterMs: input.abandonAfterMs,
    autoCloseAfterMs: input.autoCloseAfterMs,
    reopenWindowMs: input.reopenWindowMs,
    requireConfirmation: input.requireConfirmation,
    surveyOnce: input.surveyOnce,
  };
}

const handlerSet = new Set<unknown>(handlers);

/**
 * The conversation machine's gate (internal/event-guard.ts): the event the machine may process, or
 * `undefined` to ignore it. A `handoff` to a handler that does not exist, a `by` other than agent
 * or bot, a `reason` or `text` that is not a string: each would reach context (and a snapshot that
 * restore refuses), so the event is ignored, as an unknown event is. A time that is not epoch
 * milliseconds within 1970–9999 (NaN, 1e308, a string) counts as the machine's current time, as a
 * missing one does. Types are left to the machine (its `customer.*` and `agent.*` transitions take
 * any event of those namespaces).
 */
export function checkConversationEvent(
  event: { readonly type: string } & Record<string, unknown>,
): object | undefined {
  if (event.by !== undefined && event.by !== "agent" && event.by !== "bot") return undefined;
  if (event.text !== undefined && typeof event.text !== "string") return undefined;
  if (event.type === "handoff") {
    if (event.to !== undefined && !handlerSet.has(event.to)) return undefined;
    if (event.reason !== undefined && typeof event.reason !== "string") return undefined;
  }
  return withEventTime(event);
}
