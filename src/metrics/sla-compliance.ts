import { quote, TouchpointError } from "../internal/errors.js";
import { checkInstant } from "../internal/instant.js";
import { type ConversationStatus, type Priority, priorities } from "../schemas/vocabulary.js";
import { addOpen } from "./add-business-time.js";
import { openBetween } from "./business-duration.js";
import { type BusinessSchedule, type Compiled, compiledOf } from "./business-schedule.js";
import {
  checkConversation,
  checkList,
  checkStatuses,
  finalStatus,
  initialStatus,
  isResolvedStatus,
  type MetricConversation,
  type ReplyOptions,
  resolutionInstants,
  statusSteps,
} from "./conversation-facts.js";
import { firstResponse } from "./first-response-times.js";
import { responseWaits } from "./next-response-times.js";

/**
 * One SLA target: how long a response or resolution may take.
 *
 * @category SLA
 */
export interface SlaTarget {
  /** The time allowed, in milliseconds. */
  readonly within: number;
  /**
   * Count `business` hours (the policy's schedule) or `calendar` hours. Default: `business` when the
   * policy has a schedule, `calendar` otherwise; Zendesk and Freshdesk choose per target.
   */
  readonly hours?: "business" | "calendar";
}

/**
 * The targets of one priority.
 *
 * @category SLA
 */
export interface SlaTargets {
  /** Creation → first public agent reply (Zendesk's first reply time target). */
  readonly firstResponse?: SlaTarget;
  /** Each wait after the first reply → the next reply (Zendesk's next reply time, Freshdesk's every response). */
  readonly nextResponse?: SlaTarget;
  /** Creation → resolution, paused in `pauseStatuses` (Freshdesk's resolution target). */
  readonly resolution?: SlaTarget;
}

/**
 * An SLA policy: targets per priority, a schedule for business hours, pausing statuses.
 *
 * @category SLA
 */
export interface SlaPolicy extends ReplyOptions {
  /** Targets per priority (`low`, `normal`, `high`, `urgent`); a priority left out has none. */
  readonly targets: { readonly [priority in Priority]?: SlaTargets };
  /** A schedule from {@link businessSchedule}, needed by business-hours targets. */
  readonly schedule?: BusinessSchedule | undefined;
  /**
   * Statuses in which the resolution clock stops. Default `["pending"]`: Freshdesk turns SLA
   * timers off in Pending by default (anchors §1); add `"on-hold"` for Zendesk's agent work time
   * or Zammad's frozen states, or pass `[]` for a clock that never pauses (Chatwoot).
   */
  readonly pauseStatuses?: readonly ConversationStatus[];
  /**
   * The instant the data was taken, epoch milliseconds. A target whose due time is before it, and
   * not met, is `missed` rather than `active`. Without it, the latest event of each conversation
   * is the latest known instant. (Calculators never read the clock.)
   */
  readonly asOf?: number;
}

/**
 * Where one target stands: `hit`, `missed`, `active` (not met, not yet due, conversation still
 * open) or `cancelled` (resolved before the awaited reply, in time): Intercom's SLA statuses
 * (anchors §2.4).
 *
 * @category SLA
 */
export type SlaStatus = "hit" | "missed" | "active" | "cancelled";

/**
 * The outcome of one target on one conversation (or one wait).
 *
 * @category SLA
 */
export interface SlaOutcome {
  /** Where it stands. */
  readonly status: SlaStatus;
  /** Where the clock started. */
  readonly start: number;
  /**
   * When the target time is (or was, or will be) used up. For the resolution target, whose clock
   * pauses, `null` when it stopped in time or is paused now. With business hours a reply after `dueAt` but before the team reopens still uses no more
   * business time, so it is a hit.
   */
  readonly dueAt: number | null;
  /** Target-time milliseconds used (business or calendar, as the target says), up to the stop or the latest known instant. */
  readonly elapsed: number;
  /** Milliseconds over the target (`elapsed − within`), 0 unless missed. */
  readonly breach: number;
}

/**
 * All targets' outcomes for one conversation, in input order.
 *
 * @category SLA
 */
export interface ConversationSla {
  /** The conversation's position in the input. */
  readonly index: number;
  /** The conversation's id, when it has one. */
  readonly id: string | undefined;
  /** The priority whose targets applied. */
  readonly priority: Priority;
  /** The first response target's outcome, or `null` when the priority has none. */
  readonly firstResponse: SlaOutcome | null;
  /** One outcome per wait after the first reply (empty when none or no target). */
  readonly nextResponse: readonly SlaOutcome[];
  /** The resolution target's outcome, or `null` when the priority has none. */
  readonly resolution: SlaOutcome | null;
}

/**
 * Counts and compliance of one target across conversations.
 *
 * @category SLA
 */
export interface SlaTargetCompliance {
  /** Targets met. */
  readonly hit: number;
  /** Targets missed. */
  readonly missed: number;
  /** Targets still running (neither hit nor missed yet). */
  readonly active: number;
  /** Targets made moot by a resolution before the awaited reply. */
  readonly cancelled: number;
  /** `hit ÷ (hit + missed) × 100`, or `null` when nothing is decided yet. */
  readonly compliance: number | null;
}

/**
 * What {@link slaCompliance} returns.
 *
 * @category SLA
 */
export interface SlaComplianceResult {
  /** First response target. */
  readonly firstResponse: SlaTargetCompliance;
  /** Next response target, counted per wait. */
  readonly nextResponse: SlaTargetCompliance;
  /** Resolution target. */
  readonly resolution: SlaTargetCompliance;
  /** All targets together. */
  readonly overall: SlaTargetCompliance;
  /** Per conversation, in input order. */
  readonly conversations: readonly ConversationSla[];
}

const FN = "slaCompliance";
const PRIORITIES: ReadonlySet<string> = new Set(priorities);

/** A checked target with its clock. */
interface Clock {
  readonly within: number;
  readonly business: Compiled | undefined;
}

function clockOf(
  target: SlaTarget | undefined,
  compiled: Compiled | undefined,
  path: string,
): Clock | undefined {
  if (target === undefined) return undefined;
  const within = target.within;
  if (typeof within !== "number" || !Number.isFinite(within) || within < 0) {
    throw new TouchpointError(
      "invalid_duration",
      `${FN}: expected a finite duration of zero or more milliseconds, got ${quote(within)} at ${path}.within`,
      {
        path: `${path}.within`,
        value: within,
      },
    );
  }
  const hours = target.hours ?? (compiled === undefined ? "calendar" : "business");
  if (hours !== "business" && hours !== "calendar") {
    throw new TouchpointError(
      "invalid_option",
      `${FN}: expected "business" or "calendar", got ${quote(hours)} at ${path}.hours`,
      {
        path: `${path}.hours`,
        value: hours,
      },
    );
  }
  if (hours === "business" && compiled === undefined) {
    throw new TouchpointError(
      "missing_schedule",
      `${FN}: expected a schedule in the policy for the business-hours target at ${path}`,
      {
        path: `${path}.hours`,
        value: hours,
      },
    );
  }
  return { within, business: hours === "business" ? compiled : undefined };
}

function elapsedOf(clock: Clock, start: number, end: number): number {
  return clock.business === undefined ? end - start : openBetween(clock.business, start, end);
}

function dueOf(clock: Clock, start: number, remaining: number): number {
  return clock.business === undefined ? start + remaining : addOpen(clock.business, start, remaining);
}

/** Outcome of a clock that runs without pause from `start`: stopped by `met`, or by `cancelledAt`, or running until `known`. */
function straight(
  clock: Clock,
  start: number,
  met: number | null,
  cancelledAt: number | null,
  known: number,
): SlaOutcome {
  const stop = met ?? cancelledAt ?? Math.max(known, start);
  const elapsed = elapsedOf(clock, start, stop);
  const dueAt = dueOf(clock, start, clock.within);
  const over = elapsed > clock.within;
  const status: SlaStatus = over
    ? "missed"
    : met !== null
      ? "hit"
      : cancelledAt !== null
        ? "cancelled"
        : "active";
  return { status, start, dueAt, elapsed, breach: over ? elapsed - clock.within : 0 };
}

/**
 * Returns SLA compliance per target (first response, next response, resolution) and each
 * conversation's outcomes with due times and breaches, under a policy of targets per priority in
 * business or calendar hours.
 *
 * @remarks
 * The model is Zendesk's and Freshdesk's SLA policies (anchors §2.2, §2.3): per priority, a first
 * response, a next ("every") response and a resolution target, each in business or calendar hours.
 * - **First response**: creation → the first reply (public human-agent by default, as
 *   {@link firstResponseTimes} with the clock at creation).
 * - **Next response**: each wait of {@link nextResponseTimes} (from the oldest unanswered customer
 *   message) → the next reply; one outcome per wait.
 * - **Resolution**: creation → the latest resolution, the clock stopped while the conversation is in
 *   a pause status (`pending` by default, as Freshdesk) or resolved (until a reopen), Zammad's
 *   "frozen" periods (anchors §2.6).
 *
 * A target is `hit` when the time used is at most `within` (a reply exactly on the due time is a
 * hit), `missed` when more, `active` while the conversation is open and the target neither met nor
 * over, `cancelled` when the conversation was resolved before the awaited reply and within the
 * target (Intercom's hit/missed/active/cancelled; anchors §2.4). A target is missed as soon as the
 * data proves it: a later event, or `asOf`, past the due time without the reply. Compliance =
 * hit ÷ (hit + missed) × 100; active and cancelled targets are counted but not in the rate.
 *
 * @param conversations - conversations ({@link MetricConversation}); `priority` defaults to `normal`
 * @param policy - targets per priority, schedule, pause statuses, which replies count, `asOf`
 * @returns per-target counts and compliance (`null` when nothing is decided), per-conversation outcomes
 * @throws {@link TouchpointError} `unknown_priority` (a policy key or a conversation's priority),
 * `invalid_duration` (a target's `within`), `missing_schedule` (a business-hours target without a
 * schedule), `invalid_option` (a malformed policy, unknown hours or pause status),
 * `invalid_timestamp` (`asOf`), and the conversation errors of {@link firstResponseTimes}
 *
 * @example
 * ```ts
 * import { businessSchedule, slaCompliance } from "touchpoint/metrics";
 *
 * const nineToFive = [{ start: "09:00", end: "17:00" }];
 * const schedule = businessSchedule({
 *   timeZone: "UTC",
 *   hours: { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive },
 * });
 * const hour = 3_600_000;
 * const policy = {
 *   schedule,
 *   targets: {
 *     urgent: { firstResponse: { within: 1 * hour } },
 *     normal: { firstResponse: { within: 4 * hour }, resolution: { within: 8 * hour } },
 *   },
 *   asOf: Date.parse("2026-03-02T14:00:00Z"),
 * };
 * const at = (day: string, time: string) => Date.parse(`2026-03-0${day}T${time}:00Z`);
 * const result = slaCompliance([
 *   // Urgent, in on Monday 16:30, answered Tuesday 09:40: 30 + 40 business minutes, 10 over.
 *   { priority: "urgent" as const, createdAt: at("2", "16:30"), messages: [{ author: "agent" as const, at: at("3", "09:40") }] },
 *   // Normal, answered in 2 h; 2 h open, a night waiting on the customer (paused), 2 h open.
 *   { createdAt: at("2", "10:00"), messages: [{ author: "agent" as const, at: at("2", "12:00") }],
 *     statusChanges: [
 *       { at: at("2", "12:00"), to: "pending" as const },
 *       { at: at("3", "10:00"), to: "open" as const },
 *       { at: at("3", "12:00"), to: "resolved" as const },
 *     ] },
 *   // Normal, no reply yet at 14:00: 5 business hours used of 4.
 *   { createdAt: at("2", "09:00") },
 * ], policy);
 * result.conversations[0]?.firstResponse?.breach; // => 600000
 * new Date(result.conversations[0]?.firstResponse?.dueAt ?? 0).toISOString(); // => "2026-03-03T09:30:00.000Z"
 * result.firstResponse.hit; // => 1
 * result.firstResponse.missed; // => 2
 * result.firstResponse.compliance; // ≈ 33.33
 * result.resolution.compliance; // => 100
 * result.conversations[2]?.resolution?.status; // => "active"
 * new Date(result.conversations[2]?.resolution?.dueAt ?? 0).toISOString(); // => "2026-03-02T17:00:00.000Z"
 * slaCompliance([], { targets: { critical: {} } } as never); // throws unknown_priority
 * ```
 *
 * @category SLA
 */
export function slaCompliance(
  conversations: readonly MetricConversation[],
  policy: SlaPolicy,
): SlaComplianceResult {
  checkList(conversations, FN);
  if (
    typeof policy !== "object" ||
    policy === null ||
    typeof policy.targets !== "object" ||
    policy.targets === null
  ) {
    throw new TouchpointError(
      "invalid_option",
      `${FN}: expected a policy { targets, schedule?, pauseStatuses?, asOf? }, got ${quote(policy)}`,
      {
        value: policy,
      },
    );
  }
  const compiled = policy.schedule === undefined ? undefined : compiledOf(policy.schedule, FN);
  const clocks = new Map<string, { fr: Clock | undefined; nr: Clock | undefined; res: Clock | undefined }>();
  for (const key of Object.keys(policy.targets)) {
    if (!PRIORITIES.has(key)) {
      throw new TouchpointError(
        "unknown_priority",
        `${FN}: expected a priority low, normal, high or urgent, got ${quote(key)} at targets`,
        {
          path: `targets.${key}`,
          value: key,
        },
      );
    }
    const t = policy.targets[key as Priority] ?? {};
    clocks.set(key, {
      fr: clockOf(t.firstResponse, compiled, `targets.${key}.firstResponse`),
      nr: clockOf(t.nextResponse, compiled, `targets.${key}.nextResponse`),
      res: clockOf(t.resolution, compiled, `targets.${key}.resolution`),
    });
  }
  const asOf = policy.asOf === undefined ? Number.NEGATIVE_INFINITY : checkInstant(policy.asOf, FN, "asOf");
  checkStatuses(policy.pauseStatuses, FN, "pauseStatuses");
  const paused: ReadonlySet<ConversationStatus> = new Set(policy.pauseStatuses ?? ["pending"]);
  const tallies = { fr: tally(), nr: tally(), res: tally() };
  const replies = {
    includeBots: policy.includeBots === true,
    includePrivate: policy.includePrivate === true,
    clockStart: "created" as const,
  };
  const out: ConversationSla[] = [];
  for (let index = 0; index < conversations.length; index++) {
    const c = conversations[index]!;
    checkConversation(c, FN, index);
    const priority = c.priority ?? "normal";
    if (!PRIORITIES.has(priority)) {
      throw new TouchpointError(
        "unknown_priority",
        `${FN}: expected a priority low, normal, high or urgent, got ${quote(priority)} at index ${index} (priority)`,
        {
          index,
          path: "priority",
          value: priority,
        },
      );
    }
    const clock = clocks.get(priority);
    const steps = statusSteps(c);
    const resolutions = resolutionInstants(steps);
    const known = Math.max(asOf, lastEvent(c));
    let fr: SlaOutcome | null = null;
    if (clock?.fr !== undefined) {
      const reply = firstResponse(c, replies).end;
      const cancelledAt = reply === null ? (resolutions.find((t) => t >= c.createdAt) ?? null) : null;
      fr = straight(clock.fr, c.createdAt, reply, cancelledAt, known);
      count(tallies.fr, fr.status);
    }
    const nr: SlaOutcome[] = [];
    if (clock?.nr !== undefined) {
      for (const wait of responseWaits(c, replies, undefined)) {
        const cancelledAt =
          wait.outcome === "resolved" ? (resolutions.find((t) => t >= wait.start) ?? null) : null;
        const outcome = straight(clock.nr, wait.start, wait.end, cancelledAt, known);
        nr.push(outcome);
        count(tallies.nr, outcome.status);
      }
    }
    let res: SlaOutcome | null = null;
    if (clock?.res !== undefined) {
      res = resolutionOutcome(clock.res, c, steps, paused, isResolvedStatus(finalStatus(c, steps)), known);
      count(tallies.res, res.status);
    }
    out.push({ index, id: c.id, priority, firstResponse: fr, nextResponse: nr, resolution: res });
  }
  const overall = tally();
  for (const t of [tallies.fr, tallies.nr, tallies.res]) {
    overall.hit += t.hit;
    overall.missed += t.missed;
    overall.active += t.active;
    overall.cancelled += t.cancelled;
  }
  return {
    firstResponse: withRate(tallies.fr),
    nextResponse: withRate(tallies.nr),
    resolution: withRate(tallies.res),
    overall: withRate(overall),
    conversations: out,
  };
}

/** The resolution clock: runs from creation outside pause and resolved statuses. */
function resolutionOutcome(
  clock: Clock,
  c: MetricConversation,
  steps: ReturnType<typeof statusSteps>,
  paused: ReadonlySet<ConversationStatus>,
  resolved: boolean,
  known: number,
): SlaOutcome {
  const runs = (s: ConversationStatus) => !paused.has(s) && !isResolvedStatus(s);
  let elapsed = 0;
  let dueAt: number | null = null;
  const add = (a: number, b: number) => {
    if (b <= a) return;
    const d = elapsedOf(clock, a, b);
    if (dueAt === null && elapsed + d >= clock.within) dueAt = dueOf(clock, a, clock.within - elapsed);
    elapsed += d;
  };
  let status = initialStatus(c);
  let since = c.createdAt;
  for (const step of steps) {
    if (runs(status)) add(since, step.at);
    status = step.to;
    since = step.at;
  }
  const running = runs(status);
  const end = Math.max(known, since);
  if (!resolved && running) add(since, end);
  const over = elapsed > clock.within;
  if (!over) {
    if (resolved || !running) dueAt = null;
    else if (dueAt === null) dueAt = dueOf(clock, end, clock.within - elapsed);
  }
  return {
    status: over ? "missed" : resolved ? "hit" : "active",
    start: c.createdAt,
    dueAt,
    elapsed,
    breach: over ? elapsed - clock.within : 0,
  };
}

function lastEvent(c: MetricConversation): number {
  const m = c.messages;
  const s = c.statusChanges;
  let t = c.createdAt;
  if (m !== undefined && m.length > 0) t = Math.max(t, m[m.length - 1]!.at);
  if (s !== undefined && s.length > 0) t = Math.max(t, s[s.length - 1]!.at);
  if (c.resolvedAt !== undefined) t = Math.max(t, c.resolvedAt);
  return t;
}

interface Tally {
  hit: number;
  missed: number;
  active: number;
  cancelled: number;
}

function tally(): Tally {
  return { hit: 0, missed: 0, active: 0, cancelled: 0 };
}

function count(t: Tally, status: SlaStatus): void {
  switch (status) {
    case "hit":
      t.hit++;
      break;
    case "missed":
      t.missed++;
      break;
    case "active":
      t.active++;
      break;
    case "cancelled":
      t.cancelled++;
      break;
    default: {
      const never: never = status;
      throw new Error(`unreachable ${never}`);
    }
  }
}

function withRate(t: Tally): SlaTargetCompliance {
  const decided = t.hit + t.missed;
  return { ...t, compliance: decided === 0 ? null : (t.hit / decided) * 100 };
}
