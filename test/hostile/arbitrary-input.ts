/**
 * Arbitrary JSON-like values (fast-check `anything()`, objects without a prototype included) fed
 * to the public functions that take data: each returns, or throws a TouchpointError; never a bare
 * TypeError or RangeError. The suite runs a few thousand inputs (arbitrary-input.prop.test.ts);
 * bench/hostile.bench.ts runs 100,000.
 */
import * as adapters from "../../src/adapters/index.js";
import * as classify from "../../src/classify/index.js";
import * as conversation from "../../src/conversation/index.js";
import { isTouchpointError } from "../../src/internal/errors.js";
import * as metrics from "../../src/metrics/index.js";
import * as playbooks from "../../src/playbooks/index.js";
import * as schemas from "../../src/schemas/index.js";

/** The public functions covered, by name. */
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
