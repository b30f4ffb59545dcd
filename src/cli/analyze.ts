/*
 * The report behind `touchpoint analyze`: every conversation of an export classified, replayed
 * through the conversation machine, measured, and the open ones given their playbook's next step.
 *
 * Pure: no file system, no clock (the report's "as of" instant is the latest event in the data
 * unless the caller gives one), so the same export gives the same report on any machine. The cli
 * (main.ts) reads files and prints; this module only computes. It works on conversations already
 * validated by touchpoint/schemas: the boundary is the cli's job.
 */
import { classifyInteraction, classifyScenario, detectSignals, type SignalName } from "../classify/index.js";
import {
  type ConversationMachine,
  type ConversationSlaTargets,
  businessHoursSchedule,
  conversationMachine,
  createConversationMachine,
  defaultSlaTargets,
  replayConversation,
} from "../conversation/index.js";
import {
  type BusinessSchedule,
  ces,
  csatBreakdown,
  type FcrDefinition,
  firstContactResolution,
  firstResponseTimes,
  nextResponseTimes,
  nps,
  resolutionTimes,
  type SlaPolicy,
  type SlaTargets,
  type Summary,
  slaCompliance,
} from "../metrics/index.js";
import { quantiles } from "../internal/quantile.js";
import { recommend } from "../playbooks/index.js";
import type { Conversation } from "../schemas/conversation.js";
import type { ConversationStage, InteractionType, Priority, Scenario } from "../schemas/vocabulary.js";
import { conversationStages, interactionTypes, priorities, scenarios } from "../schemas/vocabulary.js";
import { InsightsAggregate, type ReportInsights } from "./insights.js";

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
  /** All conversations together. */
  total: SegmentFigures;
  /** One row per segment, largest first. */
  segments: SegmentFigures[];
  /** Interaction types of the customers' opening messages (why they came). */
  types: Record<InteractionType | "unknown", number>;
  /** Scenarios of the conversations: the opening message and what the replay knows (reopens, waiting). */
  scenarios: Record<Scenario, number>;
  /** Conversations whose opening message shows each signal, most frequent first. */
  signals: { signal: SignalName; conversations: number }[];
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
  /** Open conversations that need attention, most pressing first. */
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

function latestInstant(conversations: readonly Conversation[]): number | null {
  if (conversations.length === 0) return null;
  let latest = Number.NEGATIVE_INFINITY;
  for (const c of conversations) {
    latest = Math.max(latest, c.createdAt, c.resolvedAt ?? latest);
    const lastMessage = c.messages[c.messages.length - 1];
    const lastChange = c.statusChanges[c.statusChanges.length - 1];
    if (lastMessage) latest = Math.max(latest, lastMessage.at);
    if (lastChange) latest = Math.max(latest, lastChange.at);
    for (const s of c.surveys) if (s.at !== undefined) latest = Math.max(latest, s.at);
  }
  return latest;
}

function scoresOf(conversations: readonly Conversation[], kind: "nps" | "ces"): number[] {
  const scores: number[] = [];
  for (const c of conversations) for (const s of c.surveys) if (s.kind === kind) scores.push(s.score);
  return scores;
}

/** CSAT pooled over the surveys' own scales: each scale's satisfied count by its default threshold. */
function pooledCsat(conversations: readonly Conversation[]): { csat: number | null; answers: number } {
  const byScale = new Map<string, { scale: { min: number; max: number }; scores: number[] }>();
  for (const c of conversations) {
    for (const s of c.surveys) {
      if (s.kind !== "csat") continue;
      const key = `${s.scale.min}-${s.scale.max}`;
      const group = byScale.get(key) ?? { scale: s.scale, scores: [] };
      group.scores.push(s.score);
      byScale.set(key, group);
    }
  }
  let satisfied = 0;
  let total = 0;
  for (const { scale, scores } of byScale.values()) {
    const b = csatBreakdown(scores, { scale });
    if (b === null) continue;
    satisfied += b.satisfied;
    total += b.total;
  }
  return { csat: total === 0 ? null : (100 * satisfied) / total, answers: total };
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

function figuresOf(
  segment: string,
  conversations: Conversation[],
  options: AnalyzeOptions,
  policy: SlaPolicy,
): SegmentFigures {
  const schedule = options.schedule;
  const first = firstResponseTimes(conversations, { schedule });
  const next = nextResponseTimes(conversations, { schedule });
  const resolution = resolutionTimes(conversations, { schedule });
  const fcr = firstContactResolution(conversations, { definition: options.fcr ?? DEFAULT_FCR });
  const sla = slaCompliance(conversations, policy);
  const c = pooledCsat(conversations);
  const n = scoresOf(conversations, "nps");
  const e = scoresOf(conversations, "ces");
  return {
    segment,
    conversations: conversations.length,
    resolved: resolution.resolved,
    firstResponse: first.calendar,
    firstResponseBusiness: first.business,
    unanswered: first.unanswered,
    nextResponse: next.calendar,
    resolution: resolution.first.calendar,
    resolutionBusiness: resolution.first.business,
    fcr: fcr.rate,
    sla: sla.overall.compliance,
    csat: c.csat,
    csatAnswers: c.answers,
    nps: nps(n),
    npsAnswers: n.length,
    ces: ces(e)?.mean ?? null,
    cesAnswers: e.length,
  };
}

function median(values: number[]): number | null {
  return values.length === 0 ? null : (quantiles(values, [0.5])[0] as number);
}

function countBy<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * Analyses validated conversations: metrics overall and per segment, the mix of interaction types,
 * scenarios and signals, the lifecycle as the conversation machine replays it, and the open
 * conversations that need attention with their playbook's next step.
 */
export function analyze(conversations: readonly Conversation[], options: AnalyzeOptions = {}): Report {
  const by = options.by ?? "channel";
  const asOf = options.asOf ?? latestInstant(conversations);
  const list = [...conversations];
  const targets = targetsOf(options);
  const policy = policyOf(targets, options, asOf);
  const machine: ConversationMachine = options.schedule
    ? createConversationMachine({ schedule: businessHoursSchedule(options.schedule) })
    : conversationMachine;

  const groups = new Map<string, Conversation[]>();
  for (const c of list) {
    const key = segmentOf(c, by);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const segments = [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([key, group]) => figuresOf(key, group, options, policy));

  const types = countBy([...interactionTypes, "unknown"] as const);
  const scenarioCounts = countBy(scenarios);
  const signalCounts = new Map<SignalName, number>();
  const status = { active: 0, resolved: 0, closed: 0, abandoned: 0 };
  const stage = countBy(conversationStages);
  const stageMinutes = Object.fromEntries(conversationStages.map((s) => [s, [] as number[]])) as Record<
    ConversationStage,
    number[]
  >;
  let handoffs = 0;
  let reopens = 0;
  let rejectedProposals = 0;
  const attention: (AttentionItem & { rank: number })[] = [];
  const insights = new InsightsAggregate({ schedule: options.schedule, policy });

  for (const c of list) {
    // The opening message says why the customer came: it decides the type, scenario and signals
    // of the summary. Everything they wrote decides how the open ones are handled now.
    const customerText = c.messages
      .filter((m) => m.author === "customer")
      .map((m) => m.text)
      .join("\n");
    const opening = c.messages.find((m) => m.author === "customer")?.text ?? "";
    const interaction = classifyInteraction(opening);
    types[interaction.label]++;
    const openingSignals = detectSignals(opening);
    for (const s of openingSignals.signals) signalCounts.set(s.signal, (signalCounts.get(s.signal) ?? 0) + 1);

    const replay = replayConversation(c, {
      machine,
      input: { targets: targets[c.priority] },
      ...(asOf === null ? {} : { until: asOf }),
    });
    const record = replay.record;
    insights.add(c, record, by === "week" || by === "none" ? null : segmentOf(c, by));
    status[record.status]++;
    handoffs += record.handoffs.length;
    reopens += record.reopens;
    rejectedProposals += record.proposals.rejected;
    for (const visit of conversationStages) {
      if (record.stages.some((v) => v.stage === visit))
        stageMinutes[visit].push(record.stageMs[visit] / MINUTE);
    }

    const context = replay.snapshot.context;
    const waitingMinutes =
      context.awaitingAgentSince === null
        ? 0
        : Math.max(0, ((asOf ?? context.now) - context.awaitingAgentSince) / MINUTE);
    const scenario = classifyScenario({
      text: opening,
      conversation: { reopened: record.reopens > 0, waitingMinutes },
    });
    scenarioCounts[scenario.scenario]++;

    if (record.status !== "active") continue;
    stage[context.stage]++;
    const signals = detectSignals(customerText);
    const slaBreached = record.sla.breached;
    const advice = recommend({
      stage: context.stage,
      channel: c.channel,
      classification: [scenario, interaction, signals],
      conversation: context,
      waitingMinutes,
      slaBreached,
    });
    const rank =
      (slaBreached ? 1000 : 0) +
      (advice.escalate ? 500 : 0) +
      (signals.strengths.frustration ?? 0) * 100 +
      Math.min(waitingMinutes, 10_000) / 100;
    attention.push({
      rank,
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
    });
  }

  attention.sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : 1));
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const c of list) {
    from = Math.min(from, c.createdAt);
    to = Math.max(to, c.createdAt);
  }

  return {
    asOf,
    period: list.length === 0 ? null : { from, to },
    by,
    fcrDefinition: options.fcr ?? DEFAULT_FCR,
    total: figuresOf("all", list, options, policy),
    segments,
    types,
    scenarios: scenarioCounts,
    signals: [...signalCounts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([signal, n]) => ({ signal, conversations: n })),
    lifecycle: {
      status,
      stage,
      handoffs,
      reopens,
      rejectedProposals,
      medianStageMinutes: Object.fromEntries(
        conversationStages.map((s) => [s, median(stageMinutes[s])]),
      ) as Record<ConversationStage, number | null>,
    },
    attention: attention.slice(0, options.attention ?? 10).map(({ rank: _rank, ...item }) => item),
    insights: insights.finalize(),
  };
}
