/**
 * The context arithmetic the journey machine's context factory and stage/win-back actions share with
 * the fast replay (journey-fast-replay.ts): one implementation, two engines. Internal.
 */
import type { JourneyEvent } from "./journey-events.js";
import type { JourneyContext, JourneyInput } from "./journey-types.js";
import type { JourneyModel } from "./journey-model.js";
import { type ResolvedJourneyOptions, step } from "./journey-rules.js";

/** The context a journey starts with. */
export function initialJourneyContext<S extends string>(
  model: JourneyModel<S>,
  options: ResolvedJourneyOptions,
  input: JourneyInput<S>,
): JourneyContext<S> {
  const names = model.stageNames;
  const at = typeof input.at === "number" && Number.isFinite(input.at) ? input.at : 0;
  const stage = input.stage !== undefined && names.includes(input.stage) ? input.stage : names[0]!;
  const bought = model.entries[names.indexOf(stage)]! >= 3;
  return {
    customerId: input.customerId ?? null,
    stage,
    highestStage: stage,
    stageSince: at,
    pendingStage: stage,
    startedAt: at,
    now: at,
    lastActivityAt: at,
    atRiskAt: at + options.atRiskAfter,
    churnAt: options.churnAfter === null ? null : at + options.churnAfter,
    riskReasons: [],
    atRiskSince: null,
    complaintTimes: [],
    lastNps: null,
    purchases: bought ? 1 : 0,
    firstPurchaseAt: bought ? at : null,
    churnedAt: null,
    churnReason: null,
    churns: 0,
    winBacks: 0,
  };
}

/** The context fields that change when stage `to` is entered. */
export function enteredStage<S extends string>(
  model: JourneyModel<S>,
  context: JourneyContext<S>,
  to: S,
): { stage: S; highestStage: S; stageSince: number } {
  const names = model.stageNames;
  const highestStage = names.indexOf(to) > names.indexOf(context.highestStage) ? to : context.highestStage;
  return { stage: to, highestStage, stageSince: to === context.stage ? context.stageSince : context.now };
}

/** The context of a churned customer won back by `event`, and the stage they return to. */
export function wonBack<S extends string>(
  model: JourneyModel<S>,
  options: ResolvedJourneyOptions,
  context: JourneyContext<S>,
  event: JourneyEvent,
): JourneyContext<S> {
  const names = model.stageNames;
  let to: S;
  if (event.type === "journey.winback" && event.to !== undefined && names.includes(event.to as S)) {
    to = event.to as S;
  } else if (
    context.firstPurchaseAt !== null ||
    event.type === "journey.purchase" ||
    event.type === "journey.repurchase"
  ) {
    to = names[model.stageAtMilestone[3]!]!;
  } else {
    to = context.stage;
  }
  const fresh = { ...context, riskReasons: [], atRiskSince: null, complaintTimes: [] };
  // A win-back is customer activity: it restarts the inactivity deadlines like an evaluation would.
  const next = step(
    fresh,
    event.type === "journey.winback" ? { type: "journey.evaluation", at: event.at } : event,
    options,
  );
  return {
    ...context,
    ...next,
    pendingStage: to,
    stageSince: next.now,
    churnedAt: null,
    churnReason: null,
    winBacks: context.winBacks + 1,
  };
}

/** The context of a customer who churns now. */
export function churned<S extends string>(
  context: JourneyContext<S>,
  reason: "cancellation" | "inactivity",
): JourneyContext<S> {
  return {
    ...context,
    churnedAt: context.now,
    churnReason: reason,
    churns: context.churns + 1,
    riskReasons: [],
    atRiskSince: null,
    complaintTimes: [],
  };
}
