/**
 * The customer journey: where each customer stands in the interaction cycle, kept by an XState v5
 * machine per customer, and what the stages of many customers say as a funnel.
 *
 * @remarks
 * **Models.** {@link defaultJourneyModel} is seed 002's six-stage cycle; seed 000's five stages
 * ({@link acquisitionJourneyModel}) and those of seeds 001 and 004 ({@link conversionJourneyModel})
 * are presets, and {@link defineJourneyModel} makes others. Every stage starts at one of six
 * {@link journeyMilestones} (engaged, evaluating, deciding, purchased, retained, advocating), which
 * is the declared mapping between models ({@link journeyStageMapping}).
 *
 * **The anchor we beat.** HubSpot's lifecycle stage only moves forward ("default automatic updates
 * ... will only move the stage forward"); a churned customer stays "Customer" and the difference is
 * lost. Here the current stage and the highest stage reached are kept apart, churn and win-back are
 * states with their own events, the stage a won-back customer returns to is explicit, and at-risk is
 * tracked beside the stage from inactivity (a named delay; deadlines in context) and from signals
 * (a detractor score, an intent to cancel, repeated complaints), each cleared explicitly.
 *
 * **Machine.** {@link createJourneyMachine} builds the machine for a model; {@link journeyMachine}
 * is the default. `active` is a parallel state of `stage` (one state per model stage) and `health`
 * (`healthy`, `atRisk`); `churned` sits beside it. Time comes from the events; the machine never
 * reads a clock, never throws, and ignores unknown events. Guards and delays are overridable with
 * `provide()`; stage changes, risk changes, churn and win-back are emitted. Diagrams of the presets,
 * generated from the definitions, are in docs/journey-diagrams/.
 *
 * **Server side and storage.** Use XState's pure `initialTransition`/`transition` and deliver
 * `journey.inactivity.check` at the deadlines in context; {@link persistJourney} and
 * {@link restoreJourney} wrap snapshots in a versioned, zod-validated envelope.
 *
 * **Many customers.** {@link journeyFromInteractions} replays one history; {@link journeyFunnel}
 * and its mergeable {@link journeyFunnelAggregate} / {@link journeyFunnelAccumulator} turn millions
 * of histories into reach, conversion, time in stage, at-risk, churn and win-back figures per cohort
 * period and segment. Bulk replay runs the machine's own guard and action functions without the
 * interpreter (XState's `transition()` costs tens of microseconds a step); it is property-tested to
 * agree with the machine.
 *
 * @example
 * ```ts
 * import { createActor } from "xstate";
 * import { journeyMachine } from "touchpoint/journey";
 *
 * const actor = createActor(journeyMachine, { input: { at: 0, customerId: "c-1" } }).start();
 * actor.send({ type: "journey.purchase", at: 1000 });
 * actor.send({ type: "journey.referral", at: 2000 });
 * actor.getSnapshot().context.stage; // => "advocacy"
 * actor.send({ type: "journey.cancellation", at: 3000 });
 * actor.getSnapshot().value; // => "churned"
 * actor.getSnapshot().context.highestStage; // => "advocacy"
 * actor.stop();
 * ```
 *
 * @module journey
 */
export { isTouchpointError, TouchpointError } from "../internal/errors.js";
export type {
  ClassifiedInteraction,
  JourneyCancellationEvent,
  JourneyDecisionEvent,
  JourneyEvaluationEvent,
  JourneyEvent,
  JourneyEventType,
  JourneyInactivityCheckEvent,
  JourneyInteractionEvent,
  JourneyPurchaseEvent,
  JourneyReferralEvent,
  JourneyRepurchaseEvent,
  JourneyReviewEvent,
  JourneyRiskClearEvent,
  JourneyRiskReason,
  JourneySignals,
  JourneySurveyEvent,
  JourneyWinBackEvent,
} from "./journey-events.js";
export {
  interactionEvent,
  journeyEventSchema,
  journeyEventTypes,
  journeyInputSchema,
  journeyRiskReasons,
} from "./journey-events.js";
export type { PersistedEnvelope } from "../internal/machine-persistence.js";
export type {
  JourneyActionParams,
  JourneyGuardParams,
  JourneyMachine,
  JourneyParameterized,
  JourneyStateMeta,
  JourneyStateValue,
} from "./journey-machine.js";
export type {
  JourneyChurned,
  JourneyContext,
  JourneyEmitted,
  JourneyInput,
  JourneyRiskChanged,
  JourneyStageChanged,
  JourneyWonBack,
} from "./journey-types.js";
export { createJourneyMachine, journeyMachine } from "./journey-machine.js";
export type {
  JourneyMilestone,
  JourneyModel,
  JourneyModelDefinition,
  JourneyStageDefinition,
} from "./journey-model.js";
export {
  acquisitionJourneyModel,
  conversionJourneyModel,
  defaultJourneyModel,
  defineJourneyModel,
  journeyMilestones,
  journeyStageMapping,
} from "./journey-model.js";
export type { JourneyOptions } from "./journey-rules.js";
export type {
  JourneyFunnel,
  JourneyFunnelGroupState,
  JourneyFunnelOptions,
  JourneyFunnelReport,
  JourneyFunnelStage,
  JourneyFunnelState,
  JourneyHistory,
  JourneyPeriod,
  JourneyTimeInStage,
} from "./journey-funnel.js";
export {
  journeyFunnel,
  journeyFunnelAccumulator,
  journeyFunnelAggregate,
  journeyPeriods,
} from "./journey-funnel.js";
export type { PersistedJourney } from "./journey-persistence.js";
export { persistJourney, restoreJourney } from "./journey-persistence.js";
export type { ReplayOptions } from "./journey-replay.js";
export { journeyFromInteractions } from "./journey-replay.js";
export { journeyDiagram, journeyStateDescriptions } from "./journey-diagram.js";
