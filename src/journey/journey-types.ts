import type { JourneyStage } from "../schemas/vocabulary.js";
import type { JourneyRiskReason } from "./journey-events.js";

/**
 * Where one customer stands: the machine's context.
 *
 * @remarks
 * Every time is epoch milliseconds taken from events; `now` is the latest event time the machine
 * has seen (a late event does not move it back). `stage` is the current stage (the last one while
 * churned), `highestStage` the furthest reached: unlike HubSpot's lifecycle stage, which only moves
 * forward, both are kept. Deadlines are absolute (`atRiskAt`, `churnAt`) because XState does not
 * persist pending timers.
 *
 * @category Machine
 */
export interface JourneyContext<S extends string = JourneyStage> {
  /** The customer's id, when the host gave one. */
  readonly customerId: string | null;
  /** The current stage (while churned, the stage the customer left from). */
  readonly stage: S;
  /** The furthest stage ever reached; never decreases. */
  readonly highestStage: S;
  /** When the current stage was entered. */
  readonly stageSince: number;
  /** The stage the machine enters next time it (re)enters the active state; internal. */
  readonly pendingStage: S;
  /** When the journey started (the input's `at`). */
  readonly startedAt: number;
  /** The latest time the machine has seen. */
  readonly now: number;
  /** The last customer activity. */
  readonly lastActivityAt: number;
  /** When inactivity puts the customer at risk: `lastActivityAt + atRiskAfter`. */
  readonly atRiskAt: number;
  /** When inactivity churns the customer, or `null` when only a cancellation churns. */
  readonly churnAt: number | null;
  /** Why the customer is at risk; empty when not. */
  readonly riskReasons: readonly JourneyRiskReason[];
  /** When the current at-risk episode began, or `null`. */
  readonly atRiskSince: number | null;
  /** Times of the latest complaints inside the complaint window (at most the threshold). */
  readonly complaintTimes: readonly number[];
  /** The latest NPS answer, or `null`. */
  readonly lastNps: number | null;
  /** How many purchases (first and repeat). */
  readonly purchases: number;
  /** When the first purchase happened, or `null`. */
  readonly firstPurchaseAt: number | null;
  /** When the customer churned, while churned; otherwise `null`. */
  readonly churnedAt: number | null;
  /** Why the customer churned, while churned; otherwise `null`. */
  readonly churnReason: "cancellation" | "inactivity" | null;
  /** How many times the customer has churned. */
  readonly churns: number;
  /** How many times the customer has been won back. */
  readonly winBacks: number;
}

/**
 * What a journey machine is started with (`createActor(machine, { input })`). Validate untrusted
 * input with {@link journeyInputSchema} first.
 *
 * @category Machine
 */
export interface JourneyInput<S extends string = JourneyStage> {
  /** When the journey starts (the first known event), epoch milliseconds. */
  readonly at: number;
  /** The customer's id. */
  readonly customerId?: string | undefined;
  /** The stage to start in (a customer imported from a CRM); the model's first stage by default. */
  readonly stage?: S | undefined;
}

/**
 * The events a journey machine emits for the host (`actor.on(type, handler)`, or the `xstate.emit`
 * actions returned by `transition()`).
 *
 * @category Machine
 */
export type JourneyEmitted<S extends string = JourneyStage> =
  | JourneyStageChanged<S>
  | JourneyRiskChanged
  | JourneyChurned<S>
  | JourneyWonBack<S>;

/**
 * Emitted when the current stage changes.
 *
 * @category Machine
 */
export interface JourneyStageChanged<S extends string = JourneyStage> {
  /** The emitted event's type. */
  readonly type: "journey.stage.changed";
  /** The customer's id, if known. */
  readonly customerId: string | null;
  /** The stage left. */
  readonly from: S;
  /** The stage entered. */
  readonly to: S;
  /** The furthest stage reached, after the change. */
  readonly highestStage: S;
  /** When. */
  readonly at: number;
  /** The type of the event that caused it. */
  readonly cause: string;
}

/**
 * Emitted when the customer becomes at risk or stops being at risk.
 *
 * @category Machine
 */
export interface JourneyRiskChanged {
  /** The emitted event's type. */
  readonly type: "journey.risk.changed";
  /** The customer's id, if known. */
  readonly customerId: string | null;
  /** Whether the customer is now at risk. */
  readonly atRisk: boolean;
  /** The reasons, empty when no longer at risk. */
  readonly reasons: readonly JourneyRiskReason[];
  /** When. */
  readonly at: number;
}

/**
 * Emitted when the customer churns.
 *
 * @category Machine
 */
export interface JourneyChurned<S extends string = JourneyStage> {
  /** The emitted event's type. */
  readonly type: "journey.churned";
  /** The customer's id, if known. */
  readonly customerId: string | null;
  /** The stage the customer left from. */
  readonly from: S;
  /** A cancellation, or inactivity past `churnAfter`. */
  readonly reason: "cancellation" | "inactivity";
  /** When. */
  readonly at: number;
}

/**
 * Emitted when a churned customer is won back.
 *
 * @category Machine
 */
export interface JourneyWonBack<S extends string = JourneyStage> {
  /** The emitted event's type. */
  readonly type: "journey.wonback";
  /** The customer's id, if known. */
  readonly customerId: string | null;
  /** The stage the customer returns to. */
  readonly to: S;
  /** When the customer had churned. */
  readonly churnedAt: number;
  /** When. */
  readonly at: number;
}
