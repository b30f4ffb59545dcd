import { checkRecord, fail } from "../internal/args.js";
import { admitEvent, hasEventTime, withEventTime } from "../internal/event-guard.js";
import { checkInstant } from "../internal/instant.js";
import * as z from "zod";
import type { Message } from "../schemas/message.js";
import type { SurveyResponse } from "../schemas/survey-response.js";
import { surveyResponseSchema } from "../schemas/survey-response.js";
import { timestampSchema } from "../schemas/timestamp.js";
import type { AuthorRole, Channel, InteractionType, Scenario } from "../schemas/vocabulary.js";
import { authorRoles, channels, interactionTypes, scenarios } from "../schemas/vocabulary.js";

/**
 * The signals of a classified interaction that the journey machine reads. Every field is optional;
 * unknown fields are ignored.
 *
 * @category Events
 */
export interface JourneySignals {
  /** The customer says they want to cancel or leave (puts the customer at risk). */
  readonly intentToCancel?: boolean | undefined;
  /** The customer is evaluating: comparing, asking about price or fit (moves to consideration). */
  readonly evaluating?: boolean | undefined;
}

/**
 * An interaction as a classifier describes it: its type, scenario and signals. The shape is
 * structural, so the output of `touchpoint/classify` or any other classifier fits.
 *
 * @category Events
 */
export interface ClassifiedInteraction {
  /** Question, complaint, suggestion or praise; `unknown` when the classifier was not sure. */
  readonly type?: InteractionType | "unknown" | undefined;
  /** One of the eight scenarios of seed 000, or `unknown`. */
  readonly scenario?: Scenario | "unknown" | undefined;
  /** Signals found in the text. */
  readonly signals?: JourneySignals | undefined;
}

/**
 * Any interaction with the customer: a message, a call, a chat. Customer-initiated interactions
 * count as activity (they reset the inactivity deadline); a complaint counts towards repeated
 * complaints; an intent to cancel puts the customer at risk; an evaluation signal moves a prospect
 * to consideration.
 *
 * @category Events
 */
export interface JourneyInteractionEvent {
  /** The event type. */
  readonly type: "journey.interaction";
  /** When it happened, in epoch milliseconds. */
  readonly at: number;
  /** Who initiated it; `customer` unless told otherwise. */
  readonly author?: AuthorRole | undefined;
  /** The channel it happened on. */
  readonly channel?: Channel | undefined;
  /** What a classifier made of it, if it was classified. */
  readonly interaction?: ClassifiedInteraction | undefined;
}

/**
 * An evaluation signal: a trial started, a pricing page viewed, a demo booked.
 *
 * @category Events
 */
export interface JourneyEvaluationEvent {
  /** The event type. */
  readonly type: "journey.evaluation";
  /** When it happened. */
  readonly at: number;
  /** What the signal was (`trial`, `pricing-page`, `demo`), for the host's records. */
  readonly signal?: string | undefined;
}

/**
 * The customer has decided to buy: a quote accepted, a deal moved to closing, a checkout started.
 *
 * @category Events
 */
export interface JourneyDecisionEvent {
  /** The event type. */
  readonly type: "journey.decision";
  /** When it happened. */
  readonly at: number;
}

/**
 * A purchase (the first, or any purchase by a churned customer, which wins the customer back).
 *
 * @category Events
 */
export interface JourneyPurchaseEvent {
  /** The event type. */
  readonly type: "journey.purchase";
  /** When it happened. */
  readonly at: number;
  /** The amount, for the host's records. */
  readonly amount?: number | undefined;
}

/**
 * A repeat purchase or a renewal: the customer is retained.
 *
 * @category Events
 */
export interface JourneyRepurchaseEvent {
  /** The event type. */
  readonly type: "journey.repurchase";
  /** When it happened. */
  readonly at: number;
  /** The amount, for the host's records. */
  readonly amount?: number | undefined;
}

/**
 * The customer referred someone: evidence of advocacy.
 *
 * @category Events
 */
export interface JourneyReferralEvent {
  /** The event type. */
  readonly type: "journey.referral";
  /** When it happened. */
  readonly at: number;
}

/**
 * The customer wrote a review. A public review rated 4 or 5 of 5 (or unrated) is evidence of
 * advocacy; one rated 1 or 2 counts as a complaint and ends advocacy.
 *
 * @category Events
 */
export interface JourneyReviewEvent {
  /** The event type. */
  readonly type: "journey.review";
  /** When it happened. */
  readonly at: number;
  /** The rating, 1–5, if the review has one. */
  readonly rating?: number | undefined;
  /** Whether the review is public (`true` unless told otherwise). */
  readonly public?: boolean | undefined;
}

/**
 * A survey answer (NPS, CSAT or CES), as parsed by `surveyResponseSchema`.
 *
 * @category Events
 */
export interface JourneySurveyEvent {
  /** The event type. */
  readonly type: "journey.survey";
  /** When it was answered. */
  readonly at: number;
  /** The answer. */
  readonly response: SurveyResponse;
}

/**
 * Asks the machine whether an inactivity deadline has passed at `at`. Hosts send it from their
 * scheduler at the deadlines in context (`atRiskAt`, `churnAt`); replay inserts it automatically.
 *
 * @category Events
 */
export interface JourneyInactivityCheckEvent {
  /** The event type. */
  readonly type: "journey.inactivity.check";
  /** The time of the check. */
  readonly at: number;
}

/**
 * The customer cancelled or closed the account: churn.
 *
 * @category Events
 */
export interface JourneyCancellationEvent {
  /** The event type. */
  readonly type: "journey.cancellation";
  /** When it happened. */
  readonly at: number;
  /** Why, for the host's records. */
  readonly reason?: string | undefined;
}

/**
 * A churned customer came back. `to` names the stage they return to; without it they return to the
 * model's purchase stage if they ever bought, else to the stage they left.
 *
 * @category Events
 */
export interface JourneyWinBackEvent {
  /** The event type. */
  readonly type: "journey.winback";
  /** When it happened. */
  readonly at: number;
  /** The stage to return to; ignored if it is not a stage of the model. */
  readonly to?: string | undefined;
}

/**
 * The host declares a risk resolved (a retention call succeeded, the complaints were settled):
 * removes one reason, or all of them without `reason`.
 *
 * @category Events
 */
export interface JourneyRiskClearEvent {
  /** The event type. */
  readonly type: "journey.risk.clear";
  /** When it happened. */
  readonly at: number;
  /** The reason to clear; all reasons when omitted. */
  readonly reason?: JourneyRiskReason | undefined;
}

/**
 * Why a customer is at risk: inactivity past the deadline, a detractor NPS score, a stated intent to
 * cancel, or repeated complaints.
 *
 * @example
 * ```ts
 * import { journeyRiskReasons } from "touchpoint/journey";
 *
 * journeyRiskReasons; // => ["inactivity", "detractor", "cancel-intent", "complaints"]
 * ```
 *
 * @category Events
 */
export const journeyRiskReasons = ["inactivity", "detractor", "cancel-intent", "complaints"] as const;
/** One of the {@link journeyRiskReasons}. @category Events */
export type JourneyRiskReason = (typeof journeyRiskReasons)[number];

/**
 * Every event the journey machine accepts. Each carries its own time `at` (epoch milliseconds):
 * the machine never reads the clock.
 *
 * @category Events
 */
export type JourneyEvent =
  | JourneyInteractionEvent
  | JourneyEvaluationEvent
  | JourneyDecisionEvent
  | JourneyPurchaseEvent
  | JourneyRepurchaseEvent
  | JourneyReferralEvent
  | JourneyReviewEvent
  | JourneySurveyEvent
  | JourneyInactivityCheckEvent
  | JourneyCancellationEvent
  | JourneyWinBackEvent
  | JourneyRiskClearEvent;

/**
 * The `type` of every {@link JourneyEvent}, in a fixed order.
 *
 * @example
 * ```ts
 * import { journeyEventTypes } from "touchpoint/journey";
 *
 * journeyEventTypes.length; // => 12
 * ```
 *
 * @category Events
 */
export const journeyEventTypes = [
  "journey.interaction",
  "journey.evaluation",
  "journey.decision",
  "journey.purchase",
  "journey.repurchase",
  "journey.referral",
  "journey.review",
  "journey.survey",
  "journey.inactivity.check",
  "journey.cancellation",
  "journey.winback",
  "journey.risk.clear",
] as const satisfies readonly JourneyEvent["type"][];
/** The `type` of a {@link JourneyEvent}. @category Events */
export type JourneyEventType = (typeof journeyEventTypes)[number];

const at = timestampSchema;

/**
 * Validates an untrusted journey event (from a webhook, a queue, a file) and converts its times to
 * epoch milliseconds.
 *
 * @remarks
 * The machine trusts its events' types; validate at the boundary with this schema (or `validate`
 * from `touchpoint/schemas`). Unknown fields are stripped.
 *
 * @example
 * ```ts
 * import { journeyEventSchema } from "touchpoint/journey";
 *
 * journeyEventSchema.parse({ type: "journey.purchase", at: "2026-03-01T09:30:00Z" }); // => { type: "journey.purchase", at: 1772357400000 }
 * journeyEventSchema.safeParse({ type: "journey.purchase" }).success; // => false
 * ```
 *
 * @category Events
 */
export const journeyEventSchema = z.discriminatedUnion("type", [
  z.object({
    /** The event type. */
    type: z.literal("journey.interaction"),
    /** When it happened. */
    at,
    /** Who initiated it. */
    author: z.enum(authorRoles).optional(),
    /** The channel it happened on. */
    channel: z.enum(channels).optional(),
    /** What a classifier made of it. */
    interaction: z
      .object({
        /** The interaction type, or `unknown`. */
        type: z.enum([...interactionTypes, "unknown"]).optional(),
        /** The scenario, or `unknown`. */
        scenario: z.enum([...scenarios, "unknown"]).optional(),
        /** Signals found in the text. */
        signals: z
          .object({
            /** The customer wants to cancel. */
            intentToCancel: z.boolean().optional(),
            /** The customer is evaluating. */
            evaluating: z.boolean().optional(),
          })
          .optional(),
      })
      .optional(),
  }),
  z.object({
    /** The event type. */
    type: z.literal("journey.evaluation"),
    /** When it happened. */
    at,
    /** What the signal was. */
    signal: z.string().optional(),
  }),
  z.object({
    /** The event type. */
    type: z.literal("journey.decision"),
    /** When it happened. */
    at,
  }),
  z.object({
    /** The event type. */
    type: z.literal("journey.purchase"),
    /** When it happened. */
    at,
    /** The amount. */
    amount: z.number().finite().optional(),
  }),
  z.object({
    /** The event type. */
    type: z.literal("journey.repurchase"),
    /** When it happened. */
    at,
    /** The amount. */
    amount: z.number().finite().optional(),
  }),
  z.object({
    /** The event type. */
    type: z.literal("journey.referral"),
    /** When it happened. */
    at,
  }),
  z.object({
    /** The event type. */
    type: z.literal("journey.review"),
    /** When it happened. */
    at,
    /** The rating, 1–5. */
    rating: z.number().min(1).max(5).optional(),
    /** Whether the review is public. */
    public: z.boolean().optional(),
  }),
  z.object({
    /** The event type. */
    type: z.literal("journey.survey"),
    /** When it was answered. */
    at,
    /** The answer. */
    response: surveyResponseSchema,
  }),
  z.object({
    /** The event type. */
    type: z.literal("journey.inactivity.check"),
    /** The time of the check. */
    at,
  }),
  z.object({
    /** The event type. */
    type: z.literal("journey.cancellation"),
    /** When it happened. */
    at,
    /** Why. */
    reason: z.string().optional(),
  }),
  z.object({
    /** The event type. */
    type: z.literal("journey.winback"),
    /** When it happened. */
    at,
    /** The stage to return to. */
    to: z.string().optional(),
  }),
  z.object({
    /** The event type. */
    type: z.literal("journey.risk.clear"),
    /** When it happened. */
    at,
    /** The reason to clear; all when omitted. */
    reason: z.enum(journeyRiskReasons).optional(),
  }),
]);

/**
 * Returns the journey event for one message of a conversation, with the classifier's reading of it
 * when there is one.
 *
 * @remarks
 * Private notes are not interactions with the customer; they return `null`.
 *
 * @param message - a parsed message (`messageSchema`)
 * @param interaction - what a classifier made of it
 * @returns a `journey.interaction` event, or `null` for a private note
 *
 * @throws {@link TouchpointError} `invalid_input` when `message` is not an object, its `author` or `channel`
 *   is not one of the vocabulary, or `interaction` is not an object; `invalid_timestamp` for its `at`
 *
 * @example
 * ```ts
 * import { interactionEvent } from "touchpoint/journey";
 * import { messageSchema } from "touchpoint/schemas";
 *
 * const message = messageSchema.parse({ author: "customer", at: "2026-03-01T09:30:00Z", text: "I want to cancel." });
 * interactionEvent(message, { type: "complaint", signals: { intentToCancel: true } }); // => { type: "journey.interaction", at: 1772357400000, author: "customer", interaction: { type: "complaint", signals: { intentToCancel: true } } }
 * ```
 *
 * @category Events
 */
export function interactionEvent(
  message: Message,
  interaction?: ClassifiedInteraction,
): JourneyInteractionEvent | null {
  const fn = "interactionEvent";
  checkRecord(fn, "message", message);
  if (message.visibility === "private") return null;
  checkInstant(message.at, fn, "message.at");
  if (!(authorRoles as readonly unknown[]).includes(message.author))
    fail("invalid_input", fn, "message.author", message.author, `one of ${authorRoles.join(", ")}`);
  if (message.channel !== undefined && !(channels as readonly unknown[]).includes(message.channel))
    fail("invalid_input", fn, "message.channel", message.channel, `one of ${channels.join(", ")}`);
  if (interaction !== undefined) checkRecord(fn, "interaction", interaction);
  const event: {
    type: "journey.interaction";
    at: number;
    author: AuthorRole;
    channel?: Channel;
    interaction?: ClassifiedInteraction;
  } = { type: "journey.interaction", at: message.at, author: message.author };
  if (message.channel !== undefined) event.channel = message.channel;
  if (interaction !== undefined) event.interaction = interaction;
  return event;
}

/**
 * Validates untrusted input for a journey machine (`createActor(machine, { input })`,
 * `initialTransition(machine, input)`) and converts its time to epoch milliseconds.
 *
 * @remarks
 * The machine trusts its input's types; a `stage` the model does not have falls back to the model's
 * first stage, so check it against `model.stageNames` when it matters.
 *
 * @example
 * ```ts
 * import { journeyInputSchema } from "touchpoint/journey";
 *
 * journeyInputSchema.parse({ at: "2026-03-01T09:30:00Z", customerId: "c-1" }); // => { at: 1772357400000, customerId: "c-1" }
 * journeyInputSchema.safeParse({ customerId: "c-1" }).success; // => false
 * ```
 *
 * @category Events
 */
export const journeyInputSchema = z.object({
  /** When the journey starts. */
  at: timestampSchema,
  /** The customer's id. */
  customerId: z.string().min(1).optional(),
  /** The stage to start in. */
  stage: z.string().min(1).optional(),
});

const optional = (value: unknown, ok: (v: unknown) => boolean): boolean => value === undefined || ok(value);
const isString = (v: unknown) => typeof v === "string";
const isBoolean = (v: unknown) => typeof v === "boolean";
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const oneOf = (values: readonly string[]) => {
  const set = new Set<unknown>(values);
  return (v: unknown) => set.has(v);
};
const isAuthor = oneOf(authorRoles);
const isChannel = oneOf(channels);
const isInteractionType = oneOf([...interactionTypes, "unknown"]);
const isScenario = oneOf([...scenarios, "unknown"]);
const isRiskReason = oneOf(journeyRiskReasons);

/** Whether the fields the machine reads are of their types (the schema's rules, checked by hand: this runs on every event). */
function fieldsOk(e: Record<string, unknown>): boolean {
  switch (e.type) {
    case "journey.interaction": {
      if (!optional(e.author, isAuthor) || !optional(e.channel, isChannel)) return false;
      const i = e.interaction;
      if (i === undefined) return true;
      if (!isObject(i) || !optional(i.type, isInteractionType) || !optional(i.scenario, isScenario))
        return false;
      const signals = i.signals;
      return (
        signals === undefined ||
        (isObject(signals) &&
          optional(signals.intentToCancel, isBoolean) &&
          optional(signals.evaluating, isBoolean))
      );
    }
    case "journey.evaluation":
      return optional(e.signal, isString);
    case "journey.purchase":
    case "journey.repurchase":
      return optional(e.amount, (v) => typeof v === "number" && Number.isFinite(v));
    case "journey.review":
      return (
        optional(e.rating, (v) => typeof v === "number" && v >= 1 && v <= 5) && optional(e.public, isBoolean)
      );
    case "journey.cancellation":
      return optional(e.reason, isString);
    case "journey.winback":
      return optional(e.to, isString);
    case "journey.risk.clear":
      return optional(e.reason, isRiskReason);
    default:
      return true;
  }
}

const journeyTypes = new Set<string>(journeyEventTypes);

/**
 * The journey machine's gate (internal/event-guard.ts): an event of a known type as
 * {@link journeyEventSchema} reads it (a CSAT or CES answer without a scale gets the 1–5 default, so
 * every guard has what it reads), or `undefined` to ignore one whose fields the schema refuses. A
 * time that is not epoch milliseconds within 1970–9999 counts as the machine's current time, as a
 * missing one does. Unknown types go on to the machine, which ignores them.
 */
export function checkJourneyEvent(
  event: { readonly type: string } & Record<string, unknown>,
): object | undefined {
  if (!journeyTypes.has(event.type)) return event;
  if (event.type === "journey.survey") {
    // Rare, and the answer needs its scale's default: the schema reads it.
    const response = surveyResponseSchema.safeParse(event.response);
    if (!response.success) return undefined;
    return withEventTime({ ...event, response: response.data });
  }
  return fieldsOk(event) ? withEventTime(event) : undefined;
}

/** An event as the journey machine's gate passes it ({@link checkJourneyEvent}), or `undefined`. */
export function admitJourneyEvent(event: unknown): JourneyEvent | undefined {
  return admitEvent(event, checkJourneyEvent) as JourneyEvent | undefined;
}

/**
 * Where a replay of `events` starts: at the first event with a valid time (its instant, the event
 * as the gate passes it, and the index of the event after it), or `null` when none has one. Both
 * replays (XState's and the fast one) start here.
 */
export function journeyStart(
  events: readonly unknown[],
): { at: number; first: JourneyEvent | undefined; next: number } | null {
  let i = 0;
  while (i < events.length && !hasEventTime(events[i])) i++;
  if (i === events.length) return null;
  return { at: (events[i] as { at: number }).at, first: admitJourneyEvent(events[i]), next: i + 1 };
}
