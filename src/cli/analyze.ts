/*
 * The report behind `touchpoint analyze`: every conversation of an export classified, replayed
 * through the conversation machine, measured, and the open ones given their playbook's next step.
 *
 * Pure: no file system, no clock (the report's "as of" instant is the latest event in the data
 * unless the caller gives one), so the same export gives the same report on any machine. The cli
 * (main.ts) reads files and prints; this module only computes. It works on conversations already
 * validated by touchpoint/schemas: the boundary is the cli's job.
 *
 * The report is a fold: each conversation is classified, replayed and measured on its own
 * (conversationFacts), and its facts are added to mergeable aggregates (reportParts), so the
 * command can stream an export of any size through several workers and merge their states.
 */
import {
  classifyConversation,
  classifyInteraction,
  detectSignals,
  type SignalName,
} from "../classify/index.js";
import {
  type ConversationMachine,
  type ConversationSlaTargets,
  businessHoursSchedule,
  conversationMachine,
  createConversationMachine,
  defaultSlaTargets,
  replayConversation,
} from "../conversation/index.js";
import type { HistogramState } from "../metrics/histogram-aggregate.js";
import {
  type BusinessSchedule,
  cesAggregate,
  csatBreakdownAggregate,
  type DurationsState,
  durationsAggregate,
  type FcrDefinition,
  firstContactResolution,
  firstResponseTimes,
  type NpsState,
  nextResponseTimes,
  npsAggregate,
  resolutionTimes,
  type SlaPolicy,
  type SlaTargets,
  type Summary,
  slaCompliance,
} from "../metrics/index.js";
import { recommend } from "../playbooks/index.js";
import type { Conversation } from "../schemas/conversation.js";
import type { ConversationStage, InteractionType, Priority, Scenario } from "../schemas/vocabulary.js";
import { conversationStages, interactionTypes, priorities, scenarios } from "../schemas/vocabulary.js";
import { InsightsAggregate, type InsightsState, type ReplayFacts, type ReportInsights } from "./insights.js";

/** How the report splits conversations into segments. */
export type SegmentKey = "channel" | "priority" | "agent" | "week" | "none";

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  /** The segments of the metrics table (default `channel`). */
  by?: SegmentKey;
  /** Business hours: adds business-time figures and makes SLA targets count business time. */
  schedule?: BusinessSchedule | undefined;
  /**
   * SLA targets per priority, overriding touchpoint/conversation's `defaultSlaTargets`; the same
   * targets drive the metrics' `slaCompliance` and the replayed machine's deadlines.
   */
  targets?: Partial<Record<Priority, Partial<ConversationSlaTargets>>> | undefined;
  /** The instant the export was taken; the latest event in the data when left out. */
  asOf?: number | undefined;
  /** How many open conversations the "needs attention" list shows (default 10). */
  attention?: number;
  /**
   * Which vendor's first contact resolution to report (touchpoint/metrics' `FcrDefinition`): the
   * command picks the export's own vendor's (one-touch for Zendesk, single-reply for Freshdesk,
   * closed-on-first-contact for Intercom and the rest); `closed-on-first-contact` when left out.
   */
  fcr?: FcrDefinition;
}

/** The figures of one segment (or of all conversations). */
export interface SegmentFigures {
  /** The segment's name (`all` for the total). */
  segment: string;
  /** Conversations in it. */
  conversations: number;
  /** Of which resolved or closed now. */
  resolved: number;
  /** First response time, calendar. */
  firstResponse: Summary | null;
  /** First response time, business hours (with a schedule). */
  firstResponseBusiness: Summary | null;
  /** Conversations still waiting for a first response. */
  unanswered: number;
  /** Next response time, calendar, per wait. */
  nextResponse: Summary | null;
  /** First resolution time, calendar. */
  resolution: Summary | null;
  /** First resolution time, business hours (with a schedule). */
  resolutionBusiness: Summary | null;
  /** First contact resolution by the report's definition ({@link Report.fcrDefinition}), percent of resolved. */
  fcr: number | null;
  /** SLA compliance, all targets, percent of decided targets. */
  sla: number | null;
  /** CSAT, percent satisfied (4–5 of 5, or the survey's own scale). */
  csat: number | null;
  /** CSAT answers. */
  csatAnswers: number;
  /** NPS, −100 to 100. */
  nps: number | null;
  /** NPS answers. */
  npsAnswers: number;
  /** CES mean on its 1–7 scale. */
  ces: number | null;
  /** CES answers. */
  cesAnswers: number;
}

/** An open conversation that needs attention, with what to do next. */
export interface AttentionItem {
  /** The conversation's id. */
  id: string;
  /** Its channel. */
  channel: string;
  /** Its priority. */
  priority: Priority;
  /** The scenario of the customer's messages. */
  scenario: Scenario;
  /** The conversation stage the replay ended in. */
  stage: ConversationStage;
  /** Minutes the customer has waited for the team since their last message (0 when it is their turn). */
  waitingMinutes: number;
  /** Whether any SLA target was breached. */
  slaBreached: boolean;
  /** The strongest signals of the customer's messages. */
  signals: SignalName[];
  /** The playbook chosen. */
  playbook: string;
  /** What to do now. */
  action: string;
  /** Whether the playbook says to hand over or escalate now. */
  escalate: boolean;
  /** Why, in words: the playbook's escalation reasons, else its reasons for the choice. */
  why: string[];
}

/** What {@link analyze} returns: plain JSON. */
export interface Report {
  /** The instant the figures hold at; `null` for an empty export without `asOf`. */
  asOf: number | null;
  /** The earliest and latest creation time among the conversations, or `null` without any. */
  period: { from: number; to: number } | null;
  /** What the segments are. */
  by: SegmentKey;
  /** The definition of first contact resolution the figures use. */
  fcrDefinition: FcrDefinition;
  /**
   * α of the duration percentiles (median, p90, p95): each is within α of the duration of its rank
   * ⌊p·(n − 1)⌋ (a DDSketch, touchpoint/metrics' durationsAggregate); count, mean, min and max are exact.
   */
  percentileAccuracy: number;
  /** All conversations together. */
  total: SegmentFigures;
  /** One row per segment, largest first. */
  segments: SegmentFigures[];
  /** Interaction types of the conversations, from all of the customer's messages (touchpoint/classify's `classifyConversation`). */
  types: Record<InteractionType | "unknown", number>;
  /** Scenarios of the conversations: all of the customer's messages and what the replay knows (reopens, waiting). */
  scenarios: Record<Scenario, number>;
  /**
   * Conversations in which any customer message shows each signal, most frequent first, and in how many
   * of them it rose from the first half of the customer's messages to the second.
   */
  signals: { signal: SignalName; conversations: number; rising: number }[];
  /** The lifecycle as the conversation machine replayed it. */
  lifecycle: {
    /** Conversations by machine status. */
    status: Record<"active" | "resolved" | "closed" | "abandoned", number>;
    /** Active conversations by the stage they are in. */
    stage: Record<ConversationStage, number>;
    /** Hand-offs (bot to human, escalations). */
    handoffs: number;
    /** Reopens. */
    reopens: number;
    /** Rejected proposals. */
    rejectedProposals: number;
    /** Median minutes spent in each stage, over the conversations that entered it. */
    medianStageMinutes: Record<ConversationStage, number | null>;
  };
  /** Open (active) conversations, each needing a next step: the exact count behind {@link Report.attention}. */
  needingAttention: number;
  /** The most pressing of them, first by rank (SLA breached, escalation, frustration, wait), then by id. */
  attention: AttentionItem[];
  /** What the HTML report's charts and the text report's sparklines draw: trends and distributions. */
  insights: ReportInsights;
}

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;
// 1970-01-05 was a Monday: weeks in the report run Monday to Sunday, UTC.
const MONDAY = 4 * 24 * 60 * MINUTE;

function segmentOf(c: Conversation, by: SegmentKey): string {
  switch (by) {
    case "channel":
      return c.channel;
    case "priority":
      return c.priority;
    case "agent":
      return c.assigneeId ?? "(unassigned)";
    case "week": {
      const monday = Math.floor((c.createdAt - MONDAY) / WEEK) * WEEK + MONDAY;
      return `week of ${new Date(monday).toISOString().slice(0, 10)}`;
    }
    case "none":
      return "all";
    default: {
      const never: never = by;
      throw new Error(`analyze: unknown segment key ${String(never)}`);
    }
  }
}

/** The latest instant a conversation records: creation, resolution, messages, status changes, surveys. */
export function latestInstantOf(c: Conversation): number {
  let latest = Math.max(c.createdAt, c.resolvedAt ?? c.createdAt);
  const lastMessage = c.messages[c.messages.length - 1];
  const lastChange = c.statusChanges[c.statusChanges.length - 1];
  if (lastMessage) latest = Math.max(latest, lastMessage.at);
  if (lastChange) latest = Math.max(latest, lastChange.at);
  for (const s of c.surveys) if (s.at !== undefined) latest = Math.max(latest, s.at);
  return latest;
}

function latestInstant(conversations: readonly Conversation[]): number | null {
  if (conversations.length === 0) return null;
  let latest = Number.NEGATIVE_INFINITY;
  for (const c of conversations) latest = Math.max(latest, latestInstantOf(c));
  return latest;
}

/** The targets of each priority: the defaults with the caller's overrides. */
function targetsOf(options: AnalyzeOptions): Record<Priority, ConversationSlaTargets> {
  const out = {} as Record<Priority, ConversationSlaTargets>;
  for (const p of priorities) out[p] = { ...defaultSlaTargets[p], ...options.targets?.[p] };
  return out;
}

/** The same targets as touchpoint/metrics' SLA policy. */
function policyOf(
  targets: Record<Priority, ConversationSlaTargets>,
  options: AnalyzeOptions,
  asOf: number | null,
): SlaPolicy {
  const within = (ms: number | null | undefined) => (ms == null ? undefined : { within: ms });
  const policyTargets: Partial<Record<Priority, SlaTargets>> = {};
  for (const p of priorities) {
    const t = targets[p];
    const entry: { -readonly [K in keyof SlaTargets]: SlaTargets[K] } = {};
    const first = within(t.firstResponseMs);
    const next = within(t.nextResponseMs);
    const resolution = within(t.resolutionMs);
    if (first) entry.firstResponse = first;
    if (next) entry.nextResponse = next;
    if (resolution) entry.resolution = resolution;
    policyTargets[p] = entry;
  }
  return asOf === null
    ? { targets: policyTargets, schedule: options.schedule }
    : { targets: policyTargets, schedule: options.schedule, asOf };
}

/** Intercom's definition: it reads sensibly on conversations with several agent messages. */
const DEFAULT_FCR: FcrDefinition = "closed-on-first-contact";

/** What each definition means, for the reports' legends. */
export const fcrLegend: Record<FcrDefinition, string> = {
  "one-touch": "Zendesk one-touch (fewer than two agent replies)",
  "single-reply": "Freshdesk (exactly one agent reply)",
  "closed-on-first-contact": "Intercom (closed once, one agent)",
};

/** Everything the per-conversation work needs, computed once per report (or once per worker). */
export interface AnalysisContext {
  readonly options: AnalyzeOptions;
  readonly by: SegmentKey;
  readonly asOf: number | null;
  readonly fcr: FcrDefinition;
  readonly targets: Record<Priority, ConversationSlaTargets>;
  readonly policy: SlaPolicy;
  readonly machine: ConversationMachine;
}

/** The context of a report as of `asOf` (the caller's, or the latest event found by a first pass). */
export function analysisContext(options: AnalyzeOptions, asOf: number | null): AnalysisContext {
  const targets = targetsOf(options);
  return {
    options,
    by: options.by ?? "channel",
    asOf,
    fcr: options.fcr ?? DEFAULT_FCR,
    targets,
    policy: policyOf(targets, options, asOf),
    machine: options.schedule
      ? createConversationMachine({ schedule: businessHoursSchedule(options.schedule) })
      : conversationMachine,
  };
}

/** What one conversation contributes to the report: its classification, replay and measures. */
export interface ConversationFacts {
  /** The conversation itself. */
  readonly conversation: Conversation;
  /** Its segment under the report's key. */
  readonly segment: string;
  /** The latest instant it records. */
  readonly latest: number;
  /** Interaction type of the conversation (touchpoint/classify's `classifyConversation`). */
  readonly type: InteractionType | "unknown";
  /** Signals in any of the customer's messages, and whether each rose over the conversation. */
  readonly signals: readonly { signal: SignalName; rising: boolean }[];
  /** Scenario of the conversation. */
  readonly scenario: Scenario;
  /** The replay record's parts the charts read (stages entered, hand-offs, reopens). */
  readonly record: ReplayFacts;
  /** Its segment for the small multiples: null when the segments are weeks or none. */
  readonly chartSegment: string | null;
  /** The replay's outcome. */
  readonly status: "active" | "resolved" | "closed" | "abandoned";
  /** The stage an active conversation is in, else null. */
  readonly stage: ConversationStage | null;
  readonly handoffs: number;
  readonly reopens: number;
  readonly rejectedProposals: number;
  /** Milliseconds spent in each stage it entered. */
  readonly stageMs: Partial<Record<ConversationStage, number>>;
  /** First response time, calendar and business, or null when unanswered. */
  readonly firstResponse: { calendar: number; business: number | null } | null;
  /** Answered waits after the first response. */
  readonly nextResponses: readonly { calendar: number; business: number | null }[];
  /** First resolution time, calendar and business, or null. */
  readonly resolution: { calendar: number; business: number | null } | null;
  /** When the first resolution happened, or null. */
  readonly resolvedAt: number | null;
  /** Whether its latest status is resolved or closed. */
  readonly resolved: boolean;
  /** First contact resolution outcome under the report's definition. */
  readonly fcr: "fcr" | "not-fcr" | "unresolved";
  /** SLA targets hit and missed. */
  readonly slaHit: number;
  readonly slaMissed: number;
  /** The attention item of an active conversation, with its rank; null otherwise. */
  readonly attention: (AttentionItem & { rank: number }) | null;
}

/**
 * Classifies, replays and measures one conversation: the per-conversation half of the report,
 * folded into the aggregates by {@link addFacts}.
 */
export function conversationFacts(c: Conversation, ctx: AnalysisContext): ConversationFacts {
  const { asOf, options } = ctx;
  const schedule = options.schedule;
  const replay = replayConversation(c, {
    machine: ctx.machine,
    input: { targets: ctx.targets[c.priority] },
    ...(asOf === null ? {} : { until: asOf }),
  });
  const record = replay.record;
  const stageMs: Partial<Record<ConversationStage, number>> = {};
  for (const visit of conversationStages) {
    if (record.stages.some((v) => v.stage === visit)) stageMs[visit] = record.stageMs[visit];
  }
  const context = replay.snapshot.context;
  const waitingMinutes =
    context.awaitingAgentSince === null
      ? 0
      : Math.max(0, ((asOf ?? context.now) - context.awaitingAgentSince) / MINUTE);
  // Everything the customer wrote decides the summary's type, scenario and signals (a greeting as
  // the opening message does not stand for the conversation) and how the open ones are handled now.
  const reading = classifyConversation(c, {
    conversation: { reopened: record.reopens > 0, waitingMinutes },
  });
  const scenario = { scenario: reading.scenario, type: reading.type };

  const one = [c];
  const first = firstResponseTimes(one, { schedule }).conversations[0];
  const waits = nextResponseTimes(one, { schedule }).conversations[0]?.waits ?? [];
  const resolution = resolutionTimes(one, { schedule });
  const firstResolution = resolution.first.conversations[0];
  const fcr = firstContactResolution(one, { definition: ctx.fcr }).outcomes[0] ?? "unresolved";
  const sla = slaCompliance(one, ctx.policy).overall;

  let attention: (AttentionItem & { rank: number }) | null = null;
  if (record.status === "active") {
    const customerText = c.messages
      .filter((m) => m.author === "customer")
      .map((m) => m.text)
      .join("\n");
    const signals = detectSignals(customerText);
    const opening = c.messages.find((m) => m.author === "customer")?.text ?? "";
    const interaction = classifyInteraction(opening);
    const slaBreached = record.sla.breached;
    const advice = recommend({
      stage: context.stage,
      channel: c.channel,
      classification: [scenario, interaction, signals],
      conversation: context,
      waitingMinutes,
      slaBreached,
    });
    attention = {
      rank:
        (slaBreached ? 1000 : 0) +
        (advice.escalate ? 500 : 0) +
        (signals.strengths.frustration ?? 0) * 100 +
        Math.min(waitingMinutes, 10_000) / 100,
      id: c.id,
      channel: c.channel,
      priority: c.priority,
      scenario: scenario.scenario,
      stage: context.stage,
      waitingMinutes: Math.round(waitingMinutes),
      slaBreached,
      signals: signals.signals.slice(0, 3).map((s) => s.signal),
      playbook: advice.playbook.id,
      action: advice.step.action,
      escalate: advice.escalate,
      why: advice.escalate ? advice.escalationReasons : advice.reasons.slice(0, 1),
    };
  }

  const timing = (d: { calendar: number | null; business: number | null } | undefined) =>
    d === undefined || d.calendar === null ? null : { calendar: d.calendar, business: d.business };
  const segment = segmentOf(c, ctx.by);
  return {
    conversation: c,
    segment,
    record,
    chartSegment: ctx.by === "week" || ctx.by === "none" ? null : segment,
    latest: latestInstantOf(c),
    type: reading.type,
    signals: reading.signals.map((x) => ({ signal: x.signal, rising: x.trend === "rising" })),
    scenario: scenario.scenario,
    status: record.status,
    stage: record.status === "active" ? context.stage : null,
    handoffs: record.handoffs.length,
    reopens: record.reopens,
    rejectedProposals: record.proposals.rejected,
    stageMs,
    firstResponse: timing(first),
    nextResponses: waits
      .filter((w) => w.outcome === "answered" && w.calendar !== null)
      .map((w) => ({ calendar: w.calendar as number, business: w.business })),
    resolution: timing(firstResolution),
    resolvedAt: firstResolution?.end ?? null,
    resolved: resolution.resolved === 1,
    fcr,
    slaHit: sla.hit,
    slaMissed: sla.missed,
    attention,
  };
}

// ---------------------------------------------------------------------------------------------
// The report as a fold: one mergeable aggregate per part, each a plain JSON state with `add` (one
// conversation's facts) and `merge` (another worker's state). Any split of the conversations into
// shards, in any order, merges to the same state, so the report is the same figure for figure
// whatever the number of jobs: counts and integer sums are exact, percentiles come from DDSketch
// (touchpoint/metrics' durationsAggregate: any split merges to the very same buckets), and the
// bounded lists are chosen by a total order (rank, then id), never by arrival.

/**
 * A mergeable part of the report, folded one conversation at a time. Its state is plain JSON, or
 * an object whose `toJSON` gives its JSON state `J` (what crosses worker threads: structured clone
 * keeps data, not classes); `merge` takes either.
 */
export interface ReportPart<S, J = S> {
  /** A new empty state. */
  init(): S;
  /** Folds one conversation's facts into `state`, in place. */
  add(state: S, facts: ConversationFacts): void;
  /** Folds another state of the same part, live or as JSON, into `state`, in place. */
  merge(state: S, other: S | J): void;
  /** The JSON state of a live one (left out when the state is plain JSON already). */
  toJSON?(state: S): J;
}

const PERCENTILE_ACCURACY = 0.01;
const durations = durationsAggregate({ relativeAccuracy: PERCENTILE_ACCURACY });
type Durations = DurationsState;

interface SegmentState {
  conversations: number;
  resolved: number;
  firstResponse: Durations;
  firstResponseBusiness: Durations;
  unanswered: number;
  nextResponse: Durations;
  resolution: Durations;
  resolutionBusiness: Durations;
  fcr: number;
  fcrResolved: number;
  slaHit: number;
  slaMissed: number;
  /** CSAT answers per scale ("min-max"): each scale's satisfied count by its own threshold. */
  csat: Record<string, HistogramState>;
  nps: NpsState;
  ces: HistogramState;
}

const npsAgg = npsAggregate();
const cesAgg = cesAggregate();
const csatAggs = new Map<string, ReturnType<typeof csatBreakdownAggregate>>();
function csatAggOf(key: string) {
  let agg = csatAggs.get(key);
  if (agg === undefined) {
    const [min, max] = key.split("/").map(Number) as [number, number];
    agg = csatBreakdownAggregate({ scale: { min, max } });
    csatAggs.set(key, agg);
  }
  return agg;
}

function emptySegment(): SegmentState {
  return {
    conversations: 0,
    resolved: 0,
    firstResponse: durations.initialState(),
    firstResponseBusiness: durations.initialState(),
    unanswered: 0,
    nextResponse: durations.initialState(),
    resolution: durations.initialState(),
    resolutionBusiness: durations.initialState(),
    fcr: 0,
    fcrResolved: 0,
    slaHit: 0,
    slaMissed: 0,
    csat: {},
    nps: npsAgg.initialState(),
    ces: cesAgg.initialState(),
  };
}

function addToSegment(s: SegmentState, f: ConversationFacts): void {
  s.conversations++;
  if (f.resolved) s.resolved++;
  if (f.firstResponse === null) s.unanswered++;
  else {
    durations.aggregate(s.firstResponse, f.firstResponse.calendar);
    durations.aggregate(s.firstResponseBusiness, f.firstResponse.business);
  }
  for (const w of f.nextResponses) durations.aggregate(s.nextResponse, w.calendar);
  if (f.resolution !== null) {
    durations.aggregate(s.resolution, f.resolution.calendar);
    durations.aggregate(s.resolutionBusiness, f.resolution.business);
  }
  if (f.fcr !== "unresolved") s.fcrResolved++;
  if (f.fcr === "fcr") s.fcr++;
  s.slaHit += f.slaHit;
  s.slaMissed += f.slaMissed;
  for (const survey of f.conversation.surveys) {
    if (survey.kind === "nps") npsAgg.aggregate(s.nps, survey.score);
    else if (survey.kind === "ces") cesAgg.aggregate(s.ces, survey.score);
    else if (survey.kind === "csat") {
      const key = `${survey.scale.min}/${survey.scale.max}`;
      const agg = csatAggOf(key);
      s.csat[key] ??= agg.initialState();
      agg.aggregate(s.csat[key], survey.score);
    }
  }
}

function mergeSegment(s: SegmentState, o: SegmentState): void {
  s.conversations += o.conversations;
  s.resolved += o.resolved;
  durations.merge(s.firstResponse, o.firstResponse);
  durations.merge(s.firstResponseBusiness, o.firstResponseBusiness);
  s.unanswered += o.unanswered;
  durations.merge(s.nextResponse, o.nextResponse);
  durations.merge(s.resolution, o.resolution);
  durations.merge(s.resolutionBusiness, o.resolutionBusiness);
  s.fcr += o.fcr;
  s.fcrResolved += o.fcrResolved;
  s.slaHit += o.slaHit;
  s.slaMissed += o.slaMissed;
  for (const [key, state] of Object.entries(o.csat)) {
    const agg = csatAggOf(key);
    s.csat[key] ??= agg.initialState();
    agg.merge(s.csat[key], state);
  }
  npsAgg.merge(s.nps, o.nps);
  cesAgg.merge(s.ces, o.ces);
}

/** A duration summary in the report's shape (the sketch's accuracy is stated in the docs). */
function summaryOf(state: Durations): Summary | null {
  const d = durations.finalize(state);
  if (d === null) return null;
  const { relativeAccuracy: _alpha, ...summary } = d;
  return summary;
}

function segmentFigures(segment: string, s: SegmentState, business: boolean): SegmentFigures {
  let satisfied = 0;
  let csatTotal = 0;
  for (const [key, state] of Object.entries(s.csat)) {
    const b = csatAggOf(key).finalize(state);
    if (b === null) continue;
    satisfied += b.satisfied;
    csatTotal += b.total;
  }
  const npsAnswers = s.nps.promoters + s.nps.passives + s.nps.detractors;
  const cesResult = cesAgg.finalize(s.ces);
  const decided = s.slaHit + s.slaMissed;
  return {
    segment,
    conversations: s.conversations,
    resolved: s.resolved,
    firstResponse: summaryOf(s.firstResponse),
    firstResponseBusiness: business ? summaryOf(s.firstResponseBusiness) : null,
    unanswered: s.unanswered,
    nextResponse: summaryOf(s.nextResponse),
    resolution: summaryOf(s.resolution),
    resolutionBusiness: business ? summaryOf(s.resolutionBusiness) : null,
    fcr: s.fcrResolved === 0 ? null : (s.fcr / s.fcrResolved) * 100,
    sla: decided === 0 ? null : (s.slaHit / decided) * 100,
    csat: csatTotal === 0 ? null : (100 * satisfied) / csatTotal,
    csatAnswers: csatTotal,
    nps: npsAgg.finalize(s.nps),
    npsAnswers,
    ces: cesResult?.mean ?? null,
    cesAnswers: cesResult?.count ?? 0,
  };
}

type Ranked = AttentionItem & { rank: number };

/** The total order of the attention list: rank, highest first, then id. */
function byRank(a: Ranked, b: Ranked): number {
  return b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Keeps the `limit` first items of `list` by rank (in place), sorted. */
function keepTop(list: Ranked[], limit: number): void {
  list.sort(byRank);
  list.length = Math.min(list.length, limit);
}

/**
 * The parts of the report; one more part is one more entry here and a line in {@link finalizeReport}.
 * `policy` is the SLA policy the charts count with (the context's, which holds the report's instant);
 * a state that is only merged and finalized needs none.
 */
export function reportParts(options: AnalyzeOptions, policy: SlaPolicy | null = null) {
  const limit = options.attention ?? 10;
  // Merging and finalizing never read the policy; only adding a conversation does.
  const insightsOptions = { schedule: options.schedule, policy: policy ?? { targets: {} } };
  return {
    period: {
      init: () => ({ from: null as number | null, to: null as number | null, latest: null as number | null }),
      add(s, f) {
        const t = f.conversation.createdAt;
        s.from = s.from === null ? t : Math.min(s.from, t);
        s.to = s.to === null ? t : Math.max(s.to, t);
        s.latest = s.latest === null ? f.latest : Math.max(s.latest, f.latest);
      },
      merge(s, o) {
        for (const k of ["from", "to", "latest"] as const) {
          const v = o[k];
          if (v === null) continue;
          const cur = s[k];
          s[k] = cur === null ? v : k === "from" ? Math.min(cur, v) : Math.max(cur, v);
        }
      },
    } satisfies ReportPart<{ from: number | null; to: number | null; latest: number | null }>,
    total: {
      init: emptySegment,
      add: addToSegment,
      merge: mergeSegment,
    } satisfies ReportPart<SegmentState>,
    segments: {
      init: () => ({}) as Record<string, SegmentState>,
      add(s, f) {
        s[f.segment] ??= emptySegment();
        addToSegment(s[f.segment] as SegmentState, f);
      },
      merge(s, o) {
        for (const [key, state] of Object.entries(o)) {
          s[key] ??= emptySegment();
          mergeSegment(s[key] as SegmentState, state);
        }
      },
    } satisfies ReportPart<Record<string, SegmentState>>,
    mix: {
      init: () => ({
        types: countBy([...interactionTypes, "unknown"] as const),
        scenarios: countBy(scenarios),
        signals: {} as Partial<Record<SignalName, { conversations: number; rising: number }>>,
      }),
      add(s, f) {
        s.types[f.type]++;
        s.scenarios[f.scenario]++;
        for (const { signal, rising } of f.signals) {
          const n = s.signals[signal] ?? { conversations: 0, rising: 0 };
          s.signals[signal] = n;
          n.conversations++;
          if (rising) n.rising++;
        }
      },
      merge(s, o) {
        for (const k of Object.keys(o.types) as (keyof typeof o.types)[]) s.types[k] += o.types[k];
        for (const k of Object.keys(o.scenarios) as Scenario[]) s.scenarios[k] += o.scenarios[k];
        for (const [k, n] of Object.entries(o.signals) as [
          SignalName,
          { conversations: number; rising: number },
        ][]) {
          const m = s.signals[k] ?? { conversations: 0, rising: 0 };
          s.signals[k] = m;
          m.conversations += n.conversations;
          m.rising += n.rising;
        }
      },
    } satisfies ReportPart<{
      types: Record<InteractionType | "unknown", number>;
      scenarios: Record<Scenario, number>;
      signals: Partial<Record<SignalName, { conversations: number; rising: number }>>;
    }>,
    lifecycle: {
      init: () => ({
        status: { active: 0, resolved: 0, closed: 0, abandoned: 0 },
        stage: countBy(conversationStages),
        handoffs: 0,
        reopens: 0,
        rejectedProposals: 0,
        stageMs: Object.fromEntries(conversationStages.map((s) => [s, durations.initialState()])) as Record<
          ConversationStage,
          Durations
        >,
      }),
      add(s, f) {
        s.status[f.status]++;
        if (f.stage !== null) s.stage[f.stage]++;
        s.handoffs += f.handoffs;
        s.reopens += f.reopens;
        s.rejectedProposals += f.rejectedProposals;
        for (const [stage, ms] of Object.entries(f.stageMs) as [ConversationStage, number][])
          durations.aggregate(s.stageMs[stage], ms);
      },
      merge(s, o) {
        for (const k of Object.keys(o.status) as (keyof typeof o.status)[]) s.status[k] += o.status[k];
        for (const k of conversationStages) {
          s.stage[k] += o.stage[k];
          durations.merge(s.stageMs[k], o.stageMs[k]);
        }
        s.handoffs += o.handoffs;
        s.reopens += o.reopens;
        s.rejectedProposals += o.rejectedProposals;
      },
    } satisfies ReportPart<{
      status: Record<"active" | "resolved" | "closed" | "abandoned", number>;
      stage: Record<ConversationStage, number>;
      handoffs: number;
      reopens: number;
      rejectedProposals: number;
      stageMs: Record<ConversationStage, Durations>;
    }>,
    attention: {
      init: () => ({ count: 0, top: [] as Ranked[] }),
      add(s, f) {
        if (f.attention === null) return;
        s.count++;
        s.top.push(f.attention);
        // Sorting only when the buffer doubles keeps adding cheap and the list bounded.
        if (s.top.length >= 2 * Math.max(limit, 16)) keepTop(s.top, limit);
      },
      merge(s, o) {
        s.count += o.count;
        s.top.push(...o.top);
        keepTop(s.top, limit);
      },
    } satisfies ReportPart<{ count: number; top: Ranked[] }>,
    insights: {
      init: () => new InsightsAggregate(insightsOptions),
      add(s, f) {
        if (policy === null) throw new Error("reportParts: adding a conversation needs the SLA policy");
        s.add(f.conversation, f.record, f.chartSegment, {
          firstResponseMs: f.firstResponse?.calendar ?? null,
          resolvedAt: f.resolvedAt,
          resolutionMs: f.resolution?.calendar ?? null,
          slaHit: f.slaHit,
          slaMissed: f.slaMissed,
        });
      },
      merge(s, o) {
        s.merge(o);
      },
      toJSON: (s) => s.toJSON(),
    } satisfies ReportPart<InsightsAggregate, InsightsState>,
  };
}

/** The parts of a report. */
export type ReportParts = ReturnType<typeof reportParts>;

/** The live state of a report: one state per part. */
export type ReportState = { [K in keyof ReportParts]: ReturnType<ReportParts[K]["init"]> };

/** The JSON state of a report, what a worker sends back: each part's state as JSON. */
export type ReportStateJson = {
  [K in keyof ReportParts]: ReportParts[K] extends ReportPart<infer _S, infer J> ? J : never;
};

/** The JSON state of a live report state (structured clone keeps it whole). */
export function reportStateJson(parts: ReportParts, state: ReportState): ReportStateJson {
  const out: Record<string, unknown> = {};
  for (const [name, part] of Object.entries(parts) as [keyof ReportParts, ReportPart<unknown>][])
    out[name] = part.toJSON ? part.toJSON(state[name]) : state[name];
  return out as ReportStateJson;
}

/** A new empty report state. */
export function emptyReportState(parts: ReportParts): ReportState {
  const out: Record<string, unknown> = {};
  for (const [name, part] of Object.entries(parts)) out[name] = part.init();
  return out as ReportState;
}

/** Folds one conversation's facts into every part. */
export function addFacts(parts: ReportParts, state: ReportState, facts: ConversationFacts): void {
  for (const [name, part] of Object.entries(parts) as [keyof ReportParts, ReportPart<unknown>][])
    part.add(state[name], facts);
}

/** Folds another report state, live or JSON, into `state`. */
export function mergeReportStates(
  parts: ReportParts,
  state: ReportState,
  other: ReportState | ReportStateJson,
): void {
  for (const [name, part] of Object.entries(parts) as [keyof ReportParts, ReportPart<unknown>][])
    part.merge(state[name], other[name]);
}

/** The report a state stands for. */
export function finalizeReport(ctx: AnalysisContext, state: ReportState): Report {
  const business = ctx.options.schedule !== undefined;
  const limit = ctx.options.attention ?? 10;
  const { period, lifecycle, mix } = state;
  const segments = Object.entries(state.segments)
    .sort((a, b) => b[1].conversations - a[1].conversations || (a[0] < b[0] ? -1 : 1))
    .map(([key, s]) => segmentFigures(key, s, business));
  const top = [...state.attention.top];
  keepTop(top, limit);
  return {
    asOf: ctx.asOf,
    period: period.from === null || period.to === null ? null : { from: period.from, to: period.to },
    by: ctx.by,
    fcrDefinition: ctx.fcr,
    percentileAccuracy: PERCENTILE_ACCURACY,
    total: segmentFigures("all", state.total, business),
    segments,
    types: { ...mix.types },
    scenarios: { ...mix.scenarios },
    signals: (Object.entries(mix.signals) as [SignalName, { conversations: number; rising: number }][])
      .sort((a, b) => b[1].conversations - a[1].conversations || (a[0] < b[0] ? -1 : 1))
      .map(([signal, n]) => ({ signal, conversations: n.conversations, rising: n.rising })),
    lifecycle: {
      status: { ...lifecycle.status },
      stage: { ...lifecycle.stage },
      handoffs: lifecycle.handoffs,
      reopens: lifecycle.reopens,
      rejectedProposals: lifecycle.rejectedProposals,
      medianStageMinutes: Object.fromEntries(
        conversationStages.map((s) => {
          const d = durations.finalize(lifecycle.stageMs[s]);
          return [s, d === null ? null : d.median / MINUTE];
        }),
      ) as Record<ConversationStage, number | null>,
    },
    needingAttention: state.attention.count,
    attention: top.map(({ rank: _rank, ...item }) => item),
    insights: state.insights.finalize(),
  };
}

function countBy<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * Analyses validated conversations: metrics overall and per segment, the mix of interaction types,
 * scenarios and signals, the lifecycle as the conversation machine replays it, and the open
 * conversations that need attention with their playbook's next step. The same fold the command
 * runs over a stream, on one array.
 */
export function analyze(conversations: readonly Conversation[], options: AnalyzeOptions = {}): Report {
  const ctx = analysisContext(options, options.asOf ?? latestInstant(conversations));
  const parts = reportParts(options, ctx.policy);
  const state = emptyReportState(parts);
  for (const c of conversations) addFacts(parts, state, conversationFacts(c, ctx));
  return finalizeReport(ctx, state);
}
