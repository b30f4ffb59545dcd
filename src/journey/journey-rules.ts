/**
 * The journey machine's arithmetic, as pure functions of (context, event, options): what a customer's
 * risk reasons, deadlines and counters become after one event. The machine's guards and actions call
 * these, so a guard that decides a transition and the action that updates context can never disagree.
 */
import * as z from "zod";
import { quote, TouchpointError } from "../internal/errors.js";
import type { JourneyEvent, JourneyRiskReason } from "./journey-events.js";

const DAY = 86_400_000;

/**
 * The thresholds of a journey machine. Every field is optional; the defaults are listed per field.
 *
 * @category Machine
 */
export interface JourneyOptions {
  /** Milliseconds without customer activity before the customer is at risk. Default 90 days. */
  readonly atRiskAfter?: number | undefined;
  /**
   * Milliseconds without customer activity before the customer churns; `null` (the default) means
   * only a cancellation churns. Must exceed `atRiskAfter`.
   */
  readonly churnAfter?: number | null | undefined;
  /** Milliseconds after the first purchase from which customer activity counts as retention. Default 30 days. */
  readonly retainedAfter?: number | undefined;
  /** Highest NPS score that counts as a detractor. Default 6 (Bain: detractors answer 0–6). */
  readonly detractorMax?: number | undefined;
  /** Lowest NPS score that counts as a promoter. Default 9 (Bain: promoters answer 9–10). */
  readonly promoterMin?: number | undefined;
  /** How many complaints within `complaintWindow` put a customer at risk. Default 2. */
  readonly complaintThreshold?: number | undefined;
  /** The window for repeated complaints, in milliseconds. Default 30 days. */
  readonly complaintWindow?: number | undefined;
}

/** Options with every default filled in. */
export interface ResolvedJourneyOptions {
  readonly atRiskAfter: number;
  readonly churnAfter: number | null;
  readonly retainedAfter: number;
  readonly detractorMax: number;
  readonly promoterMin: number;
  readonly complaintThreshold: number;
  readonly complaintWindow: number;
}

const positiveMs = z.number().finite().positive();
const optionsSchema = z
  .object({
    atRiskAfter: positiveMs.default(90 * DAY),
    churnAfter: positiveMs.nullable().default(null),
    retainedAfter: z
      .number()
      .finite()
      .min(0)
      .default(30 * DAY),
    detractorMax: z.int().min(0).max(10).default(6),
    promoterMin: z.int().min(0).max(10).default(9),
    complaintThreshold: z.int().min(1).default(2),
    complaintWindow: positiveMs.default(30 * DAY),
  })
  .refine((o) => o.churnAfter === null || o.churnAfter > o.atRiskAfter, {
    error: "expected churnAfter greater than atRiskAfter",
    path: ["churnAfter"],
  })
  .refine((o) => o.promoterMin > o.detractorMax, {
    error: "expected promoterMin greater than detractorMax",
    path: ["promoterMin"],
  });

/** Validates options at the boundary and fills in defaults. */
export function resolveJourneyOptions(fn: string, options: JourneyOptions = {}): ResolvedJourneyOptions {
  const defined: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) if (value !== undefined) defined[key] = value;
  const parsed = optionsSchema.safeParse(defined, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join(".");
    const value = path === "" ? options : defined[path];
    throw new TouchpointError("invalid_options", `${fn}: ${path}: ${issue.message}, got ${quote(value)}`, {
      path,
      value,
    });
  }
  return parsed.data;
}

/** The longest delay a JavaScript timer can wait (2^31 − 1 ms, about 24.8 days). */
export const MAX_TIMER = 2_147_483_647;

/** The part of the machine's context the rules read and write. */
export interface RuleState {
  readonly now: number;
  readonly lastActivityAt: number;
  readonly atRiskAt: number;
  readonly churnAt: number | null;
  readonly riskReasons: readonly JourneyRiskReason[];
  readonly atRiskSince: number | null;
  readonly complaintTimes: readonly number[];
  readonly lastNps: number | null;
  readonly purchases: number;
  readonly firstPurchaseAt: number | null;
}

/** The event's time, never before the machine's own clock (late events do not move time back). */
export function timeOf(state: RuleState, event: { readonly at?: unknown }): number {
  const at = event.at;
  return typeof at === "number" && Number.isFinite(at) && at > state.now ? at : state.now;
}

/** Whether the event is something the customer did (it resets the inactivity deadline). */
export function isActivity(event: JourneyEvent): boolean {
  switch (event.type) {
    case "journey.interaction":
      return event.author === undefined || event.author === "customer";
    case "journey.evaluation":
    case "journey.decision":
    case "journey.purchase":
    case "journey.repurchase":
    case "journey.referral":
    case "journey.review":
    case "journey.survey":
      return true;
    case "journey.inactivity.check":
    case "journey.cancellation":
    case "journey.winback":
    case "journey.risk.clear":
      return false;
    default: {
      const unknown: never = event;
      return Boolean(unknown) && false;
    }
  }
}

/** Top two boxes of a rating scale (4–5 of 1–5, 6–7 of 1–7): satisfied. */
function isTopBox(score: number, scale: { min: number; max: number }): boolean {
  return score >= scale.max - 1;
}

/** Bottom two boxes of a rating scale (1–2 of 1–5, 1–2 of 1–7): dissatisfied. */
function isBottomBox(score: number, scale: { min: number; max: number }): boolean {
  return score <= scale.min + 1;
}

/** Whether the event is a complaint: a complaint interaction, a bottom-box CSAT or CES, a review rated 1–2. */
export function isComplaint(event: JourneyEvent): boolean {
  switch (event.type) {
    case "journey.interaction":
      return event.interaction?.type === "complaint";
    case "journey.survey":
      return event.response.kind !== "nps" && isBottomBox(event.response.score, event.response.scale);
    case "journey.review":
      return event.rating !== undefined && event.rating <= 2;
    default:
      return false;
  }
}

/** The default evidence of advocacy: a promoter NPS, a referral, a public review rated 4–5 or unrated. */
export function isAdvocacyEvidence(event: JourneyEvent, options: ResolvedJourneyOptions): boolean {
  switch (event.type) {
    case "journey.survey":
      return event.response.kind === "nps" && event.response.score >= options.promoterMin;
    case "journey.referral":
      return true;
    case "journey.review":
      return event.public !== false && (event.rating === undefined || event.rating >= 4);
    default:
      return false;
  }
}

/** The default end of advocacy: a detractor NPS or a review rated 1–2. */
export function isAdvocacyLapse(event: JourneyEvent, options: ResolvedJourneyOptions): boolean {
  switch (event.type) {
    case "journey.survey":
      return event.response.kind === "nps" && event.response.score <= options.detractorMax;
    case "journey.review":
      return event.rating !== undefined && event.rating <= 2;
    default:
      return false;
  }
}

/** Whether a customer interaction says the customer is evaluating us. */
export function isEvaluationSignal(event: JourneyEvent): boolean {
  if (event.type !== "journey.interaction" || !isActivity(event)) return false;
  const interaction = event.interaction;
  return interaction?.signals?.evaluating === true || interaction?.scenario === "evaluation";
}

/** Whether the customer has reached the `retained` milestone with this event. */
export function isRetained(state: RuleState, event: JourneyEvent, options: ResolvedJourneyOptions): boolean {
  if (state.firstPurchaseAt === null) return false;
  if (event.type === "journey.repurchase") return true;
  return isActivity(event) && timeOf(state, event) >= state.firstPurchaseAt + options.retainedAfter;
}

function withReason(
  reasons: readonly JourneyRiskReason[],
  reason: JourneyRiskReason,
): readonly JourneyRiskReason[] {
  return reasons.includes(reason) ? reasons : [...reasons, reason];
}

function withoutReason(
  reasons: readonly JourneyRiskReason[],
  reason: JourneyRiskReason,
): readonly JourneyRiskReason[] {
  return reasons.includes(reason) ? reasons.filter((r) => r !== reason) : reasons;
}

/** The rule state after one event, for an active (not churned) customer. */
export function step(state: RuleState, event: JourneyEvent, options: ResolvedJourneyOptions): RuleState {
  const t = timeOf(state, event);
  let reasons = state.riskReasons;
  let { lastActivityAt, atRiskAt, churnAt, complaintTimes, lastNps, purchases, firstPurchaseAt } = state;
  if (isActivity(event)) {
    lastActivityAt = t;
    atRiskAt = t + options.atRiskAfter;
    churnAt = options.churnAfter === null ? null : t + options.churnAfter;
    reasons = withoutReason(reasons, "inactivity");
  }
  if (isComplaint(event)) {
    const kept: number[] = [];
    for (const c of complaintTimes) if (c > t - options.complaintWindow) kept.push(c);
    kept.push(t);
    // Only the latest `threshold` complaints can decide anything: keep context bounded.
    complaintTimes =
      kept.length > options.complaintThreshold ? kept.slice(-options.complaintThreshold) : kept;
    if (complaintTimes.length >= options.complaintThreshold) reasons = withReason(reasons, "complaints");
  }
  switch (event.type) {
    case "journey.interaction":
      if (isActivity(event) && event.interaction?.signals?.intentToCancel === true) {
        reasons = withReason(reasons, "cancel-intent");
      }
      break;
    case "journey.survey": {
      const response = event.response;
      if (response.kind === "nps") {
        lastNps = response.score;
        if (response.score <= options.detractorMax) reasons = withReason(reasons, "detractor");
        else reasons = withoutReason(reasons, "detractor");
        if (response.score >= options.promoterMin) reasons = withoutReason(reasons, "complaints");
      } else if (isTopBox(response.score, response.scale)) {
        reasons = withoutReason(reasons, "complaints");
      }
      break;
    }
    case "journey.purchase":
    case "journey.repurchase":
      purchases += 1;
      if (firstPurchaseAt === null) firstPurchaseAt = t;
      reasons = withoutReason(reasons, "cancel-intent");
      break;
    case "journey.inactivity.check":
      if (t >= atRiskAt) reasons = withReason(reasons, "inactivity");
      break;
    case "journey.risk.clear":
      reasons = event.reason === undefined ? [] : withoutReason(reasons, event.reason);
      if (event.reason === undefined || event.reason === "complaints") complaintTimes = [];
      break;
    case "journey.evaluation":
    case "journey.decision":
    case "journey.referral":
    case "journey.review":
    case "journey.cancellation":
    case "journey.winback":
      break;
    default: {
      // Unreachable for typed events; an unknown type at runtime changes nothing here.
      const unknown: never = event;
      void unknown;
    }
  }
  const atRiskSince =
    reasons.length === 0 ? null : state.riskReasons.length === 0 ? t : (state.atRiskSince ?? t);
  return {
    now: t,
    lastActivityAt,
    atRiskAt,
    churnAt,
    riskReasons: reasons,
    atRiskSince,
    complaintTimes,
    lastNps,
    purchases,
    firstPurchaseAt,
  };
}

/** How long a live actor waits at most before splitting a long wait (one ms under {@link MAX_TIMER}). */
export const SPLIT_AFTER = MAX_TIMER - 1;

/**
 * The default live wait for a deadline: the time left when a JavaScript timer can wait that long,
 * else {@link MAX_TIMER}, one ms after the machine's split timer ({@link SPLIT_AFTER}) re-arms it.
 */
export function timerDelay(deadline: number | null, now: number): number {
  if (deadline === null) return MAX_TIMER;
  const left = Math.max(0, deadline - now);
  return left <= SPLIT_AFTER ? left : MAX_TIMER;
}
