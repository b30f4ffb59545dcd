/**
 * Arbitrary JSON-like values (fast-check `anything()`, objects without a prototype included) fed
 * to the public functions that take data: each returns, or throws a TouchpointError; never a bare
 * TypeError or RangeError. The suite runs a few thousand inputs (arbitrary-input.prop.test.ts);
 * bench/hostile.bench.ts runs 100,000.
 */
import * as adapters from "../../src/adapters/index.js";
import * as classify from "../../src/classify/index.js";
import * as conversation from "../../src/conversation/index.js";
import * as host from "../../src/host/index.js";
import { isTouchpointError } from "../../src/internal/errors.js";
import * as journey from "../../src/journey/index.js";
import * as metrics from "../../src/metrics/index.js";
import * as playbooks from "../../src/playbooks/index.js";
import * as schemas from "../../src/schemas/index.js";

const schedule = metrics.businessSchedule({
  timeZone: "Europe/Paris",
  hours: { monday: [{ start: "09:00", end: "17:00" }] },
});

/** The public functions covered, by name (some twice: once bare, once with the other arguments valid). */
export const covered: Record<string, (...args: unknown[]) => unknown> = {
  classifyInteraction: classify.classifyInteraction as never,
  classifyScenario: classify.classifyScenario as never,
  classifyCategory: classify.classifyCategory as never,
  classifyAct: classify.classifyAct as never,
  detectSignals: classify.detectSignals as never,
  nps: metrics.nps as never,
  npsBreakdown: metrics.npsBreakdown as never,
  csat: metrics.csat as never,
  csatBreakdown: metrics.csatBreakdown as never,
  ces: metrics.ces as never,
  churnRate: metrics.churnRate as never,
  retentionRate: metrics.retentionRate as never,
  conversionRate: metrics.conversionRate as never,
  surveyResponseRate: metrics.surveyResponseRate as never,
  customerLifetimeValue: metrics.customerLifetimeValue as never,
  firstResponseTimes: metrics.firstResponseTimes as never,
  nextResponseTimes: metrics.nextResponseTimes as never,
  resolutionTimes: metrics.resolutionTimes as never,
  handleTimes: metrics.handleTimes as never,
  validate: ((input: unknown) => schemas.validate(schemas.conversationSchema, input)) as never,
  validateBatch: ((records: unknown) =>
    schemas.validateBatch(schemas.conversationSchema, records as never)) as never,
  recommend: playbooks.recommend as never,
  renderTemplate: playbooks.renderTemplate as never,
  templatePlaceholders: playbooks.templatePlaceholders as never,
  replayConversation: conversation.replayConversation as never,
  restore: conversation.restore as never,
  nextStep: conversation.nextStep as never,
  conversationRecord: conversation.conversationRecord as never,
  persist: conversation.persist as never,
  parseCsv: adapters.parseCsv as never,
  fromZendesk: adapters.fromZendesk as never,
  fromIntercom: adapters.fromIntercom as never,
  fromFreshdesk: adapters.fromFreshdesk as never,
  fromChatwoot: adapters.fromChatwoot as never,
  adaptBatch: ((records: unknown) =>
    adapters.adaptBatch(adapters.fromZendesk as never, records as never)) as never,
  fromCsv: adapters.fromCsv as never,
  // The same with a valid column map, so the other options are reached.
  fromCsvOptions: ((options: unknown) =>
    adapters.fromCsv("id,time,author,text\nc1,2026-03-01T09:00:00Z,customer,hi\n", {
      channel: "email",
      ...(typeof options === "object" && options !== null ? options : {}),
      columns: { conversationId: "id", at: "time", author: "author", text: "text" },
    } as never)) as never,
  createLexicon: classify.createLexicon as never,
  trainClassifier: classify.trainClassifier as never,
  toMermaid: conversation.toMermaid as never,
  businessDuration: metrics.businessDuration as never,
  // The same with a real schedule, so the instants are reached.
  businessDurationTimes: ((start: unknown, end: unknown) =>
    metrics.businessDuration(start as never, end as never, schedule)) as never,
  addBusinessTime: ((start: unknown, duration: unknown) =>
    metrics.addBusinessTime(start as never, duration as never, schedule)) as never,
  createAccumulator: metrics.createAccumulator as never,
  accumulatorState: ((state: unknown, values: unknown) =>
    metrics
      .createAccumulator(metrics.npsAggregate(), state as never)
      .addAll(values as never)
      .result()) as never,
  segmentBy: metrics.segmentBy as never,
  extendPlaybooks: playbooks.extendPlaybooks as never,
  formatIssues: schemas.formatIssues as never,
  createJourneyMachine: journey.createJourneyMachine as never,
  defineJourneyModel: journey.defineJourneyModel as never,
  interactionEvent: journey.interactionEvent as never,
  journeyDiagram: journey.journeyDiagram as never,
  journeyStateDescriptions: journey.journeyStateDescriptions as never,
  journeyStageMapping: journey.journeyStageMapping as never,
  journeyFromInteractions: journey.journeyFromInteractions as never,
  journeyFunnel: journey.journeyFunnel as never,
  // Histories built from arbitrary events, so the replay itself is reached.
  journeyFunnelEvents: ((events: unknown, segment: unknown) =>
    journey.journeyFunnel([{ events, segment }] as never)) as never,
  journeyFunnelAggregate: journey.journeyFunnelAggregate as never,
  journeyFunnelAccumulator: journey.journeyFunnelAccumulator as never,
  persistJourney: journey.persistJourney as never,
  persistJourneySnapshot: ((snapshot: unknown, savedAt: unknown) =>
    journey.persistJourney(journey.journeyMachine, snapshot as never, savedAt as never)) as never,
  restoreJourney: journey.restoreJourney as never,
  restoreJourneyEnvelope: ((persisted: unknown) =>
    journey.restoreJourney(journey.journeyMachine, persisted)) as never,
  wakeupEventId: host.wakeupEventId as never,
  recommendFrom: playbooks.recommendFrom as never,
  recommendFromBuiltin: ((input: unknown) =>
    playbooks.recommendFrom(playbooks.builtinPlaybooks, input as never)) as never,
  adapterWarnings: adapters.adapterWarnings as never,
  fromIntercomLenient: ((payload: unknown) => adapters.fromIntercom(payload, { strict: false })) as never,
};

/** Calls `fn` with `args`; returns a description of a bare exception, or `null` when it kept the promise. */
export function bareException(name: string, args: readonly unknown[]): string | null {
  const fn = covered[name];
  if (fn === undefined) throw new Error(`no function ${name}`);
  try {
    fn(...args);
    return null;
  } catch (error) {
    if (isTouchpointError(error)) return null;
    return `${name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}
