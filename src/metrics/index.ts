/**
 * Pure calculators for the numbers a support team lives by: CSAT, NPS, CES, first contact
 * resolution, response and resolution times in calendar and business hours, SLA compliance,
 * retention, churn, conversion and lifetime value.
 *
 * @remarks
 * Every calculator is a plain function over plain data: no clock, no I/O, no runtime dependency
 * (neither xstate nor zod end up in a bundle that imports only this subpath). Each states its
 * formula and whose definition it follows (Zendesk, Intercom, Freshdesk, Chatwoot, Bain) in its docs.
 *
 * Conventions, the same everywhere:
 * - no data is a fact, not an error: an empty sample gives `null`, never `NaN`;
 * - a value the types cannot rule out (a score out of range, a non-integer, `NaN`, an end before its
 *   start) throws a {@link TouchpointError} whose message starts with the function's name and quotes
 *   the value and its index;
 * - every aggregate also comes as a mergeable accumulator (`add`, `merge`, `result`, JSON state), so
 *   the same figure can be computed over data split across workers, days or shards.
 *
 * @module metrics
 */

export { isTouchpointError, TouchpointError } from "../internal/errors.js";

// Survey scores, rates, accumulators and quantile sketches (survey/rate helper).
export type { Accumulator, Aggregate } from "./aggregate.js";
export { createAccumulator } from "./aggregate.js";
export type { CesOptions, CesResult } from "./ces.js";
export { ces, cesAggregate } from "./ces.js";
export type { ChurnRateInput } from "./churn-rate.js";
export { churnRate, churnRateAggregate } from "./churn-rate.js";
export type { ConversionRateInput } from "./conversion-rate.js";
export { conversionRate, conversionRateAggregate } from "./conversion-rate.js";
export type { CsatBreakdown, CsatOptions, RatingScale } from "./csat.js";
export { csat, csatAggregate, csatBreakdown, csatBreakdownAggregate } from "./csat.js";
export type {
  CustomerLifetimeValueInput,
  MarginLifetimeValueInput,
  PurchaseLifetimeValueInput,
  RetentionLifetimeValueInput,
} from "./customer-lifetime-value.js";
export { customerLifetimeValue } from "./customer-lifetime-value.js";
export type { DurationsState, DurationsSummary } from "./durations-aggregate.js";
export { durationsAggregate } from "./durations-aggregate.js";
export type { HistogramState } from "./histogram-aggregate.js";
export type { MeanState } from "./mean-aggregate.js";
export { meanAggregate } from "./mean-aggregate.js";
export type { NpsBreakdown, NpsBreakdownOptions, NpsGroup, NpsState } from "./nps.js";
export { nps, npsAggregate, npsBreakdown, npsBreakdownAggregate } from "./nps.js";
export type {
  QuantileSketchOptions,
  QuantileSketchState,
  QuantilesAggregateOptions,
  SketchStore,
} from "./quantile-sketch.js";
export { QuantileSketch, quantilesAggregate } from "./quantile-sketch.js";
export type { RetentionRateInput } from "./retention-rate.js";
export { retentionRate, retentionRateAggregate } from "./retention-rate.js";
export { segmentBy } from "./segment-by.js";
export type { SurveyResponseRateInput } from "./survey-response-rate.js";
export { surveyResponseRate, surveyResponseRateAggregate } from "./survey-response-rate.js";
export type { Interval } from "./wilson-interval.js";
export { wilsonInterval } from "./wilson-interval.js";
// End of survey/rate helper exports.

// Business time and conversation time metrics (business-time helper).
export type { Summary } from "../internal/summary.js";
export { addBusinessTime } from "./add-business-time.js";
export { businessDuration } from "./business-duration.js";
export type {
  BusinessHoliday,
  BusinessInterval,
  BusinessSchedule,
  BusinessScheduleDefinition,
  Weekday,
} from "./business-schedule.js";
export { businessSchedule, weekdays } from "./business-schedule.js";
export type {
  ClockStart,
  ConversationDuration,
  MetricConversation,
  MetricMessage,
  MetricStatusChange,
  ReplyOptions,
} from "./conversation-facts.js";
export type { FcrDefinition, FcrOptions, FcrResult } from "./first-contact-resolution.js";
export { firstContactResolution } from "./first-contact-resolution.js";
export type { FirstResponseOptions, FirstResponseTimesResult } from "./first-response-times.js";
export { firstResponseTimes } from "./first-response-times.js";
export type { ConversationHandleTime, HandleTimeOptions, HandleTimesResult } from "./handle-times.js";
export { handleTimes } from "./handle-times.js";
export { isWithinBusinessHours } from "./is-within-business-hours.js";
export type {
  ConversationWaits,
  NextResponseOptions,
  NextResponseTimesResult,
  ResponseWait,
} from "./next-response-times.js";
export { nextResponseTimes } from "./next-response-times.js";
export type { ResolutionOptions, ResolutionTimes, ResolutionTimesResult } from "./resolution-times.js";
export { resolutionTimes } from "./resolution-times.js";
export type {
  ConversationSla,
  SlaComplianceResult,
  SlaOutcome,
  SlaPolicy,
  SlaStatus,
  SlaTarget,
  SlaTargetCompliance,
  SlaTargets,
} from "./sla-compliance.js";
export { slaCompliance } from "./sla-compliance.js";
// End of business-time helper exports.
