/*
 * The code of the warehouse pack's library file: what a BigQuery or Snowflake JavaScript function
 * calls. Bundled by scripts/build-warehouse.ts into one self-contained script (an IIFE that sets the
 * global `touchpoint`), so it runs where there is no module loader, no `require`, no `process` and
 * no timers. It adds no logic of its own beyond turning SQL values into library inputs and library
 * results into JSON: every figure comes from touchpoint/classify, /conversation, /journey and
 * /metrics, so a figure computed in the warehouse is the figure a program importing touchpoint gets.
 *
 * Values arrive as the warehouses convert them: FLOAT64/FLOAT as numbers, TIMESTAMP as a Date (or
 * Snowflake's Date-like SfDate), JSON columns as text (BigQuery STRING) or as parsed objects
 * (Snowflake VARIANT). Every entry point accepts both forms. Bad input throws a TouchpointError naming
 * the function, the argument and the value: in SQL that fails the query with that message, which is
 * what a warehouse user expects of a bad cast (use SAFE.-prefixed calls in BigQuery to get NULL).
 */
import {
  adaptBatch,
  fromChatwoot,
  fromFreshdesk,
  fromIntercom,
  fromZendesk,
  type ZendeskInput,
} from "../adapters/index.js";
import { classifyAct, classifyCategory, classifyConversation, detectSignals } from "../classify/index.js";
import { readMessage } from "../classify/read-message.js";
import {
  type ConversationMachine,
  type ConversationSlaTargets,
  businessHoursSchedule,
  conversationMachine,
  createConversationMachine,
  defaultSlaTargets,
  replayConversation,
} from "../conversation/index.js";
import { quote, TouchpointError } from "../internal/errors.js";
import { type Summary, summarizeInPlace } from "../internal/summary.js";
import { journeyFunnelAggregate } from "../journey/index.js";
import {
  type Aggregate,
  type BusinessSchedule,
  businessDuration as businessDurationOf,
  businessSchedule,
  cesAggregate,
  csatBreakdownAggregate,
  durationsAggregate,
  type FcrDefinition,
  firstContactResolution,
  firstResponseTimes,
  nextResponseTimes,
  npsAggregate,
  resolutionTimes,
  type SlaPolicy,
  type SlaTargets,
  slaCompliance,
} from "../metrics/index.js";
import { type Conversation, conversationSchema } from "../schemas/index.js";
import type { ConversationStage, Priority } from "../schemas/vocabulary.js";
import { conversationStages, priorities } from "../schemas/vocabulary.js";

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;
// 1970-01-05 was a Monday: weeks run Monday to Sunday, UTC, as in `touchpoint analyze --by week`.
const MONDAY = 4 * 24 * 60 * MINUTE;

function fail(fn: string, arg: string, value: unknown, expected: string): never {
  throw new TouchpointError("invalid_argument", `${fn}: ${arg}: expected ${expected}, got ${quote(value)}`, {
    path: arg,
    value,
  });
}

/** A JSON argument: text (BigQuery STRING) or an already parsed value (Snowflake VARIANT). */
function jsonArg(fn: string, arg: string, value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return fail(fn, arg, value, "JSON text");
  }
}

/** An instant argument: a Date (or Date-like), epoch milliseconds or ISO text; null stays null. */
function instantArg(fn: string, arg: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const t = Date.parse(value);
    if (Number.isFinite(t)) return t;
  }
  if (typeof value === "object" && typeof (value as Date).getTime === "function") {
    const t = (value as Date).getTime();
    if (Number.isFinite(t)) return t;
  }
  return fail(fn, arg, value, "a timestamp");
}

/** What {@link classify} returns for one message. */
export interface MessageClassification {
  /** question, complaint, suggestion, praise or unknown. */
  type: string;
  /** The type's score in [0, 1]. */
  confidence: number;
  /** One of the eight scenarios. */
  scenario: string;
  /** stabilizing, critical or planned. */
  category: string;
  /** Sentiment in [−1, 1]. */
  sentiment: number;
  /** The signals present, strongest first, with their strength. */
  signals: { signal: string; strength: number }[];
}

/** Classifies one message: type, scenario, category, sentiment and signals; null for a NULL text. */
export function classify(text: unknown): MessageClassification | null {
  if (text === null || text === undefined) return null;
  if (typeof text !== "string") fail("classify", "text", text, "a string");
  // classifyInteraction, detectSignals and classifyScenario of the text, from one analysis pass.
  const reading = readMessage({ text });
  const interaction = reading.interaction;
  const signals = reading.signals;
  const type = interaction.label;
  return {
    type,
    confidence: interaction.confidence,
    scenario: reading.scenario.scenario,
    category: classifyCategory(
      type === "unknown" ? { signals: signals.strengths } : { type, signals: signals.strengths },
    ).category,
    sentiment: signals.sentiment,
    signals: signals.signals.map((s) => ({ signal: s.signal, strength: s.strength })),
  };
}

const SPEAKERS = ["customer", "agent", "bot"] as const;

/** The dialogue act of one utterance (greet, ask, propose, ...); null for a NULL text. */
export function act(text: unknown, speaker?: unknown): string | null {
  if (text === null || text === undefined) return null;
  if (typeof text !== "string") fail("act", "text", text, "a string");
  const who = speaker === null || speaker === undefined ? "customer" : speaker;
  if (!(SPEAKERS as readonly unknown[]).includes(who)) fail("act", "speaker", speaker, SPEAKERS.join(", "));
  return classifyAct(text, { speaker: who as (typeof SPEAKERS)[number] }).act;
}

const schedules = new Map<string, BusinessSchedule>();

/** The schedule a JSON definition stands for, compiled once per distinct text. */
function scheduleArg(fn: string, value: unknown): BusinessSchedule {
  const key = typeof value === "string" ? value : JSON.stringify(value);
  const cached = schedules.get(key);
  if (cached !== undefined) return cached;
  const definition = jsonArg(fn, "schedule", value);
  if (typeof definition !== "object" || definition === null)
    fail(fn, "schedule", value, 'a schedule such as {"timeZone":"Europe/Berlin","hours":{...}}');
  const schedule = businessSchedule(definition as Parameters<typeof businessSchedule>[0]);
  if (schedules.size > 64) schedules.clear();
  schedules.set(key, schedule);
  return schedule;
}

/** Business milliseconds between two instants under a schedule given as JSON; null when either is NULL. */
export function businessDuration(start: unknown, end: unknown, schedule: unknown): number | null {
  const s = instantArg("businessDuration", "start", start);
  const e = instantArg("businessDuration", "end", end);
  if (s === null || e === null) return null;
  return businessDurationOf(s, e, scheduleArg("businessDuration", schedule));
}

/** Options of {@link conversationRecord}, given as JSON. */
export interface RecordOptions {
  /** Business hours (touchpoint/metrics' `businessSchedule` definition). */
  schedule?: unknown;
  /** SLA targets per priority, in milliseconds, over touchpoint/conversation's defaults. */
  targets?: Partial<Record<Priority, Partial<ConversationSlaTargets>>>;
  /** The first contact resolution definition (default closed-on-first-contact, as the command). */
  fcr?: FcrDefinition;
}

const ADAPTERS = {
  zendesk: (payload: unknown) => fromZendesk(payload as ZendeskInput),
  intercom: (payload: unknown) => fromIntercom(payload as Parameters<typeof fromIntercom>[0]),
  freshdesk: (payload: unknown) => fromFreshdesk(payload as Parameters<typeof fromFreshdesk>[0]),
  chatwoot: (payload: unknown) => fromChatwoot(payload as Parameters<typeof fromChatwoot>[0]),
} as const;

const FCR_DEFINITIONS: readonly FcrDefinition[] = ["one-touch", "single-reply", "closed-on-first-contact"];

/** SQL NULL means absent: a JSON object built from a row carries `null` for every empty column. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== "object" || value === null || typeof (value as Date).getTime === "function")
    return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
  return out;
}

/** The conversation, or why it is rejected (the path in the payload and the problem). */
function conversationOf(
  fn: string,
  input: unknown,
  adapter: unknown,
): { conversation: Conversation } | { error: string; path: string } {
  const payload = jsonArg(fn, "conversation", input);
  if (adapter === null || adapter === undefined || adapter === "touchpoint") {
    const parsed = conversationSchema.safeParse(withoutNulls(payload));
    if (parsed.success) return { conversation: parsed.data };
    const issue = parsed.error.issues[0];
    const path = issue?.path.join(".") ?? "";
    return { error: `${path === "" ? "" : `${path}: `}${issue?.message ?? "not a conversation"}`, path };
  }
  if (typeof adapter !== "string" || !(adapter in ADAPTERS))
    fail(fn, "adapter", adapter, `touchpoint, ${Object.keys(ADAPTERS).join(", ")} or NULL`);
  const batch = adaptBatch(ADAPTERS[adapter as keyof typeof ADAPTERS], [payload]);
  const conversation = batch.data[0];
  if (conversation !== undefined) return { conversation };
  const issue = batch.errors[0]?.issues[0];
  return {
    error: `${adapter} payload: ${issue ? `${issue.path}: ${issue.message}` : "rejected"}`,
    path: issue?.path ?? "",
  };
}

interface CompiledOptions {
  schedule: BusinessSchedule | undefined;
  machine: ConversationMachine;
  targets: Record<Priority, ConversationSlaTargets>;
  fcr: FcrDefinition;
}

const compiledOptions = new Map<string, CompiledOptions>();

function optionsOf(fn: string, value: unknown): CompiledOptions {
  const key =
    value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  const cached = compiledOptions.get(key);
  if (cached !== undefined) return cached;
  const given = (key === "" ? {} : jsonArg(fn, "options", value)) as RecordOptions;
  if (typeof given !== "object" || given === null || Array.isArray(given))
    fail(fn, "options", value, 'an object such as {"fcr":"one-touch","schedule":{...}}');
  if (given.fcr !== undefined && !FCR_DEFINITIONS.includes(given.fcr))
    fail(fn, "options.fcr", given.fcr, FCR_DEFINITIONS.join(", "));
  const schedule = given.schedule === undefined ? undefined : scheduleArg(fn, given.schedule);
  const targets = {} as Record<Priority, ConversationSlaTargets>;
  for (const p of priorities) targets[p] = { ...defaultSlaTargets[p], ...given.targets?.[p] };
  const compiled: CompiledOptions = {
    schedule,
    machine: schedule
      ? createConversationMachine({ schedule: businessHoursSchedule(schedule) })
      : conversationMachine,
    targets,
    fcr: given.fcr ?? "closed-on-first-contact",
  };
  if (compiledOptions.size > 16) compiledOptions.clear();
  compiledOptions.set(key, compiled);
  return compiled;
}

/** The SLA policy of touchpoint/metrics for the machine's targets, as `touchpoint analyze` builds it. */
function policyOf(options: CompiledOptions, asOf: number | null): SlaPolicy {
  const targets: Partial<Record<Priority, SlaTargets>> = {};
  for (const p of priorities) {
    const t = options.targets[p];
    const entry: { -readonly [K in keyof SlaTargets]: SlaTargets[K] } = {};
    if (t.firstResponseMs != null) entry.firstResponse = { within: t.firstResponseMs };
    if (t.nextResponseMs != null) entry.nextResponse = { within: t.nextResponseMs };
    if (t.resolutionMs != null) entry.resolution = { within: t.resolutionMs };
    targets[p] = entry;
  }
  return asOf === null
    ? { targets, schedule: options.schedule }
    : { targets, schedule: options.schedule, asOf };
}

/** What {@link conversationRecord} returns: one row's worth of facts about a conversation. */
export interface WarehouseRecord {
  id: string;
  channel: string;
  priority: Priority;
  createdAt: string;
  /** The Monday (UTC) of the week it was created, `YYYY-MM-DD`. */
  week: string;
  assigneeId: string | null;
  /** The machine's status at the end of the replay: active, resolved, closed or abandoned. */
  status: string;
  /** The stage the replay ended in (the stage of an active conversation). */
  stage: ConversationStage;
  /** The opening customer message's type, scenario (with what the replay knows) and signals. */
  opening: { type: string; scenario: string; signals: string[] };
  /**
   * What the whole conversation is about, from all of the customer's messages (touchpoint/classify's
   * `classifyConversation`, as `touchpoint analyze` counts it): its type, scenario and signals, each
   * signal with whether it rose over the conversation.
   */
  conversation: { type: string; scenario: string; signals: { signal: string; rising: boolean }[] };
  /** Every signal of everything the customer wrote. */
  signals: string[];
  /** Minutes the customer has waited for the team at the end (0 when it is their turn). */
  waitingMinutes: number;
  handoffs: number;
  reopens: number;
  rejectedProposals: number;
  /**
   * Time in each stage the conversation entered, in the stages' order (an array, so SQL can unnest
   * it), in minutes and in milliseconds: `touchpoint analyze` sketches the milliseconds, so pool `ms`
   * with the durations aggregate and divide its median by 60,000 to get the command's stage medians.
   */
  stageMinutes: { stage: ConversationStage; minutes: number; ms: number }[];
  /** First response, calendar and business milliseconds (business null without a schedule); null when unanswered. */
  firstResponseMs: number | null;
  firstResponseBusinessMs: number | null;
  /** Calendar milliseconds of every answered wait after the first response. */
  nextResponseMs: number[];
  /** First resolution, calendar and business milliseconds; null when never resolved. */
  resolutionMs: number | null;
  resolutionBusinessMs: number | null;
  /** Whether the latest status is resolved or closed. */
  resolved: boolean;
  /** First contact resolution under the options' definition: fcr, not-fcr or unresolved. */
  fcr: string;
  /** SLA targets hit and missed on this conversation (every target and wait). */
  slaHit: number;
  slaMissed: number;
  /** Survey answers with their scales. */
  surveys: { kind: string; score: number; scaleMin: number | null; scaleMax: number | null }[];
}

/** What {@link conversationRecord} returns for a conversation the schema (or the adapter) rejects. */
export interface RejectedRecord {
  /** The conversation's id when the payload has one as text. */
  id: string | null;
  /** The problem, starting with the path in the payload. */
  error: string;
  /** The path of the offending field. */
  path: string;
}

/**
 * Replays one conversation through the conversation machine and measures it, with the same
 * definitions, targets and instants as `touchpoint analyze`, so that pooling these rows in SQL gives
 * the command's figures. A conversation that fails validation gives a {@link RejectedRecord} (the
 * row is kept and says why), as the command lists rejected records and analyses the rest; a bad
 * adapter, instant or options argument is the query's mistake and throws.
 */
export function conversationRecord(
  conversation: unknown,
  adapter?: unknown,
  asOf?: unknown,
  options?: unknown,
): WarehouseRecord | RejectedRecord | null {
  const fn = "conversationRecord";
  if (conversation === null || conversation === undefined) return null;
  const until = instantArg(fn, "asOf", asOf);
  const o = optionsOf(fn, options);
  const given = conversationOf(fn, conversation, adapter);
  if ("error" in given) {
    const payload = jsonArg(fn, "conversation", conversation) as { id?: unknown } | null;
    const id = typeof payload?.id === "string" || typeof payload?.id === "number" ? String(payload.id) : null;
    return { id, error: given.error, path: given.path };
  }
  const c = given.conversation;
  const schedule = o.schedule;

  const replay = replayConversation(c, {
    machine: o.machine,
    input: { targets: o.targets[c.priority] },
    ...(until === null ? {} : { until }),
  });
  const record = replay.record;
  const context = replay.snapshot.context;
  const customerText = c.messages
    .filter((m) => m.author === "customer")
    .map((m) => m.text)
    .join("\n");
  const opening = c.messages.find((m) => m.author === "customer")?.text ?? "";
  const waitingMinutes =
    context.awaitingAgentSince === null
      ? 0
      : Math.max(0, ((until ?? context.now) - context.awaitingAgentSince) / MINUTE);
  const stageMinutes: { stage: ConversationStage; minutes: number; ms: number }[] = [];
  for (const stage of conversationStages)
    if (record.stages.some((v) => v.stage === stage)) {
      const ms = record.stageMs[stage];
      stageMinutes.push({ stage, minutes: ms / MINUTE, ms });
    }

  const facts = { reopened: record.reopens > 0, waitingMinutes };
  const reading = classifyConversation(c, { conversation: facts });
  const openingReading = readMessage({ text: opening, conversation: facts });
  const list = [c];
  const first = firstResponseTimes(list, { schedule }).conversations[0];
  const waits = nextResponseTimes(list, { schedule }).conversations[0]?.waits ?? [];
  const resolution = resolutionTimes(list, { schedule });
  const fcr = firstContactResolution(list, { definition: o.fcr }).outcomes[0] ?? "unresolved";
  const sla = slaCompliance(list, policyOf(o, until)).overall;
  const monday = Math.floor((c.createdAt - MONDAY) / WEEK) * WEEK + MONDAY;

  return {
    id: c.id,
    channel: c.channel,
    priority: c.priority,
    createdAt: new Date(c.createdAt).toISOString(),
    week: new Date(monday).toISOString().slice(0, 10),
    assigneeId: c.assigneeId ?? null,
    status: record.status,
    stage: context.stage,
    opening: {
      type: openingReading.interaction.label,
      scenario: openingReading.scenario.scenario,
      signals: openingReading.signals.signals.map((s) => s.signal),
    },
    conversation: {
      type: reading.type,
      scenario: reading.scenario,
      signals: reading.signals.map((x) => ({ signal: x.signal, rising: x.trend === "rising" })),
    },
    signals: detectSignals(customerText).signals.map((s) => s.signal),
    waitingMinutes,
    handoffs: record.handoffs.length,
    reopens: record.reopens,
    rejectedProposals: record.proposals.rejected,
    stageMinutes,
    firstResponseMs: first?.calendar ?? null,
    firstResponseBusinessMs: first?.business ?? null,
    nextResponseMs: waits.filter((w) => w.calendar !== null).map((w) => w.calendar as number),
    resolutionMs: resolution.first.conversations[0]?.calendar ?? null,
    resolutionBusinessMs: resolution.first.conversations[0]?.business ?? null,
    resolved: resolution.resolved === 1,
    fcr,
    slaHit: sla.hit,
    slaMissed: sla.missed,
    surveys: c.surveys.map((s) => ({
      kind: s.kind,
      score: s.score,
      scaleMin: "scale" in s ? s.scale.min : null,
      scaleMax: "scale" in s ? s.scale.max : null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Aggregates. Each is touchpoint/metrics' (or /journey's) Aggregate, or a thin composition of one,
// so the warehouses run the library's own initialState/aggregate/merge/finalize.

/** Exact count, mean, type-7 median/p90/p95, min and max: the `Summary` of touchpoint/metrics. */
export interface ExactSummaryState {
  /** Every value seen (the exact quantiles need them all; use `durations` for bounded memory). */
  values: number[];
}

function exactSummaryAggregate(): Aggregate<number, Summary | null, ExactSummaryState> {
  const check = (v: unknown, i?: number): number => {
    if (typeof v !== "number" || !Number.isFinite(v))
      fail("summary", i === undefined ? "value" : `state.values[${i}]`, v, "a finite number");
    return v as number;
  };
  return {
    initialState: () => ({ values: [] }),
    aggregate: (state, value) => {
      if (value !== null && value !== undefined) state.values.push(check(value));
      return state;
    },
    merge: (state, partial) => {
      const values = partial?.values;
      if (!Array.isArray(values)) fail("summary", "partialState", partial, "a summary state");
      for (let i = 0; i < values.length; i++) state.values.push(check(values[i], i));
      return state;
    },
    finalize: (state) => {
      // Sorted first, so the mean's sum does not depend on how the rows were split and merged.
      return summarizeInPlace(Float64Array.from(state.values).sort());
    },
  };
}

/** CSAT pooled over each answer's own scale, as `touchpoint analyze` reports it. */
export interface PooledCsatState {
  /** One csatBreakdown state per scale, keyed `min-max`. */
  scales: Record<string, unknown>;
}

interface CsatInput {
  score: number;
  scaleMin?: number | null;
  scaleMax?: number | null;
}

function pooledCsatAggregate(): Aggregate<CsatInput, number | null, PooledCsatState> {
  const byScale = new Map<string, ReturnType<typeof csatBreakdownAggregate>>();
  const aggregateOf = (key: string) => {
    let a = byScale.get(key);
    if (a === undefined) {
      const [min, max] = key.split("-").map(Number) as [number, number];
      a = csatBreakdownAggregate({ scale: { min, max } });
      byScale.set(key, a);
    }
    return a;
  };
  return {
    initialState: () => ({ scales: {} }),
    aggregate: (state, value) => {
      if (value === null || value === undefined || value.score === null || value.score === undefined)
        return state;
      const min = value.scaleMin ?? 1;
      const max = value.scaleMax ?? 5;
      if (!Number.isInteger(min) || !Number.isInteger(max) || min >= max)
        fail("csat", "scale", { min, max }, "integer bounds with min < max");
      const key = `${min}-${max}`;
      const a = aggregateOf(key);
      if (state.scales[key] === undefined) state.scales[key] = a.initialState();
      a.aggregate(state.scales[key] as never, value.score);
      return state;
    },
    merge: (state, partial) => {
      const scales = partial?.scales;
      if (typeof scales !== "object" || scales === null)
        fail("csat", "partialState", partial, "a csat state");
      for (const key of Object.keys(scales)) {
        if (!/^-?\d+--?\d+$/.test(key)) fail("csat", "partialState.scales", key, "a key min-max");
        const a = aggregateOf(key);
        if (state.scales[key] === undefined) state.scales[key] = a.initialState();
        a.merge(state.scales[key] as never, scales[key] as never);
      }
      return state;
    },
    finalize: (state) => {
      let satisfied = 0;
      let total = 0;
      for (const key of Object.keys(state.scales)) {
        const b = aggregateOf(key).finalize(state.scales[key] as never);
        if (b === null) continue;
        satisfied += b.satisfied;
        total += b.total;
      }
      return total === 0 ? null : (100 * satisfied) / total;
    },
  };
}

/** A rate in percent: Σ numerator ÷ Σ denominator × 100, the form of touchpoint's compliance and FCR rates. */
export interface RateState {
  numerator: number;
  denominator: number;
}

function rateAggregate(): Aggregate<{ numerator: number; denominator: number }, number | null, RateState> {
  const check = (v: unknown, arg: string): number => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) fail("rate", arg, v, "a finite number ≥ 0");
    return v as number;
  };
  return {
    initialState: () => ({ numerator: 0, denominator: 0 }),
    aggregate: (state, value) => {
      if (value === null || value === undefined) return state;
      const n = check(value.numerator ?? 0, "numerator");
      const d = check(value.denominator ?? 0, "denominator");
      if (n > d) fail("rate", "numerator", n, `at most the denominator ${d}`);
      state.numerator += n;
      state.denominator += d;
      return state;
    },
    merge: (state, partial) => {
      state.numerator += check(partial?.numerator, "partialState.numerator");
      state.denominator += check(partial?.denominator, "partialState.denominator");
      return state;
    },
    finalize: (state) => (state.denominator === 0 ? null : (state.numerator / state.denominator) * 100),
  };
}

/** Mean CES on its 1–7 scale (the `mean` of touchpoint/metrics' `ces`). */
function cesMeanAggregate(): Aggregate<number, number | null, unknown> {
  const a = cesAggregate();
  return {
    initialState: a.initialState,
    aggregate: a.aggregate,
    merge: a.merge,
    finalize: (state) => a.finalize(state as never)?.mean ?? null,
  } as Aggregate<number, number | null, unknown>;
}

/** The journey funnel over customer histories given as JSON; the report as an object. */
function funnelAggregate(): Aggregate<unknown, unknown, unknown> {
  const a = journeyFunnelAggregate({ period: "week" });
  return {
    initialState: a.initialState,
    aggregate: (state, value) =>
      value === null || value === undefined
        ? state
        : a.aggregate(state as never, jsonArg("journeyFunnel", "history", value) as never),
    merge: a.merge as never,
    finalize: a.finalize as never,
  };
}

/** NPS, −100 to 100 (touchpoint/metrics' `npsAggregate`). */
export const npsUdaf = npsAggregate as () => Aggregate<unknown, unknown, unknown>;
/** CSAT pooled over each answer's scale. */
export const csatUdaf = pooledCsatAggregate as () => Aggregate<unknown, unknown, unknown>;
/** Mean CES. */
export const cesUdaf = cesMeanAggregate;
/** A rate in percent. */
export const rateUdaf = rateAggregate as () => Aggregate<unknown, unknown, unknown>;
/** The exact summary. */
export const summaryUdaf = exactSummaryAggregate as () => Aggregate<unknown, unknown, unknown>;
/** The sketch summary of durations (α = 1 %), the percentiles `touchpoint analyze` reports. */
export const durationsUdaf = (() => durationsAggregate()) as () => Aggregate<unknown, unknown, unknown>;
/** The journey funnel. */
export const journeyFunnelUdaf = funnelAggregate;

/**
 * The aggregates by name. Each call returns a fresh aggregate (the UDAF protocol's four functions,
 * `this`-free) over a JSON state.
 */
export const aggregates = {
  nps: npsUdaf,
  csat: csatUdaf,
  ces: cesUdaf,
  rate: rateUdaf,
  summary: summaryUdaf,
  durations: durationsUdaf,
  journeyFunnel: journeyFunnelUdaf,
} as const;

/** The names of {@link aggregates}. */
export type AggregateName = keyof typeof aggregates;
